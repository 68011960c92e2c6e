import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClassroomConnection, JoinError } from '../../src/net/client.ts'
import { LIMITS } from '../../src/net/protocol.ts'
import { nextView, SCENARIO, testServer, until } from './helpers.ts'
import { raw, rawJoin } from './raw.ts'

/**
 * Issue 11's attacks (items 2, 3 and 4), each as a mischievous student on the same network would try it,
 * on loopback: the attacker's requests come from 127.0.0.2… (see raw.ts), the class's devices from
 * 127.0.0.1. Each test asserts the refusal and that the room lost nothing: its seats, its log, its devices.
 */
let t: Awaited<ReturnType<typeof testServer>>
const open: ClassroomConnection[] = []
beforeAll(async () => {
  t = await testServer(null, {})
})
afterAll(async () => {
  await Promise.all(open.map((c) => c.leave()))
  await t?.stop()
})

async function classroom() {
  const created = await t.client.createRoom(t.server.adminKey, { scenario: { id: SCENARIO } })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const { code, instructorKey } = created.value
  const teacher = await t.client.join(code, { role: 'instructor', key: instructorKey })
  const ann = await t.client.join(code, { role: 'student', name: 'Alice' })
  open.push(teacher, ann)
  const seat = ann.view?.you.role === 'student' ? ann.view.you.seat : ''
  await teacher.request('assign', { seat, side: 'ukraine' })
  await teacher.request('start', {})
  await ann.command({ type: 'endorse', payload: {} })
  await until(() => (teacher.view?.log.entries.length ?? 0) + teacher.log.length > 0, 3000, 'a logged move')
  // What the room must not lose: its seats (with their sides) and its log.
  const snapshot = () =>
    JSON.stringify({ seats: teacher.view?.seats.map((s) => [s.id, s.side]), log: teacher.log.length })
  return { code, instructorKey, teacher, ann, seat, snapshot, kept: snapshot() }
}

const joinCode = async (code: string, options: Parameters<typeof t.client.join>[1]) => {
  try {
    open.push(await t.client.join(code, options))
    return 'joined'
  } catch (e) {
    return e instanceof JoinError ? e.code : String(e)
  }
}

describe('rooms only by their code (item 2)', () => {
  it('hands out or confirms no room to a request without its code', async () => {
    const r = await classroom()
    for (const method of ['join', 'joinOrCreate', 'create', 'reconnect']) {
      const a = await raw(t.url, 'POST', `/matchmake/${method}/classroom`, {}, '127.0.0.2')
      expect(a.status, method).toBe(404)
      expect(a.text).not.toContain(r.code)
    }
    expect((await raw(t.url, 'GET', '/api/rooms', undefined, '127.0.0.2')).status).toBe(401)
    expect(r.snapshot()).toBe(r.kept)
  })

  it('answers an unknown code and a finished room alike, and checks the options before the room', async () => {
    const r = await classroom()
    await r.teacher.request('end', {})
    const unknown = await raw(
      t.url,
      'POST',
      '/matchmake/joinById/ZZZZZZ',
      { role: 'student', name: 'Eve' },
      '127.0.0.3',
    )
    const ended = await raw(
      t.url,
      'POST',
      `/matchmake/joinById/${r.code}`,
      { role: 'student', name: 'Eve' },
      '127.0.0.3',
    )
    expect([ended.status, ended.text]).toEqual([unknown.status, unknown.text])
    expect(unknown.text).toContain('ROOM_NOT_FOUND')
    const junkThere = await raw(t.url, 'POST', `/matchmake/joinById/${r.code}`, {}, '127.0.0.3')
    const junkNowhere = await raw(t.url, 'POST', '/matchmake/joinById/ZZZZZZ', {}, '127.0.0.3')
    expect([junkThere.status, junkThere.text]).toEqual([junkNowhere.status, junkNowhere.text])
    // Returning students still see their finished game.
    expect(await joinCode(r.code, r.ann.rejoin)).toBe('joined')
    expect(r.snapshot()).toBe(r.kept)
  })

  it('shuts a code guesser out for longer and longer, while the class joins as usual', async () => {
    const r = await classroom()
    const guess = () =>
      raw(t.url, 'POST', '/matchmake/joinById/ZZZZZZ', { role: 'student', name: 'Eve' }, '127.0.0.4')
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await guess()).status)
    expect(statuses.filter((s) => s === 404)).toHaveLength(6)
    const first = await guess()
    expect(first.status).toBe(429)
    expect(first.text).toContain('TOO_MANY_ATTEMPTS')
    expect(Number(first.headers['retry-after'])).toBe(1)
    // Even the right code waits; then the next failure shuts the address out twice as long.
    const right = await raw(
      t.url,
      'POST',
      `/matchmake/joinById/${r.code}`,
      { role: 'student', name: 'Eve' },
      '127.0.0.4',
    )
    expect(right.status).toBe(429)
    await new Promise((done) => setTimeout(done, 1100))
    expect((await guess()).status).toBe(404)
    expect(Number((await guess()).headers['retry-after'])).toBe(2)
    expect(await joinCode(r.code, { role: 'student', name: 'Bob' })).toBe('joined')
    // Instructor keys through the export: a wrong key and an unknown room answer alike, then the address waits.
    const tries = []
    for (const code of [r.code, 'ZZZZZZ', r.code, 'ZZZZZZ', r.code, 'ZZZZZZ', r.code]) {
      const auth = { Authorization: 'Bearer wrong-key-0123456789abcdef' }
      tries.push(await raw(t.url, 'GET', `/api/rooms/${code}/export`, undefined, '127.0.0.6', auth))
    }
    expect(new Set(tries.slice(0, 5).map((a) => `${a.status} ${a.text}`)).size).toBe(1)
    expect(tries.at(-1)?.status).toBe(429)
  })

  it('keeps a room open to everyone through a flood of seat reservations', async () => {
    const r = await classroom()
    const flood = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        raw(
          t.url,
          'POST',
          `/matchmake/joinById/${r.code}`,
          { role: 'student', name: `bot ${i}` },
          '127.0.0.7',
        ),
      ),
    )
    expect(flood.filter((a) => a.status === 200).length).toBeLessThanOrEqual(20)
    expect(await joinCode(r.code, { role: 'student', name: 'Carol' })).toBe('joined')
    expect(await joinCode(r.code, r.ann.rejoin)).toBe('joined')
    expect(await joinCode(r.code, { role: 'instructor', key: r.instructorKey })).toBe('joined')
    expect(r.snapshot()).not.toBe('')
  })

  it('lets no stream of junk seats fill a room; the instructor clears them in one action', async () => {
    const r = await classroom()
    let seated = 0
    for (let i = 0; i < LIMITS.seats + 10; i++) {
      const j = await rawJoin(t.url, r.code, { role: 'student', name: `junk ${i}` }, '127.0.0.8')
      if (j.ok) {
        seated++
        j.ws.close()
      }
    }
    expect(seated).toBeGreaterThan(LIMITS.seats)
    expect(await joinCode(r.code, { role: 'student', name: 'Latecomer' })).toBe('joined')
    const cleared = await r.teacher.request('clearSeats', {})
    expect(cleared).toMatchObject({ ok: true })
    expect(cleared).toMatchObject({ removed: LIMITS.seats - 2 })
    await until(() => (r.teacher.view?.seats.length ?? 0) <= 2, 3000, 'the cleared roster')
    const view = r.teacher.view as NonNullable<typeof r.teacher.view>
    expect(view.seats.map((s) => s.name).sort()).toEqual(['Alice', 'Latecomer'])
    // Kept open instead, junk devices of one address stop at the per-address cap.
    const held = []
    for (let i = 0; i < 35; i++)
      held.push(await rawJoin(t.url, r.code, { role: 'student', name: `held ${i}` }, '127.0.0.9'))
    const refusals = held.flatMap((j) => (j.ok ? [] : [j.error]))
    expect(refusals.length).toBeGreaterThan(0)
    for (const e of refusals) expect(e).toContain('ROOM_FULL')
    for (const j of held) if (j.ok) j.ws.close()
    expect(r.teacher.log.length).toBeGreaterThan(0)
  }, 30_000)
})

