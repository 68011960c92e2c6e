import type { Scenario } from '../scenario/schema/scenario.ts'
import { evaluate } from './conditions.ts'
import type { PackageItem } from './package.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import { contextFor, type GameState } from './state.ts'

type Constraint = Scenario['sides'][number]['constraints'][number]

/**
 * The constraints of `side` that a package would break in the current situation: those whose `when` holds
 * (or that have none) and whose `requires` does not.
 */
export function brokenConstraints(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  items: readonly PackageItem[] = state.package,
): Constraint[] {
  const constraints = index.sides.get(side)?.constraints ?? []
  if (constraints.length === 0) return []
  const ctx = contextFor(index, state, items)
  return constraints.filter((c) => (!c.when || evaluate(c.when, ctx)) && !evaluate(c.requires, ctx))
}
