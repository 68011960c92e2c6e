import { type AuthContext, type Client, ServerError } from '@colyseus/core'
import { possessive } from '../core/text/possessive.ts'
import { type ErrorCode, JoinOptionsSchema, type Welcome } from '../net/protocol.ts'
import type { Classroom } from './classroom.ts'
import type { Devices } from './devices.ts'
import type { GateContext } from './gate.ts'
import { addressOfSocket, waitText } from './guard.ts'
import { hashSecret, newSecret } from './secrets.ts'
import type { Viewer } from './views.ts'

/** What onAuth hands onJoin: who the device is, where from, and what to tell it. */
export type Admitted = Viewer & { welcome: Welcome; address: string }

/** The close code of a connection that a newer one of the same device replaced (see net/client.ts). */
export const REPLACED = 4100

/** Refusals that answer a guess (a code, a key, a seat token): each counts against the address. */
const GUESSES: ReadonlySet<ErrorCode> = new Set(['BAD_KEY', 'UNKNOWN_SEAT', 'BAD_JOIN', 'ROOM_NOT_FOUND'])

/** What a join is checked against: the room, its devices and the process's gate. */
export interface JoinContext {
  classroom: Classroom
  devices: Devices
  clients: readonly Client[]
  gate: GateContext
  /** The session's server addresses, told to each device (for failing over). */
  servers: string[]
  /** Saves the room; resolves once stored (a new seat is stored before its token is handed out). */
  save: () => Promise<void>
  /** A change to show everyone (a contested seat, for the roster). */
  changed: () => void
}

/**
 * Decides who a joining device is: the instructor (with the room's key), a student taking a seat back
 * (with its token), or a new student (with a name). Throws a named refusal ("CODE: message", which the
 * client library splits again); refusals a guesser would get count against the device's address.
 */
export async function admit(
  ctx: JoinContext,
  client: Client,
  options: unknown,
  auth: AuthContext | undefined,
): Promise<Admitted> {
  const { gate, classroom } = ctx
  const address = addressOfSocket((client as { ref?: unknown }).ref, auth?.headers, gate.trustProxy)
  const now = Date.now()
  const refused = (code: ErrorCode, message: string) => {
    // Names and full rooms need the right code already: only what a guesser tries counts as a failure.
    if (GUESSES.has(code)) gate.guard.failed(address, now)
    gate.pending.settle(client.sessionId)
    return refuse(code, message)
  }
  const wait = gate.guard.blocked(address, now)
  if (wait !== null)
    throw refused('TOO_MANY_ATTEMPTS', `Too many attempts from this device: try again in ${waitText(wait)}.`)
  const parsed = JoinOptionsSchema.safeParse(options)
  if (!parsed.success) throw refused('BAD_JOIN', 'Join with a name, a seat token or the instructor key.')
  const join = parsed.data
  if (ctx.devices.at(address) >= gate.guard.limits.devicesPerRoom)
    throw refused('ROOM_FULL', 'Too many devices of this network are in this room already.')
  const servers = ctx.servers.length > 1 ? { servers: ctx.servers } : {}
  if (join.role === 'instructor') {
    if (!classroom.instructorKeyMatches(join.key))
      throw refused('BAD_KEY', 'That is not this room’s instructor key.')
    return { role: 'instructor', address, welcome: { role: 'instructor', ...servers } }
  }
  if ('seatToken' in join) {
    const seat = classroom.seatByToken(join.seatToken)
    if (!seat)
      throw refused('UNKNOWN_SEAT', 'That seat is not in this room any more: join again with your name.')
    const holder = ctx.devices.holder(ctx.clients, seat.id)
    // From the address that holds it, the seat is most likely the same device coming back before the
    // server noticed its old connection drop: the old connection gives way. From another address, refused.
    if (holder && ctx.devices.get(holder.sessionId)?.address === address) holder.leave(REPLACED)
    else if (holder) throw refuse('SEAT_IN_USE', contest(ctx, holder, seat.id, seat.name))
    const welcome: Welcome = {
      role: 'student',
      seat: seat.id,
      name: seat.name,
      seatToken: join.seatToken,
      ...servers,
    }
    return { role: 'student', seat: seat.id, address, welcome }
  }
  const token = newSecret()
  const added = classroom.addStudent(join.name, hashSecret(token), new Date(now), ctx.devices.onlineSeats())
  if (!added.ok) throw refused(added.error.code, added.error.message)
  await ctx.save()
  const { seat } = added
  const welcome: Welcome = { role: 'student', seat: seat.id, name: seat.name, seatToken: token, ...servers }
  return { role: 'student', seat: seat.id, address, welcome }
}

/**
 * A second device asked for a seat a device holds: refused, and told to the holder (in case its token was
 * copied) and to the instructor (the roster counts it; the journal says when). Returns the refusal's words.
 */
function contest(ctx: JoinContext, holder: Client, seatId: string, name: string): string {
  ctx.devices.contest(seatId)
  ctx.classroom.journal.push({
    at: new Date().toISOString(),
    text: `Another device tried to open ${possessive(name)} seat`,
  })
  holder.send('error', {
    code: 'SEAT_CONTESTED',
    message:
      'Another device tried to open your seat with your seat’s token: it was refused. Tell your instructor if it was not you.',
  })
  ctx.changed()
  return 'This seat is open on another device. If it is yours, close it there; otherwise ask your instructor.'
}

/** A join refused with a named reason: "CODE: message", which the client library splits again. */
export function refuse(code: ErrorCode, message: string): ServerError {
  return new ServerError(4403, `${code}: ${message}`)
}
