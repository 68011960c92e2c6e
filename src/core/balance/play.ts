import { nextComputerCommand } from '../ai/computer-player.ts'
import { applyCommand } from '../rules/apply.ts'
import type { Command } from '../rules/commands.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { scoreSides } from '../rules/scoring.ts'
import { type Difficulty, type GameState, newGame, type Seat } from '../rules/state.ts'
import type { Strategy } from './strategies.ts'

/**
 * One game of the balance bench: a strategy plays one proposing side, the computer partners play the others,
 * until the game ends. A game that stops short is "stalled" and says why: it hit the command cap, nobody had
 * anything to do, or a command was refused. Each of these is a bug to report (in a strategy, a computer
 * partner or the scenario), never a result to hide.
 */

/** More commands than any real game needs: past this, a game is going round in circles. */
export const COMMAND_CAP = 3000

export interface Stall {
  /** `cap`: too many commands; `idle`: nobody had a command; `refused`: the rules refused one. */
  reason: 'cap' | 'idle' | 'refused'
  round: number
  phase: GameState['phase']
  /** Who sent the refused command and the refusal's code, for `refused`. */
  detail?: string
}

/** What one game came to, for the bench's tables. */
export interface GameResult {
  seed: number
  /** The ending's id, or null when the game stalled (or the scenario's round limit ended it with none). */
  ending: string | null
  /** The round the game ended in (or stalled in). */
  rounds: number
  /** Whether the strategy's side came out ahead (score at or above par); false for a stalled game. */
  ahead: boolean
  score: number
  par: number
  /** The aftermath's outcome, when guarantees took effect and the scenario plays one out. */
  aftermath: string | null
  commands: number
  stalled: Stall | null
}

export interface BalanceGame {
  strategy: Strategy
  side: string
  seed: number
  difficulty: Difficulty
  cap?: number
}

/** Plays one game; returns its result, the final state and every command applied, in order. */
export function playGame(
  index: ScenarioIndex,
  game: BalanceGame,
): { result: GameResult; state: GameState; log: Command[] } {
  const { strategy, side, seed, difficulty, cap = COMMAND_CAP } = game
  const seats: Record<string, Seat> = Object.fromEntries(
    index.proposers.map((s) => [s, s === side ? 'human' : 'computer'] as const),
  )
  let state = newGame(index, { scenarioId: index.scenario.id, seats, seed, difficulty })
  const log: Command[] = []
  let stalled: Stall | null = null
  const stall = (reason: Stall['reason'], detail?: string): Stall => ({
    reason,
    round: state.round,
    phase: state.phase,
    ...(detail ? { detail } : {}),
  })
  while (state.phase !== 'ended') {
    if (log.length >= cap) {
      stalled = stall('cap')
      break
    }
    // As in play: the computer partners act until they are idle, then the player makes one move.
    const computer = nextComputerCommand(index, state)
    const command = computer ?? strategy(index, state, side)
    if (!command) {
      stalled = stall('idle')
      break
    }
    const outcome = applyCommand(index, state, command)
    if (!outcome.ok) {
      const who = computer ? `computer ${command.side}` : `strategy ${side}`
      stalled = stall('refused', `${who} ${command.type}: ${outcome.refusal.code}`)
      break
    }
    state = outcome.state
    log.push(command)
  }
  const score = scoreSides(index, state).find((s) => s.side === side)
  const result: GameResult = {
    seed,
    ending: stalled ? null : (state.ending?.id ?? null),
    rounds: state.ending?.round ?? state.round,
    ahead: !stalled && (score?.ahead ?? false),
    score: score?.total ?? 0,
    par: score?.par ?? 0,
    aftermath: state.aftermath?.outcome ?? null,
    commands: log.length,
    stalled,
  }
  return { result, state, log }
}
