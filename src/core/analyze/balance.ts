import { packageKey } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { Difficulty } from '../rules/state.ts'
import { possessive } from '../text/possessive.ts'
import { bad, type OddsAcross } from './aftermath-odds.ts'
import type { Analysis } from './analysis.ts'
import { assessOffer, outlookOf } from './census.ts'
import { describePackage } from './describe.ts'
import { openingState } from './offers.ts'
import type { OpeningDeal, Tally } from './tally.ts'

export type BalanceCode =
  | 'DOMINANT_PACKAGE'
  | 'SIDE_ALWAYS_LOSES'
  | 'SIDE_ALWAYS_AHEAD'
  | 'RED_LINE_NEVER_CROSSED'
  | 'NOTHING_ACCEPTED'
  | 'EVERYTHING_ACCEPTED'
  | 'ENDING_UNREACHED'
  | 'DEALS_ALWAYS_HOLD'
  | 'SAFE_IMPOSITION'

/** Something that makes the game less of a dilemma than its author probably meant. */
export interface BalanceWarning {
  code: BalanceCode
  message: string
}

/** Scores within this distance count as equal (scores are kept to one decimal). */
const EPSILON = 1e-6
/**
 * Odds of an attack or a confrontation below which the years after are no risk worth weighing: a deal or an
 * imposition that stays under it whatever Russia's resolve makes the aftermath no part of the dilemma.
 */
export const RISK_FLOOR = 0.1

/** Looks over an analysis (and the search's round-1 deals) for signs that the game is lopsided. */
export function balanceWarnings(
  index: ScenarioIndex,
  analysis: Analysis,
  tally: Tally,
  difficulty: Difficulty,
): BalanceWarning[] {
  const out: BalanceWarning[] = []
  const warn = (code: BalanceCode, message: string) => out.push({ code, message })
  const dominant = dominantDeal(index, analysis, tally, difficulty)
  if (dominant)
    warn(
      'DOMINANT_PACKAGE',
      `${dominant} is accepted in round 1 whatever the dice, and with every seed tried gives every proposing side its best score in the explored games${index.scenario.aftermath ? ', the years after included' : ''}: there is nothing left to negotiate`,
    )
  for (const s of analysis.sides) {
    if (s.best !== null && s.best < s.par)
      warn(
        'SIDE_ALWAYS_LOSES',
        `${s.name} never reaches its par of ${s.par} (best ${s.best} in the explored games)`,
      )
    if (s.worst !== null && s.worst >= s.par)
      warn(
        'SIDE_ALWAYS_AHEAD',
        `${s.name} always reaches its par of ${s.par} (worst ${s.worst} in the explored games)`,
      )
  }
  for (const r of analysis.redLines)
    if (r.packages === 0 && !r.crossedInGames)
      warn(
        'RED_LINE_NEVER_CROSSED',
        `Red line "${r.id}" is crossed by no package at the start and never in the explored games`,
      )
  const a = analysis.answers
  const who = analysis.scenario.responder
  if (a.acceptAlways + a.acceptByChance === 0)
    warn(
      'NOTHING_ACCEPTED',
      `${who} accepts no package at all in the opening situation${analysis.resolve.some((r) => r.range) ? ', while its red lines hold' : ''}`,
    )
  if (a.reject + a.demandRemoval + a.rejectAlways === 0)
    warn(
      'EVERYTHING_ACCEPTED',
      `${who} accepts every package in the opening situation: its red lines never bite`,
    )
  for (const e of analysis.endings)
    if (!e.reached) warn('ENDING_UNREACHED', `Ending "${e.id}" is reached in none of the explored games`)
  const after = analysis.aftermath
  const riskiest = after?.worstDeals[0]?.deal
  if (riskiest && worstRisk(riskiest) < RISK_FLOOR)
    warn(
      'DEALS_ALWAYS_HOLD',
      `Every package ${who} accepts at the start ends in an attack or a confrontation less than ${pct(RISK_FLOOR)} of the time, whatever its resolve (at worst ${pct(worstRisk(riskiest))}): the years after never put a deal to the test`,
    )
  const safest = after?.bestImposed[0]
  if (safest && worstRisk(safest.imposed) < RISK_FLOOR)
    warn(
      'SAFE_IMPOSITION',
      `Imposing "${safest.text}" without consent ends in an attack or a confrontation less than ${pct(RISK_FLOOR)} of the time, whatever ${possessive(who, "'")} resolve (at worst ${pct(worstRisk(safest.imposed))}): acting without consent carries little risk`,
    )
  return out
}

/**
 * A deal of round 1 that Russia accepts whatever the dice and that, with every seed of chance searched, gives
 * each proposing side with a score at least its best with that seed (the aftermath, when the scenario has
 * one, included: a package that wins only on a lucky draw of the years after is not dominant), in words; null
 * when there is none.
 */
function dominantDeal(
  index: ScenarioIndex,
  analysis: Analysis,
  tally: Tally,
  difficulty: Difficulty,
): string | null {
  const judged = index.proposers.filter((p) => analysis.sides.some((s) => s.id === p))
  if (judged.length === 0) return null
  const winning = new Map<string, Map<number, OpeningDeal>>()
  for (const deal of tally.openingDeals) {
    const step = deal.game.steps[0]
    if (!step?.tabled) continue
    const best = tally.bestBySeed.get(deal.game.seed)
    const wins = (side: string) =>
      (deal.scores[side] ?? Number.NEGATIVE_INFINITY) >=
      (best?.get(side) ?? Number.POSITIVE_INFINITY) - EPSILON
    if (!judged.every(wins)) continue
    const key = `${packageKey(step.tabled)}|${[...step.flags].sort().join(',')}`
    const seeds = winning.get(key) ?? new Map<number, OpeningDeal>()
    seeds.set(deal.game.seed, deal)
    winning.set(key, seeds)
  }
  for (const seeds of winning.values()) {
    if (!analysis.method.seeds.every((seed) => seeds.has(seed))) continue
    const step = [...seeds.values()][0]?.game.steps[0]
    if (!step?.tabled) continue
    const opening = openingState(index, analysis.method.seeds[0] ?? 1, difficulty)
    const a = assessOffer(index, opening, { items: step.tabled, flags: step.flags })
    if (outlookOf(index, a) === 'acceptAlways') return `"${describePackage(index, step.tabled)}"`
  }
  return null
}

const pct = (x: number) => `${Math.round(100 * x)}%`

/** The odds of an attack or a confrontation at whichever end of the resolve ranges makes them highest. */
function worstRisk(odds: OddsAcross): number {
  return Math.max(bad(odds.low), bad(odds.middle), bad(odds.high))
}
