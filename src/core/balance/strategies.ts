import { nextComputerCommand } from '../ai/computer-player.ts'
import { checkAdd } from '../rules/apply.ts'
import type { Command } from '../rules/commands.ts'
import { DIFFICULTY } from '../rules/difficulty.ts'
import { packageKey, type ResolvedItem } from '../rules/package.ts'
import { draw, seedState } from '../rules/rng.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState, Request, Seat } from '../rules/state.ts'
import {
  answerRequest,
  askedThisRound,
  burdenOn,
  endorseAndTable,
  legalCommands,
  openRequestTo,
  readingsOf,
} from './moves.ts'

/**
 * The players of `npm run balance`: each a plain pure function from the scenario, the state and the side it
 * plays to its next command, or null when it has nothing to do now (it waits for its partners). Each answers
 * the requests addressed to it and speaks in every phase, so that no game waits on it for ever.
 */
export type Strategy = (index: ScenarioIndex, state: GameState, side: string) => Command | null

/** The strategies of the bench, in the order its tables list them. */
export const STRATEGY_IDS = [
  'lazy',
  'max-deterrence',
  'min-risk',
  'always-implement',
  'planner',
  'random',
] as const
export type StrategyId = (typeof STRATEGY_IDS)[number]

/** A package item "low risk for us" costs the side, in cost plus risk, at most this. */
const LOW_BURDEN = 1

type Vote = (state: GameState) => 'implement' | 'continue'

/** How a package-building strategy plays: what it wants in, what it asks out, what it grants, how it votes. */
interface Builder {
  /** The readings it wants in the package (put in by itself or by another side), most wanted first. */
  wants: (index: ScenarioIndex, side: string) => ResolvedItem[]
  /** Items another side put in that it asks to be withdrawn. */
  unwanted?: (item: ResolvedItem, side: string) => boolean
  grants: (request: Request, item: ResolvedItem | undefined, side: string) => boolean
  vote: Vote
}

/** Every reading of every instrument, put in by each side that may, for `choose` to pick from. */
function allReadings(index: ScenarioIndex): ResolvedItem[] {
  return index.scenario.instruments.flatMap((i) =>
    i.proposers
      .filter((p) => index.proposers.includes(p))
      .flatMap((backer) => readingsOf(index, i.id, backer)),
  )
}

/** Per instrument and backer, the reading `better` prefers; own readings before requests, then by `order`. */
function choose(
  index: ScenarioIndex,
  side: string,
  keep: (r: ResolvedItem) => boolean,
  better: (a: ResolvedItem, b: ResolvedItem) => number,
): ResolvedItem[] {
  const best = new Map<string, ResolvedItem>()
  for (const r of allReadings(index).filter(keep)) {
    const key = `${r.item.instrument}@${r.item.backedBy}`
    const held = best.get(key)
    if (!held || better(r, held) < 0) best.set(key, r)
  }
  const own = (r: ResolvedItem) => (r.item.backedBy === side ? 0 : 1)
  return [...best.values()].sort((a, b) => own(a) - own(b) || better(a, b))
}

const byDeterrence = (a: ResolvedItem, b: ResolvedItem) => b.deterrence - a.deterrence

/** The median of the instruments' best positive deterrence: a "strong" item reaches it. */
function strongDeterrence(index: ScenarioIndex): number {
  const best = index.scenario.instruments
    .map((i) => Math.max(i.deterrence, ...i.variants.map((v) => v.deterrence ?? i.deterrence)))
    .filter((d) => d > 0)
    .sort((a, b) => a - b)
  return best[Math.floor(best.length / 2)] ?? 1
}

/** Whether `side` granted a request this round to withdraw `instrument`: it does not put it back. */
function gaveUpThisRound(state: GameState, side: string, instrument: string): boolean {
  return state.requests.some(
    (r) =>
      r.to === side &&
      r.instrument === instrument &&
      r.action === 'withdraw' &&
      r.status === 'granted' &&
      r.round === state.round,
  )
}

/** The next step towards the package a builder wants: its own add, or one request a round to another side. */
function buildStep(index: ScenarioIndex, state: GameState, side: string, b: Builder): Command | null {
  for (const r of b.wants(index, side)) {
    const { instrument, variant, backedBy } = r.item
    if (state.package.some((p) => p.instrument === instrument) || gaveUpThisRound(state, side, instrument))
      continue
    const payload = variant ? { instrument, variant } : { instrument }
    if (checkAdd(index, state, backedBy, payload)) continue
    if (backedBy === side) return { type: 'add', side, payload }
    if (!askedThisRound(state, side, backedBy, instrument))
      return { type: 'request', side, payload: { to: backedBy, ...payload } }
  }
  for (const p of state.package) {
    if (p.backedBy === side || !b.unwanted || askedThisRound(state, side, p.backedBy, p.instrument)) continue
    const item = readingsOf(index, p.instrument, p.backedBy).find((r) => r.item.variant === p.variant)
    if (item && b.unwanted(item, side))
      return {
        type: 'request',
        side,
        payload: { to: p.backedBy, instrument: p.instrument, action: 'withdraw' },
      }
  }
  return null
}

