import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { ClassroomClient, type ClassroomConnection } from '../../src/net/client.ts'
import type { RoomView } from '../../src/net/view.ts'
import { Classroom } from '../../src/server/classroom.ts'
import type { GuardLimits } from '../../src/server/guard.ts'
import { shippedScenarios } from '../../src/server/scenarios.ts'
import { hashSecret } from '../../src/server/secrets.ts'
import { type ClassroomServer, startClassroomServer } from '../../src/server/server.ts'

/** The shipped scenario the tests play. */
export const SCENARIO = 'guarantees-2025'

/**
 * A room of the shipped scenario in its lobby, created at `now` with a fixed seed, without a network: `seat`
 * seats a student (on a side, or none) and returns the seat's id, failing the test when it is refused.
 */
export function lobbyRoom(options: { now: Date; code?: string; timerSeconds?: number | null }) {
  const { now } = options
  const source = shippedScenarios().get(SCENARIO)
  if (!source) throw new Error('no shipped scenario')
  const room = Classroom.create({
    code: options.code ?? 'ABC234',
    source,
    instructorKeyHash: hashSecret('instructor-key-0123456789'),
    settings: { picking: false, timerSeconds: options.timerSeconds ?? null, difficulty: 'normal', seed: 42 },
    now,
  })
  const seat = (name: string, side: string | null) => {
    const added = room.addStudent(name, hashSecret(`token-of-${name}-0123456789`), now)
    if (!added.ok) throw new Error(added.error.code)
    if (side) expect(room.assign(added.seat.id, side, now).ok).toBe(true)
    return added.seat.id
  }
  return { room, seat }
}

/** A fresh data folder under the system's temporary folder. */
export function tempDir(prefix = 'classroom-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/**
 * A classroom server in this process, on a free loopback port, with its own data folder. Every test device
 * shares one address (127.0.0.1), and the protocol tests try wrong keys and codes on purpose: they get more
 * free failures than a class would (`guardLimits`); the attack tests pass `{}` for the defaults.
 */
export async function testServer(
  distDir: string | null = null,
  guardLimits: Partial<GuardLimits> = { freeFailures: 100 },
): Promise<{
  server: ClassroomServer
  client: ClassroomClient
  url: string
  dataDir: string
  stop: () => Promise<void>
}> {
  const dir = tempDir()
  const server = await startClassroomServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir.path,
    distDir,
    guardLimits,
  })
  const url = `http://127.0.0.1:${server.port}`
  return {
    server,
    client: new ClassroomClient(url),
    url,
    dataDir: dir.path,
    stop: async () => {
      await server.close()
      dir.remove()
    },
  }
}

/** Resolves with the first view (from now on) that passes `test`; rejects after `ms`. */
export function nextView(
  connection: ClassroomConnection,
  test: (view: RoomView) => boolean = () => true,
  ms = 5000,
): Promise<RoomView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`No matching view within ${ms} ms (last: ${JSON.stringify(connection.view?.status)})`))
    }, ms)
    const off = connection.on('view', (view) => {
      if (!test(view)) return
      clearTimeout(timer)
      off()
      resolve(view)
    })
  })
}

/** Waits until `test` holds, polling every 20 ms; rejects after `ms`. */
export async function until(test: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms
  while (!test()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
