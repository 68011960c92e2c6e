import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameState } from '../../core/rules/state.ts'
import { eventEffects } from '../../messages/event-effects.ts'
import type { Words } from '../../messages/index.ts'

// The effects' wording is shared with the debrief's story and the exports; the table's modules import it from here.
export { effectText, eventEffects } from '../../messages/event-effects.ts'

/**
 * Which of the game's events the table puts at its top, and their effects in words. Pure: the same for
 * solo, hot-seat and a classroom seat (which receives the game state from the room), unit-tested in Node.
 *
 * An event happens in two ways: the scenario fires it after Russia's answer (or after a round without a
 * package), and it is recorded with the round that closed; or the instructor brings it in during a round
 * (`GameState.injected`), when its effects apply at once, and it is recorded with that round when it closes.
 */

/** One event that happened: which, in which round, and whether the instructor brought it in. */
export interface EventNews {
  id: string
  round: number
  injected: boolean
}

/** The parts of the game state the events are read from. */
export type EventState = Pick<GameState, 'round' | 'history' | 'injected'>

/** One happening of an event: the same event again in another round is another happening. */
export const eventKey = (e: Pick<EventNews, 'id' | 'round'>): string => `${e.round}:${e.id}`

/**
 * The events the table shows now, in the order they happened: those of the last round that closed (fired
 * after its answer, or brought in during it), then those the instructor has brought into the current round.
 * So an event stays at the top through the round after it, until the next round closes.
 */
export function eventsNow(state: EventState): EventNews[] {
  const shown: EventNews[] = []
  const keys = new Set<string>()
  const add = (id: string, round: number) => {
    const key = eventKey({ id, round })
    if (keys.has(key)) return
    keys.add(key)
    shown.push({ id, round, injected: state.injected.some((i) => i.event === id && i.round === round) })
  }
  const last = state.history.at(-1)
  if (last) for (const id of last.events) add(id, last.round)
  for (const i of state.injected) if (i.round === state.round) add(i.event, i.round)
  return shown
}

/**
 * The events that appeared at the top of the table between two states of the game (what screen readers are
 * told): an event brought in is new once, not again when its round closes and records it.
 */
export function newEvents(before: EventState, after: EventState): EventNews[] {
  const seen = new Set(eventsNow(before).map(eventKey))
  return eventsNow(after).filter((e) => !seen.has(eventKey(e)))
}

/**
 * What screen readers are told of events that just happened: each one's title, text and effects, e.g.
 * "Event: Lavrov speaks. … It changes: Escalation +5 and Cohesion −2."
 */
export function eventsAnnouncement(words: Words, index: ScenarioIndex, events: readonly EventNews[]): string {
  return events
    .map(({ id }) => {
      const event = index.scenario.events.find((e) => e.id === id)
      const effects = eventEffects(words, index, id)
      return words.t('event.news', {
        title: event?.title ?? id,
        text: event?.text ?? '',
        effects: effects.length ? words.t('event.newsEffects', { effects: words.list(effects) }) : '',
      })
    })
    .join(' ')
    .trim()
}
