import type { ResponseKind } from '../scenario/schema/conditions.ts'
import type { Effect, Ending } from '../scenario/schema/scenario.ts'
import { playAftermath, putsGuaranteesInForce } from './aftermath.ts'
import { evaluate } from './conditions.ts'
import { applyEffects } from './effects.ts'
import { resolvePackage } from './package.ts'
import type { Holds } from './resolve.ts'
import { resolveResponse } from './response.ts'
import { draw } from './rng.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import { contextFor, type GameState, type Response, type RoundRecord } from './state.ts'

/**
 * The steps of a round that follow a decision of the proposers: Russia's response, the meters, the events,
 * the endings and the move to the next round. Each takes a state and returns a new one.
 */

function withEffects(index: ScenarioIndex, state: GameState, effects: readonly Effect[]): GameState {
  if (effects.length === 0) return state
  const out = applyEffects(index, state, effects, resolvePackage(index, state.package))
  return { ...state, ...out }
}

/** An instructor's ruling on the answer to a tabled package: the verdict that stands instead, and why. */
export interface Ruling {
  verdict: ResponseKind
  reason: string
}

/**
 * The proposers table their package: the responder answers, meters move, events fire, an ending may follow.
 * With a `ruling`, the answer is worked out as usual (red lines, preferences, chance) but the ruling's
 * verdict stands, and the response keeps the rules' own verdict in `overruled`. With `believe`, the answer is
 * the one a side imagines from what it believes of the responder's resolve (for computer players' planning).
 */
export function tablePackage(
  index: ScenarioIndex,
  state: GameState,
  ruling?: Ruling,
  believe?: Holds,
): GameState {
  const { scenario } = index
  const ctx = contextFor(index, state)
  const resolved = resolveResponse(index, ctx, state.setup.difficulty, state.rng, state.resolve, believe)
  const { rng } = resolved
  const response: Response = ruling
    ? {
        ...resolved.response,
        verdict: ruling.verdict,
        overruled: { verdict: resolved.response.verdict, reason: ruling.reason },
      }
    : resolved.response
  let next: GameState = { ...state, rng, response, beforeResponse: { ...state, beforeResponse: null } }
  // A red line the responder let pass this time only warned: its effects follow only when it held.
  for (const id of response.redLines) {
    if (response.yielded.includes(id)) continue
    const r = scenario.redLines.find((x) => x.id === id)
    if (r) next = withEffects(index, next, r.response.effects)
  }
  for (const id of response.preferences) {
    const p = scenario.preferences.find((x) => x.id === id)
    if (p) next = withEffects(index, next, p.effects)
  }
  next = withEffects(index, next, scenario.response.effects[response.verdict] ?? [])
  const fired = runEvents(index, next)
  next = fired.state
  const record: RoundRecord = {
    round: state.round,
    tabled: state.package,
    response,
    events: [...injectedIn(state), ...fired.ids],
    decision: null,
    meters: next.meters,
  }
  next = { ...next, history: [...next.history, record] }
  return checkEndings(index, next) ?? { ...next, phase: 'deciding', votes: {} }
}

/** The round ends with no package tabled: the scenario's cost of disagreement, events, then the next round. */
export function endRoundUntabled(index: ScenarioIndex, state: GameState): GameState {
  const untabled = { ...state, response: null, beforeResponse: null }
  let next = withEffects(index, untabled, index.scenario.noPackage.effects)
  const fired = runEvents(index, next)
  next = fired.state
  const record: RoundRecord = {
    round: state.round,
    tabled: null,
    response: null,
    events: [...injectedIn(state), ...fired.ids],
    decision: null,
    meters: next.meters,
  }
  next = { ...next, history: [...next.history, record] }
  return checkEndings(index, next) ?? advanceRound(index, next)
}

/**
 * Every proposer has voted. The guarantees are implemented without consent when more than half of the
 * proposing sides vote for it (a coalition of the willing): the instruments of sides that voted to continue
 * are left out of what takes effect, and if nothing is left the talks go on. Otherwise the next round begins.
 */
