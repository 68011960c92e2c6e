import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, open, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { CommandSchema } from '../core/rules/commands.ts'
import { CODE_ALPHABET, CODE_LENGTH } from '../net/protocol.ts'

/**
 * A room on disk: everything needed to bring it back after the server stops or crashes. The game itself
 * is its setup and command log (replayed through the rules), so the file holds no game state of its own.
 * One file per room, `<data>/rooms/<CODE>.json`, rewritten whole after every change through a temporary
 * file and a rename (a crash leaves either the old file or the new one, never half of one), and flushed to
 * the disk with fsync (see Durability).
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

/**
 * When a room file reaches the disk itself (fsync): `strict`, before the room answers the command that
 * changed it (a power cut loses nothing the class saw, but every command waits for the disk); `soon`, right
 * after the answer, coalesced (the default: a crash of the server still loses nothing, since the file was
 * written and renamed before the answer; a power cut may lose the last moments).
 */
export type Durability = 'strict' | 'soon'

/**
 * Writes one room's file after every change without holding up the other rooms: the writing runs off the
 * event loop, writes of one room never overlap (one in progress is followed by one of the latest state),
 * and `save()` resolves once a write that includes every change made before the call is in place. The room
 * answers a device, and shows the change to the others, only then.
 */
export class RoomWriter {
  private wanted = 0
  private written = 0
  private running = false
  private waiters: Array<{ generation: number; done: (error?: unknown) => void }> = []

  constructor(
    private readonly dataDir: string,
    private readonly snapshot: () => RoomFile,
    private readonly durability: Durability = 'soon',
  ) {}

  save(): Promise<void> {
    const generation = ++this.wanted
    const done = new Promise<void>((resolve, reject) => {
      this.waiters.push({ generation, done: (error) => (error ? reject(error) : resolve()) })
    })
    void this.run()
    return done
  }

  private async run(): Promise<void> {
    if (this.running) return
    this.running = true
    while (this.written < this.wanted) {
      const generation = this.wanted
      let error: unknown
      let path = ''
      try {
        const room = this.snapshot()
        path = await writeRoomFileAsync(
          this.dataDir,
          room.code,
          JSON.stringify(room),
          this.durability === 'strict',
        )
      } catch (e) {
        error = e
      }
      this.written = generation
      const ready = this.waiters.filter((w) => w.generation <= generation)
      this.waiters = this.waiters.filter((w) => w.generation > generation)
      for (const w of ready) w.done(error)
      if (!error && this.durability === 'soon') this.flush(path)
    }
    this.running = false
  }

  private flush(path: string): void {
    flushSoon(path)
  }
}

/** Room files written but not yet flushed to the disk, and whether the flusher is at work. */
const unflushed = new Set<string>()
let flusherRunning = false

/**
 * Flushes written room files to the disk one at a time, in the background: a file written again meanwhile
 * is flushed once for all its writes, and at most one fsync is in progress, so that the threads Node does
 * file work on stay free for the writes that answers wait for.
 */
function flushSoon(path: string): void {
  unflushed.add(path)
  if (flusherRunning) return
  flusherRunning = true
  void (async () => {
    for (let next = first(unflushed); next !== undefined; next = first(unflushed)) {
      unflushed.delete(next)
      try {
        const file = await open(next, 'r')
        try {
          await file.sync()
        } finally {
          await file.close()
        }
      } catch (e) {
        console.error(`Room file ${next} not flushed to the disk:`, e)
      }
    }
    flusherRunning = false
  })()
}

function first(set: Set<string>): string | undefined {
  for (const x of set) return x
  return undefined
}

/** Folders already made in this process (one less file operation per write). */
const madeFolders = new Set<string>()

/** Writes a room file through a temporary file and a rename; returns its path. */
async function writeRoomFileAsync(
  dataDir: string,
  code: string,
  json: string,
  fsync: boolean,
): Promise<string> {
  const folder = roomsFolder(dataDir)
  if (!madeFolders.has(folder)) {
    await mkdir(folder, { recursive: true })
    madeFolders.add(folder)
  }
  const path = join(folder, `${code}.json`)
  const temp = `${path}.${process.pid}.tmp`
  const file = await open(temp, 'w', 0o600)
  try {
    await file.writeFile(json)
    if (fsync) await file.sync()
  } finally {
    await file.close()
  }
  await rename(temp, path)
  return path
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
