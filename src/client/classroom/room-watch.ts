import type { GameState } from '../../core/rules/state.ts'
import type { LogEntry, RoomStatus, SeatView } from '../../net/view.ts'

/**
 * What the instructor's dashboard watches in every room, as pure functions of what the room sent (no DOM, no
 * wording): whom the game waits for, when the last message was sent, and what changed since the last look
 * that the instructor should be alerted to. Unit-tested in tests/unit/room-watch.test.ts.
 */

/**
 * Whom a room's game waits for. While the sides negotiate, a package is tabled only once every proposer
 * endorses it (see `table` in core/rules/apply.ts), and a round ends early only once every proposer has
 * spoken and one objects (`endRound`); after Russia's answer every proposer votes (`decide`). So:
 *
 * - `stances`: the students' sides that have not given a stance on the package as it stands (any change to
 *   the package clears the stances, so this is "on the current package");
 * - `table`: every side endorsed; one of them may table the package;
 * - `agree`: every side spoke and some object: the package changes, or a side ends the round;
 * - `votes`: the students' sides that have not voted after the answer.
 *
 * Sides the computer plays are left out (they act at once); null while no game is under way.
 */
export type Waiting =
  | { kind: 'stances'; sides: string[] }
  | { kind: 'table' }
  | { kind: 'agree' }
  | { kind: 'votes'; sides: string[] }

/** Whom the game of a room in `status` waits for (see Waiting); `proposers` are the scenario's proposing sides. */
export function waitingFor(
  proposers: readonly string[],
  game: GameState | null,
  humanSides: readonly string[] | null,
  status: RoomStatus,
): Waiting | null {
  if (!game || status === 'lobby' || status === 'ended' || game.phase === 'ended') return null
  const students = proposers.filter((s) => humanSides?.includes(s))
  if (game.phase === 'deciding') return { kind: 'votes', sides: students.filter((s) => !game.votes[s]) }
  const silent = students.filter((s) => !game.stances[s])
  if (silent.length) return { kind: 'stances', sides: silent }
  const everyone = proposers.every((s) => game.stances[s]?.kind === 'endorse')
  if (everyone && game.package.length) return { kind: 'table' }
  return proposers.some((s) => game.stances[s]?.kind === 'object')
    ? { kind: 'agree' }
    : { kind: 'stances', sides: [] }
}

/** The display names of the students whose seats play `side`, in the roster's order. */
export function studentsOn(seats: readonly SeatView[], side: string): string[] {
  return seats.filter((s) => s.side === side).map((s) => s.name)
}

/** How many messages the room's log holds (its `say` commands), and when the last was sent (ISO), if any. */
export function messagesIn(log: readonly LogEntry[]): { count: number; last: string | null } {
  let count = 0
  let last: string | null = null
  for (const entry of log)
    if (entry.command.type === 'say') {
      count++
      if (last === null || entry.at > last) last = entry.at
    }
  return { count, last }
}

/** What the dashboard compares between two looks at a room, to tell what the instructor should know of. */
export interface RoomPulse {
  status: RoomStatus
  /** Devices connected: the seats' ids when the room's own view is known, else only their number. */
  online: { count: number; seats: readonly string[] | null }
  /** Every seat of the room, by id, when the room's own view is known. */
  seats: readonly string[] | null
  /** Commands the timer sent (when a round's time ran out); null without the room's log. */
  timed: number | null
}

/** The pulse of a room from its own view and log (the instructor is connected to it). */
export function pulseOfView(
  status: RoomStatus,
  seats: readonly SeatView[],
  log: readonly LogEntry[],
): RoomPulse {
  const online = seats.filter((s) => s.online).map((s) => s.id)
  return {
    status,
    online: { count: online.length, seats: online },
    seats: seats.map((s) => s.id),
    timed: log.filter((e) => e.by.kind === 'timer').length,
  }
}

/** The pulse of a room from the session's listing only (this device has no key of it). */
export function pulseOfSummary(status: RoomStatus, online: number): RoomPulse {
  return { status, online: { count: online, seats: null }, seats: null, timed: null }
}

/** Something the instructor should know of at once, about one room. */
export type RoomAlert =
  | { kind: 'ended' }
  | { kind: 'timeUp' }
  | { kind: 'devicesLost'; lost: number; online: number }

/**
 * What changed between two looks at a room that the instructor should be alerted to: the game ended, a
 * round's time ran out (the timer sent commands), or devices that were connected are not any more (while
 * the game is not over). A seat the instructor removed is not a lost device; a room seen for the first time alerts nothing (a room that
 * ended before the page opened is no news).
 */
export function alertsBetween(before: RoomPulse | null, after: RoomPulse): RoomAlert[] {
  if (!before) return []
  const alerts: RoomAlert[] = []
  if (after.status === 'ended' && before.status !== 'ended') alerts.push({ kind: 'ended' })
  if (before.timed !== null && after.timed !== null && after.timed > before.timed)
    alerts.push({ kind: 'timeUp' })
  const was = before.online.seats
  const now = after.online.seats
  const lost =
    was && now && after.seats
      ? was.filter((id) => after.seats?.includes(id) && !now.includes(id)).length
      : before.online.count - after.online.count
  // Once the game is over, students closing their pages is no news.
  if (lost > 0 && after.status !== 'ended')
    alerts.push({ kind: 'devicesLost', lost, online: after.online.count })
  return alerts
}
