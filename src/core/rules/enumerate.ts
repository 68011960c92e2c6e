import type { PackageItem } from './package.ts'
import { draw } from './rng.ts'
import type { ScenarioIndex } from './scenario-index.ts'

/** The ways each instrument can be in a package: each reading, put in by each side that may propose it. */
export function itemOptions(index: ScenarioIndex): PackageItem[][] {
  return index.scenario.instruments.map((instrument) => {
    const readings = instrument.variants.length ? instrument.variants.map((v) => v.id) : [undefined]
    const backers = instrument.proposers.filter((p) => index.proposers.includes(p))
    return backers.flatMap((backedBy) =>
      readings.map((variant) =>
        variant ? { instrument: instrument.id, variant, backedBy } : { instrument: instrument.id, backedBy },
      ),
    )
  })
}

/**
 * Visits every legal package (every instrument absent or in one of its ways, no two that exclude each other),
 * stopping after `limit`. Returns how many were visited. The array passed to `visit` is reused: copy it to keep it.
 */
export function forEachPackage(
  index: ScenarioIndex,
  visit: (items: PackageItem[]) => void,
  limit = Infinity,
): number {
  const options = itemOptions(index)
  const chosen: PackageItem[] = []
  let count = 0
  const step = (i: number): boolean => {
    if (count >= limit) return false
    if (i === options.length) {
      count++
      visit(chosen)
      return true
    }
    if (!step(i + 1)) return false
    for (const option of options[i] ?? []) {
      const excluded = index.exclusions.get(option.instrument)
      if (excluded && chosen.some((c) => excluded.has(c.instrument))) continue
      chosen.push(option)
      const go = step(i + 1)
      chosen.pop()
      if (!go) return false
    }
    return true
  }
  step(0)
  return count
}

/** Counts legal packages up to `cap` (the count is exact when below it). */
export function countPackages(index: ScenarioIndex, cap = 10_000_000): number {
  return forEachPackage(index, () => {}, cap)
}

/** Draws a legal package at random from the seeded generator; returns it with the next generator state. */
export function randomPackage(index: ScenarioIndex, rng: number): { items: PackageItem[]; rng: number } {
  const items: PackageItem[] = []
  let state = rng
  for (const options of itemOptions(index)) {
    const d = draw(state)
    state = d.next
    const pick = Math.floor(d.value * (options.length + 1)) - 1
    const option = options[pick]
    if (!option) continue
    const excluded = index.exclusions.get(option.instrument)
    if (excluded && items.some((c) => excluded.has(c.instrument))) continue
    items.push(option)
  }
  return { items, rng: state }
}
