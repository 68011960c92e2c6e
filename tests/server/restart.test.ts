import { afterAll, describe, expect, it } from 'vitest'
import { ClassroomClient, type ClassroomConnection } from '../../src/net/client.ts'
import { SCENARIO, tempDir, until } from './helpers.ts'
import { freePort, kill, serverProcess } from './processes.ts'

const data = tempDir('classroom-restart-')
const adminKey = 'restart-test-admin-key-0123456789'
const children: Array<Awaited<ReturnType<typeof serverProcess>>> = []
const connections: ClassroomConnection[] = []
afterAll(async () => {
  for (const c of connections) await c.leave()
  for (const c of children) await kill(c.child)
  data.remove()
})

describe('a server killed in the middle of a game', () => {
  it('brings every room back on restart, and its devices take their seats back and play on', async () => {
    const port = await freePort()
    const env = { PORT: String(port), CLASSROOM_DATA: data.path, CLASSROOM_ADMIN_KEY: adminKey }
    children.push(await serverProcess(env))
    const client = new ClassroomClient(`http://127.0.0.1:${port}`)
    const created = await client.createRoom(adminKey, {
      scenario: { id: SCENARIO },
      settings: { timerSeconds: 600 },
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const { code, instructorKey } = created.value
    const teacher = await client.join(code, { role: 'instructor', key: instructorKey })
    const ann = await client.join(code, { role: 'student', name: 'Ann' })
    const bob = await client.join(code, { role: 'student', name: 'Bob' })
    connections.push(teacher, ann, bob)
    for (const [who, side] of [
      [ann, 'ukraine'],
      [bob, 'europe'],
    ] as const) {
      const seat = who.view?.you.role === 'student' ? who.view.you.seat : ''
      expect((await teacher.request('assign', { seat, side })).ok).toBe(true)
    }
    expect((await teacher.request('start', {})).ok).toBe(true)
    expect((await ann.command({ type: 'object', payload: { reason: 'Not enough yet.' } })).ok).toBe(true)
    await until(
      () => bob.log.length === teacher.log.length && teacher.log.some((e) => e.by.kind === 'student'),
    )
    const before = {
      log: teacher.log.length,
      game: teacher.view?.game,
      deadline: teacher.view?.timer.deadline,
    }

    const first = children[0]
    if (!first) throw new Error('no server')
    await kill(first.child, 'SIGKILL')
    await until(() => [teacher, ann, bob].every((c) => c.status === 'reconnecting'), 5000, 'the drop')

    const second = await serverProcess(env)
    children.push(second)
    expect(second.output()).toContain('1 restored')
    await until(() => [teacher, ann, bob].every((c) => c.status === 'connected'), 15_000, 'the rejoin')
    await until(() => teacher.view?.seats.every((s) => s.online) === true, 5000, 'both students online')
    expect(teacher.log.length).toBe(before.log)
    expect(teacher.view?.game).toEqual(before.game)
    expect(teacher.view?.timer.deadline).toBe(before.deadline)
    expect(ann.view?.you).toMatchObject({ name: 'Ann', side: 'ukraine' })

    // The game goes on where it was.
    expect((await bob.command({ type: 'endorse', payload: {} })).ok).toBe(true)
    await until(() => ann.log.length > before.log, 5000, 'the next command')
    expect(ann.log.at(-1)?.by).toMatchObject({ kind: 'student', name: 'Bob' })
  })
})
