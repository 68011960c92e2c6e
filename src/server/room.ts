import { type AuthContext, type Client, type MessageContext, Room, ServerError } from '@colyseus/core'
import {
  type ErrorCode,
  INSTRUCTOR_MESSAGES,
  JoinOptionsSchema,
  LIMITS,
  MESSAGE_TYPES,
  type MessageType,
  type NetError,
  parseMessage,
  type Reply,
  type Welcome,
} from '../net/protocol.ts'
import { TokenBucket } from './bucket.ts'
import { Classroom } from './classroom.ts'
import { type GateContext, RESERVATION_SECONDS } from './gate.ts'
import { addressOfSocket, waitText } from './guard.ts'
import { handleMessage } from './handlers.ts'
import { type Durability, type RoomFile, RoomWriter } from './room-file.ts'
import { hashSecret, newSecret, secretMatches } from './secrets.ts'
import { recordTiming } from './stats.ts'
import { exportRoom, roomSummary, roomView, scenarioView, type Viewer } from './views.ts'

/** What every room of this process needs from the server that runs it. */
export interface RoomContext {
  /** Where room files are written. */
  dataDir: string
  /** Hash of the secret that room creation must carry, so that only the server's own API creates rooms. */
  createSecretHash: string
  /** When a room file reaches the disk itself: before the room answers (strict) or right after (soon). */
  durability: Durability
  /** The per-address guard and reservations the matchmaking gate keeps (see gate.ts). */
  gate: GateContext
}

let context_: RoomContext | null = null

/** Set once by the server before any room is created. */
export function configureRooms(next: RoomContext): void {
  context_ = next
}

/** The options a room is created with: a new room, or one restored from its file. */
export type RoomOptions =
  | { secret: string; create: Parameters<typeof Classroom.create>[0] }
  | { secret: string; restore: RoomFile }

/** Per connected device: who it is, where from, how much of the log it has, and its seat's allowance. */
interface Device {
  viewer: Viewer
  address: string
  logSent: number
  /** The side its scenario was last sent for (a new side means a new private briefing). */
  side: string | null
  /** The allowance of its seat (or of the instructor), shared by every device and kept across reconnects. */
  bucket: TokenBucket
}

/** The close code of a connection that a newer one of the same device replaced (see net/client.ts). */
export const REPLACED = 4100

/** Refusals that answer a guess (a code, a key, a seat token): each counts against the address. */
const GUESSES: ReadonlySet<ErrorCode> = new Set(['BAD_KEY', 'UNKNOWN_SEAT', 'BAD_JOIN', 'ROOM_NOT_FOUND'])

/** What onAuth hands onJoin. */
type Admitted = Viewer & { welcome: Welcome; address: string }

/**
 * One classroom room on the network: a Classroom (the game and its seats) behind Colyseus. Every message
 * is checked (flood bucket, size, schema, role) before the Classroom acts on it; after every change the
 * room's file is written and each device gets its own view.
 */
export class ClassroomRoom extends Room {
  private classroom!: Classroom
  private writer!: RoomWriter
  private readonly devices = new Map<string, Device>()
  /** Allowances by seat id ('' for the instructor): a device that reconnects finds its seat's bucket as it was. */
  private readonly allowances = new Map<string, TokenBucket>()
  /** Per seat: refused attempts to open it on a second device. */
  private readonly contested = new Map<string, number>()
  private timer: NodeJS.Timeout | null = null
  private listed = ''

  override async onCreate(options: RoomOptions): Promise<void> {
    const context = context_
    if (!context) throw new ServerError(500, 'The classroom server is not configured.')
    if (typeof options?.secret !== 'string' || !secretMatches(options.secret, context.createSecretHash))
      throw new ServerError(403, 'Rooms are created through the classroom API.')
    const now = new Date()
    this.classroom =
      'restore' in options ? Classroom.restore(options.restore, now) : Classroom.create(options.create)
    this.roomId = this.classroom.code
    const { dataDir } = context
    this.writer = new RoomWriter(dataDir, () => this.classroom.toFile(), context.durability)
    this.autoDispose = false
    // Colyseus locks a room once connected devices and unused reservations reach maxClients: set far above
    // a class, so that only the gate's per-address limits (gate.ts) and the seat limits bound who joins.
    this.maxClients = 1000
    this.seatReservationTimeout = RESERVATION_SECONDS
    // Colyseus' own cap, far above the bucket: a device past it is disconnected outright.
    this.maxMessagesPerSecond = LIMITS.burst * 5
    for (const type of MESSAGE_TYPES)
      this.onMessage(type, (client: Client, message: unknown, ctx: MessageContext) =>
        this.receive(type, client, message, ctx),
      )
    this.onMessage('*', (client: Client, type: string | number) =>
      client.send('error', {
        code: 'UNKNOWN_MESSAGE',
        message: `There is no "${String(type).slice(0, 40)}" message.`,
      }),
    )
    // The room is on disk before its code is handed out.
    await this.writer.save()
    this.armTimer()
    this.updateListing()
  }

