import { checkAdd } from '../rules/apply.ts'
import type { Command } from '../rules/commands.ts'
import { brokenConstraints } from '../rules/constraints.ts'
import { concludeDecision, endRoundUntabled } from '../rules/flow.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { Difficulty, GameState } from '../rules/state.ts'
import { bestFirstMove, ownScore, packageUtility, planningIndex } from './planner.ts'

/**
 * Computer players for the proposing sides, so that a solo player has partners. Each acts for its own side
 * within its constraints: it answers requests, improves the package by its own lights (see planner.ts), then
 * endorses or objects with the constraint that stands in the way; after Russia's answer it votes.
 */

/** How readily computer partners give ground: points of their own score they will give up to grant a request. */
export const GENEROSITY: Record<Difficulty, number> = { easy: 15, normal: 5, hard: 0 }
/** Package changes a computer side makes per round before it settles on a stance. */
export const MOVE_BUDGET: Record<Difficulty, number> = { easy: 4, normal: 3, hard: 2 }

function answerRequest(index: ScenarioIndex, state: GameState, side: string): Command | null {
  const at = state.requests.findIndex((r) => r.status === 'open' && r.to === side)
  const request = state.requests[at]
  if (!request) return null
  const payload = request.variant
    ? { instrument: request.instrument, variant: request.variant }
    : { instrument: request.instrument }
  if (!checkAdd(index, state, side, payload)) {
    const before = packageUtility(index, state, side, state.package)
    const after = packageUtility(index, state, side, [...state.package, { ...payload, backedBy: side }])
    if (after >= before - GENEROSITY[state.setup.difficulty]) return { type: 'add', side, payload }
  }
  return {
    type: 'decline',
    side,
    payload: { request: at, reason: 'It would cost us more than we can accept.' },
  }
}

function negotiate(index: ScenarioIndex, state: GameState, side: string): Command | null {
  const answer = answerRequest(index, state, side)
  if (answer) return answer
  if (state.stances[side]) return null
  if (awaitingComputer(state, side)) return null
  const canChange = (state.moves[side] ?? 0) < MOVE_BUDGET[state.setup.difficulty]
  const plan = bestFirstMove(index, state, side, canChange)
  if (plan) return plan.move.command
  const broken = brokenConstraints(index, state, side)
  if (broken.length)
    return { type: 'object', side, payload: { reason: broken[0]?.text ?? 'It breaks our constraints.' } }
  if (
    state.package.length &&
    packageUtility(index, state, side, state.package) < untabledUtility(index, state, side)
  )
    return {
      type: 'object',
      side,
      payload: { reason: 'Tabling this package would leave us worse off than tabling nothing.' },
    }
  return { type: 'endorse', side, payload: {} }
}

/** A side that asked a computer partner for something waits for the answer before it moves again. */
function awaitingComputer(state: GameState, side: string): boolean {
  return state.requests.some(
    (r) => r.from === side && r.status === 'open' && state.setup.seats[r.to] === 'computer',
  )
}

/** What ending the round with no package tabled is worth to `side`. */
function untabledUtility(index: ScenarioIndex, state: GameState, side: string): number {
  const plan = planningIndex(index)
  return ownScore(plan, endRoundUntabled(plan, state), side)
}

function decide(index: ScenarioIndex, state: GameState, side: string): Command | null {
  if (state.votes[side]) return null
  const plan = planningIndex(index)
  const all = (choice: 'implement' | 'continue') =>
    Object.fromEntries(index.proposers.map((s) => [s, choice] as const))
  const implement = ownScore(plan, concludeDecision(plan, { ...state, votes: all('implement') }), side)
  const carryOn = ownScore(plan, concludeDecision(plan, { ...state, votes: all('continue') }), side)
  return { type: 'decide', side, payload: { choice: implement > carryOn ? 'implement' : 'continue' } }
}

/** Everyone has spoken, someone objects, and every objector is a computer: no human is left to mend it. */
function stuck(index: ScenarioIndex, state: GameState): boolean {
  const stances = index.proposers.map((s) => state.stances[s])
  if (stances.some((s) => !s) || !stances.some((s) => s?.kind === 'object')) return false
  return index.proposers.every(
    (s) => state.stances[s]?.kind !== 'object' || state.setup.seats[s] === 'computer',
  )
}

/**
 * The next command a computer-played side wants to send, or null when none has anything to do (it is a
 * human's turn, or the game is over). Deterministic: the same state always gives the same command.
 */
export function nextComputerCommand(index: ScenarioIndex, state: GameState): Command | null {
  if (state.phase === 'ended') return null
  const computers = index.proposers.filter((s) => state.setup.seats[s] === 'computer')
  for (const side of computers) {
    const command = state.phase === 'deciding' ? decide(index, state, side) : negotiate(index, state, side)
    if (command) return command
  }
  const first = computers[0]
  if (state.phase !== 'negotiating' || !first) return null
  if (state.package.length && index.proposers.every((s) => state.stances[s]?.kind === 'endorse'))
    return { type: 'table', side: first, payload: {} }
  if (stuck(index, state)) return { type: 'endRound', side: first, payload: {} }
  return null
}
