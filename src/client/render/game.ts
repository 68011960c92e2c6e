import type { Ref } from 'preact'
import { useRef } from 'preact/hooks'
import { component, h, later, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { type GameView, instrumentName, nameOf } from '../view.ts'
import { renderCards } from './cards.ts'
import { renderEventBanner } from './event-banner.ts'
import { useKeepFocus } from './focus.ts'
import { renderHistory } from './history.ts'
import { renderFlags } from './instruments.ts'
import { renderLog } from './log.ts'
import { renderMessages } from './messages.ts'
import { renderMeters } from './meters.ts'
import { renderActions, renderPackage, renderStances } from './package.ts'
import { renderRequests } from './requests.ts'
import { renderDecision, renderEvents, renderResponse } from './response.ts'
import { renderSideInfo } from './side-info.ts'

function switcher(view: GameView): View {
  const { index, humans, acting } = view
  if (humans.length === 0) return h('p', {}, t('game.allComputers'))
  if (humans.length === 1 || !acting)
    return h('p', { class: 'playing-as' }, t('game.playingAsSide', { side: nameOf(index, acting ?? '') }))
  const id = 'acting-side'
  return h('div', { class: 'field playing-as' }, [
    h('label', { for: id }, t('game.playingAs')),
    h(
      'select',
      {
        id,
        value: acting,
        onchange: (e: Event) => view.setActing((e.currentTarget as HTMLSelectElement).value),
      },
      humans.map((side) => h('option', { value: side }, nameOf(index, side))),
    ),
  ])
}

/**
 * Russia's answer to the package just tabled, with its reasons and the events of the round. `headingRef` gets
 * its heading (which can take the focus), for the view that shows it when a package is tabled.
 */
export function responseSection(view: GameView, headingRef?: Ref<HTMLHeadingElement>): View | null {
  const { index, state } = view
  const record = state.history.at(-1)
  const response = state.response
  if (!response || !record) return null
  const responder = nameOf(index, index.responder)
  return h('section', { class: 'response-panel', 'aria-labelledby': 'response-heading' }, [
    h('h3', { id: 'response-heading', tabindex: -1, ref: headingRef }, t('game.response', { responder })),
    record.tabled
      ? h(
          'p',
          {},
          t('common.tabled', {
            items: record.tabled.map((i) => instrumentName(index, i.instrument, i.variant)).join(', '),
          }),
        )
      : null,
    renderResponse(view, response, 4),
    renderEvents(view, record.events, 4),
  ])
}

function Game({ view }: { view: GameView }): View {
  const { index, state } = view
  const deciding = state.phase === 'deciding'
  const round = useRef<HTMLHeadingElement>(null)
  const response = useRef<HTMLHeadingElement>(null)
  // Tabling the package (or partners tabling it after an endorsement) replaces the negotiation, and the button
  // pressed with it: the focus goes to the answer's heading, or to the round's when the negotiation is back.
  useKeepFocus(`${state.round}:${state.phase}`, () => (deciding ? response.current : round.current))
  // The messages follow the controls, so that on a phone they are near the top rather than after the cards.
  const main = deciding
    ? [responseSection(view, response), renderDecision(view), renderMessages(view)]
    : [
        renderPackage(view),
        renderStances(view),
        renderActions(view),
        renderMessages(view),
        // Below the first view: drawn a moment after the table appears.
        later([renderCards(view), renderSideInfo(view), renderRequests(view), renderFlags(view)]),
      ]
  return h('div', { class: 'game' }, [
    h('div', { class: 'game-head' }, [
      h(
        'h2',
        { id: 'screen-heading', tabindex: -1, ref: round },
        t('game.roundOf', { round: state.round, rounds: index.scenario.rounds }),
      ),
      h(
        'p',
        { class: 'phase' },
        deciding ? t('game.answered', { responder: nameOf(index, index.responder) }) : t('game.negotiating'),
      ),
      switcher(view),
    ]),
    // What just happened, before the package: on a phone the log is far down the page.
    renderEventBanner(view),
    h('div', { class: 'columns' }, [
      h('div', { class: 'col-main' }, main),
      h('div', { class: 'col-side' }, [renderMeters(view), later([renderHistory(view, 4), renderLog(view)])]),
    ]),
  ])
}

/** The table: the round, who is acting, and either the negotiation or the response and the vote. */
export function renderGame(view: GameView): View {
  return component(Game, { view })
}
