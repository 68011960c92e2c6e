import type { Preference, RedLine } from '../scenario/schema/scenario.ts'
import { type ConditionContext, evaluate } from './conditions.ts'
import { DIFFICULTY } from './difficulty.ts'
import type { PackageItem } from './package.ts'
import { firmnessOf, type Holds } from './resolve.ts'
import { draw } from './rng.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import type { Difficulty, Response } from './state.ts'

const ALWAYS: Holds = () => true

/** What the responder makes of a package before any chance enters: the part a teacher can predict. */
export interface Assessment {
  /** Every red line the package crosses, held or not. */
  redLines: RedLine[]
  /** The crossed red lines the responder let pass this time (they only warned). */
  yielded: RedLine[]
  preferences: Preference[]
  demands: PackageItem[]
  /** reject or demandRemoval when a red line decides it; null when the disposition does. */
  forced: 'reject' | 'demandRemoval' | null
  disposition: number
}

/**
 * Evaluates every red line and preference of the responder against a package. `holds` says whether a crossed
 * red line holds this time (the real answer draws it from the hidden resolve; a computer partner plans with
 * what it believes); a red line that does not hold is recorded but weighs nothing on this answer.
 */
export function assess(
  index: ScenarioIndex,
  ctx: ConditionContext,
  difficulty: Difficulty,
  holds: Holds = ALWAYS,
): Assessment {
  const { scenario } = index
  const redLines: RedLine[] = []
  const yielded: RedLine[] = []
  const preferences: Preference[] = []
  let disposition = scenario.response.disposition + DIFFICULTY[difficulty].responderBias
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
    // A red line the responder lets pass this time weighs nothing on this answer: it is recorded, and
    // its words stand, but the package is answered as though it had not crossed it.
    if (!holds(r)) {
      yielded.push(r)
      continue
    }
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
  return { redLines, yielded, preferences, demands, forced, disposition }
}

/**
 * Resolves the responder's answer (with `believe`, as a side that believes it imagines it): each crossed red line with a hidden firmness below 1 holds with that
 * probability (seeded); a held rejecting red line decides it; then a demand for removal; otherwise the
 * disposition plus seeded noise must reach the scenario's bar. Returns the response and the next rng state.
 */
export function resolveResponse(
  index: ScenarioIndex,
  ctx: ConditionContext,
  difficulty: Difficulty,
  rng: number,
  resolve: Readonly<Record<string, number>> = {},
  believe?: Holds,
): { response: Response; rng: number } {
  let next = rng
  const held = new Map<string, boolean>()
  // A computer partner imagining the answer plans with what it believes, never with the hidden draw.
  const drawn: Holds = (r) => {
    const known = held.get(r.id)
    if (known !== undefined) return known
    const firmness = firmnessOf(resolve, r)
    let value = true
    if (firmness < 1) {
      const d = draw(next)
      next = d.next
      value = d.value < firmness
    }
    held.set(r.id, value)
    return value
  }
  const a = assess(index, ctx, difficulty, believe ?? drawn)
  const { noise: spread, acceptAt } = index.scenario.response
  let noise = 0
  if (a.forced === null && spread > 0) {
    const d = draw(next)
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
      yielded: a.yielded.map((r) => r.id),
      preferences: a.preferences.map((p) => p.id),
      demands: a.demands,
      disposition: a.disposition,
      noise,
      acceptAt,
    },
  }
}
