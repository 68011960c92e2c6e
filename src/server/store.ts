import type { RoomFile } from './room-file.ts'

/**
 * Where rooms are kept, and how a room saves what changed. A room is stored in four parts by how each one
 * changes: the scenario (written once), the small rest of the room (settings, seats, status, timer:
 * rewritten when it changes), and the command log and the journal (appended to). So saving a command
 * costs the same at the 5th and at the 5,000th command of a room: only its new log entry is written.
 * Two stores: files in the data folder (one process, `file-store.ts`) and Redis (several processes that
 * take over each other's rooms, `redis-store.ts`).
 */

/** What one save sends to the store: only what changed since the last save. */
export interface RoomChanges {
  code: string
  /** The scenario, on the first save only (it never changes). */
  scenario: RoomFile['scenario'] | null
  /** The rest of the room (no scenario, log or journal) as JSON, when it changed. */
  meta: string | null
  /** New entries of the command log, each as one line of JSON, in order. */
  log: string[]
  /** New entries of the journal, likewise. */
  journal: string[]
}

/** A room was taken over by another process (this one was presumed dead): it must close here. */
export class LostRoom extends Error {
  constructor(code: string) {
    super(`Room ${code} is held by another process now.`)
    this.name = 'LostRoom'
  }
}

/** Rooms a store brought back, and those it could not. */
export interface Restored {
  rooms: number
  failed: Array<{ file: string; message: string }>
}

/** A room store: files (one process) or Redis (several). */
export interface RoomStore {
  readonly kind: 'files' | 'redis'
  /** Claims a new room's code for this process; false when a stored room has it already. */
  claim(code: string): Promise<boolean>
  /** Stores one save's changes, all or nothing; rejects with LostRoom when another process holds the room. */
  write(changes: RoomChanges): Promise<void>
  /**
   * Opens every room this process should serve through `open` (files: all of them; Redis: those whose
   * process is gone, now and from then on), and resolves with what was opened at start.
   */
  start(open: (room: RoomFile) => Promise<void>): Promise<Restored>
  /** The room closed in this process (the process stops, or it lost the room). */
  closed(code: string): void
  /** Whether a room with this code is kept but not open anywhere right now (being taken over). */
  moving(code: string): Promise<boolean>
  /** The addresses of the session's processes that devices can fail over to (none for one process). */
  servers(): string[]
  /** Stops: with Redis, this process's rooms are taken over by the others at once. */
  close(): Promise<void>
}

/** The parts of a room that `meta` holds. */
export type RoomMeta = Omit<RoomFile, 'scenario' | 'log' | 'journal'>

/** The room without its scenario, log and journal, as stored in `meta`. */
export function metaOf(room: RoomFile): RoomMeta {
  const { scenario: _s, log: _l, journal: _j, ...meta } = room
  return meta
}

/** A room put back together from its stored parts. */
export function assemble(
  meta: RoomMeta,
  scenario: RoomFile['scenario'],
  log: RoomFile['log'],
  journal: RoomFile['journal'],
): RoomFile {
  return { ...meta, scenario, log, journal }
}

/**
 * Saves one room through its store after every change, without holding up the other rooms: saves of one
 * room never overlap (one in progress is followed by one of everything changed meanwhile), and `save()`
 * resolves once a save that includes every change made before the call is stored. The room answers a
 * device, and shows the change to the others, only then.
 */
export class RoomSaver {
  /** What the store holds already: the next save sends only the rest. */
  private stored: { scenario: boolean; meta: string; log: number; journal: number }
  private wanted = 0
  private done = 0
  private running = false
  private waiters: Array<{ generation: number; settle: (error?: unknown) => void }> = []

  /** `stored`: the room came from the store as it is now (a restored room), so nothing needs writing yet. */
  constructor(
    private readonly store: RoomStore,
    private readonly snapshot: () => RoomFile,
    stored: boolean,
  ) {
    const room = snapshot()
    this.stored = stored
      ? {
          scenario: true,
          meta: JSON.stringify(metaOf(room)),
          log: room.log.length,
          journal: room.journal.length,
        }
      : { scenario: false, meta: '', log: 0, journal: 0 }
  }

  save(): Promise<void> {
    const generation = ++this.wanted
    const settled = new Promise<void>((resolve, reject) => {
      this.waiters.push({ generation, settle: (error) => (error ? reject(error) : resolve()) })
    })
    void this.run()
    return settled
  }

  private async run(): Promise<void> {
    if (this.running) return
    this.running = true
    while (this.done < this.wanted) {
      const generation = this.wanted
      let error: unknown
      try {
        const room = this.snapshot()
        const meta = JSON.stringify(metaOf(room))
        const changes: RoomChanges = {
          code: room.code,
          scenario: this.stored.scenario ? null : room.scenario,
          meta: meta === this.stored.meta ? null : meta,
          log: room.log.slice(this.stored.log).map((e) => JSON.stringify(e)),
          journal: room.journal.slice(this.stored.journal).map((e) => JSON.stringify(e)),
        }
        await this.store.write(changes)
        // Only what was sent counts as stored: a failed save is sent again, whole, by the next one.
        this.stored = {
          scenario: true,
          meta,
          log: this.stored.log + changes.log.length,
          journal: this.stored.journal + changes.journal.length,
        }
      } catch (e) {
        error = e
      }
      this.done = generation
      const ready = this.waiters.filter((w) => w.generation <= generation)
      this.waiters = this.waiters.filter((w) => w.generation > generation)
      for (const w of ready) w.settle(error)
    }
    this.running = false
  }
}
