import type { Preference, RedLine } from '../scenario/schema/scenario.ts'
import { type ConditionContext, evaluate } from './conditions.ts'
import type { PackageItem } from './package.ts'
import { draw } from './rng.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import type { Difficulty, Response } from './state.ts'

/** How much readier (+) or less ready (−) Russia is to accept at each difficulty. */
export const RESPONDER_BIAS: Record<Difficulty, number> = { easy: 1, normal: 0, hard: -1 }

/** What the responder makes of a package before any chance enters: the part a teacher can predict. */
export interface Assessment {
  redLines: RedLine[]
  preferences: Preference[]
  demands: PackageItem[]
  /** reject or demandRemoval when a red line decides it; null when the disposition does. */
  forced: 'reject' | 'demandRemoval' | null
  disposition: number
}

/** Evaluates every red line and preference of the responder against a package. */
export function assess(index: ScenarioIndex, ctx: ConditionContext, difficulty: Difficulty): Assessment {
  const { scenario } = index
  const redLines: RedLine[] = []
  const preferences: Preference[] = []
  let disposition = scenario.response.disposition + RESPONDER_BIAS[difficulty]
  for (const p of scenario.preferences) {
    if (!evaluate(p.when, ctx)) continue
    preferences.push(p)
    disposition += p.weight
  }
  let forced: Assessment['forced'] = null
  const demands: PackageItem[] = []
  for (const r of scenario.redLines) {
    if (!evaluate(r.when, ctx)) continue
    redLines.push(r)
    if (r.response.kind === 'reject') forced = 'reject'
    else if (r.response.kind === 'demandRemoval') {
      if (forced === null) forced = 'demandRemoval'
      const remove = r.response.remove
      if (!remove) continue
      for (const item of ctx.items) {
        const hit =
          remove.instruments.includes(item.item.instrument) || remove.tags.some((t) => item.tags.includes(t))
        if (hit && !demands.some((d) => d.instrument === item.item.instrument)) demands.push(item.item)
      }
    } else disposition -= r.severity
  }
  return { redLines, preferences, demands, forced, disposition }
}

/**
 * Resolves the responder's answer: a rejecting red line decides it; then a demand for removal; otherwise the
 * disposition plus seeded noise must reach the scenario's bar. Returns the response and the next rng state.
 */
export function resolveResponse(
  index: ScenarioIndex,
  ctx: ConditionContext,
  difficulty: Difficulty,
  rng: number,
): { response: Response; rng: number } {
  const a = assess(index, ctx, difficulty)
  const { noise: spread, acceptAt } = index.scenario.response
  let noise = 0
  let next = rng
  if (a.forced === null && spread > 0) {
    const d = draw(rng)
    next = d.next
    noise = Math.round((d.value * 2 - 1) * spread * 100) / 100
  }
  const verdict = a.forced ?? (a.disposition + noise >= acceptAt ? 'accept' : 'reject')
  return {
    rng: next,
    response: {
      round: ctx.round,
      verdict,
      redLines: a.redLines.map((r) => r.id),
      preferences: a.preferences.map((p) => p.id),
      demands: a.demands,
      disposition: a.disposition,
      noise,
      acceptAt,
    },
  }
}
