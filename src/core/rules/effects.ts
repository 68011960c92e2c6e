import type { Effect } from '../scenario/schema/scenario.ts'
import { type ResolvedItem, sumAttribute } from './package.ts'
import { drawSpread } from './rng.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import { clamp } from './state.ts'

/** The parts of the state that effects change. */
export interface EffectTarget {
  meters: Record<string, number>
  flags: string[]
  rng: number
}

/**
 * Applies effects in order to a copy of the target and returns it. Meters stay within their range;
 * a random spread draws from the seeded generator. `items` is the package the effects refer to.
 */
export function applyEffects(
  index: ScenarioIndex,
  target: EffectTarget,
  effects: readonly Effect[],
  items: readonly ResolvedItem[],
): EffectTarget {
  if (effects.length === 0) return target
  const meters = { ...target.meters }
  let flags = target.flags
  let rng = target.rng
  for (const e of effects) {
    if ('setFlag' in e) {
      if (!flags.includes(e.setFlag)) flags = [...flags, e.setFlag]
      continue
    }
    if ('clearFlag' in e) {
      flags = flags.filter((f) => f !== e.clearFlag)
      continue
    }
    const meter = index.meters.get(e.meter)
    if (!meter) continue
    let value = meters[e.meter] ?? meter.start
    if ('add' in e) {
      let amount = e.add
      if (e.spread) {
        const d = drawSpread(rng, e.spread)
        rng = d.next
        amount += d.value
      }
      value += amount
    } else if ('set' in e) value = e.set
    else value = (e.offset ?? 0) + e.factor * sumAttribute(items, e.fromPackage, e.side)
    meters[e.meter] = clamp(value, meter.min, meter.max)
  }
  return { meters, flags, rng }
}
