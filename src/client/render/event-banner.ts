import { useState } from 'preact/hooks'
import { button, component, h, type View } from '../dom.ts'
import { t, words } from '../i18n/index.ts'
import type { GameView } from '../view.ts'
import { type EventNews, eventEffects, eventKey, eventsNow } from './event-news.ts'

/**
 * The events that just happened, at the top of the table on every device (solo, hot-seat, a classroom seat
 * on a phone, the instructor's room panel): each as a card with its title, its text and what it changes, so
 * that nobody has to find it in the log far down the page. Screen readers are told of a new event by the
 * play's announcer (see newsText), not by this card, so it is said once. A card can be dismissed; the event
 * stays in the log and in the round's record.
 */

/**
 * Events dismissed on this page, by game and by side: on a shared (hot-seat) device each player dismisses
 * their own, and a card dismissed before a round's summary does not come back after it.
 */
const dismissed = new Set<string>()

const dismissKey = (view: GameView, e: EventNews) =>
  `${view.index.scenario.id}:${view.state.setup.seed}:${view.acting ?? ''}:${eventKey(e)}`

/** Puts the focus on the next card's dismiss button, else on the screen's heading, once a card has gone. */
function refocus(): void {
  requestAnimationFrame(() => {
    const next = document.querySelector<HTMLElement>('.event-banner .event-dismiss')
    ;(next ?? document.getElementById('screen-heading'))?.focus()
  })
}

function eventCard(view: GameView, e: EventNews, level: 3 | 4, dismiss: () => void): View {
  const event = view.index.scenario.events.find((x) => x.id === e.id)
  const title = event?.title ?? e.id
  const effects = eventEffects(words(), view.index, e.id)
  const id = `event-${e.round}-${e.id}`
  return h(
    'article',
    { key: eventKey(e), class: `event-card${e.injected ? ' injected' : ''}`, 'aria-labelledby': id },
    [
      h('div', { class: 'event-top' }, [
        h(
          'p',
          { class: 'event-kicker' },
          t(e.injected ? 'event.injected' : 'event.fired', { round: e.round }),
        ),
        // At the top, not after the text: on a phone the text can fill the screen.
        button(t('event.dismiss'), dismiss, {
          class: 'small event-dismiss',
          'aria-label': t('event.dismissLabel', { title }),
        }),
      ]),
      h(`h${level}`, { id, class: 'event-title' }, title),
      // What it changes comes before the story, so that a phone shows both the title and its effects at once.
      effects.length
        ? h('div', { class: 'event-effects' }, [
            h('span', { class: 'event-effects-label', id: `${id}-effects` }, t('event.effects')),
            h(
              'ul',
              { class: 'event-effect-list', 'aria-labelledby': `${id}-effects` },
              effects.map((text) => h('li', {}, text)),
            ),
          ])
        : h('p', { class: 'event-effects hint' }, t('event.noEffects')),
      event?.text ? h('p', { class: 'event-text' }, event.text) : null,
    ],
  )
}

function EventBanner({ view, level }: { view: GameView; level: 3 | 4 }): View | null {
  const [, redraw] = useState(0)
  const shown = eventsNow(view.state).filter((e) => !dismissed.has(dismissKey(view, e)))
  if (shown.length === 0) return null
  const dismiss = (e: EventNews) => () => {
    dismissed.add(dismissKey(view, e))
    redraw((n) => n + 1)
    refocus()
  }
  return h(
    'section',
    { class: 'event-banner', 'aria-label': t('event.region') },
    shown.map((e) => eventCard(view, e, level, dismiss(e))),
  )
}

/**
 * The events of the last round that closed and those brought into this one, as cards to put near the top
 * of a table (`level`: their headings' level); nothing when there are none or all were dismissed.
 */
export function renderEventBanner(view: GameView, level: 3 | 4 = 3): View {
  return component(EventBanner, { view, level })
}