/** A strategy that builds the package `b` wants, then endorses and tables it. */
function builder(b: Builder): Strategy {
  return (index, state, side) => {
    if (state.phase === 'deciding')
      return state.votes[side] ? null : { type: 'decide', side, payload: { choice: b.vote(state) } }
    if (state.phase !== 'negotiating') return null
    return (
      answerRequest(index, state, side, (r, item) => b.grants(r, item, side)) ??
      buildStep(index, state, side, b) ??
      endorseAndTable(index, state, side)
    )
  }
}

const rejected = (state: GameState) => state.response !== null && state.response.verdict !== 'accept'

/** Only endorses, tables, and votes to continue; adds nothing and declines every request. */
export const lazy: Strategy = builder({ wants: () => [], grants: () => false, vote: () => 'continue' })

/** Puts in (or asks for) every instrument that deters, in its most deterring reading; implements if refused. */
export const maxDeterrence: Strategy = builder({
  wants: (index, side) => choose(index, side, (r) => r.deterrence > 0, byDeterrence),
  grants: (r) => r.action !== 'withdraw',
  vote: (state) => (rejected(state) ? 'implement' : 'continue'),
})

/** Only instruments that cost and risk little for its own side; asks the others to take out the rest. */
export const minRisk: Strategy = builder({
  wants: (index, side) =>
    choose(
      index,
      side,
      (r) => r.deterrence > 0 && burdenOn(r, side) <= LOW_BURDEN,
      (a, b) => burdenOn(a, side) - burdenOn(b, side) || byDeterrence(a, b),
    ),
  unwanted: (item, side) => burdenOn(item, side) > LOW_BURDEN,
  grants: (r, item, side) =>
    r.action === 'withdraw' || (item !== undefined && burdenOn(item, side) <= LOW_BURDEN),
  vote: () => 'continue',
})

/** Builds a strong package (the more deterring half of the instruments), tables it, always implements. */
export const alwaysImplement: Strategy = builder({
  wants: (index, side) =>
    choose(index, side, (r) => r.deterrence > 0 && r.deterrence >= strongDeterrence(index), byDeterrence),
  grants: (r) => r.action !== 'withdraw',
  vote: () => 'implement',
})

/**
 * Plays its side as a computer partner would (the same nextComputerCommand), by letting the computer logic
 * see only its own side as computer-played. It waits for the answers it asked computer partners for, as they
 * do, and ends a round in which every side has spoken and it cannot mend an objection.
 */
export const planner: Strategy = (index, state, side) => {
  if (state.phase === 'negotiating' && !openRequestTo(state, side) && !state.stances[side]) {
    const waiting = state.requests.some(
      (r) => r.from === side && r.status === 'open' && state.setup.seats[r.to] === 'computer',
    )
    if (waiting) return null
  }
  const seats: Record<string, Seat> = Object.fromEntries(
    index.proposers.map((s) => [s, s === side ? 'computer' : 'human'] as const),
  )
  const command = nextComputerCommand(index, { ...state, setup: { ...state.setup, seats } })
  if (command || state.phase !== 'negotiating') return command
  const spoken = index.proposers.every((s) => state.stances[s])
  const objection = index.proposers.some((s) => state.stances[s]?.kind === 'object')
  return spoken && objection ? { type: 'endRound', side, payload: {} } : null
}

/** A 32-bit FNV-1a hash of a text. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * Picks uniformly among the legal commands, with a draw seeded from the game's seed and the state (so the
 * same game always gives the same moves). Like a computer partner it makes at most the difficulty's move
 * budget of package changes and of requests a round, and speaks (endorses or objects) once per package, so
 * that a round ends; within that, anything the rules accept. (Were it free to turn an endorsement into an
 * objection and back, the state would repeat, and so would the draw, for ever.)
 */
export const random: Strategy = (index, state, side) => {
  const budget = DIFFICULTY[state.setup.difficulty].moveBudget
  const changes = state.moves[side] ?? 0
  const asked = state.requests.filter((r) => r.from === side && r.round === state.round).length
  const stance = state.stances[side]?.kind
  const options = legalCommands(index, state, side).filter((c) => {
    if (c.type === 'add' || c.type === 'withdraw' || c.type === 'setFlag') return changes < budget
    if (c.type === 'request') return asked < budget
    if (c.type === 'endorse' || c.type === 'object') return !stance
    return true
  })
  if (options.length === 0) return null
  const key = [
    state.setup.seed,
    state.round,
    state.phase,
    packageKey(state.package),
    state.requests.map((r) => r.status[0]).join(''),
    JSON.stringify(state.stances),
    JSON.stringify(state.votes),
    changes,
    state.flags.join(','),
    side,
  ].join('|')
  const pick = Math.floor(draw(seedState(hash(key))).value * options.length)
  return options[pick] ?? null
}

/** Each strategy by its id. */
export const STRATEGIES: Record<StrategyId, Strategy> = {
  lazy,
  'max-deterrence': maxDeterrence,
  'min-risk': minRisk,
  'always-implement': alwaysImplement,
  planner,
  random,
}
