import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { Reply } from '../net/protocol.ts'
import { fail, ok } from './reply.ts'
import type { RoomFile } from './room-file.ts'

/**
 * Named roles within a side (a lead negotiator, advisers), for classes where several students share one
 * side: the scenario lists them per side (`sides[].roles`), and the instructor (or the student, when students
 * pick their sides) gives a seat one. A role is a label the table and the debrief show beside the student's
 * name; the rules do not read it.
 */

/** Why `role` cannot be held on `side`, or null when it can (null `role`: no role, always fine). */
export function roleProblem(index: ScenarioIndex, side: string | null, role: string | null): Reply | null {
  if (role === null) return null
  const roles = side === null ? undefined : index.sides.get(side)?.roles
  if (!roles?.some((r) => r.id === role))
    return fail('NOT_A_ROLE', `"${role}" is not a role of ${side === null ? 'an observer' : side}.`)
  return null
}

/** The role's name as the scenario writes it, or the id when the scenario no longer has it. */
export function roleName(index: ScenarioIndex, side: string | null, role: string): string {
  const found = side === null ? undefined : index.sides.get(side)?.roles?.find((r) => r.id === role)
  return found?.name ?? role
}

/**
 * Gives a seat a role of its side (checked with `roleProblem` first), or takes it away (null); the
 * instructor's changes go to the journal.
 */
export function setRole(
  room: { file: RoomFile; index: ScenarioIndex; note(now: Date, text: string): void },
  seatId: string,
  role: string | null,
  now: Date,
  byInstructor: boolean,
): Reply {
  const seat = room.file.seats.find((s) => s.id === seatId)
  if (!seat) return fail('UNKNOWN_SEAT', 'There is no such student in this room.')
  const problem = roleProblem(room.index, seat.side, role)
  if (problem) return problem
  if (role === null) delete seat.role
  else seat.role = role
  if (byInstructor && role !== null) room.note(now, `${seat.name}: ${roleName(room.index, seat.side, role)}`)
  return ok
}
