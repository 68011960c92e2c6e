import { Client as ColyseusClient, type Room } from '@colyseus/sdk'
import type { SentCommand } from '../core/rules/commands.ts'
import type { Scenario } from '../core/scenario/schema/scenario.ts'
import {
  type CreatedRoom,
  type CreateRoom,
  type ErrorCode,
  type JoinOptions,
  type Message,
  type MessageType,
  type NetError,
  normalizeCode,
  type ReplyTo,
  type SessionInfo,
  type Welcome,
} from './protocol.ts'
import type { LogEntry, RoomSummary, RoomView } from './view.ts'

/**
 * The classroom client, for the browser screens, the tests and the load test alike (it runs wherever the
 * Colyseus SDK does: browsers and Node). `ClassroomClient` talks to the HTTP API and joins rooms; a
 * `ClassroomConnection` is one device in one room: it keeps the latest view, the whole log and the
 * scenario as this seat may see it, sends requests that always settle with a `Reply`, and takes its seat
 * back by itself after a dropped connection or a server restart.
 *
 * The browser keeps `connection.rejoin` (a student's seat token, or the instructor key) in sessionStorage
 * (or localStorage, to survive closing the tab) under the room's code, and calls `join(code, rejoin)` on
 * a page load to get the same seat back.
 */

/** A join the server refused, with its named reason (NAME_TAKEN, BAD_KEY, ROOM_NOT_FOUND…). */
export class JoinError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'JoinError'
  }
}

/** An HTTP API call that failed, with the server's error (for a scenario, every problem of the file). */
export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; error: NetError & { problems?: unknown[] } }

export class ClassroomClient {
  private readonly sdks = new Map<string, ColyseusClient>()
  /** The session's server processes this client knows (its own first), and the one that answered last. */
  private servers: string[]
  private current: string

  /** `baseUrl` is the server's address, e.g. `http://192.168.1.20:2567` (in the browser: `location.origin`). */
  constructor(readonly baseUrl: string) {
    this.servers = [baseUrl]
    this.current = baseUrl
  }

  /**
   * The addresses of the session's other server processes (from the welcome of a room, see protocol.ts):
   * should the one in use stop answering, joins and API calls go to the next that answers.
   */
  learn(servers: readonly string[]): void {
    for (const s of servers) if (!this.servers.includes(s)) this.servers.push(s)
  }

  /** The shipped scenarios a room can be created from. */
  async scenarios(): Promise<Array<{ id: string; title: string }>> {
    const res = await this.fetchAny('/api/scenarios')
    return (await res.json()) as Array<{ id: string; title: string }>
  }

  /** The session's public facts: the address students open (an older server without it: null). */
  async session(): Promise<SessionInfo | null> {
    const res = await this.fetchAny('/api/session')
    return res.ok ? ((await res.json()) as SessionInfo) : null
  }

  /** Creates a room (needs the session's admin key). */
  createRoom(adminKey: string, input: CreateRoom): Promise<ApiResult<CreatedRoom>> {
    return this.api<CreatedRoom>('/api/rooms', adminKey, { method: 'POST', body: JSON.stringify(input) })
  }

  /** Every room of the session, for the dashboard (needs the admin key). */
  listRooms(adminKey: string): Promise<ApiResult<RoomSummary[]>> {
    return this.api<RoomSummary[]>('/api/rooms', adminKey)
  }

  /**
   * A room's results as a file's text (admin key or the room's instructor key); a CSV's words are in
   * `language` (English by default).
   */
  async exportRoom(
    code: string,
    key: string,
    format: 'json' | 'csv' | 'grading',
    language: 'en' | 'uk' = 'en',
  ): Promise<ApiResult<string>> {
    const query = `format=${format}&language=${language}`
    const res = await this.fetchAny(`/api/rooms/${encodeURIComponent(code)}/export?${query}`, {
      headers: { Authorization: `Bearer ${key}` },
    })
    if (res.ok) return { ok: true, value: await res.text() }
    return { ok: false, status: res.status, error: ((await res.json()) as { error: NetError }).error }
  }

  /**
   * Joins a room: as a student with a name (a new seat) or a seat token (the same seat back), or as the
   * instructor with the room's key. Resolves once the first view has arrived; throws a JoinError.
   */
  async join(code: string, options: JoinOptions): Promise<ClassroomConnection> {
    const room = await this.joinRoom(code, options)
    const connection = new ClassroomConnection(this, code, room, options)
    await connection.ready
    return connection
  }

