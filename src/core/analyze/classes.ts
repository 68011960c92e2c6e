import { evaluate } from '../rules/conditions.ts'
import { brokenConstraints } from '../rules/constraints.ts'
import { type PackageItem, resolvePackage, sumAttribute } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState } from '../rules/state.ts'
import type { Condition } from '../scenario/schema/conditions.ts'
import type { Effect } from '../scenario/schema/scenario.ts'
import {
  aftermathReadsPackage,
  aftermathSums,
  aftermathTests,
  packageSums,
  packageTests,
  type Sum,
} from './package-reads.ts'

/**
 * Packages that the rules cannot tell apart, grouped so that the game search tables one of each.
 *
 * The rules read a package in two ways only: through conditions, whose package tests (has, hasTag,
 * backedBy, count, sum, share) depend on the package alone while every other test reads the situation;
 * and through effects that take a sum from the package (`fromPackage`). Two packages that agree on every
 * package test in the red lines, preferences, events and endings therefore get the same answer, fire the
 * same events and reach the same endings from any state; if they also agree on every sum that effects
 * read, the game goes on identically whichever of them is tabled (same meters, flags, events, ending and
 * generator state). Only the score can still differ, since scoring terms and constraints test the final
 * package too. Hence three levels: a class (same tests), its sum classes (same sums too), and in each of
 * these one package per distinct answer to the scoring and constraint tests (`finals`).
 *
 * The aftermath that follows a deal or an imposition reads the package in force too: the red lines it
 * crosses (flow tests already), the package tests of its terms, its total deterrence (when a chance has
 * `perDeterrence`) and the sums its outcomes' effects read: a sum class's `aftermath` key. It counts towards
 * the sum key, so that the packages of a sum class also play out the same years after; sum classes with the
 * same aftermath key, and whose games flowed alike, end alike.
 */
export interface PackageClass {
  /** The package tabled for the class: its first sum class's. */
  rep: PackageItem[]
  /** The sum classes, the one holding the best package first. */
  bySums: SumClass[]
  /** How far the choice of final package within the class can move each side's score (see swingOf). */
  swing: Map<string, number>
  /** The packages of the class, as positions in the list classified (in its order). */
  members: number[]
}

export interface SumClass {
  /** The sums that effects read and what the aftermath reads (below), as a text key. */
  key: string
  /** The sums that effects of the negotiation read, as a text key: sum classes alike there play alike. */
  sums: string
  /** What the aftermath reads of the package beyond the red lines it crosses, as a text key. */
  aftermath: string
  /** The fewest constraints broken at the start, then the fewest items. */
  rep: PackageItem[]
  /** One package per distinct answer to the scoring and constraint tests (`key`), the rep's first. */
  finals: Array<{ items: PackageItem[]; key: string }>
  /** How far the choice among `finals` can move each side's score (see swingOf). */
  swing: Map<string, number>
  size: number
}

/**
 * The score tests in groups: each scoring term that tests the package, worth its points to its side, and
 * each constraint, worth the penalty for breaking it; `from`–`to` are the group's tests in `score`.
 */
export interface ScoreGroup {
  side: string
  weight: number
  from: number
  to: number
}

/**
 * The tests that steer the game, those that only score it, the sums that effects read, and what only the
 * aftermath reads (package tests and sums).
 */
export function classTests(index: ScenarioIndex): {
  flow: Condition[]
  score: Condition[]
  groups: ScoreGroup[]
  sums: Sum[]
  aftermath: { tests: Condition[]; sums: Sum[] }
} {
  const s = index.scenario
  const flow: Condition[] = []
  for (const x of [...s.redLines, ...s.preferences, ...s.events, ...s.endings]) packageTests(x.when, flow)
  const score: Condition[] = []
  const groups: ScoreGroup[] = []
  const group = (side: string, weight: number, conditions: Array<Condition | undefined>) => {
    const from = score.length
    for (const c of conditions) packageTests(c, score)
    if (score.length > from) groups.push({ side, weight, from, to: score.length })
  }
  for (const [side, rule] of Object.entries(s.scoring))
    for (const term of rule.terms) if ('when' in term) group(side, Math.abs(term.points), [term.when])
  for (const side of s.sides)
    for (const c of side.constraints) group(side.id, s.constraintPenalty, [c.when, c.requires])
  const aftermath = { tests: aftermathTests(index), sums: aftermathSums(index) }
  return { flow, score, groups, sums: packageSums(index), aftermath }
}

/**
 * How far the choice among `finals` can move each side's score at a given end: the weight of every group
 * of score tests on which they do not all agree (a group on which they agree scores them alike).
 */
function swingOf(finals: ReadonlyArray<{ key: string }>, groups: readonly ScoreGroup[]): Map<string, number> {
  const swing = new Map<string, number>()
  const first = finals[0]?.key ?? ''
  for (const g of groups) {
    const part = first.slice(g.from, g.to)
    if (finals.some((f) => f.key.slice(g.from, g.to) !== part))
      swing.set(g.side, (swing.get(g.side) ?? 0) + g.weight)
  }
  return swing
}

type Member = { items: PackageItem[]; key: string; broken: number }

