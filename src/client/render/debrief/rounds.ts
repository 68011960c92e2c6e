import type { Debrief } from '../../../core/debrief/debrief.ts'
import type { DebriefRound, MeterSeries } from '../../../core/debrief/timeline.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import { type Child, h, type View } from '../../dom.ts'
import { type MessageKey, t } from '../../i18n/index.ts'
import { instrumentName, meterName, nameOf, verdictText } from '../../view.ts'
import { shown, signed } from './chart-math.ts'

const DECISION: Record<NonNullable<DebriefRound['decision']>, MessageKey> = {
  implement: 'rounds.decision.implement',
  continue: 'rounds.decision.continue',
}

function fact(term: string, ...details: Child[]): View[] {
  return [h('dt', {}, term), h('dd', {}, details)]
}

/*
 * Names are read from `index` by id (the localised index: a classroom's debrief comes from the server in the
 * scenario's own language), falling back to the debrief's where `index` lacks them (a part the device does
 * not see).
 */

function packageList(index: ScenarioIndex, round: DebriefRound): View {
  if (!round.package) return h('p', {}, t('common.noPackage'))
  return h(
    'ul',
    { class: 'round-package' },
    round.package.map((i) =>
      h('li', {}, [
        index.instruments.has(i.instrument) ? instrumentName(index, i.instrument, i.variant) : i.name,
        h(
          'span',
          { class: 'meta' },
          ` — ${index.sides.has(i.backedBy) ? nameOf(index, i.backedBy) : i.backerName}`,
        ),
      ]),
    ),
  )
}

function answer(index: ScenarioIndex, round: DebriefRound): Child[] {
  if (!round.verdict) return [t('rounds.noAnswer')]
  const overruled = round.overruled
    ? { verdict: round.overruled.rulesVerdict, reason: round.overruled.reason }
    : undefined
  const line = verdictText(index, { verdict: round.verdict, overruled })
  const out: Child[] = [h('p', { class: `verdict verdict-${round.verdict}` }, h('strong', {}, line))]
  const list = (label: MessageKey, items: string[]) => {
    if (items.length === 0) return
    out.push(
      h('p', { class: 'label' }, t(label)),
      h(
        'ul',
        { class: 'round-reasons' },
        items.map((item) => h('li', {}, item)),
      ),
    )
  }
  list(
    'rounds.crossed',
    round.redLines.map((r) => index.scenario.redLines.find((x) => x.id === r.id)?.title ?? r.title),
  )
  list('rounds.demanded', round.demands)
  list(
    'rounds.preferences',
    round.preferences.map((p) => {
      const title = index.scenario.preferences.find((x) => x.id === p.id)?.title ?? p.title
      return `${title} (${signed(p.weight)})`
    }),
  )
  if (round.disposition !== null && round.noise !== null && round.acceptAt !== null) {
    const total = round.disposition + round.noise
    out.push(
      h(
        'p',
        { class: 'meta' },
        t('rounds.disposition', {
          disposition: shown(round.disposition, 2),
          chance: signed(round.noise, 2),
          total: shown(total, 2),
          bar: shown(round.acceptAt, 2),
        }),
      ),
    )
  }
  return out
}

function events(index: ScenarioIndex, round: DebriefRound): Child[] {
  if (round.events.length === 0) return [t('rounds.none')]
  return [
    h(
      'ul',
      { class: 'plain round-events' },
      round.events.map((e) => {
        const event = index.scenario.events.find((x) => x.id === e.id)
        const text = event?.text ?? e.text
        return h('li', {}, [
          h('strong', {}, event?.title ?? e.title),
          text ? h('p', { class: 'hint' }, text) : null,
        ])
      }),
    ),
  ]
}

function meterChanges(
  index: ScenarioIndex,
  round: DebriefRound,
  at: number,
  meters: readonly MeterSeries[],
): View {
  return h(
    'ul',
    { class: 'plain meter-changes' },
    meters.map((m) => {
      const after = round.meters[m.id] ?? m.values[at + 1] ?? 0
      const delta = after - (m.values[at] ?? after)
      const good = m.better === 'higher' ? delta > 0 : m.better === 'lower' ? delta < 0 : false
      const bad = m.better === 'higher' ? delta < 0 : m.better === 'lower' ? delta > 0 : false
      return h('li', { key: m.id, class: good ? 'good' : bad ? 'bad' : null }, [
        h('span', {}, index.meters.has(m.id) ? meterName(index, m.id) : m.name),
        h('span', { class: 'num' }, [
          shown(after),
          delta ? h('span', { class: 'delta' }, ` (${signed(delta)})`) : null,
        ]),
      ])
    }),
  )
}

function roundCard(index: ScenarioIndex, debrief: Debrief, at: number, responder: string): View {
  const round = debrief.timeline[at] as DebriefRound
  const ended = debrief.outcome?.round === round.round
  const decision = t(round.decision ? DECISION[round.decision] : ended ? 'rounds.endedHere' : 'rounds.none')
  return h(
    'li',
    { key: round.round, class: 'round-card', 'aria-labelledby': `debrief-round-${round.round}` },
    [
      h('h4', { id: `debrief-round-${round.round}` }, t('common.round', { round: round.round })),
      h('dl', { class: 'round-facts' }, [
        ...fact(t('common.package'), packageList(index, round)),
        ...fact(t('rounds.answer', { responder }), ...answer(index, round)),
        ...fact(t('common.events'), ...events(index, round)),
        ...fact(t('rounds.decision'), decision),
        ...fact(t('rounds.metersAfter'), meterChanges(index, round, at, debrief.meters)),
      ]),
    ],
  )
}

/**
 * The rounds as played, one card each: the package tabled and who backed each item, the answer with the red
 * lines, demands and preferences behind it, the events, the decision and each meter after the round.
 */
export function renderRounds(index: ScenarioIndex, debrief: Debrief, responder: string): View {
  return h('section', { class: 'debrief-card debrief-rounds', 'aria-labelledby': 'debrief-rounds' }, [
    h('h3', { id: 'debrief-rounds' }, t('rounds.heading')),
    debrief.timeline.length
      ? h(
          'ol',
          { class: 'plain round-cards' },
          debrief.timeline.map((_, at) => roundCard(index, debrief, at, responder)),
        )
      : h('p', {}, t('rounds.nonePlayed')),
  ])
}
