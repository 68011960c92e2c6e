import type { IncomingMessage, ServerResponse } from 'node:http'
import { matchMaker } from '@colyseus/core'
import { isLanguage, type Language } from '../messages/index.ts'
import {
  type CreatedRoom,
  CreateRoomSchema,
  LIMITS,
  normalizeCode,
  ROOM_NAME,
  type SessionInfo,
} from '../net/protocol.ts'
import type { RoomSummary } from '../net/view.ts'
import { allowOrigin } from './cors.ts'
import type { GateContext } from './gate.ts'
import { addressOf, waitText } from './guard.ts'
import type { RoomOptions } from './room.ts'
import { loadSource, shippedScenarios } from './scenarios.ts'
import { hashSecret, newJoinCode, newSecret, newSeed, secretMatches } from './secrets.ts'
import { serverStats } from './stats.ts'
import type { ExportFormat } from './views.ts'

/** What the API needs: the session's admin key (hashed) and the secret room creation carries. */
export interface ApiContext {
  adminKeyHash: string
  createSecret: string
  /** Key attempts are counted per address, as joins are (see guard.ts). */
  gate: GateContext
  /** This process, as the session's store names it (in /api/stats: which process holds which room). */
  process: string
  /** The address students open (see join-base.ts), for the dashboard's join links and QR codes. */
  joinBase: () => string
}

/** Bytes of a request body the API reads: a scenario file at its largest, as a JSON string. */
export const MAX_BODY_BYTES = LIMITS.scenarioBytes * 2

type Next = () => void

/**
 * The classroom's HTTP API, beside the rooms on the same port:
 *
 * - `GET /api/scenarios`: the shipped scenarios, `[{ id, title }]`.
 * - `GET /api/session`: `{ joinBase }`, the address students open (as the server printed it on start).
 * - `POST /api/rooms` (admin key): creates a room from `CreateRoom`; 201 `{ code, instructorKey }`, or 422
 *   with every problem of the scenario file (line, column, code, fix), as the game's loader reports them.
 * - `GET /api/rooms` (admin key): every room of the session, as `RoomSummary[]`.
 * - `GET /api/rooms/CODE/export?format=json|csv|grading` (admin key or the room's instructor key): the
 *   results (grading: one row per student, with their answers).
 * - `GET /api/stats` (admin key): the server's CPU time, memory, event loop delay and step timings.
 * - `GET /api/health`: 200 `{ ok: true }` once the server serves rooms (for containers and proxies).
 *
 * Keys go in `Authorization: Bearer KEY`. Errors are `{ error: { code, message } }`.
 */
export function classroomApi(ctx: ApiContext) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const url = new URL(req.url ?? '/', 'http://host')
    if (!url.pathname.startsWith('/api/')) {
      next()
      return
    }
    route(ctx, req, res, url).catch((e) => {
      console.error('API error:', e)
      if (!res.headersSent)
        json(res, 500, { error: { code: 'INTERNAL_ERROR', message: 'The server failed.' } })
    })
  }
}

async function route(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname
  const address = addressOf(req, ctx.gate.trustProxy)
  const now = Date.now()
  allowOrigin(req, res, ctx.gate.origins())
  if (req.method === 'OPTIONS') return void res.writeHead(204).end()
  if (req.method === 'GET' && path === '/api/health') return json(res, 200, { ok: true })
  // Every request that carries a key is a key attempt: limited per address, and a wrong key is a failure.
  if (req.headers.authorization !== undefined) {
    const wait = ctx.gate.guard.attempt(address, now)
    if (wait !== null) return limited(res, wait)
  }
  const admin = isAdmin(ctx, req)
  if (req.headers.authorization !== undefined && !admin && !path.endsWith('/export'))
    ctx.gate.guard.failed(address, now)
  // Not a secret: it is what the join links and QR codes show the whole class.
  if (req.method === 'GET' && path === '/api/session')
    return json(res, 200, { joinBase: ctx.joinBase() } satisfies SessionInfo)
  if (req.method === 'GET' && path === '/api/scenarios')
    return json(
      res,
      200,
      [...shippedScenarios().entries()].map(([id, s]) => ({ id, title: s.title })),
    )
  if (path === '/api/rooms' && req.method === 'POST') {
    if (!admin) return denied(res)
    const body = await readJson(req)
    if (body === TOO_LARGE)
      return json(res, 413, {
        error: { code: 'MESSAGE_TOO_LARGE', message: `The request is over ${MAX_BODY_BYTES} bytes.` },
      })
    return createRoom(ctx, res, body)
  }
  if (path === '/api/rooms' && req.method === 'GET') {
    if (!admin) return denied(res)
    const rooms = await matchMaker.query({ name: ROOM_NAME })
    const list = rooms.map((r) => r.metadata as RoomSummary).filter(Boolean)
    return json(
      res,
      200,
      list.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    )
  }
  if (path === '/api/stats' && req.method === 'GET') {
    if (!admin) return denied(res)
    const rooms = await matchMaker.query({ name: ROOM_NAME })
    return json(res, 200, { ...serverStats(), rooms: rooms.length, process: ctx.process })
  }
  const exported = /^\/api\/rooms\/([^/]+)\/export$/.exec(path)
  if (exported && req.method === 'GET') {
    const code = normalizeCode(decodeURIComponent(exported[1] ?? ''))
    const kind = url.searchParams.get('format')
    const format: ExportFormat = kind === 'csv' || kind === 'grading' ? kind : 'json'
    // The CSV's words in the asker's language (English unless it asks for another the catalogue has).
    const asked = url.searchParams.get('language')
    const language = isLanguage(asked) ? asked : 'en'
    if (!code) return json(res, 404, { error: { code: 'ROOM_NOT_FOUND', message: 'There is no such room.' } })
    const out = await exportFor(code, admin ? null : bearer(req), format, admin, language)
    if (!out.ok && !admin && (out.status === 401 || out.status === 404)) {
      ctx.gate.guard.failed(address, now)
      // No such room and a wrong key answer alike: the answer confirms no code.
      return json(res, 401, { error: NO_ROOM_FOR_KEY })
    }
    if (!out.ok) return json(res, out.status, { error: out.error })
    res.writeHead(200, {
      'Content-Type': `${out.mime}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${out.filename}"`,
      'X-Content-Type-Options': 'nosniff',
    })
    return void res.end(out.text)
  }
  json(res, 404, { error: { code: 'NOT_FOUND', message: `No ${req.method} ${path} here.` } })
}

