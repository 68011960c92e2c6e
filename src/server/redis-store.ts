import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { type RoomFile, RoomFileSchema } from './room-file.ts'
import {
  assemble,
  LostRoom,
  type Restored,
  type RoomChanges,
  type RoomMeta,
  type RoomStore,
} from './store.ts'

/**
 * Rooms kept in Redis, for several server processes serving one session: any process can take over the
 * rooms of one that died. Redis rather than PostgreSQL because the session needs it anyway (Colyseus'
 * presence and room listing across processes), it appends to a list in constant time, and one Lua script
 * makes each save all or nothing and fenced by ownership.
 *
 * Keys (prefix `redlines:`): `room:CODE:scenario` and `room:CODE:meta` (strings), `room:CODE:log` and
 * `room:CODE:journal` (lists, appended to), `owners` (a hash: room code → the process holding it),
 * `alive:PROCESS` (the process's public address, with a lease each process renews every second), and
 * `processes` (a set of the session's processes).
 *
 * A process whose lease runs out (killed, or stalled past it) is dead to the others: each one, every second,
 * claims rooms of dead processes (one claim wins, atomically) and opens them from what is stored. Every save
 * checks, in the same script, that the saving process still holds the room; a stalled process that comes
 * back finds its rooms taken (LostRoom) and closes them, so that a room is never played in two places.
 */

const PREFIX = 'redlines:'
const OWNERS = `${PREFIX}owners`
const PROCESSES = `${PREFIX}processes`
const alive = (process: string) => `${PREFIX}alive:${process}`
const part = (code: string, name: 'scenario' | 'meta' | 'log' | 'journal') => `${PREFIX}room:${code}:${name}`

/** How long a process is believed alive after its last heartbeat, and how often it beats. */
export const LEASE_MS = 5000
const TICK_MS = 1000

/** KEYS: owners, scenario, meta, log, journal. ARGV: code, process, scenario or '', meta or '', n, n log lines, journal lines. */
const SAVE = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
if ARGV[3] ~= '' then redis.call('SET', KEYS[2], ARGV[3]) end
if ARGV[4] ~= '' then redis.call('SET', KEYS[3], ARGV[4]) end
local n = tonumber(ARGV[5])
for i = 6, 5 + n do redis.call('RPUSH', KEYS[4], ARGV[i]) end
for i = 6 + n, #ARGV do redis.call('RPUSH', KEYS[5], ARGV[i]) end
return 1`

/** KEYS: owners. ARGV: code, the dead process, this process: the room moves only if the dead one still holds it. */
const TAKE = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) return 1 end
return 0`

export class RedisStore implements RoomStore {
  readonly kind = 'redis'
  /** This process, as the owners hash names it. */
  readonly process = randomBytes(9).toString('base64url')
  private readonly redis: Redis
  /** Rooms open in this process (or being opened). */
  private readonly open = new Set<string>()
  /** Rooms whose stored state does not load: reported once, not tried again every second. */
  private readonly broken = new Set<string>()
  private addresses: string[]
  private timer: NodeJS.Timeout | null = null
  private ticking = false
  private lastError = ''

