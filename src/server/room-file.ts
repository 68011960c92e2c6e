import { join } from 'node:path'
import { z } from 'zod'
import { CommandSchema } from '../core/rules/commands.ts'
import { DifficultySchema, GameSetupSchema } from '../core/rules/setup.ts'
import { CODE_ALPHABET, CODE_LENGTH } from '../net/protocol.ts'

/**
 * A room as it is kept: everything needed to bring it back after the server stops or crashes. The game
 * itself is its setup and command log (replayed through the rules), so the room holds no game state of its
 * own. How it is stored, in parts, is in store.ts (files: file-store.ts; Redis: redis-store.ts); version 1
 * files (one whole `<data>/rooms/<CODE>.json` per room) are read and moved to the new layout.
 */

const ROOM_FILE_FORMAT = 'red-lines-classroom-room'
const ROOM_FILE_VERSION = 1

const code = z.string().regex(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`))
const hash = z.string().regex(/^[0-9a-f]{64}$/)
const time = z.string().max(40)

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
    difficulty: DifficultySchema,
    seed: z.number().int(),
  }),
  status: z.enum(['lobby', 'running', 'paused', 'ended']),
  /** The game's setup, fixed when the instructor starts it (which sides are computer-played). */
  setup: GameSetupSchema.nullable(),
  seats: z.array(
    z.strictObject({
      id: z.string(),
      tokenHash: hash,
      name: z.string(),
      side: z.string().nullable(),
      joinedAt: time,
      /** The student's named role within their side (added in 0.5: older files have none). */
      role: z.string().max(80).optional(),
      /** Set when the instructor muted the student's messages (files from before muting have none). */
      muted: z.boolean().optional(),
    }),
  ),
  /** Every applied command of the game, in order, with who sent it: replaying them rebuilds the game. */
  log: z.array(z.strictObject({ command: CommandSchema, by: AuthorSchema, at: time })),
  /** The round timer: the deadline (epoch ms) while running, the time left while paused. */
  timer: z.strictObject({ deadline: z.number().nullable(), remainingMs: z.number().nullable() }),
  /**
   * Reflection after the game (added in 0.5: older files have none): the questions the instructor added, the
   * students' answers by seat, and who handed theirs in. Never shown to other students.
   */
  reflection: z
    .strictObject({
      questions: z.array(z.strictObject({ id: z.string().max(40), text: z.string(), at: time })),
      answers: z.array(
        z.strictObject({ seat: z.string(), question: z.string().max(170), text: z.string(), at: time }),
      ),
      submitted: z.array(z.strictObject({ seat: z.string(), at: time })),
    })
    .optional(),
  /** What the instructor did besides commands, for the instructor's screen. */
  journal: z.array(z.strictObject({ at: time, text: z.string() })),
})

export type RoomFile = z.infer<typeof RoomFileSchema>

/** The folder where a data directory keeps its rooms. */
export function roomsFolder(dataDir: string): string {
  return join(dataDir, 'rooms')
}

/** What a new room is made of: its code, scenario, instructor key (hashed) and settings. */
export interface NewRoom {
  code: string
  source: { file: string; text: string }
  instructorKeyHash: string
  settings: RoomFile['settings']
  now: Date
}

/** A new room's record, in the lobby with no seats and no game yet. */
export function newRoomFile(input: NewRoom): RoomFile {
  return {
    format: ROOM_FILE_FORMAT,
    version: ROOM_FILE_VERSION,
    code: input.code,
    createdAt: input.now.toISOString(),
    scenario: { file: input.source.file, text: input.source.text },
    instructorKeyHash: input.instructorKeyHash,
    settings: { ...input.settings },
    status: 'lobby',
    setup: null,
    seats: [],
    log: [],
    timer: { deadline: null, remainingMs: null },
    journal: [],
  }
}
