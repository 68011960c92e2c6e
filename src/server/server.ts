import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { matchMaker, type Presence, Server } from '@colyseus/core'
import { WebSocketTransport } from '@colyseus/ws-transport'
import { ROOM_NAME } from '../net/protocol.ts'
import { classroomApi } from './api.ts'
import { guardBodies } from './bodies.ts'
import { originsOf } from './cors.ts'
import { type Durability, FileStore } from './file-store.ts'
import { type GateContext, matchmakeGate, PendingReservations } from './gate.ts'
import { AddressGuard, DEFAULT_GUARD_LIMITS, type GuardLimits } from './guard.ts'
import { joinBaseOf, lanAddress } from './join-base.ts'
import { leakingFiles } from './leaks.ts'
import { ClassroomRoom, configureRooms, type RoomOptions } from './room.ts'
import type { RoomFile } from './room-file.ts'
import { loadSource, shippedScenarios } from './scenarios.ts'
import { hashSecret, newSecret } from './secrets.ts'
import { serveStatic } from './static.ts'
import type { Restored, RoomStore } from './store.ts'

export interface ClassroomServerOptions {
  /** 0 picks a free port. */
  port: number
  /** Interface to listen on; all of them by default (students' devices reach it over the LAN). */
  host?: string
  /**
   * Where rooms are kept (`.classroom-data/` by default in the CLI), and the admin key when none is given.
   * With Redis, rooms are kept in Redis and this folder holds nothing else.
   */
  dataDir: string
  /** The built game to serve (`dist/`); none when null. */
  distDir?: string | null
  /** The session's admin key; by default the one kept in `dataDir/admin-key`, made on first start. */
  adminKey?: string
  /**
   * Several processes serving one session: rooms, presence and listing in Redis at `url`; `publicUrl` is
   * this process's own address as devices reach it (e.g. `https://192.168.1.20:2568`, or a reverse proxy's
   * `https://classroom.example.org/p2`), where devices are sent for its rooms and fail over to.
   */
  redis?: { url: string; publicUrl: string }
  /** HTTPS and WSS instead of HTTP and WS: the certificate (chain) and its private key, PEM. */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /**
   * When a room file reaches the disk itself (fsync): right after the room answers (`soon`, the default;
   * the file is always written and renamed before), or before (`strict`, safe from power cuts too, slower).
   */
  durability?: Durability
  /** Let Colyseus handle SIGINT/SIGTERM (the CLI); tests stop the server themselves. */
  handleSignals?: boolean
  /** Limits per network address on joins and key attempts (see guard.ts); the defaults suit a class. */
  guardLimits?: Partial<GuardLimits>
  /**
   * Behind a reverse proxy: take each device's address from the last X-Forwarded-For entry the proxy added
   * (`CLASSROOM_TRUST_PROXY=1`). Off by default, since any device can write that header itself.
   */
  trustProxy?: boolean
  /** The host devices reach this process at, when the LAN address found is not the right one (PUBLIC_HOST). */
  publicHost?: string
  /** This process's whole address as devices open it, e.g. a reverse proxy's (PUBLIC_URL). */
  publicUrl?: string
}

export interface ClassroomServer {
  port: number
  adminKey: string
  /** Rooms brought back from the data folder at start, and files that could not be. */
  restored: { rooms: number; failed: Array<{ file: string; message: string }> }
  http: HttpServer | HttpsServer
  /** Whether it speaks HTTPS and WSS. */
  secure: boolean
  /** This process, as the room store names it. */
  process: string
  /** The address students open, as printed and as the dashboard's join links carry it (see join-base.ts). */
  joinBase: string
  close: () => Promise<void>
}

/**
 * Starts the classroom server: the game's static files, the HTTP API and the rooms on one port. Rooms
 * kept in `dataDir` are restored first, so a restart after a crash brings every game back where its last
 * command left it.
 */
