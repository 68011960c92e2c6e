import { applyCommand, checkAdd, checkWithdraw } from '../rules/apply.ts'
import type { Command } from '../rules/commands.ts'
import { brokenConstraints } from '../rules/constraints.ts'
import { DIFFICULTY } from '../rules/difficulty.ts'
import { concludeDecision, endRoundUntabled } from '../rules/flow.ts'
import { type PackageItem, packageKey } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState, Request } from '../rules/state.ts'
import {
  movesFrom,
  type Plan,
  packageUtility,
  planFor,
  planningIndex,
  settledUtility,
  thinkWithin,
} from './planner.ts'
import { declineReason, objectionReason } from './reasons.ts'
import { situationCache, situationKey } from './situation-cache.ts'

/**
 * Computer players for the proposing sides, so that a solo player has partners with agendas of their own.
 * Each starts from its side's interests (its scoring) and its reading of Russia (beliefs.ts), not from what
 * Russia would accept; it pushes for the package it would most like, concedes a little each round (how fast
 * depends on the difficulty), grants requests that cost it little, trades for those that cost more, and says
 * why in its side's words. It never keeps in the package an instrument it objects to. After Russia's answer
 * it votes.
 */

/**
 * How far ahead a side looks for its next move (its ideal, what it holds out for, looks further): two moves
 * find every trade of one instrument for another, at a third of the cost of three.
 */
const NEXT_MOVE_DEPTH = 2
/** How far a side looks for its ideal, the package it holds out for. */
const IDEAL_DEPTH = 2

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

/** The command that carries out a request (its add or withdraw), or null when the rules would refuse it. */
export function grantCommand(index: ScenarioIndex, state: GameState, r: Request): Command | null {
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
  const before = Math.min(packageUtility(index, state, side, state.package), aspiration(index, state, side))
  const after = applied(state, request)
  // A side never grants what would break its own constraints; it says which.
  const breaks = brokenConstraints(index, { ...state, package: after }, side)
  if (breaks.length > brokenConstraints(index, state, side).length)
    return decline(index, at, request, breaks[0]?.text)
  if (packageUtility(index, state, side, after) >= before - generosity) return grant
  if (request.inReturnFor !== undefined) return decline(index, at, request)
  // A trade: the request in return that makes granting this one worth it, the best of them.
  const imagined = { ...state, package: after }
  let best: { command: Command; utility: number } | null = null
  for (const move of movesFrom(index, imagined, side, after)) {
    const { command } = move
    if (command.type !== 'request' || command.payload.to !== request.from) continue
    const utility = packageUtility(index, state, side, move.apply(after))
    if (utility < before - generosity || (best && utility <= best.utility)) continue
    const offer: Command = { ...command, payload: { ...command.payload, inReturnFor: at } }
    // The return must be possible as the package stands now, before this request is granted.
    if (applyCommand(index, state, offer).ok) best = { command: offer, utility }
  }
  return best?.command ?? decline(index, at, request)
}

function negotiate(index: ScenarioIndex, state: GameState, side: string): Command | null {
  const answer = answerRequest(index, state, side)
  if (answer) return answer
  if (state.stances[side]) return null
  if (awaitingComputer(state, side)) return null
  const { moveBudget } = DIFFICULTY[state.setup.difficulty]
  const changesLeft = (state.moves[side] ?? 0) < moveBudget
  const asked = state.requests.filter((r) => r.from === side && r.round === state.round).length
  const granted = grantedThisRound(state, side)
  const plan = planFor(
    index,
    state,
    side,
    (m) =>
      m.command.type === 'request'
        ? asked < moveBudget
        : changesLeft && !(m.command.type === 'withdraw' && granted.has(m.command.payload.instrument)),
    NEXT_MOVE_DEPTH,
  )
  if (plan.first) return plan.first.command
  const broken = brokenConstraints(index, state, side)
  if (broken[0]) {
    // Its own constraints come before any promise: it takes out an instrument of its own that mends them.
    const mend = state.package.find(
      (p) =>
        p.backedBy === side &&
        brokenConstraints(index, { ...state, package: state.package.filter((x) => x !== p) }, side).length <
          broken.length,
    )
    if (mend) return { type: 'withdraw', side, payload: { instrument: mend.instrument } }
    return { type: 'object', side, payload: { reason: broken[0].text } }
  }
  if (state.package.length === 0)
    return { type: 'object', side, payload: { reason: 'There is nothing in the package yet.' } }
  const ideal = idealFor(index, state, side)
  if (plan.current >= aspiration(index, state, side, ideal) - 0.5)
    return { type: 'endorse', side, payload: {} }
  // A side never keeps in the package an instrument of its own that it objects to: it takes it out.
  const unwanted = state.package.find(
    (p) => p.backedBy === side && !ideal.items.some((i) => i.instrument === p.instrument),
  )
  if (unwanted) return { type: 'withdraw', side, payload: { instrument: unwanted.instrument } }
  return {
    type: 'object',
    side,
    payload: { reason: objectionReason(index, side, state.package, ideal.items) },
  }
}

/**
 * What `side` still insists on this round: its walk-away (ending the round untabled) plus the share of the
 * way to its ideal that it has not yet conceded. A request is granted when the package after it is still
 * worth this much (less the side's generosity), so partners give more ground as the rounds pass.
 */
function aspiration(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  ideal: Plan['ideal'] = idealFor(index, state, side),
): number {
  const walk = untabledUtility(index, state, side)
  return walk + Math.max(0, ideal.utility - walk) * insistence(state)
}

/**
 * The package `side` would most like if every partner said yes: what it holds out for, whatever was asked
 * or refused so far this round and however many changes it has made. Its insistence on it fades by round.
 */
function idealFor(index: ScenarioIndex, state: GameState, side: string): Plan['ideal'] {
  const ideals = idealCache(index, state)
  const key = `${side}|${situationKey(state, packageKey(state.package))}`
  let ideal = ideals.get(key)
  if (!ideal) {
    ideal = planFor(index, { ...state, requests: [], moves: {} }, side, undefined, IDEAL_DEPTH).ideal
    ideals.set(key, ideal)
  }
  return ideal
}

/** Ideals already found, per situation: a stance and an answer to a request share them. */
const idealCache = situationCache<Plan['ideal']>()

/** The instruments `side` added or withdrew this round because another side asked: promises it keeps. */
function grantedThisRound(state: GameState, side: string): Set<string> {
  return new Set(
    state.requests
      .filter((r) => r.to === side && r.round === state.round && r.status === 'granted')
      .map((r) => r.instrument),
  )
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

/**
 * `nextComputerCommand` thought through in parts, for a page that must keep answering: `enough()` is asked
 * between the packages the partners weigh (see thinkWithin), and when it says stop the answer is 'thinking'.
 * Asked again about the same state, the search goes on from what it worked out so far, and the command is
 * the one `nextComputerCommand` gives.
 */
export function nextComputerCommandWithin(
  index: ScenarioIndex,
  state: GameState,
  enough: () => boolean,
): Command | null | 'thinking' {
  const thought = thinkWithin(enough, () => nextComputerCommand(index, state))
  return thought.done ? thought.value : 'thinking'
}
