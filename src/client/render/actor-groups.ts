import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Scenario } from '../../core/scenario/schema/scenario.ts'

const GROUP_ORDER = ['official', 'legislator', 'source', 'analyst', 'journalist'] as const

/**
 * The actors grouped by the side they speak for, in the scenario's order of sides, officials first within a
 * group; analysts and observers (no side) last, under `side: ''`. Shared by the briefing and the printed role
 * sheets (src/client/print/), so both name the same people in the same order.
 */
export function actorGroups(index: ScenarioIndex): Array<{ side: string; actors: Scenario['actors'] }> {
  return [...index.sides.keys(), '']
    .map((side) => ({
      side,
      actors: index.scenario.actors
        .filter((a) => (a.side ?? '') === side)
        .sort((a, b) => GROUP_ORDER.indexOf(a.kind) - GROUP_ORDER.indexOf(b.kind)),
    }))
    .filter((g) => g.actors.length)
}
