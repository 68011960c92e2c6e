import { itemName } from '../../../core/debrief/changes.ts'
import type { Debrief } from '../../../core/debrief/debrief.ts'
import type { WhatIf, WhatIfAlternative } from '../../../core/debrief/what-if.ts'
import type { ResponseKind } from '../../../core/scenario/schema/conditions.ts'
import { type Child, h } from '../../dom.ts'
import type { GameView } from '../../view.ts'
import { shown } from './chart-math.ts'

const LEADS_TO: Record<ResponseKind, string> = {
  accept: 'accept it',
  demandRemoval: 'demand that parts of it be removed',
  reject: 'reject it',
}

const WOULD: Record<ResponseKind, string> = {
  accept: 'have accepted',
  demandRemoval: 'have demanded removals',
  reject: 'have rejected',
}

const capitalised = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`

/** What the answer without chance was, and what decided it. */
function beforeText(w: WhatIf, responder: string): string {
  const p = w.before
  const why =
    p.decidedBy === 'redLine'
      ? 'a red line decides it'
      : `its disposition of ${shown(p.disposition, 2)} is ${p.disposition >= p.acceptAt ? 'at or above' : 'below'} the bar of ${shown(p.acceptAt, 2)}`
  return `Judged without chance, the package of round ${w.round} leads ${responder} to ${LEADS_TO[p.verdict]}: ${why}.`
}

function alternativeItem(view: GameView, alt: WhatIfAlternative, n: number, responder: string): HTMLElement {
  const id = `debrief-what-if-${n}`
  return h('li', { class: `what-if-alternative verdict-${alt.after.verdict}`, 'aria-labelledby': id }, [
    h('h4', { id }, `Alternative ${n}: ${responder} would ${WOULD[alt.after.verdict]}`),
    h('p', { class: 'what-if-sentence' }, alt.sentence),
    h('p', { class: 'label' }, alt.changes.length === 1 ? 'The change:' : 'The changes:'),
    h(
      'ul',
      { 'aria-label': `Changes of alternative ${n}` },
      alt.changes.map((c) => h('li', {}, capitalised(c.text))),
    ),
    h(
      'p',
      { class: 'meta' },
      `The package would then hold: ${alt.items.map((i) => itemName(view.index, i)).join('; ')}.`,
    ),
  ])
}

function findings(view: GameView, w: WhatIf, responder: string): Child[] {
  const size = `${w.size} change${w.size === 1 ? '' : 's'}`
  const shownCount =
    w.found > w.alternatives.length
      ? ` Showing ${w.alternatives.length} of the ${w.found} found, those that reach agreement first.`
      : ''
  return [
    h(
      'p',
      {},
      `The smallest change to the last package (round ${w.round}) that would have changed ${responder}’s answer takes ${size}.${shownCount}`,
    ),
    w.chanceNote ? h('p', { class: 'chance-note' }, w.chanceNote) : null,
    h('p', {}, beforeText(w, responder)),
    h(
      'ol',
      { class: 'plain what-if-list', 'aria-label': 'Alternatives' },
      w.alternatives.map((a, i) => alternativeItem(view, a, i + 1, responder)),
    ),
    h('p', { class: 'basis' }, [h('strong', {}, 'How this is computed: '), w.basis]),
  ]
}

/**
 * The engine's what-if: the smallest changes to the last tabled package that would have changed the
 * responder's answer, each as a sentence with its changes and the package it leaves, and the basis of the
 * finding (the predictable part of the answer, without chance). Says why when there is none.
 */
export function renderWhatIf(view: GameView, debrief: Debrief): HTMLElement {
  const responder = view.index.sides.get(view.index.responder)?.name ?? view.index.responder
  const tabled = debrief.timeline.some((r) => r.package)
  const body = debrief.whatIf
    ? findings(view, debrief.whatIf, responder)
    : [
        h(
          'p',
          {},
          tabled
            ? `No change of up to three items to the last package would have changed ${responder}’s answer, judged without chance.`
            : 'No package was tabled, so there is no package to vary.',
        ),
      ]
  return h('section', { class: 'debrief-card debrief-what-if', 'aria-labelledby': 'debrief-what-if' }, [
    h('h3', { id: 'debrief-what-if' }, 'What if?'),
    ...body,
  ])
}
