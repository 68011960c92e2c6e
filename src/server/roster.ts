import { randomBytes } from 'node:crypto'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { Reply } from '../net/protocol.ts'
import { fail, ok } from './reply.ts'
import type { RoomFile } from './room-file.ts'
import { admitName, idleSeats } from './seats.ts'

type SeatRecord = RoomFile['seats'][number]

/**
 * The room's roster: who sits in it and on which side. These act on the room's record directly (the
 * Classroom delegates to them), and each change worth the instructor's notice goes to the journal. Who may
 * take a new seat, and which seats are junk, is seats.ts.
 */

/** What the roster acts on: a room's record, its scenario, and its journal. */
export interface RosterRoom {
  readonly file: RoomFile
  readonly index: ScenarioIndex
  note(now: Date, text: string): void
  sideName(side: string): string
}

/**
 * Seats a new student under a display name that reads unlike every other in the room and passes for no
 * one (see seats.ts). In a full room the oldest seat that never played and is not connected (`online`
 * lists the seats with a device) makes way.
 */
export function addStudent(
  room: RosterRoom,
  rawName: string,
  tokenHash: string,
  now: Date,
  online: ReadonlySet<string>,
): Reply<{ seat: SeatRecord }> {
  const { file } = room
  const admitted = admitName(file, rawName, online)
  if (!admitted.ok) return admitted
  if (admitted.evict) {
    file.seats = file.seats.filter((s) => s !== admitted.evict)
    room.note(now, `${admitted.evict.name} (never played, not connected) made way for a newcomer`)
  }
  const seat: SeatRecord = {
    id: randomBytes(6).toString('base64url'),
    tokenHash,
    name: admitted.name,
    side: null,
    joinedAt: now.toISOString(),
  }
  file.seats.push(seat)
  return { ok: true, seat }
}

/** Removes every seat that never played and has no device connected, in one action. */
export function clearIdleSeats(
  room: RosterRoom,
  online: ReadonlySet<string>,
  now: Date,
): Reply<{ removed: number }> {
  const idle = new Set(idleSeats(room.file, online))
  if (idle.size === 0) return { ok: true, removed: 0 }
  room.file.seats = room.file.seats.filter((s) => !idle.has(s))
  room.note(now, `Cleared ${idle.size} seat(s) that never played: ${[...idle].map((s) => s.name).join(', ')}`)
  return { ok: true, removed: idle.size }
}

/** Puts a student on a side (several students may share one) or takes them off it. */
export function assign(
  room: RosterRoom,
  seatId: string,
  side: string | null,
  now: Date,
  byInstructor: boolean,
): Reply {
  const { file } = room
  const seat = file.seats.find((s) => s.id === seatId)
  if (!seat) return fail('UNKNOWN_SEAT', 'There is no such student in this room.')
  if (file.status === 'ended') return fail('ROOM_ENDED', 'The game is over.')
  if (side !== null && !room.index.proposers.includes(side))
    return fail('NOT_A_SIDE', `"${side}" is not a side the students can play.`)
  // Once started, a side the computer plays stays the computer's: the game's setup is fixed.
  if (side !== null && file.setup && file.setup.seats[side] !== 'human')
    return fail('SIDE_COMPUTER_PLAYED', `${room.sideName(side)} is played by the computer in this game.`)
  seat.side = side
  if (byInstructor) room.note(now, `${seat.name}: ${side ? room.sideName(side) : 'no side'}`)
  return ok
}

/** Mutes a student's messages (or unmutes them); the journal notes it. Their moves are not affected. */
export function mute(room: RosterRoom, seatId: string, muted: boolean, now: Date): Reply {
  const seat = room.file.seats.find((s) => s.id === seatId)
  if (!seat) return fail('UNKNOWN_SEAT', 'There is no such student in this room.')
  if ((seat.muted === true) === muted) return ok
  // Unmuted is the default: the field is left out rather than stored as false.
  if (muted) seat.muted = true
  else delete seat.muted
  room.note(now, `${seat.name}: ${muted ? 'muted' : 'unmuted'}`)
  return ok
}

/** Removes a student's seat (for one who lost it and joins again); their logged commands stay theirs. */
export function removeSeat(room: RosterRoom, seatId: string, now: Date): Reply {
  const seat = room.file.seats.find((s) => s.id === seatId)
  if (!seat) return fail('UNKNOWN_SEAT', 'There is no such student in this room.')
  room.file.seats = room.file.seats.filter((s) => s !== seat)
  room.note(now, `${seat.name} removed from the room`)
  return ok
}
