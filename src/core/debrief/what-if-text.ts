import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { Prediction } from './predict.ts'

/**
 * The what-if's findings as data (red lines by id, the disposition against the bar), never words: the
 * shared catalogue (src/messages/what-if.ts) words them in a language.
 */

/** Ids and titles of red lines, for a what-if. */
export function redLineRefs(
  index: ScenarioIndex,
  ids: readonly string[],
): Array<{ id: string; title: string }> {
  return ids.map((id) => ({ id, title: index.scenario.redLines.find((r) => r.id === id)?.title ?? id }))
}

/** The kinds of reason a what-if gives for the changed answer. */
export const WHAT_IF_REASON_KINDS = ['stopped', 'started', 'disposition'] as const

/**
 * Why the answer would change, as data for a screen to word: red lines (ids) that would no longer apply or
 * would newly apply (those that force an answer only), or the disposition against the bar.
 */
export type WhatIfReason =
  | { kind: 'stopped' | 'started'; redLines: string[] }
  | { kind: 'disposition'; disposition: number; acceptAt: number; atOrAbove: boolean }

/** The reasons behind an alternative's changed answer, in the order the sentence gives them. */
export function whatIfReasons(
  index: ScenarioIndex,
  after: Prediction,
  stopped: ReadonlyArray<{ id: string }>,
  started: ReadonlyArray<{ id: string }>,
): WhatIfReason[] {
  // Only the red lines that force an answer explain a change of verdict; warnings show in the disposition.
  const forcing = (r: { id: string }) =>
    index.scenario.redLines.find((x) => x.id === r.id)?.response.kind !== 'warn'
  const reasons: WhatIfReason[] = []
  const stops = stopped.filter(forcing).map((r) => r.id)
  const starts = started.filter(forcing).map((r) => r.id)
  if (stops.length) reasons.push({ kind: 'stopped', redLines: stops })
  if (starts.length) reasons.push({ kind: 'started', redLines: starts })
  if (after.decidedBy === 'disposition')
    reasons.push({
      kind: 'disposition',
      disposition: after.disposition,
      acceptAt: after.acceptAt,
      atOrAbove: after.disposition >= after.acceptAt,
    })
  return reasons
}