export function concludeDecision(index: ScenarioIndex, state: GameState): GameState {
  const willing = index.proposers.filter((s) => state.votes[s] === 'implement')
  const imposed = state.package.filter((item) => willing.includes(item.backedBy))
  const implement = willing.length * 2 > index.proposers.length && imposed.length > 0
  const history = state.history.map((h, i) =>
    i === state.history.length - 1
      ? { ...h, decision: implement ? ('implement' as const) : ('continue' as const) }
      : h,
  )
  // Once the proposers have decided, the answer they decided on can no longer be overruled.
  let next: GameState = { ...state, history, beforeResponse: null }
  if (!implement) return advanceRound(index, next)
  next = {
    ...next,
    package: imposed,
    inForce: imposed,
    flags: [...next.flags, 'implemented-without-consent'],
  }
  next = withEffects(index, next, index.scenario.unilateral.effects)
  const last = next.history.at(-1)
  if (last) next = { ...next, history: [...next.history.slice(0, -1), { ...last, meters: next.meters }] }
  return checkEndings(index, next) ?? advanceRound(index, next)
}

/** The events the instructor brought into the current round, to record with the round's own. */
function injectedIn(state: GameState): string[] {
  return state.injected.filter((i) => i.round === state.round).map((i) => i.event)
}

/** Fires the events due now (by round or by condition), each with its seeded chance. */
function runEvents(index: ScenarioIndex, state: GameState): { state: GameState; ids: string[] } {
  let next = state
  const ids: string[] = []
  for (const e of index.scenario.events) {
    if (!e.repeat && next.firedEvents.includes(e.id)) continue
    if (e.round !== undefined && e.round !== next.round) continue
    if (e.when && !evaluate(e.when, contextFor(index, next))) continue
    if (e.chance < 1) {
      const d = draw(next.rng)
      next = { ...next, rng: d.next }
      if (d.value >= e.chance) continue
    }
    next = withEffects(index, next, e.effects)
    next = { ...next, firedEvents: [...next.firedEvents, e.id] }
    ids.push(e.id)
  }
  return { state: next, ids }
}

/** Ends the game with the first ending whose condition holds, in file order; undefined when none does. */
function checkEndings(index: ScenarioIndex, state: GameState): GameState | undefined {
  const ctx = contextFor(index, state)
  const ending = index.scenario.endings.find((e) => e.when && evaluate(e.when, ctx))
  return ending ? finish(index, state, ending) : undefined
}

/**
 * Ends the game on `ending`. A deal or an imposition puts the last tabled package into force, and the
 * aftermath (if the scenario has one) plays out the years after it.
 */
function finish(index: ScenarioIndex, state: GameState, ending: Ending): GameState {
  const ended: GameState = { ...state, phase: 'ended', ending: { id: ending.id, round: state.round } }
  if (!putsGuaranteesInForce(ending)) return ended
  // An imposition names what takes effect (the willing sides' instruments); a deal, the package tabled.
  const items = state.inForce ?? [...state.history].reverse().find((h) => h.tabled)?.tabled ?? state.package
  return playAftermath(index, { ...ended, inForce: items }, items)
}

/** Opens the next round, or ends the game on the round-limit ending when the last round is over. */
function advanceRound(index: ScenarioIndex, state: GameState): GameState {
  const base = { ...state, stances: {}, votes: {}, moves: {} }
  if (state.round >= index.scenario.rounds) {
    const ending = index.scenario.endings.find((e) => e.onRoundLimit) ?? index.scenario.endings.at(-1)
    return ending ? finish(index, base, ending) : { ...base, phase: 'ended', ending: null }
  }
  const requests = state.requests.map((r) => (r.status === 'open' ? { ...r, status: 'lapsed' as const } : r))
  return { ...base, round: state.round + 1, phase: 'negotiating', requests }
}
