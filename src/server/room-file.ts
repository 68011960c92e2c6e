import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { CommandSchema } from '../core/rules/commands.ts'
import { CODE_ALPHABET, CODE_LENGTH } from '../net/protocol.ts'

/**
 * A room on disk: everything needed to bring it back after the server stops or crashes. The game itself
 * is its setup and command log (replayed through the rules), so the file holds no game state of its own.
 * One file per room, `<data>/rooms/<CODE>.json`, rewritten whole after every change (temp file, fsync,
 * rename: a crash leaves either the old file or the new one, never half of one).
 */

export const ROOM_FILE_FORMAT = 'red-lines-classroom-room'
export const ROOM_FILE_VERSION = 1

const code = z.string().regex(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`))
const hash = z.string().regex(/^[0-9a-f]{64}$/)
const time = z.string().max(40)
const difficulty = z.enum(['easy', 'normal', 'hard'])

const AuthorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('student'), seat: z.string(), name: z.string() }),
  z.strictObject({ kind: z.literal('instructor') }),
  z.strictObject({ kind: z.literal('computer') }),
  z.strictObject({ kind: z.literal('timer') }),
])

export const RoomFileSchema = z.strictObject({
  format: z.literal(ROOM_FILE_FORMAT),
  version: z.literal(ROOM_FILE_VERSION),
  code,
  createdAt: time,
  /** The scenario's YAML text as the room was created with it, and the file name its problems name. */
  scenario: z.strictObject({ file: z.string().max(200), text: z.string() }),
  instructorKeyHash: hash,
  settings: z.strictObject({
    picking: z.boolean(),
    timerSeconds: z.number().int().positive().nullable(),
    difficulty,
    seed: z.number().int(),
  }),
  status: z.enum(['lobby', 'running', 'paused', 'ended']),
  /** The game's setup, fixed when the instructor starts it (which sides are computer-played). */
  setup: z
    .strictObject({
      scenarioId: z.string(),
      seats: z.record(z.string(), z.enum(['human', 'computer'])),
      seed: z.number().int(),
      difficulty,
    })
    .nullable(),
  seats: z.array(
    z.strictObject({
      id: z.string(),
      tokenHash: hash,
      name: z.string(),
      side: z.string().nullable(),
      joinedAt: time,
    }),
  ),
  /** Every applied command of the game, in order, with who sent it: replaying them rebuilds the game. */
  log: z.array(z.strictObject({ command: CommandSchema, by: AuthorSchema, at: time })),
  /** The round timer: the deadline (epoch ms) while running, the time left while paused. */
  timer: z.strictObject({ deadline: z.number().nullable(), remainingMs: z.number().nullable() }),
  /** What the instructor did besides commands, for the instructor's screen. */
  journal: z.array(z.strictObject({ at: time, text: z.string() })),
})

export type RoomFile = z.infer<typeof RoomFileSchema>

/** The folder where a data directory keeps its rooms. */
export function roomsFolder(dataDir: string): string {
  return join(dataDir, 'rooms')
}

/** Writes a room's file atomically: a temporary file, flushed to disk, renamed over the old one. */
export function writeRoomFile(dataDir: string, room: RoomFile): void {
  const folder = roomsFolder(dataDir)
  mkdirSync(folder, { recursive: true })
  const path = join(folder, `${room.code}.json`)
  const temp = `${path}.${process.pid}.tmp`
  const fd = openSync(temp, 'w', 0o600)
  try {
    writeSync(fd, JSON.stringify(room))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, path)
}

/** A room file read back, or why it could not be. */
export type ReadRoom = { ok: true; room: RoomFile } | { ok: false; file: string; message: string }

/** Reads every room file of a data directory (none when it does not exist yet). Never throws for a bad file. */
export function readRoomFiles(dataDir: string): ReadRoom[] {
  const folder = roomsFolder(dataDir)
  let names: string[]
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json'))
  } catch {
    return []
  }
  return names.sort().map((name) => {
    const file = join(folder, name)
    try {
      const parsed = RoomFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
      if (parsed.success) return { ok: true, room: parsed.data }
      const issue = parsed.error.issues[0]
      return { ok: false, file, message: `at ${issue?.path.join('.') || 'the top'}: ${issue?.message}` }
    } catch (e) {
      return { ok: false, file, message: e instanceof Error ? e.message : String(e) }
    }
  })
}
