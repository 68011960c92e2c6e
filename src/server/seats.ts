import { impersonatesStaff, nameSkeleton } from '../net/names.ts'
import { type ErrorCode, LIMITS, normalizeName } from '../net/protocol.ts'
import type { RoomFile } from './room-file.ts'

type SeatRecord = RoomFile['seats'][number]
type Refusal = { ok: false; error: { code: ErrorCode; message: string } }

/**
 * Who may take a new seat, and which seats are junk. A seat "never played" when no command of the log is
 * its own; one that never played and has no device connected holds nothing of the game, so it gives way
 * to a newcomer when the room is full, and the instructor can clear all of them in one action.
 */

/** Whether the seat has a command of its own in the room's log. */
export function played(log: RoomFile['log'], seatId: string): boolean {
  return log.some((e) => e.by.kind === 'student' && e.by.seat === seatId)
}

/** Seats that never played and have no device connected now, oldest first. */
export function idleSeats(file: RoomFile, online: ReadonlySet<string>): SeatRecord[] {
  return file.seats.filter((s) => !online.has(s.id) && !played(file.log, s.id))
}

/**
 * Checks a display name for a new seat: well formed, not passing for the instructor, the timer or the
 * computer, and not read alike with a name in the room (case, spacing, accents, look-alike letters). When
 * the room is full, the oldest idle seat makes way (`evict`); with none, the room is full.
 */
export function admitName(
  file: RoomFile,
  rawName: string,
  online: ReadonlySet<string>,
): { ok: true; name: string; evict: SeatRecord | null } | Refusal {
  const name = normalizeName(rawName)
  if (!name) return refusal('NAME_INVALID', 'A name has 1 to 40 characters, with no control characters.')
  if (impersonatesStaff(name))
    return refusal(
      'NAME_RESERVED',
      `“${name}” would pass for the instructor, the timer or the computer: use the name your class knows you by.`,
    )
  const skeleton = nameSkeleton(name)
  const twin = file.seats.find((s) => nameSkeleton(s.name) === skeleton)
  if (twin)
    return refusal(
      'NAME_TAKEN',
      `“${name}” reads like “${twin.name}”, who is already in this room: add an initial, or choose another name.`,
    )
  if (file.seats.length < LIMITS.seats) return { ok: true, name, evict: null }
  const evict = idleSeats(file, online)[0]
  if (!evict) return refusal('ROOM_FULL', `This room already has ${LIMITS.seats} students.`)
  return { ok: true, name, evict }
}

function refusal(code: ErrorCode, message: string): Refusal {
  return { ok: false, error: { code, message } }
}
