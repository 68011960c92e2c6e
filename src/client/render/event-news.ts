import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameState } from '../../core/rules/state.ts'
import type { Effect } from '../../core/scenario/schema/scenario.ts'
import { signed } from '../../messages/debrief.ts'
import type { Words } from '../../messages/index.ts'

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

const meterName = (index: ScenarioIndex, id: string) => index.meters.get(id)?.name ?? id
const flagName = (index: ScenarioIndex, id: string) =>
  index.scenario.flags.find((f) => f.id === id)?.name ?? id

/**
 * One effect of an event in words, with the names `index` gives (pass the localised index): "Escalation +5",
 * "Cohesion −2, give or take 1", "Escalation set to 40", "Discuss the guarantees in public: yes".
 */
export function effectText(words: Words, index: ScenarioIndex, effect: Effect): string {
  const { t } = words
  if ('setFlag' in effect) return t('event.setFlag', { flag: flagName(index, effect.setFlag) })
  if ('clearFlag' in effect) return t('event.clearFlag', { flag: flagName(index, effect.clearFlag) })
  const meter = meterName(index, effect.meter)
  if ('add' in effect) {
    const change = signed(words, effect.add)
    return effect.spread
      ? t('event.addSpread', { meter, change, spread: words.number(effect.spread) })
      : t('event.add', { meter, change })
  }
  if ('set' in effect) return t('event.set', { meter, value: words.number(effect.set) })
  return t('event.fromPackage', { meter })
}

/** The effects of the event `id` in words, one line each; none for an event `index` does not know. */
export function eventEffects(words: Words, index: ScenarioIndex, id: string): string[] {
  const event = index.scenario.events.find((e) => e.id === id)
  return (event?.effects ?? []).map((e) => effectText(words, index, e))
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
