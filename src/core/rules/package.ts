import type { PackageAttribute } from '../scenario/schema/conditions.ts'
import type { ScenarioIndex } from './scenario-index.ts'

/** One instrument in the package, in the reading chosen, put in by one side. */
export interface PackageItem {
  instrument: string
  variant?: string
  backedBy: string
}

/** An item with the variant's overrides applied: what conditions and scores read. */
export interface ResolvedItem {
  item: PackageItem
  name: string
  tags: readonly string[]
  deterrence: number
  costs: Readonly<Record<string, number>>
  risks: Readonly<Record<string, number>>
}

const RESOLVED = new WeakMap<PackageItem, { index: ScenarioIndex; resolved: ResolvedItem }>()

/**
 * Applies a variant's overrides to its instrument. Unknown ids resolve to nothing (the loader rejects them).
 * Package items are never changed once made, so each is resolved once and remembered: the response bench
 * resolves every legal package, and the game state keeps the same item objects from command to command.
 */
export function resolveItem(index: ScenarioIndex, item: PackageItem): ResolvedItem | undefined {
  const cached = RESOLVED.get(item)
  if (cached && cached.index === index) return cached.resolved
  const instrument = index.instruments.get(item.instrument)
  if (!instrument) return undefined
  const variant = item.variant ? index.variants.get(item.instrument)?.get(item.variant) : undefined
  const resolved: ResolvedItem = {
    item,
    name: variant ? `${instrument.name} (${variant.name})` : instrument.name,
    tags: variant ? [...instrument.tags, ...variant.tags] : instrument.tags,
    deterrence: variant?.deterrence ?? instrument.deterrence,
    costs: variant?.costs ?? instrument.costs,
    risks: variant?.risks ?? instrument.risks,
  }
  RESOLVED.set(item, { index, resolved })
  return resolved
}

/** Resolves every item of a package, dropping any the scenario does not know. */
export function resolvePackage(index: ScenarioIndex, items: readonly PackageItem[]): ResolvedItem[] {
  const out: ResolvedItem[] = []
  for (const item of items) {
    const resolved = resolveItem(index, item)
    if (resolved) out.push(resolved)
  }
  return out
}

/** Sums an attribute over resolved items; for cost and risk, one side's or (without `side`) everyone's. */
export function sumAttribute(
  items: readonly ResolvedItem[],
  attribute: PackageAttribute,
  side?: string,
): number {
  let total = 0
  for (const r of items) {
    if (attribute === 'deterrence') total += r.deterrence
    else {
      const table = attribute === 'cost' ? r.costs : r.risks
      if (side !== undefined) total += table[side] ?? 0
      else for (const v of Object.values(table)) total += v
    }
  }
  return total
}

/** A side's fraction of the package's total cost or risk; 0 when the package costs nobody anything. */
export function shareOf(items: readonly ResolvedItem[], attribute: 'cost' | 'risk', side: string): number {
  const total = sumAttribute(items, attribute)
  return total === 0 ? 0 : sumAttribute(items, attribute, side) / total
}

const KEYS = new WeakMap<readonly PackageItem[], string>()

/**
 * A stable text key for a package, independent of the order in which items were added. Packages are never
 * changed once made, so each list's key is worked out once (computer players key thousands of packages).
 */
export function packageKey(items: readonly PackageItem[]): string {
  let key = KEYS.get(items)
  if (key === undefined) {
    key = items
      .map((i) => `${i.instrument}${i.variant ? `/${i.variant}` : ''}@${i.backedBy}`)
      .sort()
      .join('+')
    KEYS.set(items, key)
  }
  return key
}
