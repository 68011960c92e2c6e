import type { ScenarioIndex } from '../rules/scenario-index.ts'

/**
 * The name the game gives a side in running text ("what Europe answers"): its `shortName` when the scenario
 * gives one, else its `name`; the id itself for a side the scenario does not have.
 */
export function shortSideName(index: Pick<ScenarioIndex, 'sides'>, side: string): string {
  const found = index.sides.get(side)
  return found?.shortName ?? found?.name ?? side
}

/** The responding side's name in running text, as `shortSideName` gives it. */
export function responderName(index: Pick<ScenarioIndex, 'sides' | 'responder'>): string {
  return shortSideName(index, index.responder)
}
