import type { RedLine } from '../scenario/schema/scenario.ts'
import { DIFFICULTY } from './difficulty.ts'
import { draw } from './rng.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import type { Difficulty } from './state.ts'

/**
 * The responder's hidden resolve: for each red line with a `resolve` range, a firmness drawn once per game
 * from the seeded generator. Players never see it during play; they learn from the answers, and the debrief
 * reveals it. A red line without a range always holds (firmness 1).
 */

/** Draws the firmness of every red line with a range, in scenario order; returns them and the next rng. */
export function drawResolve(
  index: ScenarioIndex,
  difficulty: Difficulty,
  rng: number,
): { resolve: Record<string, number>; rng: number } {
  const resolve: Record<string, number> = {}
  let next = rng
  const power = DIFFICULTY[difficulty].resolvePower
  for (const r of index.scenario.redLines) {
    if (!r.resolve) continue
    const d = draw(next)
    next = d.next
    const { low, high } = r.resolve
    resolve[r.id] = Math.round((low + (Math.max(high, low) - low) * d.value ** power) * 100) / 100
  }
  return { resolve, rng: next }
}

/** A red line's firmness in this game: the drawn value, or 1 for a red line without a range. */
export function firmnessOf(resolve: Readonly<Record<string, number>>, redLine: RedLine): number {
  return redLine.resolve ? (resolve[redLine.id] ?? redLine.resolve.high) : 1
}

/** Whether each crossed red line holds this time, and which the responder lets pass. */
export type Holds = (redLine: RedLine) => boolean
