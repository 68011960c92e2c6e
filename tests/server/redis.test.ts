import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ClassroomClient, type ClassroomConnection } from '../../src/net/client.ts'
import { SCENARIO, tempDir, until } from './helpers.ts'
import { freePort, kill, serverProcess } from './processes.ts'

/**
 * Two server processes serving one session through Redis (Colyseus' RedisPresence and RedisDriver): a room
 * created on process B is joined by a device that asked process A. Needs Debian's `redis-server`
 * (`apt-get install -y redis-server`); skipped, saying so, when it is not installed.
 */
const redisBinary = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
const haveRedis = redisBinary.status === 0
if (!haveRedis)
  console.warn('Skipping the Redis test: redis-server is not installed (apt-get install -y redis-server).')

const dirs = [tempDir('classroom-a-'), tempDir('classroom-b-')]
const processes: ChildProcess[] = []
const connections: ClassroomConnection[] = []
afterAll(async () => {
  for (const c of connections) await c.leave()
  for (const p of processes.reverse()) await kill(p, 'SIGTERM')
  for (const d of dirs) d.remove()
})

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  redis.stdout?.on('data', (d) => {
    out += d
  })
  await until(() => out.includes('Ready to accept connections'), 10_000, `redis-server to start:\n${out}`)
  return redis
}

describe.skipIf(!haveRedis)('two server processes sharing a session through Redis', () => {
  it('let a device that asked process A join and play in a room created on process B', async () => {
    const redisPort = await freePort()
    processes.push(await startRedis(redisPort))
    const adminKey = 'redis-test-admin-key-0123456789'
    const [portA, portB] = [await freePort(), await freePort()]
    const env = (port: number, dir: string) => ({
      PORT: String(port),
      CLASSROOM_DATA: dir,
      CLASSROOM_ADMIN_KEY: adminKey,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    })
    const [dirA, dirB] = dirs.map((d) => d.path) as [string, string]
    processes.push((await serverProcess(env(portA, dirA))).child)
    processes.push((await serverProcess(env(portB, dirB))).child)
    const viaA = new ClassroomClient(`http://127.0.0.1:${portA}`)
    const viaB = new ClassroomClient(`http://127.0.0.1:${portB}`)

    // Colyseus places a new room on the process with the fewest; a room lives where its file is written.
    // Ask B for rooms until one lives on B.
    let code = ''
    let key = ''
    for (let i = 0; i < 4 && !code; i++) {
      const created = await viaB.createRoom(adminKey, { scenario: { id: SCENARIO } })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      if (existsSync(join(dirB, 'rooms', `${created.value.code}.json`))) {
        code = created.value.code
        key = created.value.instructorKey
      }
    }
    expect(code).not.toBe('')
    expect(existsSync(join(dirA, 'rooms', `${code}.json`))).toBe(false)

    const student = await viaA.join(code, { role: 'student', name: 'Ann' })
    connections.push(student)
    const teacher = await viaA.join(code, { role: 'instructor', key })
    connections.push(teacher)
    const seat = student.view?.you.role === 'student' ? student.view.you.seat : ''
    expect((await teacher.request('assign', { seat, side: 'ukraine' })).ok).toBe(true)
    expect((await teacher.request('start', {})).ok).toBe(true)
    expect((await student.command({ type: 'endorse', payload: {} })).ok).toBe(true)
    await until(() => teacher.log.some((e) => e.by.kind === 'student'))

    // Both processes list every room of the session, and export a room wherever it lives.
    const listA = await viaA.listRooms(adminKey)
    expect(listA.ok && listA.value.some((r) => r.code === code && r.status === 'running')).toBe(true)
    const exported = await viaA.exportRoom(code, key, 'json')
    expect(exported.ok && JSON.parse(exported.value).log.length).toBe(teacher.log.length)
  })
})
