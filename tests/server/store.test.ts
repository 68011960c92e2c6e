import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Classroom } from '../../src/server/classroom.ts'
import { FileStore } from '../../src/server/file-store.ts'
import type { RoomFile } from '../../src/server/room-file.ts'
import { shippedScenarios } from '../../src/server/scenarios.ts'
import { hashSecret } from '../../src/server/secrets.ts'
import { type RoomChanges, RoomSaver, type RoomStore } from '../../src/server/store.ts'
import { SCENARIO, tempDir } from './helpers.ts'

/**
 * Saving a room sends only what changed: a command's save writes its one log line whether it is the 5th
 * or the 5,000th of the room (no timing: the bytes and parts each save sends are counted). The files read
 * back whole, a torn last line is left out, and version 1 room files move to the new layout.
 */
const dir = tempDir('store-')
afterAll(() => dir.remove())

function newRoom(code = 'ABC234'): RoomFile {
  const source = shippedScenarios().get(SCENARIO)
  if (!source) throw new Error('no shipped scenario')
  const room = Classroom.create({
    code,
    source,
    instructorKeyHash: hashSecret('instructor-key-0123456789'),
    settings: { picking: false, timerSeconds: null, difficulty: 'normal', seed: 1 },
    now: new Date('2026-01-05T09:00:00Z'),
  })
  return room.toFile()
}

const entry = (n: number): RoomFile['log'][number] => ({
  command: { type: 'object', side: 'ukraine', payload: { reason: `Reason ${n}` } },
  by: { kind: 'student', seat: 'seat-1', name: 'Ann' },
  at: '2026-01-05T09:00:01.000Z',
})

/** A store that only records what it is sent. */
function recording(): RoomStore & { sent: RoomChanges[] } {
  const sent: RoomChanges[] = []
  return {
    kind: 'files',
    sent,
    claim: async () => true,
    write: async (c) => void sent.push(c),
    start: async () => ({ rooms: 0, failed: [] }),
    closed: () => {},
    moving: async () => false,
    servers: () => [],
    close: async () => {},
  }
}

describe('saving a room', () => {
  it('sends the same small change for the 5th and the 5,000th command', async () => {
    const room = newRoom()
    const store = recording()
    const saver = new RoomSaver(store, () => room, false)
    await saver.save()
    expect(store.sent[0]?.scenario?.text.length).toBeGreaterThan(10_000)
    const sizes: number[] = []
    for (let n = 1; n <= 5000; n++) {
      room.log.push(entry(n % 10))
      await saver.save()
      const last = store.sent.at(-1) as RoomChanges
      expect(last.scenario).toBeNull()
      expect(last.meta).toBeNull()
      expect(last.log).toHaveLength(1)
      if (n === 5 || n === 5000) sizes.push(JSON.stringify(last).length)
    }
    expect(sizes[0]).toBe(sizes[1])
    // A change to the seats rewrites the small rest of the room, never the scenario or the log.
    room.seats.push({ id: 's', tokenHash: 'a'.repeat(64), name: 'Bo', side: null, joinedAt: room.createdAt })
    await saver.save()
    expect(store.sent.at(-1)).toMatchObject({ scenario: null, log: [], journal: [] })
    expect(store.sent.at(-1)?.meta).toContain('"Bo"')
  })

  it('appends to the room’s log file: each save adds one line, and the room reads back whole', async () => {
    const data = join(dir.path, 'append')
    const store = new FileStore(data)
    const room = newRoom('DEF567')
    const saver = new RoomSaver(store, () => room, false)
    await saver.save()
    const folder = join(data, 'rooms', 'DEF567')
    const meta = statSync(join(folder, 'room.json')).size
    const growth: number[] = []
    for (let n = 1; n <= 5000; n++) {
      room.log.push(entry(n % 10))
      const before = n === 1 ? 0 : statSync(join(folder, 'log.jsonl')).size
      await saver.save()
      if (n === 5 || n === 5000) growth.push(statSync(join(folder, 'log.jsonl')).size - before)
    }
    expect(growth[0]).toBe(growth[1])
    expect(growth[0]).toBe(JSON.stringify(entry(5)).length + 1)
    expect(statSync(join(folder, 'room.json')).size).toBe(meta)

    // A power cut can tear the last line: it is left out.
    appendFileSync(join(folder, 'log.jsonl'), '{"command":{"type":"obj')
    const read: RoomFile[] = []
    const restored = await new FileStore(data).start(async (r) => void read.push(r))
    expect(restored).toEqual({ rooms: 1, failed: [] })
    expect(read[0]?.log).toEqual(room.log)
    expect(read[0]?.scenario).toEqual(room.scenario)
  })

  it('moves a version 1 room file (the whole room in one JSON) to the new layout', async () => {
    const data = join(dir.path, 'legacy')
    const room = newRoom('GHJ789')
    room.log.push(entry(1), entry(2))
    mkdirSync(join(data, 'rooms'), { recursive: true })
    writeFileSync(join(data, 'rooms', 'GHJ789.json'), JSON.stringify(room))
    const read: RoomFile[] = []
    expect(await new FileStore(data).start(async (r) => void read.push(r))).toEqual({ rooms: 1, failed: [] })
    expect(read[0]).toEqual(room)
    expect(readFileSync(join(data, 'rooms', 'GHJ789', 'log.jsonl'), 'utf8').split('\n')).toHaveLength(3)
    const again: RoomFile[] = []
    await new FileStore(data).start(async (r) => void again.push(r))
    expect(again.map((r) => r.code)).toEqual(['GHJ789'])
  })
})
