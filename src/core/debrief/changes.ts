import { sideName } from '../rules/apply.ts'
import type { PackageItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'

/** The kinds of change a what-if makes to a package. */
export const CHANGE_KINDS = ['add', 'withdraw', 'switch'] as const

/** One change to a package: an instrument added, an item withdrawn, or an item switched to another reading. */
export interface Change {
  kind: (typeof CHANGE_KINDS)[number]
  /** The item added, or the item withdrawn or switched as it stood in the package. */
  item: PackageItem
  /** For a switch: the reading it would take. */
  variant?: string
  /**
   * The change in English words, e.g. "withdraw Multinational reassurance force (European governments)",
   * for exports and logs; screens word it from `kind`, `item` and `variant`.
   */
  text: string
}

/**
 * The changes that touch one instrument. A combination takes at most one per slot, since withdrawing and
 * adding the same instrument again is never smaller than switching it.
 */
export interface Slot {
  instrument: string
  options: Array<{ change: Change; result: PackageItem | null }>
}

/** An instrument's name, without its reading. */
export function instrumentName(index: ScenarioIndex, id: string): string {
  return index.instruments.get(id)?.name ?? id
}

/** A reading's name, or its id. */
export function variantName(index: ScenarioIndex, instrument: string, variant: string): string {
  return index.variants.get(instrument)?.get(variant)?.name ?? variant
}

/** An item's name with its reading, e.g. `NATO Article 5-style provision (US proposal), read "could…"`. */
export function itemName(index: ScenarioIndex, item: PackageItem): string {
  const name = instrumentName(index, item.instrument)
  return item.variant ? `${name}, read “${variantName(index, item.instrument, item.variant)}”` : name
}

function addOptions(index: ScenarioIndex, id: string): Slot['options'] {
  const instrument = index.instruments.get(id)
  if (!instrument) return []
  const readings = instrument.variants.length ? instrument.variants.map((v) => v.id) : [undefined]
  const backers = instrument.proposers.filter((p) => index.proposers.includes(p))
  return backers.flatMap((backedBy) =>
    readings.map((variant) => {
      const item: PackageItem = variant ? { instrument: id, variant, backedBy } : { instrument: id, backedBy }
      const text = `add ${itemName(index, item)} (${sideName(index, backedBy)})`
      return { change: { kind: 'add' as const, item, text }, result: item }
    }),
  )
}

function itemOptions(index: ScenarioIndex, item: PackageItem): Slot['options'] {
  const who = sideName(index, item.backedBy)
  const options: Slot['options'] = [
    {
      change: { kind: 'withdraw', item, text: `withdraw ${itemName(index, item)} (${who})` },
      result: null,
    },
  ]
  for (const variant of index.variants.get(item.instrument)?.keys() ?? []) {
    if (variant === item.variant) continue
    const name = instrumentName(index, item.instrument)
    const text = `read ${name} as “${variantName(index, item.instrument, variant)}” instead`
    options.push({
      change: { kind: 'switch', item, variant, text },
      result: { ...item, variant },
    })
  }
  return options
}

/**
 * Every slot of change for a package, in a fixed order: the package's items as tabled, then the absent
 * instruments in scenario order. Within a slot: withdraw before switches, and additions by backer then
 * reading, in scenario order, so that the what-if always lists its findings in the same order.
 */
export function changeSlots(index: ScenarioIndex, items: readonly PackageItem[]): Slot[] {
  const present = new Set(items.map((i) => i.instrument))
  const slots: Slot[] = items
    .filter((i) => index.instruments.has(i.instrument))
    .map((item) => ({ instrument: item.instrument, options: itemOptions(index, item) }))
  for (const instrument of index.scenario.instruments) {
    if (present.has(instrument.id)) continue
    const options = addOptions(index, instrument.id)
    if (options.length) slots.push({ instrument: instrument.id, options })
  }
  return slots
}

/**
 * The package after a set of changes, or null when it could not be tabled: empty, or holding two
 * instruments that exclude each other. Kept items stay in place; additions come last.
 */
export function applyChanges(
  index: ScenarioIndex,
  items: readonly PackageItem[],
  chosen: ReadonlyArray<{ change: Change; result: PackageItem | null }>,
): PackageItem[] | null {
  const touched = new Map(chosen.filter((c) => c.change.kind !== 'add').map((c) => [c.change.item, c.result]))
  const out: PackageItem[] = []
  for (const item of items) {
    const next = touched.has(item) ? touched.get(item) : item
    if (next) out.push(next)
  }
  for (const c of chosen) if (c.change.kind === 'add' && c.result) out.push(c.result)
  if (out.length === 0) return null
  for (let i = 0; i < out.length; i++) {
    const excluded = index.exclusions.get(out[i]?.instrument ?? '')
    if (excluded && out.some((o, j) => j !== i && excluded.has(o.instrument))) return null
  }
  return out
}
