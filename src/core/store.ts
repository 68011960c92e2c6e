import { createStore, type StoreApi } from 'zustand/vanilla'
import { nextComputerCommand } from './ai/computer-player.ts'
import { applyCommand, type Outcome, type Refusal } from './rules/apply.ts'
import type { Command } from './rules/commands.ts'
import type { RuleWarning } from './rules/constraints.ts'
import type { ScenarioIndex } from './rules/scenario-index.ts'
import { type GameSetup, type GameState, newGame } from './rules/state.ts'

/** What the game store holds: the setup, the current state, every applied command, and the last refusal. */
export interface GameStore {
  setup: GameSetup
  game: GameState
  /** Every command applied since the setup, in order: replaying them rebuilds `game`. */
  log: Command[]
  /** The most recent refusals (a refused command is a named no-op, kept here for the player and for logs). */
  refusals: Array<{ command: unknown; refusal: Refusal }>
  /** Warnings from the last command a human sent, such as endorsing against one's own constraints (as data). */
  warnings: RuleWarning[]
  /** Applies a command; a refused one changes nothing but `refusals`. */
  dispatch: (command: unknown) => Outcome
  /**
   * Lets every computer-played side act until none has anything left to do (or `limit` commands ran);
   * returns how many commands ran. Their commands do not replace the human's warnings.
   */
  runComputers: (limit?: number) => number
}

const MAX_REFUSALS = 50

/** Creates a game store for a scenario; with `log`, replays it first (as when resuming a saved game). */
export function createGameStore(
  index: ScenarioIndex,
  setup: GameSetup,
  log: Command[] = [],
): StoreApi<GameStore> {
  return createStore<GameStore>()((set, get) => ({
    setup,
    game: replay(index, setup, log),
    log: [...log],
    refusals: [],
    warnings: [],
    dispatch(command) {
      const outcome = applyCommand(index, get().game, command, get().log.length)
      if (outcome.ok)
        set({ game: outcome.state, log: [...get().log, command as Command], warnings: outcome.warned })
      else set({ refusals: [...get().refusals, { command, refusal: outcome.refusal }].slice(-MAX_REFUSALS) })
      return outcome
    },
    runComputers(limit = 2000) {
      const { warnings } = get()
      let count = 0
      for (; count < limit; count++) {
        const command = nextComputerCommand(index, get().game)
        if (!command || !get().dispatch(command).ok) break
      }
      set({ warnings })
      return count
    },
  }))
}

/** A logged command the rules refused on replay: which one (from 1), and the refusal, for screens to word. */
export class ReplayError extends Error {
  constructor(
    readonly move: number,
    readonly refusal: Refusal,
  ) {
    super(`Command ${move} of the log was refused: ${refusal.code} ${JSON.stringify(refusal.params)}`)
    this.name = 'ReplayError'
  }
}

/**
 * Rebuilds a game's state from its setup and log. Throws a ReplayError if a logged command is refused,
 * since that means the log does not belong to this scenario or was altered.
 */
export function replay(index: ScenarioIndex, setup: GameSetup, log: readonly Command[]): GameState {
  let state = newGame(index, setup)
  log.forEach((command, i) => {
    const outcome = applyCommand(index, state, command, i)
    if (!outcome.ok) throw new ReplayError(i + 1, outcome.refusal)
    state = outcome.state
  })
  return state
}
