import { evaluate } from '../rules/conditions.ts'
import { brokenConstraints } from '../rules/constraints.ts'
import type { PackageItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { contextFor, type GameState } from '../rules/state.ts'
import type { PackageClass } from './classes.ts'
import { withFlags } from './offers.ts'

/**
 * How the softer positions bear on the packages at the start: how many packages each of Russia's
 * preferences applies to, and how many break each constraint of the proposing sides. Like the red-line
 * counts, a package counts once when it does so under some setting of the proposer-settable flags.
 *
 * Preferences test the package only through tests that classes.ts groups by, so each class is judged
 * once by its representative. Constraints are score tests, on which the members of a class may differ,
 * so every package is judged: at most the loader's sampling limit of them, a fifth of a second on the
 * seed scenario's 41,471.
 */

export interface PreferenceCount {
  id: string
  title: string
  /** Added to Russia's disposition when the preference applies (negative: less willing). */
  weight: number
  /** Packages it applies to in the opening situation. */
  packages: number
}

export interface ConstraintCount {
  side: string
  id: string
  text: string
  /** Packages that break it in the opening situation. */
  packages: number
}

/** Counts, in the opening situation, the packages each preference applies to and each constraint refuses. */
export function countPositions(
  index: ScenarioIndex,
  packages: readonly PackageItem[][],
  classes: readonly PackageClass[],
  settings: readonly string[][],
  opening: GameState,
): { preferences: PreferenceCount[]; constraints: ConstraintCount[] } {
  const states = settings.map((flags) => withFlags(index, opening, flags))
  const { preferences } = index.scenario
  const met = new Map<string, number>(preferences.map((p) => [p.id, 0]))
  for (const c of classes) {
    const contexts = states.map((state) => contextFor(index, state, c.rep))
    for (const p of preferences)
      if (contexts.some((ctx) => evaluate(p.when, ctx)))
        met.set(p.id, (met.get(p.id) ?? 0) + c.members.length)
  }
  const broken = new Map<string, number>()
  const key = (side: string, id: string) => `${side}/${id}`
  for (const items of packages) {
    const seen = new Set<string>()
    for (const state of states)
      for (const side of index.proposers)
        for (const c of brokenConstraints(index, state, side, items)) seen.add(key(side, c.id))
    for (const k of seen) broken.set(k, (broken.get(k) ?? 0) + 1)
  }
  return {
    preferences: preferences.map((p) => ({
      id: p.id,
      title: p.title,
      weight: p.weight,
      packages: met.get(p.id) ?? 0,
    })),
    constraints: index.proposers.flatMap((side) =>
      (index.sides.get(side)?.constraints ?? []).map((c) => ({
        side,
        id: c.id,
        text: c.text,
        packages: broken.get(key(side, c.id)) ?? 0,
      })),
    ),
  }
}
