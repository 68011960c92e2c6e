import { describe, expect, it } from 'vitest'
import { ClassroomClient } from '../../src/net/client.ts'
import { SCENARIO, until } from './helpers.ts'
import { freePort, haveRedis, serverProcess, startRedis, twoProcessSession } from './processes.ts'

/**
 * Two server processes serving one session through Redis (rooms in Redis, Colyseus' RedisPresence and
 * RedisDriver): a room held by process B is joined by a device that asked process A. Needs Debian's
 * `redis-server` (`apt-get install -y redis-server`); skipped, saying so, when it is not installed.
 */
if (!haveRedis)
  console.warn('Skipping the Redis test: redis-server is not installed (apt-get install -y redis-server).')

const { dirs, processes, connections, connectRedis } = twoProcessSession('classroom')

/** The process (as /api/stats names it) of each server. */
async function processOf(base: string, adminKey: string): Promise<string> {
  const res = await fetch(`${base}/api/stats`, { headers: { Authorization: `Bearer ${adminKey}` } })
  return ((await res.json()) as { process: string }).process
}

describe.skipIf(!haveRedis)('two server processes sharing a session through Redis', () => {
  it('let a device that asked process A join and play in a room held by process B', async () => {
    const server = await startRedis()
    processes.push(server.child)
    const redis = connectRedis(server.url)
    const adminKey = 'redis-test-admin-key-0123456789'
    const [portA, portB] = [await freePort(), await freePort()]
    const env = (port: number, dir: string) => ({
      PORT: String(port),
      CLASSROOM_DATA: dir,
      CLASSROOM_ADMIN_KEY: adminKey,
      REDIS_URL: server.url,
    })
    const [dirA, dirB] = dirs.map((d) => d.path) as [string, string]
    processes.push((await serverProcess(env(portA, dirA))).child)
    processes.push((await serverProcess(env(portB, dirB))).child)
    const [urlA, urlB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`]
    const viaA = new ClassroomClient(urlA)
    const viaB = new ClassroomClient(urlB)
    const processB = await processOf(urlB, adminKey)

    // Colyseus places a new room on the process with the fewest: ask until one is held by B.
    let code = ''
    let key = ''
    for (let i = 0; i < 6 && !code; i++) {
      const created = await viaB.createRoom(adminKey, { scenario: { id: SCENARIO } })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      if ((await redis.hget('redlines:owners', created.value.code)) === processB) {
        code = created.value.code
        key = created.value.instructorKey
      }
    }
    expect(code).not.toBe('')

    const student = await viaA.join(code, { role: 'student', name: 'Ann' })
    connections.push(student)
    const teacher = await viaA.join(code, { role: 'instructor', key })
    connections.push(teacher)
    // Each device is told the session's processes, to fail over to.
    expect(new Set(teacher.welcome?.servers)).toEqual(new Set([urlA, urlB]))
    const seat = student.view?.you.role === 'student' ? student.view.you.seat : ''
    expect((await teacher.request('assign', { seat, side: 'ukraine' })).ok).toBe(true)
    expect((await teacher.request('start', {})).ok).toBe(true)
    expect((await student.command({ type: 'endorse', payload: {} })).ok).toBe(true)
    await until(() => teacher.log.some((e) => e.by.kind === 'student'))

    // The room is kept in Redis, its log appended to, one entry per command.
    expect(await redis.llen(`redlines:room:${code}:log`)).toBe(teacher.log.length)
    // Both processes list every room of the session, and export a room wherever it lives.
    const listA = await viaA.listRooms(adminKey)
    expect(listA.ok && listA.value.some((r) => r.code === code && r.status === 'running')).toBe(true)
    const exported = await viaA.exportRoom(code, key, 'json')
    expect(exported.ok && JSON.parse(exported.value).log.length).toBe(teacher.log.length)
  })
})
