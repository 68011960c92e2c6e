import type { GameState, Response } from '../../core/rules/state.ts'
import { type EventNews, newEvents } from '../render/event-news.ts'
import type { Screen } from '../screens.ts'

/**
 * The screen flow of a game in progress, the same for solo, hot-seat and a classroom seat: pure functions
 * from where the device is (`Place`) and what the table shows now to where it goes next, with what screen
 * readers should be told. No DOM, no store: unit-tested in Node (tests/unit/flow.test.ts).
 *
 * Title → set-up → a briefing per human side (behind a hand-over screen when several humans share the
 * device) → the table, round by round, with a summary after each round that closes → the ending.
 */

/** Where a device is in a game: the screen, and the human side its controls act for (null: it watches). */
export interface Place {
  screen: Screen
  acting: string | null
}

/** What the flow needs of a table: who plays on this device, and the game's progress. */
export interface Progress {
  /** The human-played sides this device plays, in scenario order. */
  humans: readonly string[]
  /** Sides whose briefing this device has already shown (a classroom seat remembers it across reloads). */
  briefed: readonly string[]
  state: Pick<GameState, 'round' | 'phase' | 'history' | 'injected'>
}

/** Something screen readers are told, as data; the view words it in the interface's language. */
export type News =
  | { kind: 'responses'; responses: readonly (Response | null)[]; rounds: readonly number[] }
  | { kind: 'events'; events: readonly EventNews[] }
  | { kind: 'ended' }

/** Shows `side`'s private screen `then`, behind a hand-over screen when several humans share the device. */
export function toSide(humans: readonly string[], side: string, then: Screen): Place {
  return { acting: side, screen: humans.length > 1 ? { name: 'handover', side, after: then } : then }
}

/** The first human side's table (behind a hand-over when several share the device), or the table to watch. */
export function backToTable(humans: readonly string[]): Place {
  const first = humans[0]
  return first ? toSide(humans, first, { name: 'table' }) : { acting: null, screen: { name: 'table' } }
}

/** The briefings still to read, one side after the other, then the table. */
export function briefNext(humans: readonly string[], queue: readonly string[]): Place {
  const [side, ...rest] = queue
  return side ? toSide(humans, side, { name: 'briefing', side, queue: rest }) : backToTable(humans)
}

/** Where a device goes when it joins a game: the briefings it has not read yet, the ending, or the table. */
export function enterGame(progress: Progress): Place {
  if (progress.state.phase === 'ended')
    return { acting: progress.humans[0] ?? null, screen: { name: 'ending' } }
  const unread = progress.humans.filter((side) => !progress.briefed.includes(side))
  return briefNext(progress.humans, unread)
}

/** After a briefing is read: the next side's briefing, or the table. */
export function afterBriefing(place: Place, progress: Progress): Place {
  if (place.screen.name !== 'briefing') return place
  return briefNext(progress.humans, place.screen.queue)
}

/** After a round's summary: the ending if the game is over, else the table for the next round. */
export function afterSummary(progress: Progress): Place {
  if (progress.state.phase === 'ended')
    return { acting: progress.humans[0] ?? null, screen: { name: 'ending' } }
  return backToTable(progress.humans)
}

/**
 * The table changed (a move here, another device's, a computer partner's, the instructor's): the news for
 * screen readers, and the screen to show. A round that closed (the game moved on to the next round, or
 * ended, with a record of it) opens its summary on a device that plays a side; a game that ended takes its
 * watchers to the ending. Briefings, hand-over screens and summaries are never interrupted.
 */
export function onUpdate(
  place: Place,
  before: Progress['state'],
  after: Progress,
): { place: Place; news: News[] } {
  const news: News[] = []
  const added = after.state.history.slice(before.history.length)
  if (added.length > 0)
    news.push({
      kind: 'responses',
      responses: added.map((r) => r.response),
      rounds: added.map((r) => r.round),
    })
  // Events that just happened (fired as a round closed, or brought in by the instructor), after the answer.
  const events = newEvents(before, after.state)
  if (events.length > 0) news.push({ kind: 'events', events })
  const ended = after.state.phase === 'ended'
  if (ended && before.phase !== 'ended') news.push({ kind: 'ended' })
  if (place.screen.name !== 'table') return { place, news }
  const closed = ended ? before.phase !== 'ended' : after.state.round > before.round
  // The record of the round that closed; none when the game ended without one (the instructor ended it).
  const last = after.state.history.at(-1)
  const record = closed && last && last.round >= before.round ? last : undefined
  if (record && after.humans.length > 0)
    return { place: { ...place, screen: { name: 'summary', round: record.round } }, news }
  if (ended) return { place: { ...place, screen: { name: 'ending' } }, news }
  return { place, news }
}
