import { type AuthContext, type Client, type MessageContext, Room, ServerError } from '@colyseus/core'
import type { Language } from '../messages/index.ts'
import {
  INSTRUCTOR_MESSAGES,
  LIMITS,
  MESSAGE_TYPES,
  type MessageType,
  parseMessage,
  type Reply,
} from '../net/protocol.ts'
import { type Admitted, admit, refuse } from './admit.ts'
import { Classroom } from './classroom.ts'
import { Devices } from './devices.ts'
import { type GateContext, RESERVATION_SECONDS } from './gate.ts'
import { handleMessage } from './handlers.ts'
import { fail } from './reply.ts'
import type { RoomFile } from './room-file.ts'
import { secretMatches } from './secrets.ts'
import { recordTiming } from './stats.ts'
import { LostRoom, RoomSaver, type RoomStore } from './store.ts'
import { type ExportFormat, exportRoom, roomSummary, type Viewer } from './views.ts'

/** What every room of this process needs from the server that runs it. */
export interface RoomContext {
  /** Where rooms are kept: files, or Redis when several processes share the session. */
  store: RoomStore
  /** Hash of the secret that room creation must carry, so that only the server's own API creates rooms. */
  createSecretHash: string
  /** The per-address guard and reservations the matchmaking gate keeps (see gate.ts). */
  gate: GateContext
}

let context_: RoomContext | null = null

/** Set once by the server before any room is created. */
export function configureRooms(next: RoomContext): void {
  context_ = next
}

/** The options a room is created with: a new room, or one restored from its store. */
export type RoomOptions =
  | { secret: string; create: Parameters<typeof Classroom.create>[0] }
  | { secret: string; restore: RoomFile }

/**
 * The close code that sends a room's devices elsewhere: the room closed in this process (another one holds
 * it now, or it could not be saved and opens again from its store). Devices take their seats back by
 * themselves, as after any drop.
 */
export const MOVED = 4200

/**
 * One classroom room on the network: a Classroom (the game and its seats) behind Colyseus. Every message
 * is checked (its seat's allowance, size, schema, role) before the Classroom acts on it; after every change
 * the room's new parts are stored (store.ts) and only then is the sender answered and each device sent its
 * own view, so nobody sees a change that a crash could still lose.
 */
export class ClassroomRoom extends Room {
  private classroom!: Classroom
  private saver!: RoomSaver
  private context!: RoomContext
  private readonly devices = new Devices()
  private timer: NodeJS.Timeout | null = null
  private listed = ''
  private closing = false

  override async onCreate(options: RoomOptions): Promise<void> {
    if (!context_) throw new ServerError(500, 'The classroom server is not configured.')
    const context = context_
    this.context = context
    if (typeof options?.secret !== 'string' || !secretMatches(options.secret, context.createSecretHash))
      throw new ServerError(403, 'Rooms are created through the classroom API.')
    const restoring = 'restore' in options
    this.classroom = restoring
      ? Classroom.restore(options.restore, new Date())
      : // Options sent to another process arrive as JSON: the creation time as text.
        Classroom.create({ ...options.create, now: new Date(options.create.now) })
    this.roomId = this.classroom.code
    if (!restoring && !(await context.store.claim(this.roomId)))
      throw new ServerError(409, 'A room with this code exists already.')
    this.saver = new RoomSaver(context.store, () => this.classroom.toFile(), restoring)
    this.autoDispose = false
    // Colyseus locks a room once connected devices and unused reservations reach maxClients: set far above
    // a class, so that only the gate's per-address limits (gate.ts) and the seat limits bound who joins.
    this.maxClients = 1000
    this.seatReservationTimeout = RESERVATION_SECONDS
    // Colyseus' own cap, far above the seat's allowance: a device past it is disconnected outright.
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
    // The room is stored before its code is handed out (a restored one: its new deadline, if any).
    await this.saver.save()
    this.armTimer()
    this.updateListing()
  }

  override onAuth(client: Client, options: unknown, auth?: AuthContext): Promise<Admitted> {
    return admit(
      {
        classroom: this.classroom,
        devices: this.devices,
        clients: this.clients,
        gate: this.context.gate,
        servers: this.context.store.servers(),
        save: async () => {
          if (!(await this.save()))
            throw refuse('NOT_CONNECTED', 'The room is moving to another server: try again in a moment.')
        },
        changed: () => void this.changed(),
      },
      client,
      options,
      auth,
    )
  }

  override onJoin(client: Client, _options: unknown, auth: Admitted): void {
    this.context.gate.pending.settle(client.sessionId)
    const viewer: Viewer =
      auth.role === 'instructor' ? { role: 'instructor' } : { role: 'student', seat: auth.seat }
    this.devices.add(client.sessionId, viewer, auth.address)
    client.send('welcome', auth.welcome)
    this.devices.broadcast(this.clients, this.classroom)
    this.updateListing()
  }

