import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { endingTitle } from '../render/debrief/outcome-text.ts'
import { renderEventBanner } from '../render/event-banner.ts'
import { responseSection } from '../render/game.ts'
import { renderHistory } from '../render/history.ts'
import { renderLog } from '../render/log.ts'
import { renderMessages } from '../render/messages.ts'
import { renderMeters } from '../render/meters.ts'
import { renderPackage, renderStances } from '../render/package.ts'
import { renderDecision } from '../render/response.ts'
import { type GameView, nameOf } from '../view.ts'

/**
 * The table as someone who does not act at it sees it (a student without a side, the instructor): the
 * round, the package and the stances, or Russia's answer and the vote, the meters, the rounds so far and
 * the log with who did what. The same components as the table itself, without its controls. `screen`
 * makes the round the screen's heading (a page of its own); otherwise it heads a section. `stopped` says
 * how a game ended that the rules did not end (the instructor ended the room), in place of its phase.
 */
export function renderWatchTable(view: GameView, screen: boolean, note?: string, stopped?: string): View {
  const { index, state } = view
  const deciding = state.phase === 'deciding'
  const title = t('game.roundOf', { round: state.round, rounds: index.scenario.rounds })
  const phase =
    state.phase === 'ended'
      ? t('session.over', { ending: endingTitle(index, state) })
      : (stopped ??
        (deciding
          ? t('game.answered', { responder: nameOf(index, index.responder) })
          : t('game.negotiating')))
  return h('div', { class: 'game watch' }, [
    h('div', { class: 'game-head' }, [
      screen ? h('h2', { id: 'screen-heading', tabindex: -1 }, title) : h('h3', {}, title),
      h('p', { class: 'phase' }, phase),
      note ? h('p', { class: 'playing-as' }, note) : null,
    ]),
    stopped || state.phase === 'ended' ? null : renderEventBanner(view, screen ? 3 : 4),
    h('div', { class: 'columns' }, [
      h('div', { class: 'col-main' }, [
        ...(deciding
          ? [responseSection(view), renderDecision(view)]
          : [renderPackage(view), renderStances(view)]),
        // A student who does not play reads the table's messages; the instructor's panel shows every channel.
        screen ? renderMessages(view, { reader: { side: null }, writes: false, room: true }) : null,
      ]),
      h('div', { class: 'col-side' }, [renderMeters(view), renderHistory(view, 4), renderLog(view)]),
    ]),
  ])
}
