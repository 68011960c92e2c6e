import type { Client } from '@colyseus/core'
import { LIMITS } from '../net/protocol.ts'
import { TokenBucket } from './bucket.ts'
import type { Classroom } from './classroom.ts'
import { roomView, scenarioView, type Viewer } from './views.ts'
import { gameOver } from './visible-log.ts'

/** Per connected device: who it is, where from, how much of the log it has, and its seat's allowance. */
export interface Device {
  viewer: Viewer
  address: string
  /** How far into the room's log it has been sent, and how many entries it could read there (visible-log.ts). */
  logSent: number
  logCount: number
  /** Whether the game was over when its log was last sent (every message is then shown). */
  over: boolean
  /** The side its scenario was last sent for (a new side means a new private briefing). */
  side: string | null
  /** The allowance of its seat (or of the instructor), shared by every device and kept across reconnects. */
  bucket: TokenBucket
  /** When it was last told, unasked, that it is past its allowance (once a second is enough). */
  limitToldAt: number
}

/**
 * The devices connected to one room, and what outlives a connection: each seat's message allowance (so
 * that reconnecting never refills it) and the count of refused attempts to open a seat on a second device.
 * The room's roster shows a seat as connected exactly while one of these devices holds it.
 */
export class Devices {
  private readonly bySession = new Map<string, Device>()
  /** Allowances by seat id ('' for the instructor): a device that reconnects finds its seat's bucket as it was. */
  private readonly allowances = new Map<string, TokenBucket>()
  /** Per seat: refused attempts to open it on a second device. */
  readonly contested = new Map<string, number>()

  get(sessionId: string): Device | undefined {
    return this.bySession.get(sessionId)
  }

  /** A device finished joining: it gets its seat's allowance, as it was left. */
  add(sessionId: string, viewer: Viewer, address: string): void {
    const key = viewer.role === 'student' ? viewer.seat : ''
    let bucket = this.allowances.get(key)
    if (!bucket) {
      bucket = new TokenBucket(LIMITS.burst, LIMITS.perSecond, Date.now())
      this.allowances.set(key, bucket)
    }
    this.bySession.set(sessionId, {
      viewer,
      address,
      logSent: 0,
      logCount: 0,
      over: false,
      side: null,
      bucket,
      limitToldAt: 0,
    })
  }

  remove(sessionId: string): void {
    this.bySession.delete(sessionId)
  }

  /** How many devices of this network address are in the room. */
  at(address: string): number {
    let n = 0
    for (const d of this.bySession.values()) if (d.address === address) n++
    return n
  }

  /** The seats with a device connected. */
  onlineSeats(): Set<string> {
    const seats = new Set<string>()
    for (const d of this.bySession.values()) if (d.viewer.role === 'student') seats.add(d.viewer.seat)
    return seats
  }

  /** Students' devices connected. */
  onlineCount(): number {
    let n = 0
    for (const d of this.bySession.values()) if (d.viewer.role === 'student') n++
    return n
  }

  /** The client connected on a seat, if one is. */
  holder(clients: readonly Client[], seatId: string): Client | undefined {
    return clients.find((c) => {
      const d = this.bySession.get(c.sessionId)
      return d?.viewer.role === 'student' && d.viewer.seat === seatId
    })
  }

  /** Counts a refused attempt to open a seat on a second device. */
  contest(seatId: string): void {
    this.contested.set(seatId, (this.contested.get(seatId) ?? 0) + 1)
  }

  /**
   * Sends every device its own view of the room: the log entries it does not have yet, and the scenario as
   * its seat may see it when it first joins or its side changes (a new side, a new private briefing). A new
   * side, or the game's end, changes which messages it may read: its log is then sent again from the start.
   */
  broadcast(clients: readonly Client[], classroom: Classroom): void {
    const now = new Date()
    const online = this.onlineSeats()
    for (const client of clients) {
      const device = this.bySession.get(client.sessionId)
      if (!device) continue
      const side =
        device.viewer.role === 'student' ? (classroom.seat(device.viewer.seat)?.side ?? null) : null
      if (device.logSent === 0 || side !== device.side)
        client.send('scenario', scenarioView(classroom, device.viewer))
      const over = gameOver(classroom)
      if (side !== device.side || over !== device.over) {
        device.logSent = 0
        device.logCount = 0
      }
      device.side = side
      device.over = over
      const cursor = { index: device.logSent, count: device.logCount }
      const view = roomView(classroom, device.viewer, online, cursor, now, this.contested)
      client.send('view', view)
      device.logSent = classroom.log.length
      device.logCount = view.log.from + view.log.entries.length
    }
  }
}
