import { aftermathChances, aftermathOdds } from '../rules/aftermath.ts'
import { checkAdd, checkWithdraw } from '../rules/apply.ts'
import type { Command } from '../rules/commands.ts'
import { brokenConstraints } from '../rules/constraints.ts'
import { applyEffects } from '../rules/effects.ts'
import { tablePackage } from '../rules/flow.ts'
import { type PackageItem, packageKey, resolvePackage } from '../rules/package.ts'
import type { Holds } from '../rules/resolve.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { scoreSides } from '../rules/scoring.ts'
import type { GameState } from '../rules/state.ts'
import { AFTERMATH_KINDS } from '../scenario/schema/uncertainty.ts'
import { allHold, believedFirmness, rangedYield } from './beliefs.ts'
import { situationCache, situationKey } from './situation-cache.ts'

/**
 * How a computer player judges packages: it imagines one tabled now, Russia answering as its stated red lines
 * and preferences say and as firmly as this side believes them held (never the hidden draw, without the dice
 * or events it cannot foresee), then the years after as the scenario's aftermath gives their odds, and scores
 * the result for its own side. Broken constraints of its own weigh far more than any score.
 */

const BROKEN_CONSTRAINT_COST = 100
const BEAM_WIDTH = 4
const BEAM_DEPTH = 3
const PLANNING_CACHE = new WeakMap<ScenarioIndex, ScenarioIndex>()

/** The scenario as a planner sees it: no chance in Russia's answer, no events, no aftermath drawn. */
export function planningIndex(index: ScenarioIndex): ScenarioIndex {
  let planning = PLANNING_CACHE.get(index)
  if (!planning) {
    const { aftermath: _drawnLater, ...rest } = index.scenario
    const scenario = { ...rest, response: { ...index.scenario.response, noise: 0 }, events: [] }
    planning = { ...index, scenario }
    PLANNING_CACHE.set(index, planning)
  }
  return planning
}

/** A side's score in a state. */
export function ownScore(index: ScenarioIndex, state: GameState, side: string): number {
  return scoreSides(index, state, side)[0]?.total ?? 0
}

/**
 * What a state the planner reached is worth to `side`: its score, plus, once guarantees are in force, the
 * aftermath's points weighted by their odds as this side reckons them.
 */
export function settledUtility(index: ScenarioIndex, state: GameState, side: string): number {
  const plan = planningIndex(index)
  const base = ownScore(plan, state, side)
  const spec = index.scenario.aftermath
  if (!spec || !state.inForce || state.phase !== 'ended') return base
  const chances = aftermathChances(index, state, state.inForce, (r) =>
    believedFirmness(index, state, side, r),
  )
  if (!chances) return base
  const odds = aftermathOdds(spec.years, chances, state.flags.includes('implemented-without-consent'))
  const items = resolvePackage(index, state.inForce)
  let expected = 0
  for (const kind of AFTERMATH_KINDS) {
    const p = odds[kind]
    if (p < 1e-9) continue
    const outcome = spec.outcomes[kind]
    const moved = outcome.effects.length ? applyEffects(index, state, outcome.effects, items) : state
    const score = moved === state ? base : ownScore(plan, { ...state, ...moved }, side)
    expected += p * (score + (outcome.scores[side] ?? 0))
  }
  return expected
}

/** Utilities already worked out, per situation. */
const utilityCache = situationCache<number>()

/** Thrown inside a search whose allowance ran out (see thinkWithin); never escapes thinkWithin. */
class OutOfAllowance extends Error {}

/** The allowance of the search running now, if its caller gave one. */
let allowance: { enough: () => boolean; judged: boolean } | null = null

/**
 * Runs `think` (a computer player's search) until it is done or `enough()` says stop. `enough` is asked before
 * each package not judged yet in this situation, after the first: every call gets further. Judged packages
 * are remembered per situation, so the same question asked again goes on from where it stopped and gives the
 * answer it would have given in one go. This lets a page think in slices between frames; the core keeps no
 * clock of its own (the caller's `enough` may read one).
 */
export function thinkWithin<T>(
  enough: () => boolean,
  think: () => T,
): { done: true; value: T } | { done: false } {
  const outer = allowance
  allowance = { enough, judged: false }
  try {
    return { done: true, value: think() }
  } catch (error) {
    if (error instanceof OutOfAllowance) return { done: false }
    throw error
  } finally {
    allowance = outer
  }
}

/** What a package is worth to `side` if it were tabled now (remembered for the situation). */
export function packageUtility(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  items: PackageItem[],
): number {
  const cache = utilityCache(index, state)
  const key = `${side}|${situationKey(state, packageKey(items))}`
  let utility = cache.get(key)
  if (utility === undefined) {
    if (allowance) {
      if (allowance.judged && allowance.enough()) throw new OutOfAllowance()
      allowance.judged = true
    }
    utility = computeUtility(index, state, side, items)
    cache.set(key, utility)
  }
  return utility
}

/** Tabled packages already imagined, per situation: the answers are the same whichever side imagines them. */
const tabledCache = situationCache<GameState>()

/** The package tabled now, answered as `holds` says (every red line holding, or every uncertain one giving way). */
function imagineTabled(
  index: ScenarioIndex,
  state: GameState,
  items: PackageItem[],
  holds: Holds,
): GameState {
  const cache = tabledCache(index, state)
  const key = `${holds === allHold ? 'held' : 'yield'}|${situationKey(state, packageKey(items))}`
  let tabled = cache.get(key)
  if (!tabled) {
    tabled = tablePackage(planningIndex(index), { ...state, package: items }, undefined, holds)
    cache.set(key, tabled)
  }
  return tabled
}

