import { sideName } from '../rules/apply.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { ResponseKind } from '../scenario/schema/conditions.ts'
import { possessive } from '../text/possessive.ts'
import { type Change, instrumentName, itemName, variantName } from './changes.ts'
import type { Prediction } from './predict.ts'

/** What every what-if is computed from, said once so that the screen can show it under the finding. */
export function basisText(index: ScenarioIndex): string {
  const responder = sideName(index, index.responder)
  return `The predictable part of ${possessive(responder)} answer: the red lines and preferences its officials stated, applied in the situation of the round (meters and flags), without the element of chance. A red line it let pass in that answer gives way again; every other red line holds.`
}

const WOULD_HAVE: Record<ResponseKind, string> = {
  accept: 'accepted the package',
  demandRemoval: 'demanded that parts of the package be removed',
  reject: 'rejected the package',
}

const RATHER_THAN: Record<ResponseKind, string> = {
  accept: 'accepting it',
  demandRemoval: 'demanding removals',
  reject: 'rejecting it',
}

/** Ids and titles of red lines, for a what-if. */
export function redLineRefs(
  index: ScenarioIndex,
  ids: readonly string[],
): Array<{ id: string; title: string }> {
  return ids.map((id) => ({ id, title: index.scenario.redLines.find((r) => r.id === id)?.title ?? id }))
}

/** A change as a phrase that can open a sentence: "without the …", "with … added by …". */
function changePhrase(index: ScenarioIndex, change: Change): string {
  const { item } = change
  if (change.kind === 'withdraw') return `without the ${instrumentName(index, item.instrument)}`
  if (change.kind === 'add')
    return `with the ${itemName(index, item)} added by ${sideName(index, item.backedBy)}`
  const from = item.variant ? ` instead of “${variantName(index, item.instrument, item.variant)}”` : ''
  return `with the ${instrumentName(index, item.instrument)} read as “${variantName(index, item.instrument, change.variant ?? '')}”${from}`
}

/** Joins phrases as a list in prose: "a", "a and b", "a, b and c". */
export function listInProse(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? ''
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

function quoted(titles: ReadonlyArray<{ title: string }>): string {
  return listInProse(titles.map((t) => `‘${t.title}’`))
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

/**
 * The finding in one English sentence, for exports, logs and tests (screens word `reasons` themselves),
 * e.g. "Without the Multinational reassurance force, Russia would have accepted the package rather than
 * rejecting it: the red line ‘Peskov: …’ would no longer apply."
 */
export function alternativeSentence(
  index: ScenarioIndex,
  before: Prediction,
  found: {
    changes: readonly Change[]
    after: Prediction
    redLinesStopped: ReadonlyArray<{ id: string; title: string }>
    redLinesStarted: ReadonlyArray<{ id: string; title: string }>
  },
): string {
  const { after } = found
  const responder = sideName(index, index.responder)
  const opening = listInProse(found.changes.map((c) => changePhrase(index, c)))
  const head = `${opening.charAt(0).toUpperCase()}${opening.slice(1)}, ${responder} would have ${WOULD_HAVE[after.verdict]} rather than ${RATHER_THAN[before.verdict]}`
  const titles = (ids: readonly string[]) => quoted(redLineRefs(index, ids))
  const reasons = whatIfReasons(index, after, found.redLinesStopped, found.redLinesStarted).map((r) => {
    if (r.kind === 'disposition')
      return `its disposition would be ${round2(r.disposition)}, ${r.atOrAbove ? 'at or above' : 'below'} the bar of ${r.acceptAt}`
    const lines = `the red line${r.redLines.length > 1 ? 's' : ''} ${titles(r.redLines)}`
    return r.kind === 'stopped' ? `${lines} would no longer apply` : `${lines} would apply`
  })
  return reasons.length ? `${head}: ${listInProse(reasons)}.` : `${head}.`
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** Says that chance turned the answer: "Russia rejected the package by chance: its red lines … alone say …". */
export function chanceNote(index: ScenarioIndex, actual: ResponseKind, predicted: ResponseKind): string {
  const responder = sideName(index, index.responder)
  return `${responder} ${WOULD_HAVE[actual]} by chance: its red lines and preferences alone say it would have ${WOULD_HAVE[predicted]}, and the what-if starts from that.`
}
