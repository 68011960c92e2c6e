import { meterSeries } from '../../core/debrief/timeline.ts'
import { newGame, type RoundRecord } from '../../core/rules/state.ts'
import { h } from '../dom.ts'
import { type GameView, instrumentName, nameOf } from '../view.ts'
import { renderVerdict } from './response.ts'

function meterChanges(view: GameView, record: RoundRecord): HTMLElement {
  // The same series the debrief charts: the start values, then the values after each round.
  const at = view.state.history.indexOf(record)
  const series = meterSeries(view.index, newGame(view.index, view.state.setup).meters, view.state)
  const before = Object.fromEntries(series.map((m) => [m.id, m.values[at] ?? 0]))
  return h('table', { class: 'changes', 'aria-label': 'Meters this round' }, [
    h(
      'thead',
      {},
      h('tr', {}, [
        h('th', { scope: 'col' }, 'Meter'),
        h('th', { scope: 'col' }, 'Before'),
        h('th', { scope: 'col' }, 'After'),
        h('th', { scope: 'col' }, 'Change'),
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
          m.better === 'neither' || delta === 0
            ? ''
            : delta > 0 === (m.better === 'higher')
              ? ' (better)'
              : ' (worse)'
        return h('tr', {}, [
          h('th', { scope: 'row' }, m.name),
          h('td', {}, String(a)),
          h('td', {}, String(b)),
          h(
            'td',
            { class: good.includes('better') ? 'up' : good.includes('worse') ? 'down' : '' },
            `${delta > 0 ? '+' : ''}${delta}${good}`,
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
): HTMLElement {
  const { index } = view
  const events = record.events
    .map((id) => index.scenario.events.find((e) => e.id === id))
    .filter((e) => e !== undefined)
  const crossed = (record.response?.redLines ?? []).map(
    (id) => index.scenario.redLines.find((r) => r.id === id)?.title ?? id,
  )
  return h('div', { class: 'summary' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, `Round ${record.round} summary`),
    h('section', { 'aria-labelledby': 'tabled-heading' }, [
      h('h3', { id: 'tabled-heading' }, 'The package'),
      record.tabled
        ? h(
            'ul',
            {},
            record.tabled.map((i) =>
              h(
                'li',
                {},
                `${instrumentName(index, i.instrument, i.variant)} — backed by ${nameOf(index, i.backedBy)}`,
              ),
            ),
          )
        : h('p', {}, 'No package was tabled: the sides could not agree.'),
    ]),
    record.response
      ? h('section', { 'aria-labelledby': 'answer-heading' }, [
          h('h3', { id: 'answer-heading' }, `${nameOf(index, index.responder)}'s answer`),
          renderVerdict(view, record.response),
          crossed.length ? h('p', {}, 'Red lines crossed:') : h('p', {}, 'No red line was crossed.'),
          crossed.length
            ? h(
                'ul',
                {},
                crossed.map((t) => h('li', {}, t)),
              )
            : null,
        ])
      : null,
    record.decision
      ? h(
          'p',
          {},
          record.decision === 'implement'
            ? "The proposers implemented the guarantees without Russia's consent."
            : 'The proposers chose to keep negotiating.',
        )
      : null,
    events.length
      ? h('section', { 'aria-labelledby': 'events-heading' }, [
          h('h3', { id: 'events-heading' }, 'Events'),
          h(
            'ul',
            { class: 'plain' },
            events.map((e) => h('li', {}, [h('h4', {}, e.title), h('p', {}, e.text)])),
          ),
        ])
      : null,
    h('section', { 'aria-labelledby': 'meters-heading' }, [
      h('h3', { id: 'meters-heading' }, 'Meters'),
      meterChanges(view, record),
    ]),
    h('div', { class: 'actions' }, [
      h(
        'button',
        { type: 'button', class: 'primary', 'data-key': 'summary-next', onclick: next.go },
        next.label,
      ),
    ]),
  ])
}
