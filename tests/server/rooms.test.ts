import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClassroomConnection } from '../../src/net/client.ts'
import { SCENARIO, testServer, until } from './helpers.ts'

let t: Awaited<ReturnType<typeof testServer>>
beforeAll(async () => {
  t = await testServer()
})
afterAll(async () => {
  await t?.stop()
})

async function classroom() {
  const created = await t.client.createRoom(t.server.adminKey, { scenario: { id: SCENARIO } })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const { code, instructorKey } = created.value
  const teacher = await t.client.join(code, { role: 'instructor', key: instructorKey })
  const ann = await t.client.join(code, { role: 'student', name: '  Ann   Smith ' })
  const bob = await t.client.join(code, { role: 'student', name: 'Bob' })
  return { code, instructorKey, teacher, ann, bob }
}

function seatOf(c: ClassroomConnection): string {
  return c.view?.you.role === 'student' ? c.view.you.seat : ''
}

describe('a classroom room', () => {
  it('seats students, lets the instructor assign sides and start, and plays commands for the seat’s side', async () => {
    const { teacher, ann, bob } = await classroom()
    expect(ann.view?.you).toMatchObject({ role: 'student', name: 'Ann Smith', side: null })
    expect((await teacher.request('assign', { seat: seatOf(ann), side: 'ukraine' })).ok).toBe(true)
    expect((await teacher.request('assign', { seat: seatOf(bob), side: 'europe' })).ok).toBe(true)
    expect((await teacher.request('start', {})).ok).toBe(true)
    await until(() => ann.view?.status === 'running' && ann.view.game !== null)
    expect(ann.view?.humanSides).toEqual(['ukraine', 'europe'])
    const reply = await ann.command({ type: 'endorse', payload: {} })
    expect(reply).toEqual({ ok: true, warnings: expect.any(Array) })
    await until(() => bob.log.some((e) => e.by.kind === 'student' && e.by.name === 'Ann Smith'))
    const entry = bob.log.find((e) => e.by.kind === 'student')
    expect(entry?.command).toMatchObject({ type: 'endorse', side: 'ukraine' })
    const wrong = await ann.command({ type: 'endorse', side: 'europe', payload: {} })
    expect(!wrong.ok && wrong.error.code).toBe('NOT_YOUR_SIDE')
    for (const c of [teacher, ann, bob]) await c.leave()
  })
})
