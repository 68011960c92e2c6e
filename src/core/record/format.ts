import { z } from 'zod'
import { CommandSchema } from '../rules/commands.ts'
import { GameSetupSchema, IdSchema as id } from '../rules/setup.ts'

/** The `format` field that marks a file as a Red Lines game record. */
export const RECORD_FORMAT = 'red-lines-game'

/**
 * The record version this build of the game writes and reads best. Version 2 adds the setup's `mode`
 * (play, or instructor with the hidden parts open); a version 1 record has none and was played in play mode.
 */
export const RECORD_VERSION = 2

/** Who sent a command in a classroom: a student (seat id and display name), the instructor, a computer, the timer. */
export const CommandAuthorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('student'), seat: z.string().max(40), name: z.string().max(200) }),
  z.strictObject({ kind: z.literal('instructor') }),
  z.strictObject({ kind: z.literal('computer') }),
  z.strictObject({ kind: z.literal('timer') }),
])

/** Who sent a command in a classroom (see CommandAuthorSchema). */
export type CommandAuthor = z.infer<typeof CommandAuthorSchema>

/** A game record at RECORD_VERSION: enough to replay the game exactly, and to check it is the same scenario. */
export const GameRecordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  version: z.literal(RECORD_VERSION),
  scenario: z.strictObject({
    id,
    title: z.string().max(500),
    hash: z.string().regex(/^[0-9a-f]{8}$/, 'a hash is 8 hex digits'),
  }),
  setup: GameSetupSchema,
  log: z.array(CommandSchema).max(100_000),
  exportedAt: z.string().max(100).optional(),
  /**
   * A classroom room's export only: the room's code, its students by seat (display name, side, role), the
   * questions for reflection, the students' answers, and who sent each command of `log` and when. The game
   * replays the record without it.
   */
  classroom: z
    .strictObject({
      room: z.string().max(20),
      students: z
        .array(
          z.strictObject({
            seat: z.string().max(40),
            name: z.string().max(200),
            side: z.string().max(80).nullable(),
            role: z.string().max(80).optional(),
          }),
        )
        .max(1_000),
      questions: z
        .array(
          z.strictObject({
            id: z.string().max(170),
            text: z.string().max(10_000),
            side: z.string().max(80).nullable(),
          }),
        )
        .max(1_000),
      answers: z
        .array(
          z.strictObject({
            seat: z.string().max(40),
            question: z.string().max(170),
            text: z.string().max(10_000),
            at: z.string().max(100),
          }),
        )
        .max(100_000),
      /**
       * Parallel to the record's `log` (entry n is who sent command n, and when): which student by seat and
       * display name, so that two students on one side can be told apart, or the instructor, a computer
       * partner or the round timer. Optional: exports from before it have none.
       */
      log: z
        .array(z.strictObject({ by: CommandAuthorSchema, at: z.string().max(100) }))
        .max(100_000)
        .optional(),
    })
    .optional(),
})

/** A game record: the scenario it was played on, the setup, and every command applied, in order. */
export type GameRecord = z.infer<typeof GameRecordSchema>

/**
 * A migration turns a record of one version into the next, as plain data. Each is a small pure function,
 * tested with a fixture of the older version; they run in order up to RECORD_VERSION. Saved games are
 * records too (with what the title screen shows, see client/saves/format.ts), so a migration keeps the
 * fields it does not know about.
 */
export type RecordMigration = (record: Record<string, unknown>) => Record<string, unknown>

/**
 * MIGRATIONS[n] upgrades version n to n + 1. Version 1 has no `mode` in its setup: those games were played
 * in play mode, which is what a setup without one means, so the setup is kept as it is.
 */
export const MIGRATIONS: Record<number, RecordMigration> = {
  1: (record) => record,
}

/** A record brought up to RECORD_VERSION, or why it cannot be. */
export type Upgraded =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; code: 'VERSION_INVALID' | 'VERSION_TOO_NEW'; message: string }

/** Reads `version`, refuses records newer than this game knows, and migrates older ones. */
export function upgradeRecord(data: Record<string, unknown>): Upgraded {
  const { version } = data
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      ok: false,
      code: 'VERSION_INVALID',
      message:
        version === undefined
          ? 'The record does not say which version it is written in.'
          : `The record's version (${String(version).slice(0, 20)}) is not a record version (a whole number from 1).`,
    }
  if (version > RECORD_VERSION)
    return {
      ok: false,
      code: 'VERSION_TOO_NEW',
      message: `This record was written by a newer version of Red Lines (record version ${version}); this game reads versions up to ${RECORD_VERSION}.`,
    }
  let current = data
  for (let v = version; v < RECORD_VERSION; v++) {
    const migrate = MIGRATIONS[v]
    if (migrate) current = { ...migrate(current), version: v + 1 }
  }
  return { ok: true, data: current }
}
