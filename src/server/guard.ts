import type { IncomingMessage } from 'node:http'

/**
 * Limits per network address on what a guesser would try: joining a room (a code, a seat token, an
 * instructor key) and fetching a room's export with a key. Every attempt takes a token from the address's
 * bucket (a class behind one address joins at once, so the burst is large); every failure (no such room,
 * a wrong key, an unknown seat, a refused name) counts, and past a few free ones each failure shuts the
 * address out for twice as long as the last (1 s, 2 s, 4 s… up to 15 minutes). Failures are forgotten after
 * 15 minutes without one. With 31⁶ codes, an address gets about twenty guesses in its first hour.
 */

/** The numbers the guard applies; tests and the load test may pass others. */
export interface GuardLimits {
  /** Attempts an address may make at once… */
  burst: number
  /** …then this many a second. */
  perSecond: number
  /** Failures an address may make before it is shut out. */
  freeFailures: number
  /** The first shut-out, in milliseconds; each further failure doubles it… */
  firstDelayMs: number
  /** …up to this. */
  maxDelayMs: number
  /** Failures are forgotten after this long without one. */
  forgetMs: number
  /** Seat reservations an address may hold on one room at a time (a join it has not completed yet). */
  pendingPerRoom: number
  /** Devices of one address connected to one room at a time. */
  devicesPerRoom: number
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  burst: 120,
  perSecond: 5,
  freeFailures: 5,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetMs: 15 * 60_000,
  pendingPerRoom: 20,
  devicesPerRoom: 30,
}

interface Entry {
  tokens: number
  last: number
  failures: number
  lastFailure: number
  blockedUntil: number
}

/** How many addresses are remembered at most: the oldest are forgotten first (a flood of addresses cannot fill memory). */
const MAX_ADDRESSES = 50_000

/** The attempts of each address, with the growing shut-outs. */
export class AddressGuard {
  private readonly entries = new Map<string, Entry>()

  constructor(readonly limits: GuardLimits = DEFAULT_GUARD_LIMITS) {}

  /** Takes an attempt for `address`: null when it may go ahead, else the milliseconds it must wait. */
  attempt(address: string, now: number): number | null {
    const e = this.entry(address, now)
    if (e.blockedUntil > now) return e.blockedUntil - now
    const { burst, perSecond } = this.limits
    e.tokens = Math.min(burst, e.tokens + ((now - e.last) / 1000) * perSecond)
    e.last = now
    if (e.tokens < 1) return Math.ceil(((1 - e.tokens) / perSecond) * 1000)
    e.tokens -= 1
    return null
  }

  /** Whether the address is shut out now (without taking an attempt): the milliseconds left, or null. */
  blocked(address: string, now: number): number | null {
    const e = this.entries.get(address)
    return e && e.blockedUntil > now ? e.blockedUntil - now : null
  }

  /** Records a failed attempt; past the free ones, the address is shut out for twice as long as before. */
  failed(address: string, now: number): void {
    const e = this.entry(address, now)
    if (now - e.lastFailure > this.limits.forgetMs) e.failures = 0
    e.failures++
    e.lastFailure = now
    const over = e.failures - this.limits.freeFailures
    if (over > 0)
      e.blockedUntil = now + Math.min(this.limits.maxDelayMs, this.limits.firstDelayMs * 2 ** (over - 1))
  }

  private entry(address: string, now: number): Entry {
    let e = this.entries.get(address)
    if (!e) {
      if (this.entries.size >= MAX_ADDRESSES) {
        const oldest = this.entries.keys().next().value
        if (oldest !== undefined) this.entries.delete(oldest)
      }
      e = { tokens: this.limits.burst, last: now, failures: 0, lastFailure: 0, blockedUntil: 0 }
      this.entries.set(address, e)
    }
    return e
  }
}

/**
 * The network address a request came from: its socket's, never a header a device can write; behind a
 * reverse proxy that the server is told to trust, the last address the proxy appended to X-Forwarded-For.
 */
export function addressOf(req: IncomingMessage | undefined, trustProxy = false): string {
  return fromSocket(req?.socket?.remoteAddress, req?.headers['x-forwarded-for'], trustProxy)
}

/**
 * The address of a device's WebSocket (a Colyseus client): its socket's, as for addressOf. Colyseus' own
 * `context.ip` is not used: it believes X-Forwarded-For and X-Real-IP from anyone.
 */
export function addressOfSocket(ws: unknown, headers: Headers | undefined, trustProxy = false): string {
  const socket = (ws as { _socket?: { remoteAddress?: string } } | undefined)?._socket?.remoteAddress
  return fromSocket(socket, headers?.get('x-forwarded-for') ?? undefined, trustProxy)
}

function fromSocket(remote: string | undefined, forwardedFor: unknown, trustProxy: boolean): string {
  const socket = remote ?? 'unknown'
  if (!trustProxy) return socket.replace(/^::ffff:/, '')
  const forwarded = String(forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return (forwarded.at(-1) ?? socket).replace(/^::ffff:/, '')
}

/** "try again in N s", rounded up, for refusals. */
export const waitText = (ms: number): string => `${Math.max(1, Math.ceil(ms / 1000))} s`
