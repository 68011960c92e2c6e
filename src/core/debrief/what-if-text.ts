import { sideName } from '../rules/apply.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { ResponseKind } from '../scenario/schema/conditions.ts'
import { type Change, instrumentName, itemName, variantName } from './changes.ts'
import type { Prediction } from './predict.ts'

/** What every what-if is computed from, said once so that the screen can show it under the finding. */
export function basisText(index: ScenarioIndex): string {
  const responder = sideName(index, index.responder)
  return `The predictable part of ${responder}’s answer: the red lines and preferences its officials stated, applied in the situation of the round (meters and flags), without the element of chance.`
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

/**
 * The finding in one sentence, e.g. "Without the Multinational reassurance force, Russia would have accepted
 * the package rather than rejecting it: the red line ‘Peskov: …’ would no longer apply."
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
  // Only the red lines that force an answer explain a change of verdict; warnings show in the disposition.
  const forcing = (r: { id: string }) =>
    index.scenario.redLines.find((x) => x.id === r.id)?.response.kind !== 'warn'
  const stopped = found.redLinesStopped.filter(forcing)
  const started = found.redLinesStarted.filter(forcing)
  const reasons: string[] = []
  if (stopped.length)
    reasons.push(`the red line${stopped.length > 1 ? 's' : ''} ${quoted(stopped)} would no longer apply`)
  if (started.length)
    reasons.push(`the red line${started.length > 1 ? 's' : ''} ${quoted(started)} would apply`)
  if (after.decidedBy === 'disposition') {
    const side = after.disposition >= after.acceptAt ? 'at or above' : 'below'
    reasons.push(
      `its disposition would be ${round2(after.disposition)}, ${side} the bar of ${after.acceptAt}`,
    )
  }
  return reasons.length ? `${head}: ${listInProse(reasons)}.` : `${head}.`
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** Says that chance turned the answer: "Russia rejected the package by chance: its red lines … alone say …". */
export function chanceNote(index: ScenarioIndex, actual: ResponseKind, predicted: ResponseKind): string {
  const responder = sideName(index, index.responder)
  return `${responder} ${WOULD_HAVE[actual]} by chance: its red lines and preferences alone say it would have ${WOULD_HAVE[predicted]}, and the what-if starts from that.`
}
