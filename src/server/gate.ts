import type { IncomingMessage, ServerResponse } from 'node:http'
import { createAuthContext, matchMaker } from '@colyseus/core'
import { JoinOptionsSchema, normalizeCode } from '../net/protocol.ts'
import type { RoomSummary } from '../net/view.ts'
import { allowOrigin } from './cors.ts'
import { type AddressGuard, addressOf, waitText } from './guard.ts'

/**
 * The only door to the rooms: `POST /matchmake/joinById/CODE` with join options. Colyseus' other
 * matchmaking routes (`join`, `joinOrCreate`, `create`, `reconnect`), which would hand out or confirm a
 * room to a device without its code, answer "not found". Every attempt is counted per network address
 * (see guard.ts); the options are checked before the room is looked up, and a code with no room behind it,
 * or a finished room a new name asks to join, answer exactly alike. A device that holds too many unused
 * seat reservations on a room is refused more, so reservations cannot be stacked up to lock a room.
 */

/** What the gate shares with the rooms of this process: the guard and the reservations not yet used. */
export interface GateContext {
  guard: AddressGuard
  trustProxy: boolean
  pending: PendingReservations
  /**
   * Whether a code is a kept room that no process serves right now (with Redis: its process died and
   * another is taking it over). Devices coming back to it are told to try again, and not counted as guessing.
   */
  moving: (code: string) => Promise<boolean>
  /** Origins of the session's other processes, whose pages may join here when theirs stops (see cors.ts). */
  origins: () => readonly string[]
}

/** Seat reservations per address and room, until the device connects or the reservation runs out. */
export class PendingReservations {
  private readonly counts = new Map<string, number>()
  private readonly bySession = new Map<string, { key: string; timer: NodeJS.Timeout }>()

  count(address: string, code: string): number {
    return this.counts.get(`${address} ${code}`) ?? 0
  }

  add(address: string, code: string, sessionId: string, ttlMs: number): void {
    const key = `${address} ${code}`
    this.counts.set(key, this.count(address, code) + 1)
    const timer = setTimeout(() => this.settle(sessionId), ttlMs)
    timer.unref()
    this.bySession.set(sessionId, { key, timer })
  }

  /** The device connected (or its reservation ran out): the reservation no longer counts. */
  settle(sessionId: string): void {
    const entry = this.bySession.get(sessionId)
    if (!entry) return
    clearTimeout(entry.timer)
    this.bySession.delete(sessionId)
    const left = (this.counts.get(entry.key) ?? 1) - 1
    if (left > 0) this.counts.set(entry.key, left)
    else this.counts.delete(entry.key)
  }
}

/** How long a reservation lasts before the device must connect (the rooms set the same). */
export const RESERVATION_SECONDS = 10

const NOT_FOUND = 'ROOM_NOT_FOUND: There is no open room with that code.'
const MOVING = 'NOT_CONNECTED: The room is moving to another server: try again in a moment.'

/** Handles a request under `/matchmake/`; returns false for any other path (left to the next handler). */
export function matchmakeGate(ctx: GateContext) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    if (!path.startsWith('/matchmake/')) return false
    gate(ctx, req, res, path).catch((e) => {
      console.error('Matchmaking failed:', e)
      if (!res.headersSent) answer(res, 503, 'NOT_CONNECTED: The server could not seat you: try again.')
    })
    return true
  }
}

async function gate(
  ctx: GateContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const address = addressOf(req, ctx.trustProxy)
  const now = Date.now()
  allowOrigin(req, res, ctx.origins())
  if (req.method === 'OPTIONS') return void answer(res, 204, null)
  const wait = ctx.guard.attempt(address, now)
  if (wait !== null) return void limited(res, wait)
  const match = /^\/matchmake\/joinById\/([^/]+)$/.exec(path)
  const body = await readBody(req)
  if (req.method !== 'POST' || !match) {
    ctx.guard.failed(address, now)
    return void answer(res, 404, 'NOT_FOUND: Rooms are joined by their code only.')
  }
  const options = JoinOptionsSchema.safeParse(body)
  if (!options.success) {
    ctx.guard.failed(address, now)
    return void answer(res, 400, 'BAD_JOIN: Join with a name, a seat token or the instructor key.')
  }
  const code = normalizeCode(decodeURIComponent(match[1] ?? ''))
  const [room] = code ? await matchMaker.query({ roomId: code }) : []
  const status = (room?.metadata as RoomSummary | undefined)?.status
  if (!code || !room || room.locked || (status === 'ended' && 'name' in options.data)) {
    if (code && !room && (await ctx.moving(code))) return void answer(res, 503, MOVING)
    ctx.guard.failed(address, now)
    return void answer(res, 404, NOT_FOUND)
  }
  if (ctx.pending.count(address, code) >= ctx.guard.limits.pendingPerRoom)
    return void limited(res, RESERVATION_SECONDS * 1000)
  let reservation: { sessionId: string }
  try {
    reservation = (await matchMaker.joinById(
      code,
      options.data,
      createAuthContext({ headers: req.headers, req, remoteAddress: address } as never),
    )) as { sessionId: string }
  } catch {
    // Its process died and another is taking it over: try again. Disposed or shut between the look-up and
    // the reservation: as though it had never been.
    if (await ctx.moving(code)) return void answer(res, 503, MOVING)
    ctx.guard.failed(address, now)
    return void answer(res, 404, NOT_FOUND)
  }
  ctx.pending.add(address, code, reservation.sessionId, RESERVATION_SECONDS * 1000)
  const json = JSON.stringify(reservation)
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) })
  res.end(json)
}

function limited(res: ServerResponse, ms: number): void {
  res.setHeader('Retry-After', String(Math.ceil(ms / 1000)))
  answer(res, 429, `TOO_MANY_ATTEMPTS: Too many attempts from this device: try again in ${waitText(ms)}.`)
}

/** Colyseus' own error shape (`{ error }`), which the SDK turns into the message a JoinError is read from. */
function answer(res: ServerResponse, status: number, error: string | null): void {
  if (error === null) {
    res.writeHead(status)
    return void res.end()
  }
  const json = JSON.stringify({ error })
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(json),
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(json)
}

/** The JSON body (at most 16 KB, checked before: see server.ts); undefined when it is not JSON. */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