function computeUtility(index: ScenarioIndex, state: GameState, side: string, items: PackageItem[]): number {
  const plan = planningIndex(index)
  const trial = { ...state, package: items }
  const penalty = brokenConstraints(index, trial, side).length * BROKEN_CONSTRAINT_COST
  if (items.length === 0) return ownScore(plan, trial, side) - penalty
  // Two answers bracket what the side expects: every crossed red line holding, or every uncertain one giving
  // way; they are weighted by how likely the side believes it that all the uncertain ones give way.
  const held = imagineTabled(index, state, items, allHold)
  const feared = settledUtility(index, held, side)
  const uncertain = (held.response?.redLines ?? []).flatMap((id) => {
    const line = index.scenario.redLines.find((r) => r.id === id)
    return line?.resolve ? [believedFirmness(index, state, side, line)] : []
  })
  if (uncertain.length === 0) return feared - penalty
  const allYield = uncertain.reduce((p, firmness) => p * (1 - firmness), 1)
  if (allYield < 0.01) return feared - penalty
  const hoped = settledUtility(index, imagineTabled(index, state, items, rangedYield), side)
  return allYield * hoped + (1 - allYield) * feared - penalty
}

/** A change the planner may make: its own add or withdraw, or a request that another side add or withdraw. */
export interface Move {
  command: Command
  apply: (items: PackageItem[]) => PackageItem[]
}

/** Whether `side` already asked `to` about `instrument` this round (it does not ask twice). */
function askedThisRound(state: GameState, side: string, to: string, instrument: string): boolean {
  return state.requests.some(
    (r) => r.from === side && r.to === to && r.instrument === instrument && r.round === state.round,
  )
}

/** The moves open to `side` from a package: add or withdraw its own instruments, or ask others to. */
export function movesFrom(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  items: PackageItem[],
): Move[] {
  const moves: Move[] = []
  const view = { ...state, package: items }
  for (const instrument of index.scenario.instruments) {
    const readings = instrument.variants.length ? instrument.variants.map((v) => v.id) : [undefined]
    for (const backer of instrument.proposers) {
      if (!index.proposers.includes(backer)) continue
      const own = backer === side
      if (!own && askedThisRound(state, side, backer, instrument.id)) continue
      for (const variant of readings) {
        const payload = variant ? { instrument: instrument.id, variant } : { instrument: instrument.id }
        if (checkAdd(index, view, backer, payload)) continue
        const item = { ...payload, backedBy: backer }
        const command: Command = own
          ? { type: 'add', side, payload }
          : { type: 'request', side, payload: { to: backer, ...payload } }
        moves.push({ command, apply: (p) => [...p, item] })
      }
    }
  }
  for (const item of items) {
    const own = item.backedBy === side
    if (!own && askedThisRound(state, side, item.backedBy, item.instrument)) continue
    if (checkWithdraw(index, view, item.backedBy, item.instrument)) continue
    const command: Command = own
      ? { type: 'withdraw', side, payload: { instrument: item.instrument } }
      : {
          type: 'request',
          side,
          payload: { to: item.backedBy, instrument: item.instrument, action: 'withdraw' },
        }
    moves.push({ command, apply: (p) => p.filter((x) => x.instrument !== item.instrument) })
  }
  return moves
}

/** What a side's search found: the package it would most like within reach, and the first move towards it. */
export interface Plan {
  /** What the package as it stands is worth to the side. */
  current: number
  /** The best package found a few moves away (the package itself when nothing beats it), and its worth. */
  ideal: { items: PackageItem[]; utility: number }
  /** The first move towards the ideal, or null when the package is already the best found. */
  first: Move | null
}

/**
 * Searches a few moves ahead (a beam search over the side's own changes and requests to others) for the
 * package `side` would most like, `depth` moves deep; `allowed` filters the first moves it may actually make.
 */
export function planFor(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  allowed: (move: Move) => boolean = () => true,
  depth: number = BEAM_DEPTH,
): Plan {
  const current = packageUtility(index, state, side, state.package)
  type Path = { first: Move; items: PackageItem[]; utility: number }
  let beam: Path[] = []
  let best: Path | null = null
  const seen = new Set([packageKey(state.package)])
  const expand = (items: PackageItem[], first: Move | null): Path[] =>
    movesFrom(index, state, side, items)
      .filter((m) => first !== null || allowed(m))
      .flatMap((m) => {
        const next = m.apply(items)
        const key = packageKey(next)
        if (seen.has(key)) return []
        seen.add(key)
        return [{ first: first ?? m, items: next, utility: packageUtility(index, state, side, next) }]
      })
  for (let step = 0; step < depth; step++) {
    const candidates =
      step === 0 ? expand(state.package, null) : beam.flatMap((p) => expand(p.items, p.first))
    if (candidates.length === 0) break
    candidates.sort((a, b) => b.utility - a.utility)
    beam = candidates.slice(0, BEAM_WIDTH)
    const top = beam[0]
    if (top && (!best || top.utility > best.utility)) best = top
  }
  if (!best || best.utility <= current + 0.5)
    return { current, ideal: { items: state.package, utility: current }, first: null }
  return { current, ideal: { items: best.items, utility: best.utility }, first: best.first }
}