export async function startClassroomServer(options: ClassroomServerOptions): Promise<ClassroomServer> {
  mkdirSync(options.dataDir, { recursive: true })
  // Loaded now (quotes checked against the articles, a second or so) rather than at the first request.
  const shipped = shippedScenarios()
  if (options.distDir) refuseLeakingBuild(options.distDir, [...shipped.values()])
  const scale = options.redis ? await redisParts(options.redis) : null
  const store: RoomStore = scale?.store ?? new FileStore(options.dataDir, options.durability ?? 'soon')
  const gate: GateContext = {
    guard: new AddressGuard({ ...DEFAULT_GUARD_LIMITS, ...options.guardLimits }),
    trustProxy: options.trustProxy ?? false,
    pending: new PendingReservations(),
    moving: (code) => store.moving(code),
    origins: () => originsOf(store.servers()),
  }
  const adminKey = options.adminKey ?? adminKeyOf(options.dataDir)
  // Room creation carries a secret derived from the admin key, so that every process of a session (which
  // shares the key) accepts the rooms the API asks it to create, and nothing else can create one.
  const createSecret = hashSecret(`create-room:${adminKey}`)
  configureRooms({ store, createSecretHash: hashSecret(createSecret), gate })
  const http = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key })
    : createServer()
  const transport = new WebSocketTransport({ server: http as HttpServer, maxPayload: 64 * 1024 })
  const processId = scale?.store.process ?? 'single'
  // Known once the server listens (a port of 0 picks one); the API answers no request before that.
  let joinBase = ''
  const api = classroomApi({
    adminKeyHash: hashSecret(adminKey),
    createSecret,
    gate,
    process: processId,
    joinBase: () => joinBase,
  })
  const files = options.distDir ? serveStatic(options.distDir) : null
  const server = new Server({
    transport,
    greet: false,
    gracefullyShutdown: options.handleSignals ?? false,
    ...(scale ? { presence: scale.presence, driver: scale.driver, publicAddress: scale.publicAddress } : {}),
    express: (app) => {
      app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => api(req, res, next))
      if (files)
        app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => files(req, res, next))
    },
  })
  server.define(ROOM_NAME, ClassroomRoom)
  // The heartbeat stops before the rooms close, so that none is opened again here while shutting down.
  if (scale) server.onBeforeShutdown(() => scale.store.stop())
  server.onShutdown(() => store.close())
  await server.listen(options.port, options.host)
  guardBodies(http, matchmakeGate(gate))
  const restored = await openRooms(store, createSecret)
  // A room taken over here is listed again should its dead process's listing be swept after the takeover.
  const relist = scale
    ? setInterval(() => void matchMaker.restoreMissingRoomCaches().catch(() => {}), 2000)
    : null
  relist?.unref()
  const port = (http.address() as AddressInfo).port
  joinBase = joinBaseOf({
    scheme: options.tls ? 'https' : 'http',
    port,
    host: options.host,
    publicHost: options.publicHost,
    publicUrl: options.publicUrl,
    lan: lanAddress(),
  })
  return {
    port,
    adminKey,
    restored,
    http,
    secure: Boolean(options.tls),
    process: processId,
    joinBase,
    close: async () => {
      if (relist) clearInterval(relist)
      await server.gracefullyShutdown(false)
    },
  }
}

/** Colyseus' Redis presence and driver and the Redis room store, loaded only by those who scale out. */
async function redisParts(redis: { url: string; publicUrl: string }) {
  const { RedisPresence } = await import('@colyseus/redis-presence')
  const { RedisDriver } = await import('@colyseus/redis-driver')
  const { RedisStore } = await import('./redis-store.ts')
  const publicUrl = redis.publicUrl.replace(/\/+$/, '')
  return {
    presence: new RedisPresence(redis.url) as Presence,
    driver: new RedisDriver(redis.url),
    // Colyseus sends devices to `<publicAddress>/<process>/<room>`, with the scheme the device already uses.
    publicAddress: publicUrl.replace(/^[a-z]+:\/\//, ''),
    store: new RedisStore(redis.url, publicUrl),
  }
}

/**
 * Opens the rooms the store keeps for this process (files: every one; Redis: those of dead processes, now
 * and whenever another process dies). A room that cannot be read or replayed is reported, not fatal.
 */
async function openRooms(store: RoomStore, secret: string): Promise<Restored> {
  const restored = await store.start(async (room: RoomFile) => {
    const options: RoomOptions = { secret, restore: room }
    // Here, in this process: Colyseus would place a new room on the process with the fewest.
    await matchMaker.handleCreateRoom(ROOM_NAME, options)
  })
  for (const f of restored.failed) console.error(`Room not restored: ${f.file}: ${f.message}`)
  return restored
}

/**
 * Refuses to serve a build of the game that bundles the shipped scenarios: every student could read every
 * side's private texts in it. The classroom's build (`vite build --mode classroom`) leaves them out.
 */
function refuseLeakingBuild(distDir: string, shipped: Array<{ file: string; text: string }>): void {
  const scenarios = shipped.flatMap((s) => loadSource(s).scenario ?? [])
  const leaks = leakingFiles(distDir, scenarios)
  if (leaks.length === 0) return
  const first = leaks[0]
  throw new Error(
    `${join(distDir, first?.file ?? '')} holds private texts of the shipped scenarios (${first?.leak.path}, in "${first?.leak.language}"): a classroom server must serve the classroom build. Run \`npm run classroom\` (it builds with \`vite build --mode classroom\`), or build that way before --no-build.`,
  )
}

/** The admin key kept in the data folder (readable by its owner only), made on first start. */
function adminKeyOf(dataDir: string): string {
  const path = join(dataDir, 'admin-key')
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim()
    if (key.length >= 16) return key
  }
  const key = newSecret()
  writeFileSync(path, `${key}\n`, { mode: 0o600 })
  return key
}
