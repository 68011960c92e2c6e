import { aftermathOdds, chanceOf } from '../rules/aftermath.ts'
import { evaluate } from '../rules/conditions.ts'
import { type PackageItem, sumAttribute } from '../rules/package.ts'
import { assess } from '../rules/response.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { contextFor, type Difficulty, type GameState } from '../rules/state.ts'
import type { RedLine } from '../scenario/schema/scenario.ts'
import type { AftermathChance, AftermathKind } from '../scenario/schema/uncertainty.ts'
import { outlookOf } from './census.ts'
import type { PackageClass } from './classes.ts'
import { describePackage } from './describe.ts'
import { withFlags } from './offers.ts'

/**
 * The aftermath's odds for every kind of package, the way a teacher weighs a package before class: the exact
 * odds of each outcome (aftermath.ts walks every branch of the years, no draw) if the package is agreed, and
 * if it is imposed without consent, with the red lines it crosses at the low end, the middle and the high end
 * of their resolve ranges (a red line without a range is always fully firm). Worked out in the opening
 * situation (meters at their start, the flags as set at the start), on one package of each sum class
 * (classes.ts): the packages of a sum class get the same odds.
 */

export type Odds = Record<AftermathKind, number>
/** The odds with the crossed red lines' firmness at the low end of their ranges, the middle and the high end. */
export interface OddsAcross {
  low: Odds
  middle: Odds
  high: Odds
}

export interface AftermathGroup {
  /** The smallest package of the group, and in words. */
  items: PackageItem[]
  text: string
  /** How many packages get these odds. */
  packages: number
  /** The red lines it crosses at the start, whose resolve weighs on the years after. */
  redLines: string[]
  /** The odds after a deal; null when Russia accepts it under no flag setting, even with red lines let pass. */
  deal: OddsAcross | null
  /**
   * Null when Russia accepts it with its red lines holding; else the chance that the rejecting red lines it
   * crosses all let it pass, their firmness at the middle of their ranges (0 when one has no range).
   */
  passes: number | null
  imposed: OddsAcross
}

export interface AftermathStudy {
  years: number
  /** Groups of packages with the same odds; how many of them Russia accepts as its red lines stand; how many more only if red lines are let pass. */
  groups: number
  dealGroups: number
  yieldGroups: number
  /** Best and worst groups, by the odds at the middle of the ranges (see HOW_MANY). */
  bestDeals: AftermathGroup[]
  worstDeals: AftermathGroup[]
  /** Groups accepted only if red lines are let pass, by the chance of a deal that then holds (passes × good). */
  bestIfYields: AftermathGroup[]
  bestImposed: AftermathGroup[]
  worstImposed: AftermathGroup[]
}

/** How many groups each list of the study shows. */
export const HOW_MANY = 3

/** The odds of the outcomes a guaranteed side hopes for, and those it fears. */
export const good = (o: Odds) => o.peace + o.deterred
export const bad = (o: Odds) => o.attack + o.confrontation

const ENDS = {
  low: (r: RedLine) => (r.resolve ? r.resolve.low : 1),
  middle: (r: RedLine) => (r.resolve ? (r.resolve.low + r.resolve.high) / 2 : 1),
  high: (r: RedLine) => (r.resolve ? r.resolve.high : 1),
}