  /** `publicUrl`: the address devices reach this process at (told to devices, to fail over to). */
  constructor(
    url: string,
    private readonly publicUrl: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2 })
    this.addresses = [publicUrl]
    this.redis.on('error', (e: Error) => {
      if (e.message === this.lastError) return
      this.lastError = e.message
      console.error(`Redis: ${e.message}`)
    })
  }

  async claim(code: string): Promise<boolean> {
    const claimed = (await this.redis.hsetnx(OWNERS, code, this.process)) === 1
    if (claimed) this.open.add(code)
    return claimed
  }

  async write(c: RoomChanges): Promise<void> {
    const keys = [
      OWNERS,
      part(c.code, 'scenario'),
      part(c.code, 'meta'),
      part(c.code, 'log'),
      part(c.code, 'journal'),
    ]
    const args = [
      c.code,
      this.process,
      c.scenario ? JSON.stringify(c.scenario) : '',
      c.meta ?? '',
      String(c.log.length),
      ...c.log,
      ...c.journal,
    ]
    const saved = await this.redis.eval(SAVE, keys.length, ...keys, ...args)
    if (saved !== 1) throw new LostRoom(c.code)
  }

  async start(openRoom: (room: RoomFile) => Promise<void>): Promise<Restored> {
    await this.redis.sadd(PROCESSES, this.process)
    const first = await this.tick(openRoom)
    this.timer = setInterval(() => void this.tick(openRoom), TICK_MS)
    this.timer.unref()
    return first
  }

  closed(code: string): void {
    this.open.delete(code)
  }

  async moving(code: string): Promise<boolean> {
    return (await this.redis.hexists(OWNERS, code)) === 1
  }

  servers(): string[] {
    return this.addresses
  }

  /** Stops the heartbeat first (no room is opened again), then gives up the lease: the others take over at once. */
  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  async close(): Promise<void> {
    this.stop()
    try {
      await this.redis.del(alive(this.process))
      await this.redis.srem(PROCESSES, this.process)
    } finally {
      this.redis.disconnect()
    }
  }

  /**
   * One heartbeat: renews this process's lease, then opens the rooms it should serve and does not: those
   * of dead processes (after claiming them) and its own that closed after a failed save.
   */
  private async tick(openRoom: (room: RoomFile) => Promise<void>): Promise<Restored> {
    const done: Restored = { rooms: 0, failed: [] }
    if (this.ticking) return done
    this.ticking = true
    try {
      await this.redis.set(alive(this.process), this.publicUrl, 'PX', LEASE_MS)
      const processes = (await this.redis.smembers(PROCESSES)).filter((p) => p !== this.process)
      const urls = processes.length ? await this.redis.mget(processes.map(alive)) : []
      const live = new Set(processes.filter((_, i) => urls[i]))
      this.addresses = [this.publicUrl, ...urls.flatMap((u) => (u ? [u] : []))]
      const owners = await this.redis.hgetall(OWNERS)
      for (const [code, owner] of Object.entries(owners)) {
        if (this.open.has(code) || this.broken.has(code) || live.has(owner)) continue
        if (owner !== this.process && !(await this.take(code, owner))) continue
        this.open.add(code)
        const opened = await this.openStored(code, openRoom)
        if (opened === true) done.rooms++
        else {
          this.open.delete(code)
          this.broken.add(code)
          done.failed.push({ file: `redis ${code}`, message: opened })
          console.error(`Room ${code} not taken over: ${opened}`)
        }
      }
      // A dead process holding no room any more leaves the session's list.
      const holders = new Set(Object.values(owners))
      const gone = processes.filter((p) => !live.has(p) && !holders.has(p))
      if (gone.length) await this.redis.srem(PROCESSES, ...gone)
    } catch (e) {
      console.error('Redis heartbeat failed:', e instanceof Error ? e.message : e)
    } finally {
      this.ticking = false
    }
    return done
  }

  private async take(code: string, dead: string): Promise<boolean> {
    return (await this.redis.eval(TAKE, 1, OWNERS, code, dead, this.process)) === 1
  }

  /** Reads a room from Redis and opens it here: true, or why it could not be. */
  private async openStored(
    code: string,
    openRoom: (room: RoomFile) => Promise<void>,
  ): Promise<true | string> {
    try {
      const [meta, scenario, log, journal] = (await this.redis
        .multi()
        .get(part(code, 'meta'))
        .get(part(code, 'scenario'))
        .lrange(part(code, 'log'), 0, -1)
        .lrange(part(code, 'journal'), 0, -1)
        .exec()) as Array<[Error | null, unknown]>
      if (typeof meta?.[1] !== 'string' || typeof scenario?.[1] !== 'string')
        return 'its stored state is incomplete'
      const room = RoomFileSchema.safeParse(
        assemble(
          JSON.parse(meta[1]) as RoomMeta,
          JSON.parse(scenario[1]) as RoomFile['scenario'],
          ((log?.[1] ?? []) as string[]).map((l) => JSON.parse(l)),
          ((journal?.[1] ?? []) as string[]).map((l) => JSON.parse(l)),
        ),
      )
      if (!room.success) return `at ${room.error.issues[0]?.path.join('.')}: ${room.error.issues[0]?.message}`
      await openRoom(room.data)
      return true
    } catch (e) {
      return e instanceof Error ? e.message : String(e)
    }
  }
}
