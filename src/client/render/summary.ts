import { meterSeries } from '../../core/debrief/timeline.ts'
import { newGame, type RoundRecord } from '../../core/rules/state.ts'
import { h, type View } from '../dom.ts'
import { formatNumber, t } from '../i18n/index.ts'
import { type GameView, instrumentName, nameOf } from '../view.ts'
import { renderVerdict } from './response.ts'

function meterChanges(view: GameView, record: RoundRecord): View {
  // The same series the debrief charts: the start values, then the values after each round.
  const at = view.state.history.indexOf(record)
  const series = meterSeries(view.index, newGame(view.index, view.state.setup).meters, view.state)
  const before = Object.fromEntries(series.map((m) => [m.id, m.values[at] ?? 0]))
  return h('table', { class: 'changes', 'aria-label': t('summary.table') }, [
    h(
      'thead',
      {},
      h('tr', {}, [
        h('th', { scope: 'col' }, t('common.meter')),
        h('th', { scope: 'col' }, t('summary.before')),
        h('th', { scope: 'col' }, t('summary.after')),
        h('th', { scope: 'col' }, t('summary.change')),
      ]),
    ),
    h(
      'tbody',
      {},
      view.index.scenario.meters.map((m) => {
        const a = before[m.id] ?? m.start
        const b = record.meters[m.id] ?? a
        const delta = b - a
        const good =
          m.better === 'neither' || delta === 0 ? null : delta > 0 === (m.better === 'higher') ? 'up' : 'down'
        const change = `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${formatNumber(Math.abs(delta))}`
        return h('tr', {}, [
          h('th', { scope: 'row' }, m.name),
          h('td', {}, formatNumber(a)),
          h('td', {}, formatNumber(b)),
          h(
            'td',
            { class: good ?? '' },
            good ? t(good === 'up' ? 'summary.better' : 'summary.worse', { change }) : change,
          ),
        ])
      }),
    ),
  ])
}

/**
 * What happened in a round, between the response and the next round: the package tabled (or none), Russia's
 * verdict with the red lines crossed, the events that fired, the proposers' decision and how the meters moved.
 */
export function renderSummary(
  view: GameView,
  record: RoundRecord,
  next: { label: string; go: () => void },
): View {
  const { index } = view
  const events = record.events
    .map((id) => index.scenario.events.find((e) => e.id === id))
    .filter((e) => e !== undefined)
  const crossed = (record.response?.redLines ?? []).map(
    (id) => index.scenario.redLines.find((r) => r.id === id)?.title ?? id,
  )
  return h('div', { class: 'summary' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('summary.heading', { round: record.round })),
    h('section', { 'aria-labelledby': 'tabled-heading' }, [
      h('h3', { id: 'tabled-heading' }, t('common.package')),
      record.tabled
        ? h(
            'ul',
            {},
            record.tabled.map((i) =>
              h(
                'li',
                {},
                t('summary.backedBy', {
                  instrument: instrumentName(index, i.instrument, i.variant),
                  side: nameOf(index, i.backedBy),
                }),
              ),
            ),
          )
        : h('p', {}, t('summary.noAgreement')),
    ]),
    record.response
      ? h('section', { 'aria-labelledby': 'answer-heading' }, [
          h(
            'h3',
            { id: 'answer-heading' },
            t('summary.answer', { responder: nameOf(index, index.responder) }),
          ),
          renderVerdict(view, record.response),
          crossed.length ? h('p', {}, t('summary.crossed')) : h('p', {}, t('summary.noneCrossed')),
          crossed.length
            ? h(
                'ul',
                {},
                crossed.map((line) => h('li', {}, line)),
              )
            : null,
        ])
      : null,
    record.decision
      ? h(
          'p',
          {},
          record.decision === 'implement'
            ? t('summary.implemented', { responder: nameOf(index, index.responder) })
            : t('summary.continued'),
        )
      : null,
    events.length
      ? h('section', { 'aria-labelledby': 'events-heading' }, [
          h('h3', { id: 'events-heading' }, t('common.events')),
          h(
            'ul',
            { class: 'plain' },
            events.map((e) => h('li', {}, [h('h4', {}, e.title), h('p', {}, e.text)])),
          ),
        ])
      : null,
    h('section', { 'aria-labelledby': 'meters-heading' }, [
      h('h3', { id: 'meters-heading' }, t('common.meters')),
      meterChanges(view, record),
    ]),
    h('div', { class: 'actions' }, [
      h('button', { type: 'button', class: 'primary', onclick: next.go }, next.label),
    ]),
  ])
}