  override onLeave(client: Client): void {
    this.context.gate.pending.settle(client.sessionId)
    this.devices.remove(client.sessionId)
    if (this.closing) return
    this.devices.broadcast(this.clients, this.classroom)
    this.updateListing()
  }

  override onDispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.context.store.closed(this.roomId)
  }

  /**
   * The room's results for the HTTP API (called through Colyseus' room calls, so it works wherever the room
   * lives): `key` is the instructor key, or null when the caller already proved the admin key.
   */
  exportFor(key: string | null, format: ExportFormat, language: Language = 'en') {
    if (key !== null && !this.classroom.instructorKeyMatches(key))
      return {
        ok: false,
        status: 401,
        error: { code: 'BAD_KEY', message: 'That is not this room’s instructor key.' },
      }
    const out = exportRoom(this.classroom, format, new Date(), language)
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
    if (reply.ok || ctx.id !== undefined) return reply
    // A flood of unasked messages past the allowance is told so once a second, not once per message: the
    // answers would cost the server (and the network) as much as the flood itself.
    const device = this.devices.get(client.sessionId)
    if (reply.error.code === 'RATE_LIMITED' && device) {
      const now = Date.now()
      if (now - device.limitToldAt < 1000) return reply
      device.limitToldAt = now
    }
    client.send('error', reply.error)
    return reply
  }

  private async check(type: MessageType, client: Client, raw: unknown): Promise<Reply> {
    const device = this.devices.get(client.sessionId)
    if (!device || this.closing)
      return fail('NOT_CONNECTED', 'This device has not finished joining the room.')
    if (!device.bucket.take(Date.now()))
      return fail('RATE_LIMITED', `Too many messages: at most ${LIMITS.perSecond} a second. Wait a moment.`)
    const parsed = parseMessage(type, raw)
    if (!parsed.ok) return { ok: false, error: parsed.error }
    if (INSTRUCTOR_MESSAGES.has(type) && device.viewer.role !== 'instructor')
      return fail('NOT_INSTRUCTOR', 'Only the instructor can do that.')
    let reply: Reply
    const start = performance.now()
    try {
      const online = this.devices.onlineSeats()
      reply = handleMessage(this.classroom, device.viewer, type, parsed.value, new Date(), online)
      recordTiming('apply', performance.now() - start)
    } catch (e) {
      console.error(`Room ${this.roomId}: "${type}" failed:`, e)
      return fail('INTERNAL_ERROR', 'The server could not do that; the room is unchanged where it could be.')
    }
    // A change is acknowledged only once stored: a device that gets no answer sends its move again.
    if (reply.ok && type !== 'export' && !(await this.changed()))
      return fail('NOT_CONNECTED', 'The room is moving to another server: your device reconnects by itself.')
    return reply
  }

  /**
   * After any change: re-arm the round timer, store the change, and once it is stored send every device its
   * view (the sender's reply waits for it too). False when it could not be stored (the room then closes).
   */
  private async changed(): Promise<boolean> {
    this.armTimer()
    let start = performance.now()
    const saved = await this.save()
    recordTiming('save', performance.now() - start)
    if (!saved) return false
    start = performance.now()
    this.devices.broadcast(this.clients, this.classroom)
    this.updateListing()
    recordTiming('views', performance.now() - start)
    return true
  }

  /**
   * Stores what changed. With Redis, a save that fails closes the room in this process: another process took
   * it over (this one was presumed dead), or Redis is away and the room opens again here from what Redis
   * holds once it is back; either way its devices take their seats back by themselves. With files, a failed
   * write is reported and the room goes on (the next save writes it again).
   */
  private async save(): Promise<boolean> {
    try {
      await this.saver.save()
      return true
    } catch (e) {
      if (!(e instanceof LostRoom)) console.error(`Room ${this.roomId}: could not be saved:`, e)
      if (this.context.store.kind === 'files') return true
      this.close(e instanceof LostRoom ? 'is held by another process now' : 'could not be saved')
      return false
    }
  }

  private close(why: string): void {
    if (this.closing) return
    this.closing = true
    console.error(`Room ${this.roomId} ${why}: closed here, its devices reconnect.`)
    if (this.timer) clearTimeout(this.timer)
    void this.disconnect(MOVED)
  }

  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const { deadline } = this.classroom.timer
    if (deadline === null || this.classroom.status !== 'running' || this.closing) return
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
    const summary = roomSummary(this.classroom, this.devices.onlineCount())
    const text = JSON.stringify(summary)
    if (text === this.listed) return
    this.listed = text
    this.setMetadata(summary).catch((e) => console.error(`Room ${this.roomId}: listing not updated:`, e))
  }
}