async function createRoom(ctx: ApiContext, res: ServerResponse, body: unknown): Promise<void> {
  const parsed = CreateRoomSchema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return json(res, 400, {
      error: { code: 'MALFORMED_MESSAGE', message: `${issue?.path.join('.') || 'body'}: ${issue?.message}` },
    })
  }
  const { scenario, settings = {} } = parsed.data
  const source =
    'id' in scenario
      ? shippedScenarios().get(scenario.id)
      : { file: scenario.file ?? 'scenario.yaml', text: scenario.yaml }
  if (!source)
    return json(res, 404, {
      error: {
        code: 'UNKNOWN_SCENARIO',
        message: `No shipped scenario "${'id' in scenario ? scenario.id : ''}".`,
      },
    })
  const loaded = loadSource({ file: source.file, text: source.text })
  if (!loaded.index) {
    const problems = loaded.problems.filter((p) => p.severity === 'error')
    return json(res, 422, {
      error: {
        code: 'SCENARIO_INVALID',
        message: `The scenario has ${problems.length} problem(s).`,
        problems,
      },
    })
  }
  const code = await freeCode()
  const instructorKey = newSecret()
  const options: RoomOptions = {
    secret: ctx.createSecret,
    create: {
      code,
      source: { file: source.file, text: source.text },
      instructorKeyHash: hashSecret(instructorKey),
      settings: {
        picking: settings.picking ?? false,
        timerSeconds: settings.timerSeconds ?? null,
        difficulty: settings.difficulty ?? 'normal',
        seed: settings.seed ?? newSeed(),
      },
      now: new Date(),
    },
  }
  await matchMaker.createRoom(ROOM_NAME, options)
  const created: CreatedRoom = { code, instructorKey }
  json(res, 201, created)
}

/** A join code no room of the session has yet. */
async function freeCode(): Promise<string> {
  for (;;) {
    const code = newJoinCode()
    const taken = await matchMaker.query({ roomId: code })
    if (taken.length === 0) return code
  }
}

type ExportOut =
  | { ok: true; filename: string; mime: string; text: string }
  | { ok: false; status: number; error: { code: string; message: string } }

async function exportFor(
  code: string,
  key: string | null,
  format: ExportFormat,
  admin: boolean,
  language: Language,
): Promise<ExportOut> {
  if (!admin && !key)
    return {
      ok: false,
      status: 401,
      error: { code: 'BAD_KEY', message: 'An admin or instructor key is needed.' },
    }
  const found = await matchMaker.query({ roomId: code })
  if (found.length === 0)
    return { ok: false, status: 404, error: { code: 'ROOM_NOT_FOUND', message: 'There is no such room.' } }
  // The room may live in another server process (with Redis): ask it wherever it is.
  return (await matchMaker.remoteRoomCall(code, 'exportFor', [
    admin ? null : key,
    format,
    language,
  ])) as ExportOut
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? ''
  const match = /^Bearer (\S{16,100})$/.exec(header)
  return match?.[1] ?? null
}

function isAdmin(ctx: ApiContext, req: IncomingMessage): boolean {
  const key = bearer(req)
  return key !== null && secretMatches(key, ctx.adminKeyHash)
}

const TOO_LARGE = Symbol('too large')

/** Reads a JSON body of at most MAX_BODY_BYTES; undefined when it is not JSON (the schema then refuses it). */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return TOO_LARGE
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return undefined
  }
}

const NO_ROOM_FOR_KEY = {
  code: 'BAD_KEY',
  message: 'There is no room with that code whose key that is (an admin or instructor key is needed).',
}

function limited(res: ServerResponse, ms: number): void {
  res.setHeader('Retry-After', String(Math.ceil(ms / 1000)))
  json(res, 429, {
    error: {
      code: 'TOO_MANY_ATTEMPTS',
      message: `Too many attempts from this device: try again in ${waitText(ms)}.`,
    },
  })
}

function denied(res: ServerResponse): void {
  json(res, 401, {
    error: { code: 'BAD_KEY', message: 'This needs the session’s admin key (Authorization: Bearer KEY).' },
  })
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(JSON.stringify(body))
}