  /** The raw Colyseus room of a join; the connection uses it to rejoin. */
  async joinRoom(code: string, options: JoinOptions): Promise<Room> {
    const roomId = normalizeCode(code)
    if (!roomId) throw new JoinError('ROOM_NOT_FOUND', 'A join code has six letters and digits.')
    let last: JoinError | null = null
    // The process that answered last first, then the session's others: a server that cannot be reached, or
    // one whose room is moving, is followed by the next.
    for (const base of this.order()) {
      try {
        const room = await this.sdk(base).joinById(roomId, options)
        // The connection takes seats back itself, with the seat token: the same way after a dropped
        // connection, a reload or a server restart.
        room.reconnection.enabled = false
        this.current = base
        return room
      } catch (e) {
        last = joinError(e)
        if (last.code !== 'NOT_CONNECTED') throw last
      }
    }
    throw last ?? new JoinError('NOT_CONNECTED', 'No server of the session answers.')
  }

  private order(): string[] {
    return [this.current, ...this.servers.filter((s) => s !== this.current)]
  }

  private sdk(base: string): ColyseusClient {
    let sdk = this.sdks.get(base)
    if (!sdk) {
      sdk = new ColyseusClient(base)
      this.sdks.set(base, sdk)
    }
    return sdk
  }

  /** A request to the process that answered last, or to the next that answers (network failures only). */
  private async fetchAny(path: string, init: RequestInit = {}): Promise<Response> {
    let error: unknown = null
    for (const base of this.order()) {
      try {
        const res = await fetch(new URL(path.replace(/^\//, ''), `${base.replace(/\/+$/, '')}/`), init)
        this.current = base
        return res
      } catch (e) {
        error = e
      }
    }
    throw error
  }

  private async api<T>(path: string, key: string, init: RequestInit = {}): Promise<ApiResult<T>> {
    const res = await this.fetchAny(path, {
      ...init,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    })
    const body = (await res.json()) as T | { error: NetError }
    if (res.ok) return { ok: true, value: body as T }
    return { ok: false, status: res.status, error: (body as { error: NetError }).error }
  }
}

/** "CODE: message" from the server (see room.ts), or Colyseus' own errors mapped to a named code. */
function joinError(e: unknown): JoinError {
  const message = e instanceof Error ? e.message : String(e)
  const named = /^([A-Z_]+): ([\s\S]*)$/.exec(message)
  if (named) return new JoinError(named[1] as ErrorCode, named[2] ?? '')
  if (/not found/i.test(message)) return new JoinError('ROOM_NOT_FOUND', 'There is no room with that code.')
  return new JoinError('NOT_CONNECTED', `Could not reach the room: ${message}`)
}

/** Refusals of a rejoin that pass by themselves. */
const RETRY: ReadonlySet<ErrorCode> = new Set([
  'ROOM_NOT_FOUND',
  'NOT_CONNECTED',
  'TOO_MANY_ATTEMPTS',
  'SEAT_IN_USE',
])

type Listener<T> = (value: T) => void
export type ConnectionStatus = 'connected' | 'reconnecting' | 'closed'

/** One device in one room. */
export class ClassroomConnection {
  view: RoomView | null = null
  scenario: Scenario | null = null
  welcome: Welcome | null = null
  /** Every applied command of the game, with its author (the views send only what is new). */
  log: LogEntry[] = []
  status: ConnectionStatus = 'connected'
  /** What takes this device's seat back: the seat token (students) or the instructor key. */
  rejoin: JoinOptions
  /** Resolves when the first view has arrived. */
  readonly ready: Promise<void>
  /** How long to keep trying to take the seat back after a drop, in milliseconds. */
  rejoinFor = 120_000

  private room: Room
  /** The socket is closed for good (left, or replaced by a newer connection of this seat). */
  private gone = false
  private readonly listeners = {
    view: new Set<Listener<RoomView>>(),
    scenario: new Set<Listener<Scenario>>(),
    error: new Set<Listener<NetError>>(),
    status: new Set<Listener<ConnectionStatus>>(),
  }
  private markReady!: () => void

  constructor(
    private readonly client: ClassroomClient,
    readonly code: string,
    room: Room,
    options: JoinOptions,
  ) {
    this.rejoin = options
    this.room = room
    this.ready = new Promise((resolve) => {
      this.markReady = resolve
    })
    this.attach(room)
  }

  on<K extends keyof ClassroomConnection['listeners']>(
    event: K,
    listener: ClassroomConnection['listeners'][K] extends Set<infer L> ? L : never,
  ): () => void {
    const set = this.listeners[event] as Set<typeof listener>
    set.add(listener)
    return () => set.delete(listener)
  }

  /** Sends a message and waits for the server's answer; never throws (a lost connection is NOT_CONNECTED). */
  async request<T extends MessageType>(
    type: T,
    payload: Message<T>,
    timeoutMs = 10_000,
  ): Promise<ReplyTo<T>> {
    if (this.status !== 'connected')
      return { ok: false, error: { code: 'NOT_CONNECTED', message: 'Not connected to the room right now.' } }
    try {
      return (await this.room.request(type, payload, { timeout: timeoutMs })) as ReplyTo<T>
    } catch (e) {
      const name = e instanceof Error ? e.name : ''
      const code: ErrorCode = name === 'no_handler' ? 'UNKNOWN_MESSAGE' : 'NOT_CONNECTED'
      return { ok: false, error: { code, message: e instanceof Error ? e.message : String(e) } }
    }
  }

  /**
   * A command of the rules: a side's (the server stamps this seat's side) or, from the instructor's
   * connection, the instructor's own (`overrule`, `inject`), which the server refuses from a student.
   */
  command(command: SentCommand): Promise<ReplyTo<'command'>> {
    return this.request('command', { command })
  }

  /** Instructor: mutes a student's messages (their `say` commands are then refused with MUTED), or unmutes them. */
  mute(seat: string, muted: boolean): Promise<ReplyTo<'mute'>> {
    return this.request('mute', { seat, muted })
  }

  /** Sends a message without waiting (a refusal comes back as an `error` event). */
  send(type: string, payload: unknown): void {
    this.room.send(type, payload)
  }

  /** Leaves the room for good (the seat stays, and `rejoin` can take it back later). */
  async leave(): Promise<void> {
    this.setStatus('closed')
    if (this.gone) return
    this.gone = true
    await this.room.leave(true).catch(() => undefined)
  }

  /** Drops the connection as a lost network would (for tests): the connection then takes its seat back. */
  drop(): void {
    this.room.connection.close()
  }

  private attach(room: Room): void {
    room.onMessage('welcome', (w: Welcome) => {
      this.welcome = w
      if (w.servers) this.client.learn(w.servers)
      if (w.role === 'student') this.rejoin = { role: 'student', seatToken: w.seatToken }
    })
    room.onMessage('scenario', (s: Scenario) => {
      this.scenario = s
      for (const l of this.listeners.scenario) l(s)
    })
    room.onMessage('view', (v: RoomView) => {
      this.log = v.log.from === 0 ? [...v.log.entries] : [...this.log.slice(0, v.log.from), ...v.log.entries]
      this.view = v
      this.markReady()
      for (const l of this.listeners.view) l(v)
    })
    room.onMessage('error', (e: NetError) => {
      for (const l of this.listeners.error) l(e)
    })
    room.onLeave((code: number) => {
      // 4100: a newer connection of this seat from this device took over (the server closed this one).
      if (code === 4100) {
        this.gone = true
        this.setStatus('closed')
      }
      if (this.status === 'closed' || code === 4000 || code === 4100) return
      void this.takeSeatBack()
    })
  }

  /** After a drop: joins again with the seat token (or key) until the room answers or it is refused for good. */
  private async takeSeatBack(): Promise<void> {
    this.setStatus('reconnecting')
    const until = Date.now() + this.rejoinFor
    for (let attempt = 0; Date.now() < until; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)))
      if (this.status === 'closed') return
      try {
        const room = await this.client.joinRoom(this.code, this.rejoin)
        this.room = room
        this.attach(room)
        this.setStatus('connected')
        return
      } catch (e) {
        const code = e instanceof JoinError ? e.code : 'NOT_CONNECTED'
        // The room is still being restored, the server is still down, or this address must wait: try
        // again. Anything else is final (SEAT_IN_USE: another network's device holds the seat).
        if (!RETRY.has(code)) break
      }
    }
    this.setStatus('closed')
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return
    this.status = status
    // Cut off from the room, this device cannot know who is connected: nobody is shown as connected until
    // the room's next view says so.
    if (status !== 'connected' && this.view)
      this.view = { ...this.view, seats: this.view.seats.map((s) => ({ ...s, online: false })) }
    for (const l of this.listeners.status) l(status)
  }
}
