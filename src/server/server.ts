import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { matchMaker, type Presence, Server } from '@colyseus/core'
import { WebSocketTransport } from '@colyseus/ws-transport'
import { ROOM_NAME } from '../net/protocol.ts'
import { classroomApi, MAX_BODY_BYTES } from './api.ts'
import { type GateContext, matchmakeGate, PendingReservations } from './gate.ts'
import { AddressGuard, DEFAULT_GUARD_LIMITS, type GuardLimits } from './guard.ts'
import { leakingFiles } from './leaks.ts'
import { ClassroomRoom, configureRooms, type RoomOptions } from './room.ts'
import { type Durability, readRoomFiles } from './room-file.ts'
import { loadSource, shippedScenarios } from './scenarios.ts'
import { hashSecret, newSecret } from './secrets.ts'
import { serveStatic } from './static.ts'

export interface ClassroomServerOptions {
  /** 0 picks a free port. */
  port: number
  /** Interface to listen on; all of them by default (students' devices reach it over the LAN). */
  host?: string
  /** Where rooms are kept (`.classroom-data/` by default in the CLI). One folder per server process. */
  dataDir: string
  /** The built game to serve (`dist/`); none when null. */
  distDir?: string | null
  /** The session's admin key; by default the one kept in `dataDir/admin-key`, made on first start. */
  adminKey?: string
  /** Scaling out: Colyseus presence and driver shared by several processes (e.g. Redis). */
  presence?: Presence
  driver?: ConstructorParameters<typeof Server>[0] extends infer O
    ? O extends { driver?: infer D }
      ? D
      : never
    : never
  /** This process's address as other processes' clients must reach it, when scaled out. */
  publicAddress?: string
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
}

export interface ClassroomServer {
  port: number
  adminKey: string
  /** Rooms brought back from the data folder at start, and files that could not be. */
  restored: { rooms: number; failed: Array<{ file: string; message: string }> }
  http: HttpServer
  close: () => Promise<void>
}

/** The longest body of a matchmaking request (join options: a name or a token). */
const MAX_MATCHMAKE_BYTES = 16 * 1024

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
  const gate: GateContext = {
    guard: new AddressGuard({ ...DEFAULT_GUARD_LIMITS, ...options.guardLimits }),
    trustProxy: options.trustProxy ?? false,
    pending: new PendingReservations(),
  }
  const adminKey = options.adminKey ?? adminKeyOf(options.dataDir)
  // Room creation carries a secret derived from the admin key, so that every process of a session (which
  // shares the key) accepts the rooms the API asks it to create, and nothing else can create one.
  const createSecret = hashSecret(`create-room:${adminKey}`)
  configureRooms({
    dataDir: options.dataDir,
    createSecretHash: hashSecret(createSecret),
    durability: options.durability ?? 'soon',
    gate,
  })
  const http = createServer()
  const transport = new WebSocketTransport({ server: http, maxPayload: 64 * 1024 })
  const api = classroomApi({ adminKeyHash: hashSecret(adminKey), createSecret, gate })
  const files = options.distDir ? serveStatic(options.distDir) : null
  const server = new Server({
    transport,
    greet: false,
    gracefullyShutdown: options.handleSignals ?? false,
    ...(options.presence ? { presence: options.presence } : {}),
    ...(options.driver ? { driver: options.driver } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
    express: (app) => {
      app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => api(req, res, next))
      if (files)
        app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => files(req, res, next))
    },
  })
  server.define(ROOM_NAME, ClassroomRoom)
  await server.listen(options.port, options.host)
  guardBodies(http, matchmakeGate(gate))
  const restored = await restoreRooms(options.dataDir, createSecret)
  const port = (http.address() as AddressInfo).port
  return {
    port,
    adminKey,
    restored,
    http,
    close: () => server.gracefullyShutdown(false),
  }
}

/** Brings back every room kept in the data folder. A file that cannot be read or replayed is reported, not fatal. */
async function restoreRooms(dataDir: string, secret: string): Promise<ClassroomServer['restored']> {
  const failed: Array<{ file: string; message: string }> = []
  let rooms = 0
  for (const read of readRoomFiles(dataDir)) {
    if (!read.ok) {
      failed.push({ file: read.file, message: read.message })
      continue
    }
    try {
      const options: RoomOptions = { secret, restore: read.room }
      await matchMaker.createRoom(ROOM_NAME, options)
      rooms++
    } catch (e) {
      failed.push({ file: read.room.code, message: e instanceof Error ? e.message : String(e) })
    }
  }
  for (const f of failed) console.error(`Room file not restored: ${f.file}: ${f.message}`)
  return { rooms, failed }
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

/**
 * Refuses request bodies over their limit before anything reads them: join requests are tiny; the API
 * reads at most MAX_BODY_BYTES. Then matchmaking goes to the gate, the rest to the server's request
 * listeners (Colyseus' router, then Express), which this wraps.
 */
function guardBodies(http: HttpServer, gate: (req: IncomingMessage, res: ServerResponse) => boolean): void {
  const listeners = http.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>
  http.removeAllListeners('request')
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const limit = req.url?.startsWith('/matchmake/') ? MAX_MATCHMAKE_BYTES : MAX_BODY_BYTES
    const length = Number(req.headers['content-length'] ?? 0)
    if (
      length > limit ||
      (req.method === 'POST' && req.headers['transfer-encoding'] && req.url?.startsWith('/matchmake/'))
    ) {
      res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' })
      res.end(
        JSON.stringify({
          error: { code: 'MESSAGE_TOO_LARGE', message: `Requests here are at most ${limit} bytes.` },
        }),
      )
      req.resume()
      return
    }
    // Matchmaking goes through the gate alone: Colyseus' own routes are never reached.
    if (gate(req, res)) return
    for (const listener of listeners) listener.call(http, req, res)
  })
}