/** The study of the aftermath (see above); null when the scenario has none. */
export function studyAftermath(
  index: ScenarioIndex,
  classes: readonly PackageClass[],
  settings: readonly string[][],
  opening: GameState,
  difficulty: Difficulty,
): AftermathStudy | null {
  const spec = index.scenario.aftermath
  if (!spec) return null
  const dealState: GameState = { ...opening, response: accepted(opening.round) }
  const imposedState: GameState = { ...opening, flags: [...opening.flags, 'implemented-without-consent'] }
  /** The odds for a package in a situation, its crossed red lines at each end of their ranges. */
  const across = (
    state: GameState,
    items: readonly PackageItem[],
    crossed: readonly RedLine[],
    imposed: boolean,
  ): OddsAcross => {
    const ctx = contextFor(index, state, items)
    const deterrence = sumAttribute(ctx.items, 'deterrence')
    const at = (end: (r: RedLine) => number): Odds => {
      const felt = crossed.reduce((most, r) => Math.max(most, end(r)), 0)
      const chance = (c: AftermathChance) => chanceOf(c, ctx, deterrence, felt)
      const chances = {
        test: chance(spec.test),
        respond: chance(spec.respond),
        confront: chance(spec.confront),
      }
      return aftermathOdds(
        spec.years,
        { ...chances, afterDeterred: spec.test.afterDeterred, firmness: felt },
        imposed,
      )
    }
    return { low: at(ENDS.low), middle: at(ENDS.middle), high: at(ENDS.high) }
  }
  const groups = new Map<string, AftermathGroup>()
  for (const c of classes) {
    const acceptance = mayAccept(index, c.rep, settings, opening, difficulty)
    // The packages of a class cross the same red lines (classes.ts).
    const crossed = index.scenario.redLines.filter((r) => evaluate(r.when, contextFor(index, opening, c.rep)))
    const redLines = crossed.map((r) => r.id)
    const passes = acceptance === 'ifYields' ? passChance(crossed) : null
    // Sum classes that the aftermath reads alike get the same odds: work them out once.
    const known = new Map<string, [OddsAcross | null, OddsAcross]>()
    for (const s of c.bySums) {
      let odds = known.get(s.aftermath)
      if (!odds) {
        odds = [
          acceptance === 'never' ? null : across(dealState, s.rep, crossed, false),
          across(imposedState, s.rep, crossed, true),
        ]
        known.set(s.aftermath, odds)
      }
      const [deal, imposed] = odds
      const key = JSON.stringify([deal, imposed, acceptance])
      const held = groups.get(key)
      if (held) {
        held.packages += s.size
        if (s.rep.length < held.items.length) Object.assign(held, { items: s.rep, redLines })
        continue
      }
      groups.set(key, {
        items: s.rep,
        text: '',
        packages: s.size,
        redLines,
        deal,
        passes,
        imposed,
      })
    }
  }
  const all = [...groups.values()].map((g) => ({ ...g, text: describePackage(index, g.items) }))
  const deals = all.filter((g) => g.deal && g.passes === null)
  const ifYields = all.filter((g) => g.deal && g.passes !== null)
  const dealt = (g: AftermathGroup) => g.deal?.middle ?? g.imposed.middle
  const top = (list: AftermathGroup[], score: (g: AftermathGroup) => number) =>
    [...list].sort((a, b) => score(b) - score(a) || a.items.length - b.items.length).slice(0, HOW_MANY)
  return {
    years: spec.years,
    groups: all.length,
    dealGroups: deals.length,
    yieldGroups: ifYields.length,
    bestDeals: top(deals, (g) => good(dealt(g))),
    worstDeals: top(deals, (g) => bad(dealt(g))),
    bestIfYields: top(ifYields, (g) => (g.passes ?? 0) * good(dealt(g))),
    bestImposed: top(all, (g) => good(g.imposed.middle)),
    worstImposed: top(all, (g) => bad(g.imposed.middle)),
  }
}

/**
 * Whether Russia may accept a package at the start, under some flag setting: as things stand ('yes'), only
 * if red lines with a range are let pass ('ifYields'; letting all of them pass is the most it can do for a
 * package, see response.ts), or never.
 */
function mayAccept(
  index: ScenarioIndex,
  items: readonly PackageItem[],
  settings: readonly string[][],
  opening: GameState,
  difficulty: Difficulty,
): 'yes' | 'ifYields' | 'never' {
  const accepts = (holds: (r: RedLine) => boolean) =>
    settings.some((flags) => {
      const ctx = contextFor(index, withFlags(index, opening, flags), items)
      const answer = outlookOf(index, assess(index, ctx, difficulty, holds))
      return answer === 'acceptAlways' || answer === 'acceptByChance'
    })
  if (accepts(() => true)) return 'yes'
  return accepts((r) => !r.resolve) ? 'ifYields' : 'never'
}

/** The chance that every rejecting red line crossed lets the package pass, at the middle of the ranges. */
function passChance(crossed: readonly RedLine[]): number {
  return crossed
    .filter((r) => r.response.kind !== 'warn')
    .reduce((p, r) => p * (r.resolve ? 1 - ENDS.middle(r) : 0), 1)
}

/** Russia's acceptance in round `round`, as the deal's situation has it when the aftermath begins. */
function accepted(round: number): GameState['response'] {
  return {
    round,
    verdict: 'accept',
    redLines: [],
    yielded: [],
    preferences: [],
    demands: [],
    disposition: 0,
    noise: 0,
    acceptAt: 0,
  }
}