  override async onAuth(client: Client, options: unknown, context?: AuthContext): Promise<Admitted> {
    const gate = (context_ as RoomContext).gate
    const address = addressOfSocket((client as { ref?: unknown }).ref, context?.headers, gate.trustProxy)
    const now = Date.now()
    // A refusal that a guesser would get (a wrong key, an unknown seat, a refused name) counts against the address.
    const refused = (code: ErrorCode, message: string) => {
      // Names and full rooms need the right code already: only what a guesser tries counts as a failure.
      if (GUESSES.has(code)) gate.guard.failed(address, now)
      gate.pending.settle(client.sessionId)
      return refuse(code, message)
    }
    const wait = gate.guard.blocked(address, now)
    if (wait !== null)
      throw refused(
        'TOO_MANY_ATTEMPTS',
        `Too many attempts from this device: try again in ${waitText(wait)}.`,
      )
    const parsed = JoinOptionsSchema.safeParse(options)
    if (!parsed.success) throw refused('BAD_JOIN', 'Join with a name, a seat token or the instructor key.')
    const join = parsed.data
    const here = [...this.devices.values()].filter((d) => d.address === address).length
    if (here >= gate.guard.limits.devicesPerRoom)
      throw refused('ROOM_FULL', 'Too many devices of this network are in this room already.')
    if (join.role === 'instructor') {
      if (!this.classroom.instructorKeyMatches(join.key))
        throw refused('BAD_KEY', 'That is not this room’s instructor key.')
      return { role: 'instructor', address, welcome: { role: 'instructor' } }
    }
    if ('seatToken' in join) {
      const seat = this.classroom.seatByToken(join.seatToken)
      if (!seat)
        throw refused('UNKNOWN_SEAT', 'That seat is not in this room any more: join again with your name.')
      const holder = this.holder(seat.id)
      // From the address that holds it, the seat is most likely the same device coming back before the
      // server noticed its old connection drop: the old connection gives way. From another address, refused.
      if (holder && this.devices.get(holder.sessionId)?.address === address) holder.leave(REPLACED)
      else if (holder) throw refuse('SEAT_IN_USE', this.contest(seat.id, seat.name))
      const welcome: Welcome = { role: 'student', seat: seat.id, name: seat.name, seatToken: join.seatToken }
      return { role: 'student', seat: seat.id, address, welcome }
    }
    const token = newSecret()
    const online = new Set(this.onlineSeats())
    const added = this.classroom.addStudent(join.name, hashSecret(token), new Date(now), online)
    if (!added.ok) throw refused(added.error.code, added.error.message)
    await this.save()
    const { seat } = added
    const welcome: Welcome = { role: 'student', seat: seat.id, name: seat.name, seatToken: token }
    return { role: 'student', seat: seat.id, address, welcome }
  }

  override onJoin(client: Client, _options: unknown, auth: Admitted): void {
    ;(context_ as RoomContext).gate.pending.settle(client.sessionId)
    const viewer: Viewer =
      auth.role === 'instructor' ? { role: 'instructor' } : { role: 'student', seat: auth.seat }
    const key = viewer.role === 'student' ? viewer.seat : ''
    let bucket = this.allowances.get(key)
    if (!bucket) {
      bucket = new TokenBucket(LIMITS.burst, LIMITS.perSecond, Date.now())
      this.allowances.set(key, bucket)
    }
    this.devices.set(client.sessionId, { viewer, address: auth.address, logSent: 0, side: null, bucket })
    client.send('welcome', auth.welcome)
    this.broadcastViews()
    this.updateListing()
  }

  /** The device connected on a seat, if one is. */
  private holder(seatId: string): Client | undefined {
    return this.clients.find((c) => {
      const d = this.devices.get(c.sessionId)
      return d?.viewer.role === 'student' && d.viewer.seat === seatId
    })
  }

  /**
   * A second device asked for a seat a device holds: refused, and told to the holder (in case its token was
   * copied) and to the instructor (the roster counts it; the journal says when). Returns the refusal's words.
   */
  private contest(seatId: string, name: string): string {
    this.contested.set(seatId, (this.contested.get(seatId) ?? 0) + 1)
    this.classroom.journal.push({
      at: new Date().toISOString(),
      text: `Another device tried to open ${name}’s seat`,
    })
    this.holder(seatId)?.send('error', {
      code: 'SEAT_CONTESTED',
      message:
        'Another device tried to open your seat with your seat’s token: it was refused. Tell your instructor if it was not you.',
    })
    void this.changed()
    return 'This seat is open on another device. If it is yours, close it there; otherwise ask your instructor.'
  }

  override onLeave(client: Client): void {
    ;(context_ as RoomContext).gate.pending.settle(client.sessionId)
    this.devices.delete(client.sessionId)
    this.broadcastViews()
    this.updateListing()
  }

  override onDispose(): void {
    if (this.timer) clearTimeout(this.timer)
  }

