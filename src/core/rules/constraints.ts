import type { Scenario } from '../scenario/schema/scenario.ts'
import { evaluate } from './conditions.ts'
import type { PackageItem } from './package.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import { contextFor, type GameState } from './state.ts'

type Constraint = Scenario['sides'][number]['constraints'][number]

/** Every kind of warning a command can give the side that sent it. */
export const WARNING_CODES = ['CONSTRAINT_BROKEN'] as const

/**
 * A warning for the side that sent a command, as data only: its code and the ids it is about, so that each
 * screen (and each classroom device) words it in its own language (src/messages).
 */
export interface RuleWarning {
  code: (typeof WARNING_CODES)[number]
  /** The side warned. */
  side: string
  /** CONSTRAINT_BROKEN: the id of the side's constraint that the package breaks. */
  constraint: string
}

/** The warning given to a side that endorses a package breaking one of its own constraints. */
export function constraintWarning(side: string, constraint: Constraint): RuleWarning {
  return {
    code: 'CONSTRAINT_BROKEN',
    side,
    constraint: constraint.id,
  }
}

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
