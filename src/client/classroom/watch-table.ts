import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { responseSection } from '../render/game.ts'
import { renderHistory } from '../render/history.ts'
import { renderLog } from '../render/log.ts'
import { renderMeters } from '../render/meters.ts'
import { renderPackage, renderStances } from '../render/package.ts'
import { renderDecision } from '../render/response.ts'
import { type GameView, nameOf } from '../view.ts'

/**
 * The table as someone who does not act at it sees it (a student without a side, the instructor): the
 * round, the package and the stances, or Russia's answer and the vote, the meters, the rounds so far and
 * the log with who did what. The same components as the table itself, without its controls. `screen`
 * makes the round the screen's heading (a page of its own); otherwise it heads a section.
 */
export function renderWatchTable(view: GameView, screen: boolean, note?: string): View {
  const { index, state } = view
  const deciding = state.phase === 'deciding'
  const title = t('game.roundOf', { round: state.round, rounds: index.scenario.rounds })
  return h('div', { class: 'game watch' }, [
    h('div', { class: 'game-head' }, [
      screen ? h('h2', { id: 'screen-heading', tabindex: -1 }, title) : h('h3', {}, title),
      h(
        'p',
        { class: 'phase' },
        deciding ? t('game.answered', { responder: nameOf(index, index.responder) }) : t('game.negotiating'),
      ),
      note ? h('p', { class: 'playing-as' }, note) : null,
    ]),
    h('div', { class: 'columns' }, [
      h(
        'div',
        { class: 'col-main' },
        deciding ? [responseSection(view), renderDecision(view)] : [renderPackage(view), renderStances(view)],
      ),
      h('div', { class: 'col-side' }, [renderMeters(view), renderHistory(view, 4), renderLog(view)]),
    ]),
  ])
}
