import type { RedLine } from '../scenario/schema/scenario.ts'
import { conditionRefs } from './conditions.ts'
import type { ScenarioIndex } from './scenario-index.ts'

const CACHE = new WeakMap<ScenarioIndex, Map<string, RedLine[]>>()

/**
 * The responder's red lines that name an instrument, or one of the tags it carries in the reading chosen:
 * what a side can know from Russia's public statements before it tables anything. Red lines that only count
 * totals (deterrence, risk) are not listed here; the package's totals show what they weigh.
 */
export function redLinesTouching(index: ScenarioIndex, instrument: string, variant?: string): RedLine[] {
  let cache = CACHE.get(index)
  if (!cache) {
    cache = new Map()
    CACHE.set(index, cache)
  }
  const key = `${instrument}/${variant ?? ''}`
  const hit = cache.get(key)
  if (hit) return hit
  const found = index.instruments.get(instrument)
  const tags = new Set([
    ...(found?.tags ?? []),
    ...(index.variants.get(instrument)?.get(variant ?? '')?.tags ?? []),
  ])
  const touching = index.scenario.redLines.filter((r) => {
    const refs = conditionRefs(r.when)
    return (
      refs.instruments.some(
        (i) =>
          i.id === instrument && (i.variant === undefined || variant === undefined || i.variant === variant),
      ) || refs.tags.some((t) => tags.has(t))
    )
  })
  cache.set(key, touching)
  return touching
}
