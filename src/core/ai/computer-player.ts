import { checkAdd, checkWithdraw } from '../rules/apply.ts'
import type { Command } from '../rules/commands.ts'
import { brokenConstraints } from '../rules/constraints.ts'
import { DIFFICULTY } from '../rules/difficulty.ts'
import { concludeDecision, endRoundUntabled } from '../rules/flow.ts'
import type { PackageItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState, Request } from '../rules/state.ts'
import { movesFrom, packageUtility, planFor, planningIndex, settledUtility } from './planner.ts'
import { declineReason, objectionReason } from './reasons.ts'

/**
 * Computer players for the proposing sides, so that a solo player has partners with agendas of their own.
 * Each starts from its side's interests (its scoring) and its reading of Russia (beliefs.ts), not from what
 * Russia would accept; it pushes for the package it would most like, concedes a little each round (how fast
 * depends on the difficulty), grants requests that cost it little, trades for those that cost more, and says
 * why in its side's words. It never keeps in the package an instrument it objects to. After Russia's answer
 * it votes.
 */

/** How much of the way from its walk-away to its ideal a computer side still insists on in this round. */
export function insistence(state: GameState): number {
  return Math.max(0, 1 - DIFFICULTY[state.setup.difficulty].concession * (state.round - 1))
}

const itemOf = (r: Request, side: string): PackageItem =>
  r.variant
    ? { instrument: r.instrument, variant: r.variant, backedBy: side }
    : { instrument: r.instrument, backedBy: side }

/** The package with a request carried out. */
function applied(state: GameState, r: Request): PackageItem[] {
  return r.action === 'withdraw'
    ? state.package.filter((p) => p.instrument !== r.instrument)
    : [...state.package, itemOf(r, r.to)]
}

/** The command that carries out a request, or null when it can no longer be carried out. */
function grantCommand(index: ScenarioIndex, state: GameState, r: Request): Command | null {
  if (r.action === 'withdraw')
    return checkWithdraw(index, state, r.to, r.instrument)
      ? null
      : { type: 'withdraw', side: r.to, payload: { instrument: r.instrument } }
  const payload = r.variant ? { instrument: r.instrument, variant: r.variant } : { instrument: r.instrument }
  return checkAdd(index, state, r.to, payload) ? null : { type: 'add', side: r.to, payload }
}

function decline(index: ScenarioIndex, at: number, r: Request, reason?: string): Command {
  const why = reason ?? declineReason(index, r.to, itemOf(r, r.to), r.action !== 'withdraw')
  return { type: 'decline', side: r.to, payload: { request: at, reason: why } }
}

/**
 * Answers the first open request to `side`: grants it when it costs little, offers a trade (a request in
 * return) when it costs more, and declines otherwise; a request it traded for is granted once the other side
 * has granted the return, and declined if that was refused.
 */
function answerRequest(index: ScenarioIndex, state: GameState, side: string): Command | null {
  const at = state.requests.findIndex((r) => r.status === 'open' && r.to === side)
  const request = state.requests[at]
  if (!request) return null
  const grant = grantCommand(index, state, request)
  if (!grant) return decline(index, at, request, 'That is no longer possible with the package as it stands.')
  const counter = state.requests.find((r) => r.inReturnFor === at && r.from === side)
  if (counter) {
    if (counter.status === 'open') return null
    if (counter.status === 'granted') return grant
    return decline(index, at, request, 'Only in return for what we asked, and that was refused.')
  }
  const { generosity } = DIFFICULTY[state.setup.difficulty]
  const before = packageUtility(index, state, side, state.package)
  const after = applied(state, request)
  if (packageUtility(index, state, side, after) >= before - generosity) return grant
  if (request.inReturnFor !== undefined) return decline(index, at, request)
  // A trade: the request in return that makes granting this one worth it, the best of them.
  const imagined = { ...state, package: after }
  let best: { command: Command; utility: number } | null = null
  for (const move of movesFrom(index, imagined, side, after)) {
    const { command } = move
    if (command.type !== 'request' || command.payload.to !== request.from) continue
    const utility = packageUtility(index, state, side, move.apply(after))
    if (utility >= before - generosity && (!best || utility > best.utility))
      best = { command: { ...command, payload: { ...command.payload, inReturnFor: at } }, utility }
  }
  return best?.command ?? decline(index, at, request)
}

function negotiate(index: ScenarioIndex, state: GameState, side: string): Command | null {
  const answer = answerRequest(index, state, side)
  if (answer) return answer
  if (state.stances[side]) return null
  if (awaitingComputer(state, side)) return null
  const budgetLeft = (state.moves[side] ?? 0) < DIFFICULTY[state.setup.difficulty].moveBudget
  // Withdrawing its own instrument is always allowed, so that a side never keeps what it objects to.
  const plan = planFor(
    index,
    state,
    side,
    (m) => budgetLeft || m.command.type === 'request' || m.command.type === 'withdraw',
  )
  if (plan.first) return plan.first.command
  const broken = brokenConstraints(index, state, side)
  if (broken[0]) return { type: 'object', side, payload: { reason: broken[0].text } }
  if (state.package.length === 0)
    return { type: 'object', side, payload: { reason: 'There is nothing in the package yet.' } }
  const walk = untabledUtility(index, state, side)
  const aspiration = walk + Math.max(0, plan.ideal.utility - walk) * insistence(state)
  if (plan.current >= aspiration - 0.5) return { type: 'endorse', side, payload: {} }
  const ideal = bestReachable(index, state, side)
  return { type: 'object', side, payload: { reason: objectionReason(index, side, state.package, ideal) } }
}

/** The package `side` would most like, looking past its move budget, for the reason it gives. */
function bestReachable(index: ScenarioIndex, state: GameState, side: string): PackageItem[] {
  return planFor(index, { ...state, moves: {} }, side).ideal.items
}

/** A side that asked a computer partner for something waits for the answer before it moves again. */
function awaitingComputer(state: GameState, side: string): boolean {
  return state.requests.some(
    (r) => r.from === side && r.status === 'open' && state.setup.seats[r.to] === 'computer',
  )
}

/** What ending the round with no package tabled is worth to `side`. */
function untabledUtility(index: ScenarioIndex, state: GameState, side: string): number {
  return settledUtility(index, endRoundUntabled(planningIndex(index), state), side)
}

function decide(index: ScenarioIndex, state: GameState, side: string): Command | null {
  if (state.votes[side]) return null
  const plan = planningIndex(index)
  const all = (choice: 'implement' | 'continue') =>
    Object.fromEntries(index.proposers.map((s) => [s, choice] as const))
  const implement = settledUtility(index, concludeDecision(plan, { ...state, votes: all('implement') }), side)
  const carryOn = settledUtility(index, concludeDecision(plan, { ...state, votes: all('continue') }), side)
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
