import { type MessageReader, messageVisible } from '../core/rules/messages.ts'
import type { LogEntry } from '../net/view.ts'
import type { Classroom } from './classroom.ts'
import type { Viewer } from './views.ts'

/**
 * The room's log as one device may read it: every move is public, but a message (a `say` command) reaches
 * only the devices its channel allows (see core/rules/messages.ts) until the game is over. A device keeps
 * its own list and appends what it is sent at `from`, a position in its list (net/client.ts), so the server
 * keeps, per device, both how far into the room's log it has been sent and how many entries that made.
 * When what a device may read changes (its side, or the game's end), its list is sent again from 0.
 */

/** How much of the room's log a device has: up to the room's entry `index`, which made `count` entries. */
export interface LogCursor {
  index: number
  count: number
}

/** Whether the game is over (by the rules, or the instructor ending the room): every message is then shown. */
export function gameOver(room: Classroom): boolean {
  return room.game?.phase === 'ended' || room.status === 'ended'
}

/** Whose messages a viewer reads: the instructor (and everyone once it is over) all, a student their side's. */
export function readerOf(room: Classroom, viewer: Viewer): MessageReader {
  if (viewer.role === 'instructor' || gameOver(room)) return 'all'
  return { side: room.seat(viewer.seat)?.side ?? null }
}

/** Whether a logged command may reach `reader`. */
export function entryVisible(entry: LogEntry, reader: MessageReader): boolean {
  const { command } = entry
  if (command.type !== 'say') return true
  return messageVisible({ side: command.side, ...command.payload }, reader)
}

/**
 * The log entries a viewer may read from `from` on: a cursor (what the device has), or an index into the
 * room's log (what it has is then counted again). `from` in the answer is a position in the device's list.
 */
export function logFor(
  room: Classroom,
  viewer: Viewer,
  from: number | LogCursor,
): { from: number; entries: LogEntry[] } {
  const reader = readerOf(room, viewer)
  const visible = (e: LogEntry) => entryVisible(e, reader)
  const cursor =
    typeof from === 'number' ? { index: from, count: room.log.slice(0, from).filter(visible).length } : from
  return { from: cursor.count, entries: room.log.slice(cursor.index).filter(visible) }
}