describe('seats that cannot be stolen quietly (item 3)', () => {
  it('refuses a seat token from a second device and tells the student and the instructor', async () => {
    const r = await classroom()
    const warned = new Promise((done) => r.ann.on('error', (e) => e.code === 'SEAT_CONTESTED' && done(e)))
    const thief = await rawJoin(t.url, r.code, r.ann.rejoin, '127.0.0.10')
    expect(thief.ok ? 'joined' : thief.error).toMatch(/SEAT_IN_USE/)
    await warned
    const view = await nextView(r.teacher, (v) => v.seats.some((s) => s.contested === 1))
    expect(view.journal?.at(-1)?.text).toContain('Alice')
    expect(r.ann.status).toBe('connected')
    expect(r.snapshot()).toBe(r.kept)
  })

  it('refuses names that pass for the instructor or another student', async () => {
    const r = await classroom()
    for (const name of [
      'Instructor',
      'Іnstructor',
      'teacher bob',
      'Вчитель',
      'Аlice',
      ' ALICE ',
      'A l i c e',
      'Alíce',
    ])
      expect([name, await joinCode(r.code, { role: 'student', name })]).toEqual([
        name,
        expect.stringMatching(/^NAME_(RESERVED|TAKEN)$/),
      ])
    expect(r.snapshot()).toBe(r.kept)
  })
})

describe('allowances per seat (item 4)', () => {
  it('keeps a flooding seat’s allowance across reconnects, and others are not held up', async () => {
    const r = await classroom()
    const bob = await t.client.join(r.code, { role: 'student', name: 'Bob' })
    open.push(bob)
    const flood = async () => {
      const replies = await Promise.all(
        Array.from({ length: 30 }, () => r.ann.request('pickSide', { side: null })),
      )
      return replies.filter((x) => x.ok || x.error.code !== 'RATE_LIMITED').length
    }
    const started = Date.now()
    const before = await flood()
    r.ann.drop()
    await until(() => r.ann.status === 'connected' && r.ann.view !== null, 5000, 'the seat back')
    await new Promise((done) => setTimeout(done, 300))
    const after = await flood()
    const seconds = (Date.now() - started) / 1000
    expect(before + after).toBeLessThanOrEqual(LIMITS.burst + Math.ceil(seconds * LIMITS.perSecond) + 1)
    expect(after).toBeLessThan(LIMITS.burst)
    const t0 = performance.now()
    expect((await bob.request('pickSide', { side: null })).ok).toBe(false)
    expect(performance.now() - t0).toBeLessThan(500)
    expect(r.teacher.view?.seats.find((s) => s.id === r.seat)?.side).toBe('ukraine')
    expect(r.teacher.log.length).toBe(JSON.parse(r.kept).log)
  })
})
