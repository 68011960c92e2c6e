import type { Debrief } from '../../../core/debrief/debrief.ts'
import type { DebriefRound, MeterSeries } from '../../../core/debrief/timeline.ts'
import { type Child, h } from '../../dom.ts'
import { shown } from './chart-math.ts'
import { signed } from './scores.ts'

const DECISION: Record<NonNullable<DebriefRound['decision']>, string> = {
  implement: 'Implement the guarantees without consent',
  continue: 'Continue negotiating',
}

function fact(term: string, ...details: Child[]): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, details)]
}

function packageList(round: DebriefRound): HTMLElement {
  if (!round.package) return h('p', {}, 'No package was tabled.')
  return h(
    'ul',
    { class: 'round-package' },
    round.package.map((i) => h('li', {}, [i.name, h('span', { class: 'meta' }, ` — ${i.backerName}`)])),
  )
}

function answer(round: DebriefRound): Child[] {
  if (!round.verdictLine) return ['No answer: nothing was tabled.']
  const out: Child[] = [
    h('p', { class: `verdict verdict-${round.verdict}` }, h('strong', {}, round.verdictLine)),
  ]
  const list = (label: string, items: string[]) => {
    if (items.length === 0) return
    out.push(
      h('p', { class: 'label' }, `${label}:`),
      h(
        'ul',
        { class: 'round-reasons' },
        items.map((t) => h('li', {}, t)),
      ),
    )
  }
  list(
    'Red lines crossed',
    round.redLines.map((r) => r.title),
  )
  list('Demanded removed', round.demands)
  list(
    'Preferences weighed',
    round.preferences.map((p) => `${p.title} (${signed(p.weight)})`),
  )
  if (round.disposition !== null && round.noise !== null && round.acceptAt !== null) {
    const total = round.disposition + round.noise
    out.push(
      h(
        'p',
        { class: 'meta' },
        `Disposition ${shown(round.disposition, 2)}, chance ${signed(round.noise, 2)}: ${shown(total, 2)} against a bar of ${shown(round.acceptAt, 2)}.`,
      ),
    )
  }
  return out
}

function events(round: DebriefRound): Child[] {
  if (round.events.length === 0) return ['None.']
  return [
    h(
      'ul',
      { class: 'plain round-events' },
      round.events.map((e) =>
        h('li', {}, [h('strong', {}, e.title), e.text ? h('p', { class: 'hint' }, e.text) : null]),
      ),
    ),
  ]
}

function meterChanges(round: DebriefRound, at: number, meters: readonly MeterSeries[]): HTMLElement {
  return h(
    'ul',
    { class: 'plain meter-changes' },
    meters.map((m) => {
      const after = round.meters[m.id] ?? m.values[at + 1] ?? 0
      const delta = after - (m.values[at] ?? after)
      const good = m.better === 'higher' ? delta > 0 : m.better === 'lower' ? delta < 0 : false
      const bad = m.better === 'higher' ? delta < 0 : m.better === 'lower' ? delta > 0 : false
      return h('li', { class: good ? 'good' : bad ? 'bad' : null }, [
        h('span', {}, m.name),
        h('span', { class: 'num' }, [
          shown(after),
          delta ? h('span', { class: 'delta' }, ` (${signed(delta)})`) : null,
        ]),
      ])
    }),
  )
}

function roundCard(debrief: Debrief, at: number, responder: string): HTMLElement {
  const round = debrief.timeline[at] as DebriefRound
  const ended = debrief.outcome?.round === round.round
  const decision = round.decision ? DECISION[round.decision] : ended ? 'None: the game ended here.' : 'None.'
  return h('li', { class: 'round-card', 'aria-labelledby': `debrief-round-${round.round}` }, [
    h('h4', { id: `debrief-round-${round.round}` }, `Round ${round.round}`),
    h('dl', { class: 'round-facts' }, [
      ...fact('Package', packageList(round)),
      ...fact(`${responder}’s answer`, ...answer(round)),
      ...fact('Events', ...events(round)),
      ...fact('Decision', decision),
      ...fact('Meters after', meterChanges(round, at, debrief.meters)),
    ]),
  ])
}

/**
 * The rounds as played, one card each: the package tabled and who backed each item, the answer with the red
 * lines, demands and preferences behind it, the events, the decision and each meter after the round.
 */
export function renderRounds(debrief: Debrief, responder: string): HTMLElement {
  return h('section', { class: 'debrief-card debrief-rounds', 'aria-labelledby': 'debrief-rounds' }, [
    h('h3', { id: 'debrief-rounds' }, 'The rounds'),
    debrief.timeline.length
      ? h(
          'ol',
          { class: 'plain round-cards' },
          debrief.timeline.map((_, at) => roundCard(debrief, at, responder)),
        )
      : h('p', {}, 'No round was played to its end.'),
  ])
}
