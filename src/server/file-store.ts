import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { appendFile, mkdir, open, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { type RoomFile, RoomFileSchema, roomsFolder } from './room-file.ts'
import { assemble, metaOf, type Restored, type RoomChanges, type RoomMeta, type RoomStore } from './store.ts'

/**
 * Rooms kept as files, for a single server process: one folder per room, `<data>/rooms/<CODE>/`, with
 *
 * - `scenario.json`: the scenario's text, written once;
 * - `room.json`: settings, seats, status, timer (a few KB), rewritten through a temporary file and a
 *   rename when they change (a crash leaves the old one or the new one, never half of one);
 * - `log.jsonl` and `journal.jsonl`: one line per command or journal entry, appended.
 *
 * A save appends its new lines before it replaces `room.json`, so the log is never behind the rest. A
 * crash of the process loses nothing written (the data is in the system's cache). A power cut can tear the
 * last line of a log before it reached the disk: that line is left out when the room is read back (under
 * strict durability its command had not been answered yet; see Durability).
 */

/**
 * When saved data reaches the disk itself (fsync): `strict`, before the room answers the command that
 * changed it (a power cut loses nothing the class saw, but every command waits for the disk); `soon`, right
 * after the answer, coalesced (the default: a crash of the server still loses nothing, since the data was
 * written before the answer; a power cut may lose the last moments).
 */
export type Durability = 'strict' | 'soon'

const META = 'room.json'
const SCENARIO = 'scenario.json'
const LOG = 'log.jsonl'
const JOURNAL = 'journal.jsonl'

/** Rooms in files under `dataDir`. */
export class FileStore implements RoomStore {
  readonly kind = 'files'
  private readonly folders = new Set<string>()

  constructor(
    private readonly dataDir: string,
    private readonly durability: Durability = 'soon',
  ) {}

  async claim(code: string): Promise<boolean> {
    return !existsSync(this.folder(code))
  }

  async write(changes: RoomChanges): Promise<void> {
    const folder = this.folder(changes.code)
    const strict = this.durability === 'strict'
    const written: string[] = []
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true })
      this.folders.add(folder)
    }
    if (changes.scenario)
      written.push(await replace(join(folder, SCENARIO), JSON.stringify(changes.scenario), strict))
    if (changes.log.length) written.push(await append(join(folder, LOG), changes.log, strict))
    if (changes.journal.length) written.push(await append(join(folder, JOURNAL), changes.journal, strict))
    if (changes.meta !== null) written.push(await replace(join(folder, META), changes.meta, strict))
    if (!strict) for (const path of written) flushSoon(path)
  }

  async start(openRoom: (room: RoomFile) => Promise<void>): Promise<Restored> {
    const restored: Restored = { rooms: 0, failed: [] }
    for (const read of await this.readAll()) {
      if (!read.ok) {
        restored.failed.push({ file: read.file, message: read.message })
        continue
      }
      try {
        await openRoom(read.room)
        restored.rooms++
      } catch (e) {
        restored.failed.push({ file: read.room.code, message: e instanceof Error ? e.message : String(e) })
      }
    }
    return restored
  }

  closed(): void {}

  async moving(): Promise<boolean> {
    return false
  }

  servers(): string[] {
    return []
  }

  async close(): Promise<void> {}

  private folder(code: string): string {
    return join(roomsFolder(this.dataDir), code)
  }

  /** Every room of the data folder, moving version 1 files (one whole JSON per room) to folders first. */
  private async readAll(): Promise<ReadRoom[]> {
    const top = roomsFolder(this.dataDir)
    let names: string[]
    try {
      names = readdirSync(top).sort()
    } catch {
      return []
    }
    const out: ReadRoom[] = []
    for (const name of names) {
      const path = join(top, name)
      if (name.endsWith('.json')) {
        const read = parse(path, () => JSON.parse(readFileSync(path, 'utf8')))
        out.push(read.ok ? await this.migrate(path, read.room) : read)
      } else if (existsSync(join(path, META))) out.push(readFolder(path))
    }
    return out
  }

  /** A version 1 room file, written out in parts and then removed. */
  private async migrate(path: string, room: RoomFile): Promise<ReadRoom> {
    await this.write({
      code: room.code,
      scenario: room.scenario,
      log: room.log.map((e) => JSON.stringify(e)),
      journal: room.journal.map((e) => JSON.stringify(e)),
      meta: JSON.stringify(metaOf(room)),
    })
    rmSync(path, { force: true })
    return { ok: true, room }
  }
}

/** A room read back, or why it could not be. */
type ReadRoom = { ok: true; room: RoomFile } | { ok: false; file: string; message: string }

function parse(file: string, read: () => unknown): ReadRoom {
  try {
    const parsed = RoomFileSchema.safeParse(read())
    if (parsed.success) return { ok: true, room: parsed.data }
    const issue = parsed.error.issues[0]
    return { ok: false, file, message: `at ${issue?.path.join('.') || 'the top'}: ${issue?.message}` }
  } catch (e) {
    return { ok: false, file, message: e instanceof Error ? e.message : String(e) }
  }
}

function readFolder(folder: string): ReadRoom {
  return parse(folder, () => {
    const meta = JSON.parse(readFileSync(join(folder, META), 'utf8')) as RoomMeta
    const scenario = JSON.parse(readFileSync(join(folder, SCENARIO), 'utf8')) as RoomFile['scenario']
    return assemble(
      meta,
      scenario,
      lines(join(folder, LOG)) as RoomFile['log'],
      lines(join(folder, JOURNAL)) as RoomFile['journal'],
    )
  })
}

/**
 * The entries of an appended file. A last line without its newline was torn by a power cut before it
 * reached the disk (its command was never acknowledged under strict durability): it is left out.
 */
function lines(path: string): unknown[] {
  if (!existsSync(path)) return []
  const text = readFileSync(path, 'utf8')
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1)
  return complete
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
}

async function append(path: string, entries: string[], fsync: boolean): Promise<string> {
  const data = `${entries.join('\n')}\n`
  if (!fsync) {
    await appendFile(path, data, { mode: 0o600 })
    return path
  }
  const file = await open(path, 'a', 0o600)
  try {
    await file.writeFile(data)
    await file.sync()
  } finally {
    await file.close()
  }
  return path
}

/** Replaces a file through a temporary file and a rename; returns its path. */
async function replace(path: string, text: string, fsync: boolean): Promise<string> {
  const temp = `${path}.${process.pid}.tmp`
  const file = await open(temp, 'w', 0o600)
  try {
    await file.writeFile(text)
    if (fsync) await file.sync()
  } finally {
    await file.close()
  }
  await rename(temp, path)
  return path
}

/** Files written but not yet flushed to the disk, and whether the flusher is at work. */
const unflushed = new Set<string>()
let flusherRunning = false

/**
 * Flushes written files to the disk one at a time, in the background: a file written again meanwhile is
 * flushed once for all its writes, and at most one fsync is in progress, so that the threads Node does file
 * work on stay free for the writes that answers wait for.
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
        // A file removed meanwhile (its data folder deleted) has nothing left to flush.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
          console.error(`${next} not flushed to the disk:`, e)
      }
    }
    flusherRunning = false
  })()
}

function first(set: Set<string>): string | undefined {
  for (const x of set) return x
  return undefined
}
