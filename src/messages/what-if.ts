import type { Change } from '../core/debrief/changes.ts'
import type { Prediction } from '../core/debrief/predict.ts'
import type { WhatIfAlternative } from '../core/debrief/what-if.ts'
import type { WhatIfReason } from '../core/debrief/what-if-text.ts'
import { sideName } from '../core/rules/apply.ts'
import { type PackageItem, resolveItem } from '../core/rules/package.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { ResponseKind } from '../core/scenario/schema/conditions.ts'
import type { MessageKey, Words } from './index.ts'

/**
 * The what-if in words, from the engine's data (changes, verdicts, reasons by red line id), with the names
 * a scenario index gives: for the browser's debrief (through `client/render/debrief/what-if-words.ts`, in the
 * interface's language, with the localised index), the exports, the classroom server and the command-line
 * tools.
 */

export const CHANGE_KEYS = {
  add: 'whatIf.change.add',
  withdraw: 'whatIf.change.withdraw',
  switch: 'whatIf.change.switch',
} as const satisfies Record<Change['kind'], MessageKey>

export const PHRASE_KEYS = {
  add: 'whatIf.phrase.add',
  withdraw: 'whatIf.phrase.withdraw',
  switch: 'whatIf.phrase.switch',
} as const satisfies Record<Change['kind'], MessageKey>

export const REASON_KEYS = {
  stopped: 'whatIf.reason.stopped',
  started: 'whatIf.reason.started',
  disposition: 'whatIf.reason.disposition',
} as const satisfies Record<WhatIfReason['kind'], MessageKey>

export const WOULD_HAVE_KEYS = {
  accept: 'whatIf.wouldHave.accept',
  demandRemoval: 'whatIf.wouldHave.demandRemoval',
  reject: 'whatIf.wouldHave.reject',
} as const satisfies Record<ResponseKind, MessageKey>

export const DID_KEYS = {
  accept: 'whatIf.did.accept',
  demandRemoval: 'whatIf.did.demandRemoval',
  reject: 'whatIf.did.reject',
} as const satisfies Record<ResponseKind, MessageKey>

export const RATHER_THAN_KEYS = {
  accept: 'whatIf.ratherThan.accept',
  demandRemoval: 'whatIf.ratherThan.demandRemoval',
  reject: 'whatIf.ratherThan.reject',
} as const satisfies Record<ResponseKind, MessageKey>

const capitalised = (s: string) => `${s.charAt(0).toLocaleUpperCase()}${s.slice(1)}`

function instrumentName(index: ScenarioIndex, instrument: string, variant?: string): string {
  const item: PackageItem = { instrument, backedBy: '' }
  if (variant) item.variant = variant
  return resolveItem(index, item)?.name ?? instrument
}

/** A number rounded to `digits`, without grouping, with a true minus sign. */
function shown(words: Words, n: number, digits: number): string {
  const f = 10 ** digits
  const r = Math.round(n * f) / f
  const text = words.number(Math.abs(r), { maximumFractionDigits: digits, useGrouping: false })
  return r < 0 ? `−${text}` : text
}

function changeParams(index: ScenarioIndex, change: Change) {
  const { item } = change
  const reading = (id: string) => index.variants.get(item.instrument)?.get(id)?.name ?? id
  return {
    item: instrumentName(index, item.instrument, item.variant),
    instrument: instrumentName(index, item.instrument),
    side: sideName(index, item.backedBy),
    variant: reading(change.variant ?? ''),
    from: item.variant ? reading(item.variant) : '',
  }
}

/** A change as a list item, e.g. "Withdraw Air defence (United States)". */
export function changeText(words: Words, index: ScenarioIndex, change: Change): string {
  return capitalised(words.t(CHANGE_KEYS[change.kind], changeParams(index, change)))
}

function changePhrase(words: Words, index: ScenarioIndex, change: Change): string {
  const params = changeParams(index, change)
  if (change.kind === 'switch' && params.from) return words.t('whatIf.phrase.switchFrom', params)
  return words.t(PHRASE_KEYS[change.kind], params)
}

function reasonText(words: Words, index: ScenarioIndex, reason: WhatIfReason): string {
  if (reason.kind === 'disposition')
    return words.t(reason.atOrAbove ? 'whatIf.reason.disposition' : 'whatIf.reason.dispositionBelow', {
      disposition: shown(words, reason.disposition, 2),
      bar: shown(words, reason.acceptAt, 2),
    })
  const titles = reason.redLines.map((id) =>
    words.t('whatIf.redLineTitle', { title: index.scenario.redLines.find((r) => r.id === id)?.title ?? id }),
  )
  return words.t(REASON_KEYS[reason.kind], { count: titles.length, titles: words.list(titles) })
}

/**
 * The finding in one sentence, e.g. "Without the Multinational reassurance force, Russia would have
 * accepted the package rather than rejecting it: the red line ‘Peskov: …’ would no longer apply."
 */
export function alternativeText(
  words: Words,
  index: ScenarioIndex,
  before: Pick<Prediction, 'verdict'>,
  alt: Pick<WhatIfAlternative, 'changes' | 'after' | 'reasons'>,
): string {
  const sentence = words.t('whatIf.sentence', {
    changes: capitalised(words.list(alt.changes.map((c) => changePhrase(words, index, c)))),
    responder: sideName(index, index.responder),
    wouldHave: words.t(WOULD_HAVE_KEYS[alt.after.verdict]),
    ratherThan: words.t(RATHER_THAN_KEYS[before.verdict]),
  })
  const reasons = (alt.reasons ?? []).map((r) => reasonText(words, index, r))
  return reasons.length
    ? words.t('whatIf.sentenceWhy', { sentence, reasons: words.list(reasons) })
    : words.t('whatIf.sentenceEnd', { sentence })
}

/** Says that chance turned the answer the game gave away from the one the red lines and preferences give. */
export function chanceText(
  words: Words,
  index: ScenarioIndex,
  actual: ResponseKind,
  predicted: ResponseKind,
): string {
  return words.t('whatIf.chanceNote', {
    responder: sideName(index, index.responder),
    did: words.t(DID_KEYS[actual]),
    wouldHave: words.t(WOULD_HAVE_KEYS[predicted]),
  })
}

/** What every what-if is computed from. */
export function basisText(words: Words, index: ScenarioIndex): string {
  return words.t('whatIf.basisText', { responder: sideName(index, index.responder) })
}