  /**
   * The room's results for the HTTP API (called through Colyseus' room calls, so it works wherever the room
   * lives): `key` is the instructor key, or null when the caller already proved the admin key.
   */
  exportFor(key: string | null, format: 'json' | 'csv') {
    if (key !== null && !this.classroom.instructorKeyMatches(key))
      return {
        ok: false,
        status: 401,
        error: { code: 'BAD_KEY', message: 'That is not this room’s instructor key.' },
      }
    const out = exportRoom(this.classroom, format, new Date())
    return out.ok ? out : { ok: false, status: 409, error: { code: 'NOT_STARTED', message: out.message } }
  }

  /** One message from a device: checked, handled, answered; a change is saved and shown to everyone. */
  private async receive(
    type: MessageType,
    client: Client,
    message: unknown,
    ctx: MessageContext,
  ): Promise<Reply> {
    const reply = await this.check(type, client, message)
    if (!reply.ok && ctx.id === undefined) client.send('error', reply.error)
    return reply
  }

  private async check(type: MessageType, client: Client, raw: unknown): Promise<Reply> {
    const device = this.devices.get(client.sessionId)
    if (!device) return failure('NOT_CONNECTED', 'This device has not finished joining the room.')
    if (!device.bucket.take(Date.now()))
      return failure(
        'RATE_LIMITED',
        `Too many messages: at most ${LIMITS.perSecond} a second. Wait a moment.`,
      )
    const parsed = parseMessage(type, raw)
    if (!parsed.ok) return { ok: false, error: parsed.error }
    if (INSTRUCTOR_MESSAGES.has(type) && device.viewer.role !== 'instructor')
      return failure('NOT_INSTRUCTOR', 'Only the instructor can do that.')
    let reply: Reply
    const start = performance.now()
    try {
      const online = new Set(this.onlineSeats())
      reply = handleMessage(this.classroom, device.viewer, type, parsed.value, new Date(), online)
      recordTiming('apply', performance.now() - start)
    } catch (e) {
      console.error(`Room ${this.roomId}: "${type}" failed:`, e)
      return failure(
        'INTERNAL_ERROR',
        'The server could not do that; the room is unchanged where it could be.',
      )
    }
    if (reply.ok && type !== 'export') await this.changed()
    return reply
  }

  /**
   * After any change: re-arm the round timer, write the file, and once it is on disk send every device its
   * view (so that nobody sees a change a crash could still lose; the sender's reply waits for it too).
   */
  private async changed(): Promise<void> {
    this.armTimer()
    let start = performance.now()
    await this.save()
    recordTiming('save', performance.now() - start)
    start = performance.now()
    this.broadcastViews()
    this.updateListing()
    recordTiming('views', performance.now() - start)
  }

  private async save(): Promise<void> {
    try {
      await this.writer.save()
    } catch (e) {
      console.error(`Room ${this.roomId}: could not be saved:`, e)
    }
  }

  private broadcastViews(): void {
    const now = new Date()
    const online = new Set(this.onlineSeats())
    for (const client of this.clients) {
      const device = this.devices.get(client.sessionId)
      if (!device) continue
      const side =
        device.viewer.role === 'student' ? (this.classroom.seat(device.viewer.seat)?.side ?? null) : null
      if (device.logSent === 0 || side !== device.side) {
        client.send('scenario', scenarioView(this.classroom, device.viewer))
        device.side = side
      }
      client.send(
        'view',
        roomView(this.classroom, device.viewer, online, device.logSent, now, this.contested),
      )
      device.logSent = this.classroom.log.length
    }
  }

  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const { deadline } = this.classroom.timer
    if (deadline === null || this.classroom.status !== 'running') return
    this.timer = setTimeout(
      () => {
        this.timer = null
        if (this.classroom.expire(new Date())) void this.changed()
        else this.armTimer()
      },
      Math.max(0, deadline - Date.now()),
    )
  }

  /** Keeps the room's listing (for the session's dashboard) up to date, only when it changed. */
  private updateListing(): void {
    const summary = roomSummary(this.classroom, this.onlineCount())
    const text = JSON.stringify(summary)
    if (text === this.listed) return
    this.listed = text
    this.setMetadata(summary).catch((e) => console.error(`Room ${this.roomId}: listing not updated:`, e))
  }

  private onlineCount(): number {
    return [...this.devices.values()].filter((d) => d.viewer.role === 'student').length
  }

  /** The seats with a device connected. */
  private onlineSeats(): string[] {
    return [...this.devices.values()].flatMap((d) => (d.viewer.role === 'student' ? [d.viewer.seat] : []))
  }
}

function failure(code: ErrorCode, message: string): { ok: false; error: NetError } {
  return { ok: false, error: { code, message } }
}

/** A join refused with a named reason: "CODE: message", which the client library splits again. */
function refuse(code: ErrorCode, message: string): ServerError {
  return new ServerError(4403, `${code}: ${message}`)
}
