import { evaluate } from '../rules/conditions.ts'
import { brokenConstraints } from '../rules/constraints.ts'
import { type PackageItem, resolvePackage, sumAttribute } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState } from '../rules/state.ts'
import type { Condition, PackageAttribute } from '../scenario/schema/conditions.ts'
import type { Effect } from '../scenario/schema/scenario.ts'

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
  /** The sums that effects read, as a text key. */
  key: string
  /** The fewest constraints broken at the start, then the fewest items. */
  rep: PackageItem[]
  /** One package per distinct answer to the scoring and constraint tests (`key`), the rep's first. */
  finals: Array<{ items: PackageItem[]; key: string }>
  /** How far the choice among `finals` can move each side's score (see swingOf). */
  swing: Map<string, number>
  size: number
}

type Sum = { attribute: PackageAttribute; side: string | undefined }

/** Adds to `out` the tests of a condition that depend on the package alone. */
function packageTests(c: Condition | undefined, out: Condition[]): void {
  if (!c) return
  if ('all' in c) for (const x of c.all) packageTests(x, out)
  else if ('any' in c) for (const x of c.any) packageTests(x, out)
  else if ('not' in c) packageTests(c.not, out)
  else if (!('meter' in c || 'flag' in c || 'response' in c || 'fromRound' in c)) out.push(c)
}

/** Every effect of the scenario that reads a sum from the package. */
function packageSums(index: ScenarioIndex): Sum[] {
  const s = index.scenario
  const lists: Array<readonly Effect[]> = [
    ...s.redLines.map((r) => r.response.effects),
    ...s.preferences.map((p) => p.effects),
    ...Object.values(s.response.effects),
    s.noPackage.effects,
    s.unilateral.effects,
    ...s.events.map((e) => e.effects),
  ]
  const sums = new Map<string, Sum>()
  for (const list of lists)
    for (const e of list)
      if ('fromPackage' in e)
        sums.set(`${e.fromPackage}/${e.side ?? ''}`, { attribute: e.fromPackage, side: e.side })
  return [...sums.values()]
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

/** The tests that steer the game, those that only score it, and the sums that effects read. */
export function classTests(index: ScenarioIndex): {
  flow: Condition[]
  score: Condition[]
  groups: ScoreGroup[]
  sums: Sum[]
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
  return { flow, score, groups, sums: packageSums(index) }
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
  const { flow, score, groups: scoreGroups, sums } = classTests(index)
  // class → sum class → score answers → the best package with those answers
  const groups = new Map<string, Map<string, Map<string, Member>>>()
  const sizes = new Map<string, number>()
  const members = new Map<string, number[]>()
  // The constraints broken at the start depend on the package only through the score tests, as keyed.
  const brokenByKey = new Map<string, number>()
  packages.forEach((items, position) => {
    if (items.length === 0) return
    const ctx = { items: resolvePackage(index, items), meters: {}, flags: [], round: 1 }
    const bits = (tests: Condition[]) => {
      let out = ''
      for (const t of tests) out += evaluate(t, ctx) ? '1' : '0'
      return out
    }
    const flowKey = bits(flow)
    const sumKey = sums.map((x) => sumAttribute(ctx.items, x.attribute, x.side)).join(',')
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
  }
}
