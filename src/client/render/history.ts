import type { RoundRecord } from '../../core/rules/state.ts'
import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { type GameView, instrumentName, meterSummary } from '../view.ts'
import { heading, renderEvents, renderResponse, renderVerdict } from './response.ts'

type Level = 3 | 4

function roundRecord(view: GameView, record: RoundRecord, level: Level): View {
  const { index } = view
  const sub = (level + 1) as 4 | 5
  const tabled = record.tabled
    ? t('common.tabled', {
        items: record.tabled.map((i) => instrumentName(index, i.instrument, i.variant)).join(', '),
      })
    : t('common.noPackage')
  const decision =
    record.decision === 'implement'
      ? t('history.implemented')
      : record.decision === 'continue'
        ? t('history.continued')
        : null
  return h('li', { class: 'round-record', key: record.round }, [
    heading(level, t('common.round', { round: record.round })),
    h('p', {}, tabled),
    record.response ? renderVerdict(view, record.response) : null,
    record.response
      ? h('details', {}, [
          h('summary', {}, t('history.reasons')),
          renderResponse(view, record.response, sub, false),
        ])
      : null,
    decision ? h('p', {}, decision) : null,
    renderEvents(view, record.events, sub),
    h(
      'p',
      { class: 'meters-after' },
      t('history.metersAfter', { meters: meterSummary(index, record.meters) }),
    ),
  ])
}

/**
 * The rounds played so far: what was tabled, the verdict and its reasons, the decision, the events and the
 * meters after each. `level` is the heading level of each round. Null before the first round ends.
 */
export function renderHistory(view: GameView, level: Level, title?: string): View | null {
  const { history } = view.state
  if (history.length === 0) return null
  return h('section', { class: 'history', 'aria-labelledby': `history-heading` }, [
    heading((level - 1) as 2 | 3, title ?? t('history.heading'), { id: 'history-heading' }),
    h(
      'ol',
      { class: 'plain' },
      history.map((r) => roundRecord(view, r, level)),
    ),
  ])
}