const better = (a: Member, b: Member) =>
  a.broken < b.broken || (a.broken === b.broken && a.items.length < b.items.length)

/** Groups packages into classes the rules cannot tell apart (see PackageClass), judged from `opening`. */
export function classify(
  index: ScenarioIndex,
  packages: readonly PackageItem[][],
  opening: GameState,
): PackageClass[] {
  const { flow, score, groups: scoreGroups, sums, aftermath } = classTests(index)
  // class → sum class → score answers → the best package with those answers
  const groups = new Map<string, Map<string, Map<string, Member>>>()
  const sizes = new Map<string, number>()
  const members = new Map<string, number[]>()
  // The constraints broken at the start depend on the package only through the score tests, as keyed.
  const brokenByKey = new Map<string, number>()
  const partKeys = new Map<string, [string, string]>()
  packages.forEach((items, position) => {
    if (items.length === 0) return
    const ctx = { items: resolvePackage(index, items), meters: {}, flags: [], round: 1 }
    const bits = (tests: Condition[]) => {
      let out = ''
      for (const t of tests) out += evaluate(t, ctx) ? '1' : '0'
      return out
    }
    const flowKey = bits(flow)
    const total = (x: Sum) => sumAttribute(ctx.items, x.attribute, x.side)
    const afterKey = `${aftermath.sums.map(total).join(',')}|${bits(aftermath.tests)}`
    const flowSums = sums.map(total).join(',')
    const sumKey = `${flowSums}|${afterKey}`
    const key = bits(score)
    let broken = brokenByKey.get(key)
    if (broken === undefined) {
      broken = index.proposers.reduce(
        (n, side) => n + brokenConstraints(index, opening, side, items).length,
        0,
      )
      brokenByKey.set(key, broken)
    }
    const bySums = getOrMake(groups, flowKey, () => new Map<string, Map<string, Member>>())
    const finals = getOrMake(bySums, sumKey, () => new Map<string, Member>())
    partKeys.set(sumKey, [flowSums, afterKey])
    getOrMake(members, flowKey, () => []).push(position)
    const sized = `${flowKey}|${sumKey}`
    sizes.set(sized, (sizes.get(sized) ?? 0) + 1)
    const member = { items, key, broken }
    const held = finals.get(key)
    if (!held || better(member, held)) finals.set(key, member)
  })
  return [...groups].map(([flowKey, bySums]) => {
    const classes = [...bySums].map(([sumKey, byScore]): SumClass & { best: Member } => {
      const scored = [...byScore.values()]
      const best = scored.reduce((a, b) => (better(b, a) ? b : a))
      const finals = [best, ...scored.filter((m) => m !== best)].map(({ items, key }) => ({ items, key }))
      return {
        best,
        key: sumKey,
        sums: partKeys.get(sumKey)?.[0] ?? '',
        aftermath: partKeys.get(sumKey)?.[1] ?? '',
        rep: best.items,
        finals,
        swing: swingOf(finals, scoreGroups),
        size: sizes.get(`${flowKey}|${sumKey}`) ?? 0,
      }
    })
    const first = classes.reduce((a, b) => (better(b.best, a.best) ? b : a))
    const ordered = [first, ...classes.filter((c) => c !== first)].map(({ best: _, ...c }) => c)
    const swing = swingOf(
      ordered.flatMap((c) => c.finals),
      scoreGroups,
    )
    return { rep: first.rep, bySums: ordered, swing, members: members.get(flowKey) ?? [] }
  })
}

function getOrMake<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}

/** Which parts of the scenario apply effects that read sums from the package. */
export interface SumReaders {
  redLines: Set<string>
  preferences: Set<string>
  verdicts: Set<string>
  events: Set<string>
  unilateral: boolean
  /** Whether the aftermath reads more of the package than the red lines it crosses (see PackageClass). */
  aftermath: boolean
}

/** Finds the effect lists that read a sum from the package: only after those do sum classes part ways. */
export function sumReaders(index: ScenarioIndex): SumReaders {
  const s = index.scenario
  const reads = (effects: readonly Effect[]) => effects.some((e) => 'fromPackage' in e)
  const ids = <T extends { id: string }>(list: readonly T[], effects: (x: T) => readonly Effect[]) =>
    new Set(list.filter((x) => reads(effects(x))).map((x) => x.id))
  return {
    redLines: ids(s.redLines, (r) => r.response.effects),
    preferences: ids(s.preferences, (p) => p.effects),
    verdicts: new Set(Object.entries(s.response.effects).flatMap(([k, v]) => (reads(v ?? []) ? [k] : []))),
    events: ids(s.events, (e) => e.effects),
    unilateral: reads(s.unilateral.effects),
    aftermath: aftermathReadsPackage(index),
  }
}

/** The sum classes in groups that play the same aftermath (all in one when it reads nothing more). */
export function byAftermath(sums: readonly SumClass[], reads: boolean): SumClass[][] {
  return reads ? groupBy(sums, (s) => s.aftermath) : [[...sums]]
}

/** The items in groups with the same key, in the order each key first appears (the first item first). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return [...groups.values()]
}
