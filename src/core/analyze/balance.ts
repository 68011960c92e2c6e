import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { Difficulty } from '../rules/state.ts'
import type { Analysis } from './analysis.ts'
import { assessOffer, outlookOf } from './census.ts'
import { describePackage } from './describe.ts'
import { openingState } from './offers.ts'
import type { Tally } from './tally.ts'

export type BalanceCode =
  | 'DOMINANT_PACKAGE'
  | 'SIDE_ALWAYS_LOSES'
  | 'SIDE_ALWAYS_AHEAD'
  | 'RED_LINE_NEVER_CROSSED'
  | 'NOTHING_ACCEPTED'
  | 'EVERYTHING_ACCEPTED'
  | 'ENDING_UNREACHED'

/** Something that makes the game less of a dilemma than its author probably meant. */
export interface BalanceWarning {
  code: BalanceCode
  message: string
}

/** Scores within this distance count as equal (scores are kept to one decimal). */
const EPSILON = 1e-6

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
      `${dominant} is accepted in round 1 whatever the dice, and gives every proposing side its best score in the explored games: there is nothing left to negotiate`,
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
  if (a.acceptAlways + a.acceptByChance === 0)
    warn('NOTHING_ACCEPTED', 'Russia accepts no package at all in the opening situation')
  if (a.reject + a.demandRemoval + a.rejectAlways === 0)
    warn(
      'EVERYTHING_ACCEPTED',
      'Russia accepts every package in the opening situation: its red lines never bite',
    )
  for (const e of analysis.endings)
    if (!e.reached) warn('ENDING_UNREACHED', `Ending "${e.id}" is reached in none of the explored games`)
  return out
}

/**
 * A deal of round 1 that Russia accepts whatever the dice and that gives each proposing side with a score
 * at least its best over all explored games, in words; null when there is none.
 */
function dominantDeal(
  index: ScenarioIndex,
  analysis: Analysis,
  tally: Tally,
  difficulty: Difficulty,
): string | null {
  const best = new Map(analysis.sides.map((s) => [s.id, s.best ?? Number.POSITIVE_INFINITY]))
  const judged = index.proposers.filter((p) => best.has(p))
  if (judged.length === 0) return null
  for (const deal of tally.openingDeals) {
    if (
      !judged.every(
        (side) => (deal.scores[side] ?? Number.NEGATIVE_INFINITY) >= (best.get(side) ?? 0) - EPSILON,
      )
    )
      continue
    const step = deal.game.steps[0]
    if (!step?.tabled) continue
    const opening = openingState(index, deal.game.seed, difficulty)
    const a = assessOffer(index, opening, { items: step.tabled, flags: step.flags })
    if (outlookOf(index, a) === 'acceptAlways') return `"${describePackage(index, step.tabled)}"`
  }
  return null
}
