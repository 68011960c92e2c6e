import type { Debrief } from '../../../core/debrief/debrief.ts'
import type { WhatIf, WhatIfAlternative } from '../../../core/debrief/what-if.ts'
import type { ResponseKind } from '../../../core/scenario/schema/conditions.ts'
import { type Child, h, type View } from '../../dom.ts'
import { type MessageKey, t } from '../../i18n/index.ts'
import { type GameView, instrumentName } from '../../view.ts'
import { shown } from './chart-math.ts'
import { alternativeText, basisText, chanceText, changeText } from './what-if-words.ts'

const LEADS_TO: Record<ResponseKind, MessageKey> = {
  accept: 'whatIf.leadsTo.accept',
  demandRemoval: 'whatIf.leadsTo.demandRemoval',
  reject: 'whatIf.leadsTo.reject',
}

const ALTERNATIVE: Record<ResponseKind, MessageKey> = {
  accept: 'whatIf.alternative.accept',
  demandRemoval: 'whatIf.alternative.demandRemoval',
  reject: 'whatIf.alternative.reject',
}

/** What the answer without chance was, and what decided it. */
function beforeText(w: WhatIf, responder: string): string {
  const p = w.before
  const why =
    p.decidedBy === 'redLine'
      ? t('whatIf.byRedLine')
      : t(p.disposition >= p.acceptAt ? 'whatIf.atOrAbove' : 'whatIf.below', {
          disposition: shown(p.disposition, 2),
          bar: shown(p.acceptAt, 2),
        })
  return t('whatIf.before', { round: w.round, responder, leadsTo: t(LEADS_TO[p.verdict]), why })
}

function alternativeItem(
  view: GameView,
  w: WhatIf,
  alt: WhatIfAlternative,
  n: number,
  responder: string,
): View {
  const id = `debrief-what-if-${n}`
  return h('li', { class: `what-if-alternative verdict-${alt.after.verdict}`, 'aria-labelledby': id }, [
    h('h4', { id }, t(ALTERNATIVE[alt.after.verdict], { n, responder })),
    h('p', { class: 'what-if-sentence' }, alternativeText(view.index, w.before, alt)),
    h('p', { class: 'label' }, t('whatIf.changes', { count: alt.changes.length })),
    h(
      'ul',
      { 'aria-label': t('whatIf.changesOf', { n }) },
      alt.changes.map((c) => h('li', {}, changeText(view.index, c))),
    ),
    h(
      'p',
      { class: 'meta' },
      t('whatIf.wouldHold', {
        items: alt.items.map((i) => instrumentName(view.index, i.instrument, i.variant)).join('; '),
      }),
    ),
  ])
}

function findings(view: GameView, w: WhatIf, responder: string): Child[] {
  const size = t('whatIf.size', { count: w.size })
  const shownCount =
    w.found > w.alternatives.length
      ? ` ${t('whatIf.showing', { shown: w.alternatives.length, found: w.found })}`
      : ''
  return [
    h('p', {}, `${t('whatIf.smallest', { round: w.round, responder, size })}${shownCount}`),
    w.actualVerdict && w.actualVerdict !== w.before.verdict
      ? h('p', { class: 'chance-note' }, chanceText(view.index, w.actualVerdict, w.before.verdict))
      : null,
    h('p', {}, beforeText(w, responder)),
    h(
      'ol',
      { class: 'plain what-if-list', 'aria-label': t('whatIf.alternatives') },
      w.alternatives.map((a, i) => alternativeItem(view, w, a, i + 1, responder)),
    ),
    h('p', { class: 'basis' }, [h('strong', {}, t('whatIf.basis')), ' ', basisText(view.index)]),
  ]
}

/**
 * The engine's what-if: the smallest changes to the last tabled package that would have changed the
 * responder's answer, each as a sentence with its changes and the package it leaves, and the basis of the
 * finding (the predictable part of the answer, without chance). Says why when there is none.
 */
export function renderWhatIf(view: GameView, debrief: Debrief): View {
  const responder = view.index.sides.get(view.index.responder)?.name ?? view.index.responder
  const tabled = debrief.timeline.some((r) => r.package)
  const body = debrief.whatIf
    ? findings(view, debrief.whatIf, responder)
    : [h('p', {}, tabled ? t('whatIf.none', { responder }) : t('whatIf.noPackage'))]
  return h('section', { class: 'debrief-card debrief-what-if', 'aria-labelledby': 'debrief-what-if' }, [
    h('h3', { id: 'debrief-what-if' }, t('whatIf.heading')),
    ...body,
  ])
}
