import type { RoundRecord } from '../../core/rules/state.ts'
import { h } from '../dom.ts'
import { type GameView, instrumentName, meterSummary } from '../view.ts'
import { heading, renderEvents, renderResponse, renderVerdict } from './response.ts'

type Level = 3 | 4

function roundRecord(view: GameView, record: RoundRecord, level: Level): HTMLElement {
  const { index } = view
  const sub = (level + 1) as 4 | 5
  const tabled = record.tabled
    ? `Tabled: ${record.tabled.map((i) => instrumentName(index, i.instrument, i.variant)).join(', ')}.`
    : 'No package was tabled.'
  const decision =
    record.decision === 'implement'
      ? 'Decision: implemented without consent.'
      : record.decision === 'continue'
        ? 'Decision: continued negotiating.'
        : null
  return h('li', { class: 'round-record' }, [
    heading(level, `Round ${record.round}`),
    h('p', {}, tabled),
    record.response ? renderVerdict(view, record.response) : null,
    record.response
      ? h('details', { 'data-key': `history-${record.round}` }, [
          h('summary', { 'data-key': `history-summary-${record.round}` }, 'Reasons and sources'),
          renderResponse(view, record.response, sub, false),
        ])
      : null,
    decision ? h('p', {}, decision) : null,
    renderEvents(view, record.events, sub),
    h('p', { class: 'meters-after' }, `Meters after the round: ${meterSummary(index, record.meters)}.`),
  ])
}

/**
 * The rounds played so far: what was tabled, the verdict and its reasons, the decision, the events and the
 * meters after each. `level` is the heading level of each round. Null before the first round ends.
 */
export function renderHistory(view: GameView, level: Level, title = 'Previous rounds'): HTMLElement | null {
  const { history } = view.state
  if (history.length === 0) return null
  return h('section', { class: 'history', 'aria-labelledby': `history-heading` }, [
    heading((level - 1) as 2 | 3, title, { id: 'history-heading' }),
    h(
      'ol',
      { class: 'plain' },
      history.map((r) => roundRecord(view, r, level)),
    ),
  ])
}
