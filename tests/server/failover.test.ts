import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ClassroomClient } from '../../src/net/client.ts'
import { until } from './helpers.ts'
import { type Acknowledged, missing, openRoom, play, refusals, SIDES, type TestRoom } from './players.ts'
import { freePort, haveRedis, kill, serverProcess, startRedis, twoProcessSession } from './processes.ts'

/**
 * Rooms survive a lost process: two server processes share a session through Redis; one is killed with
 * SIGKILL in the middle of the games; the other takes its rooms over, the devices take their seats back by
 * themselves (those that used the dead process fail over to the live one), and every game goes on to its
 * debrief with every command the server acknowledged kept. Skipped, saying so, without `redis-server`.
 */
if (!haveRedis)
  console.warn('Skipping the failover test: redis-server is not installed (apt-get install -y redis-server).')

const { dirs, processes, connections, connectRedis } = twoProcessSession('failover')

describe.skipIf(!haveRedis)('a server process killed in the middle of the games', () => {
  it('has its rooms taken over by the other; devices reconnect and every game reaches its debrief, nothing acknowledged lost', async () => {
    const store = await startRedis()
    processes.push(store.child)
    const redis = connectRedis(store.url)
    const adminKey = 'failover-test-admin-key-0123456789'
    const urls: string[] = []
    const children: ChildProcess[] = []
    for (const dir of dirs) {
      const port = await freePort()
      const env = {
        PORT: String(port),
        CLASSROOM_DATA: dir.path,
        CLASSROOM_ADMIN_KEY: adminKey,
        REDIS_URL: store.url,
      }
      const { child } = await serverProcess(env)
      children.push(child)
      processes.push(child)
      urls.push(`http://127.0.0.1:${port}`)
    }
    const [urlA, urlB] = urls as [string, string]
    const processB = (
      (await (
        await fetch(`${urlB}/api/stats`, { headers: { Authorization: `Bearer ${adminKey}` } })
      ).json()) as {
        process: string
      }
    ).process

    // Four rooms, which Colyseus spreads over the two processes; every device uses the process that holds
    // its room, so the devices of B's rooms must fail over to A by themselves.
    const rooms: Array<TestRoom & { onB: boolean }> = []
    const admin = new ClassroomClient(urlA)
    const holder = async (code: string) => (await redis.hget('redlines:owners', code)) === processB
    for (let n = 0; n < 4; n++) {
      const room = await openRoom(
        admin,
        adminKey,
        async (code) => new ClassroomClient((await holder(code)) ? urlB : urlA),
        500 + n,
      )
      rooms.push({ ...room, onB: await holder(room.code) })
      connections.push(room.teacher, ...room.students)
    }
    expect(rooms.some((r) => r.onB)).toBe(true)

    const acknowledged: Acknowledged[] = []
    const deadline = Date.now() + 150_000
    const games = rooms.flatMap((r) =>
      r.students.map((s, i) => play(s, SIDES[i] ?? '', acknowledged, deadline)),
    )

    // Mid-game: once every room has a few students' commands in, B dies without a word.
    await until(
      () => rooms.every((r) => r.teacher.log.filter((e) => e.by.kind === 'student').length >= 3),
      60_000,
      'commands in every room',
    )
    const [, childB] = children as [ChildProcess, ChildProcess]
    // The games of B's rooms are under way, not over.
    expect(rooms.filter((r) => r.onB).every((r) => r.teacher.view?.game?.phase !== 'ended')).toBe(true)
    await kill(childB, 'SIGKILL')
    const before = acknowledged.length

    await Promise.all(games)
    for (const r of rooms) {
      const g = r.teacher.view?.game
      const where = `room ${r.code}${r.onB ? ' (was on B)' : ''}: devices ${[r.teacher, ...r.students].map((c) => c.status).join(' ')}, last refusals ${r.students.map((c) => refusals.get(c) ?? '-').join(' ')}, round ${g?.round} ${g?.phase}, stances ${JSON.stringify(g?.stances)}, votes ${JSON.stringify(g?.votes)}, last ${r.teacher.log
        .slice(-4)
        .map((e) => `${e.command.side}:${e.command.type}`)
        .join(' ')}`
      expect(g?.phase, where).toBe('ended')
      expect(r.teacher.view?.debrief).not.toBeNull()
      // A holds every room now, and its devices are connected to it.
      expect(await redis.hget('redlines:owners', r.code)).not.toBe(processB)
      expect([r.teacher, ...r.students].every((c) => c.status === 'connected')).toBe(true)
      // Every command the server acknowledged is in the room's log, in order, under its student's name.
      for (const s of r.students) {
        const name = s.view?.you.role === 'student' ? s.view.you.name : ''
        expect(missing(acknowledged, r.teacher.log, name)).toEqual([])
      }
      // The log the instructor's device holds is the room's as the live process keeps it.
      const exported = await new ClassroomClient(urlA).exportRoom(r.code, adminKey, 'json')
      expect(exported.ok && JSON.parse(exported.value).log.length).toBe(r.teacher.log.length)
    }
    // The games went on after the kill.
    expect(acknowledged.length).toBeGreaterThan(before)
  }, 200_000)
})
