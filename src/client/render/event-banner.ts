import { useEffect, useRef, useState } from 'preact/hooks'
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
 *
 * A card that comes while the reader is scrolled away from it (a laptop down at the messages) brings a small
 * fixed "New event: <title> ↑" button that scrolls to it and puts the focus on it; it goes once the card's
 * title was on screen or the card was dismissed. It is a control, not an announcement: the play said the
 * event already.
 */

/**
 * Events dismissed on this page, by game and by side: on a shared (hot-seat) device each player dismisses
 * their own, and a card dismissed before a round's summary does not come back after it.
 */
const dismissed = new Set<string>()

/** Cards whose title was wholly on screen at some point, by the same keys: they need no pointer to them. */
const seen = new Set<string>()

/** Where an unseen card is from the screen: above it (scrolled down past it) or below it. */
type Away = 'up' | 'down'

const dismissKey = (view: GameView, e: EventNews) =>
  `${view.index.scenario.id}:${view.state.setup.seed}:${view.acting ?? ''}:${eventKey(e)}`

/** Puts the focus on the next card's dismiss button, else on the screen's heading, once a card has gone. */
function refocus(): void {
  requestAnimationFrame(() => {
    const next = document.querySelector<HTMLElement>('.event-banner .event-dismiss')
    ;(next ?? document.getElementById('screen-heading'))?.focus()
  })
}

const titleOf = (view: GameView, e: EventNews): string =>
  view.index.scenario.events.find((x) => x.id === e.id)?.title ?? e.id
const cardId = (e: EventNews): string => `event-${e.round}-${e.id}`

function eventCard(view: GameView, e: EventNews, level: 3 | 4, dismiss: () => void): View {
  const event = view.index.scenario.events.find((x) => x.id === e.id)
  const title = titleOf(view, e)
  const effects = eventEffects(words(), view.index, e.id)
  const id = cardId(e)
  return h(
    'article',
    {
      key: eventKey(e),
      id: `${id}-card`,
      // Focusable from the "New event" button only, not in the tab order.
      tabindex: -1,
      class: `event-card${e.injected ? ' injected' : ''}`,
      'aria-labelledby': id,
    },
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
      h(`h${level}`, { id, class: 'event-title', 'data-event': dismissKey(view, e) }, title),
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

/** The button to a card scrolled out of sight: "New event: <title> ↑", fixed at the screen's edge towards it. */
function jumpButton(view: GameView, e: EventNews, away: Away): View {
  const go = () => {
    const card = document.getElementById(`${cardId(e)}-card`)
    card?.scrollIntoView({ block: 'start' })
    card?.focus({ preventScroll: true })
  }
  return h('button', { type: 'button', class: `primary event-jump ${away}`, onclick: go }, [
    t('event.jump', { title: titleOf(view, e) }),
    ' ',
    h('span', { 'aria-hidden': 'true' }, away === 'up' ? '↑' : '↓'),
  ])
}

function EventBanner({ view, level }: { view: GameView; level: 3 | 4 }): View | null {
  const [, redraw] = useState(0)
  /** Cards out of sight that were not seen yet, and where they are. */
  const [away, setAway] = useState<ReadonlyMap<string, Away>>(new Map())
  const banner = useRef<HTMLElement>(null)
  const shown = eventsNow(view.state).filter((e) => !dismissed.has(dismissKey(view, e)))
  const keys = shown.map((e) => dismissKey(view, e)).join('|')
  useEffect(() => {
    const root = banner.current
    if (!root || typeof IntersectionObserver === 'undefined') return
    // Seen when the title is wholly on screen; reported once at first (where the card appeared), then as it moves.
    const watch = new IntersectionObserver(
      (entries) =>
        setAway((before) => {
          const next = new Map(before)
          for (const entry of entries) {
            const key = (entry.target as HTMLElement).dataset.event ?? ''
            if (entry.intersectionRatio >= 0.99) seen.add(key)
            if (seen.has(key)) next.delete(key)
            else next.set(key, entry.boundingClientRect.top < 0 ? 'up' : 'down')
          }
          return next
        }),
      { threshold: [0, 1] },
    )
    for (const title of root.querySelectorAll('.event-title')) watch.observe(title)
    return () => watch.disconnect()
  }, [keys])
  if (shown.length === 0) return null
  const dismiss = (e: EventNews) => () => {
    dismissed.add(dismissKey(view, e))
    redraw((n) => n + 1)
    refocus()
  }
  const missed = shown.find((e) => away.has(dismissKey(view, e)) && !seen.has(dismissKey(view, e)))
  const where = missed && away.get(dismissKey(view, missed))
  return h('section', { class: 'event-banner', 'aria-label': t('event.region'), ref: banner }, [
    ...shown.map((e) => eventCard(view, e, level, dismiss(e))),
    missed && where ? jumpButton(view, missed, where) : null,
  ])
}

/**
 * The events of the last round that closed and those brought into this one, as cards to put near the top
 * of a table (`level`: their headings' level); nothing when there are none or all were dismissed.
 */
export function renderEventBanner(view: GameView, level: 3 | 4 = 3): View {
  return component(EventBanner, { view, level })
}
