import type { Change } from '../../../core/debrief/changes.ts'
import type { Prediction } from '../../../core/debrief/predict.ts'
import type { WhatIfAlternative } from '../../../core/debrief/what-if.ts'
import type { WhatIfReason } from '../../../core/debrief/what-if-text.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import type { ResponseKind } from '../../../core/scenario/schema/conditions.ts'
import { formatList, type MessageKey, t } from '../../i18n/index.ts'
import { instrumentName, nameOf } from '../../view.ts'
import { shown } from './chart-math.ts'

/**
 * The what-if in the interface's language, worded from the engine's data (changes, verdicts, reasons by
 * red line id) with the names the screen shows. The core's English sentences serve exports and logs.
 */

/** A change as an item of the list of changes, e.g. "Withdraw Air defence (United States)". */
export const CHANGE_KEYS: Record<Change['kind'], MessageKey> = {
  add: 'whatIf.change.add',
  withdraw: 'whatIf.change.withdraw',
  switch: 'whatIf.change.switch',
}

/** A change as a phrase that opens the finding's sentence, e.g. "without the Air defence". */
export const PHRASE_KEYS: Record<Change['kind'], MessageKey> = {
  add: 'whatIf.phrase.add',
  withdraw: 'whatIf.phrase.withdraw',
  switch: 'whatIf.phrase.switch',
}

/** Why the answer would change. */
export const REASON_KEYS: Record<WhatIfReason['kind'], MessageKey> = {
  stopped: 'whatIf.reason.stopped',
  started: 'whatIf.reason.started',
  disposition: 'whatIf.reason.disposition',
}

/** What the responder would have done ("accepted the package"), what it did, and what it did not do. */
export const WOULD_HAVE_KEYS: Record<ResponseKind, MessageKey> = {
  accept: 'whatIf.wouldHave.accept',
  demandRemoval: 'whatIf.wouldHave.demandRemoval',
  reject: 'whatIf.wouldHave.reject',
}
export const DID_KEYS: Record<ResponseKind, MessageKey> = {
  accept: 'whatIf.did.accept',
  demandRemoval: 'whatIf.did.demandRemoval',
  reject: 'whatIf.did.reject',
}
export const RATHER_THAN_KEYS: Record<ResponseKind, MessageKey> = {
  accept: 'whatIf.ratherThan.accept',
  demandRemoval: 'whatIf.ratherThan.demandRemoval',
  reject: 'whatIf.ratherThan.reject',
}

const capitalised = (s: string) => `${s.charAt(0).toLocaleUpperCase()}${s.slice(1)}`

function changeParams(index: ScenarioIndex, change: Change) {
  const { item } = change
  const reading = (id: string) => index.variants.get(item.instrument)?.get(id)?.name ?? id
  return {
    item: instrumentName(index, item.instrument, item.variant),
    instrument: instrumentName(index, item.instrument),
    side: nameOf(index, item.backedBy),
    variant: reading(change.variant ?? ''),
    from: item.variant ? reading(item.variant) : '',
  }
}

/** A change as a list item, e.g. "Read Article 5-style clause as “could” instead". */
export function changeText(index: ScenarioIndex, change: Change): string {
  return capitalised(t(CHANGE_KEYS[change.kind], changeParams(index, change)))
}

function changePhrase(index: ScenarioIndex, change: Change): string {
  const params = changeParams(index, change)
  if (change.kind === 'switch' && params.from) return t('whatIf.phrase.switchFrom', params)
  return t(PHRASE_KEYS[change.kind], params)
}

function reasonText(index: ScenarioIndex, reason: WhatIfReason): string {
  if (reason.kind === 'disposition')
    return t(reason.atOrAbove ? 'whatIf.reason.disposition' : 'whatIf.reason.dispositionBelow', {
      disposition: shown(reason.disposition, 2),
      bar: shown(reason.acceptAt, 2),
    })
  const titles = reason.redLines.map((id) =>
    t('whatIf.redLineTitle', { title: index.scenario.redLines.find((r) => r.id === id)?.title ?? id }),
  )
  return t(REASON_KEYS[reason.kind], { count: titles.length, titles: formatList(titles) })
}

/**
 * The finding in one sentence, e.g. "Without the Multinational reassurance force, Russia would have
 * accepted the package rather than rejecting it: the red line ‘Peskov: …’ would no longer apply."
 */
export function alternativeText(
  index: ScenarioIndex,
  before: Pick<Prediction, 'verdict'>,
  alt: Pick<WhatIfAlternative, 'changes' | 'after' | 'reasons'>,
): string {
  const sentence = t('whatIf.sentence', {
    changes: capitalised(formatList(alt.changes.map((c) => changePhrase(index, c)))),
    responder: nameOf(index, index.responder),
    wouldHave: t(WOULD_HAVE_KEYS[alt.after.verdict]),
    ratherThan: t(RATHER_THAN_KEYS[before.verdict]),
  })
  const reasons = (alt.reasons ?? []).map((r) => reasonText(index, r))
  return reasons.length
    ? t('whatIf.sentenceWhy', { sentence, reasons: formatList(reasons) })
    : t('whatIf.sentenceEnd', { sentence })
}

/** Says that chance turned the answer the game gave away from the one the red lines and preferences give. */
export function chanceText(index: ScenarioIndex, actual: ResponseKind, predicted: ResponseKind): string {
  return t('whatIf.chanceNote', {
    responder: nameOf(index, index.responder),
    did: t(DID_KEYS[actual]),
    wouldHave: t(WOULD_HAVE_KEYS[predicted]),
  })
}

/** What every what-if is computed from, said under the findings. */
export function basisText(index: ScenarioIndex): string {
  return t('whatIf.basisText', { responder: nameOf(index, index.responder) })
}
