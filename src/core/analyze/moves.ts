import { playAftermath } from '../rules/aftermath.ts'
import { brokenConstraints } from '../rules/constraints.ts'
import { concludeDecision, endRoundUntabled, tablePackage } from '../rules/flow.ts'
import type { PackageItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState } from '../rules/state.ts'
import type { SumReaders } from './classes.ts'

const all = <T>(index: ScenarioIndex, value: T): Record<string, T> =>
  Object.fromEntries(index.proposers.map((side) => [side, value]))

/**
 * The moves of a round, made with the rule functions the commands call (apply.ts) minus the checks of
 * the command itself, which the search never fails; tests replay found games with `applyCommand`.
 */
export const moves = {
  /** Every side endorses (recording the constraints of its own the package breaks), then it is tabled. */
  table(index: ScenarioIndex, base: GameState, items: PackageItem[]): GameState {
    const state = { ...base, package: items }
    const breaches = index.proposers.flatMap((side) =>
      brokenConstraints(index, state, side).map((c) => ({ side, constraint: c.id, round: state.round })),
    )
    const stances = all(index, { kind: 'endorse' as const })
    return tablePackage(index, { ...state, stances, breaches: [...state.breaches, ...breaches] })
  },
  /** Every side objects to an empty table and the round ends untabled. */
  untabled(index: ScenarioIndex, base: GameState): GameState {
    const stances = all(index, { kind: 'object' as const, reason: 'Not this round.' })
    return endRoundUntabled(index, { ...base, package: [], stances })
  },
  /** Every side votes the same way after Russia's answer. */
  decide(index: ScenarioIndex, state: GameState, choice: 'implement' | 'continue'): GameState {
    return concludeDecision(index, { ...state, votes: all(index, choice) })
  },
}

/**
 * The scenario as if it had no aftermath: the search plays the negotiation with it, and each aftermath apart,
 * once per group of packages that it tells apart (see search.ts); the aftermath is the last step of a game.
 */
export function withoutAftermath(index: ScenarioIndex): ScenarioIndex {
  const { aftermath: _, ...scenario } = index.scenario
  return index.scenario.aftermath ? { ...index, scenario } : index
}

/** Did the last round apply an effect that reads a sum from the package (see classes.ts)? */
export function readSums(readers: SumReaders, state: GameState): boolean {
  const last = state.history.at(-1)
  const response = last?.response
  if (!last || !response) return false
  return (
    readers.verdicts.has(response.verdict) ||
    response.redLines.some((id) => readers.redLines.has(id)) ||
    response.preferences.some((id) => readers.preferences.has(id)) ||
    last.events.some((id) => readers.events.has(id))
  )
}

/**
 * `end` as it would stand had `items` been tabled from `base` instead: the same flow (the package is of
 * the same class and sum class), with that package on record (and in force, once a deal or an imposition
 * put one in force: the aftermath played the same, see classes.ts) and the breaches its endorsement records.
 * Only the list of parts Russia demands removed, which the rules do not read, is not redone.
 */
export function asTabled(
  index: ScenarioIndex,
  base: GameState,
  end: GameState,
  items: PackageItem[],
): GameState {
  const state = { ...base, package: items }
  const breaches = index.proposers.flatMap((side) =>
    brokenConstraints(index, state, side).map((c) => ({ side, constraint: c.id, round: state.round })),
  )
  const recorded = [...base.breaches, ...breaches]
  const last = end.history.at(-1)
  const history = last ? [...end.history.slice(0, -1), { ...last, tabled: items }] : end.history
  // The state kept from just before the answer (while an instructor may still overrule it) tabled `items` too.
  const before = end.beforeResponse && { ...end.beforeResponse, package: items, breaches: recorded }
  const inForce = end.inForce && items
  return { ...end, package: items, breaches: recorded, history, beforeResponse: before, inForce }
}

/** A game that ended with `items` in force, with its aftermath played as the rules play it (flow.ts). */
export function withAftermath(
  index: ScenarioIndex,
  state: GameState,
  items: PackageItem[] | null,
): GameState {
  return items && index.scenario.aftermath ? playAftermath(index, state, items) : state
}
