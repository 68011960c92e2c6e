import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClassroomClient, type ClassroomConnection, JoinError } from '../../src/net/client.ts'
import { LIMITS } from '../../src/net/protocol.ts'
import { FIXTURES } from '../unit/helpers.ts'
import { SCENARIO, tempDir, testServer, until } from './helpers.ts'

const dist = tempDir('classroom-dist-')
let t: Awaited<ReturnType<typeof testServer>>
beforeAll(async () => {
  mkdirSync(join(dist.path, 'assets'))
  writeFileSync(join(dist.path, 'index.html'), '<!doctype html><title>Red Lines</title>')
  writeFileSync(join(dist.path, 'assets', 'app-1234.js'), 'export {}')
  writeFileSync(join(dist.path, 'assets', 'font.woff2'), 'woff2')
  t = await testServer(dist.path)
})
afterAll(async () => {
  await t?.stop()
  dist.remove()
})

const open: ClassroomConnection[] = []
async function enter(code: string, options: Parameters<ClassroomClient['join']>[1]) {
  const c = await t.client.join(code, options)
  open.push(c)
  return c
}
afterAll(async () => {
  await Promise.all(open.map((c) => c.leave()))
})

async function classroom() {
  const created = await t.client.createRoom(t.server.adminKey, { scenario: { id: SCENARIO } })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const { code, instructorKey } = created.value
  const teacher = await enter(code, { role: 'instructor', key: instructorKey })
  const ann = await enter(code, { role: 'student', name: '  Ann   Smith ' })
  const bob = await enter(code, { role: 'student', name: 'Bob' })
  await teacher.request('assign', { seat: seatOf(ann), side: 'ukraine' })
  await teacher.request('assign', { seat: seatOf(bob), side: 'europe' })
  return { code, instructorKey, teacher, ann, bob }
}

function seatOf(c: ClassroomConnection): string {
  return c.view?.you.role === 'student' ? c.view.you.seat : ''
}

async function joinRefusal(code: string, options: unknown): Promise<string> {
  try {
    await enter(code, options as Parameters<ClassroomClient['join']>[1])
    return 'joined'
  } catch (e) {
    return e instanceof JoinError ? e.code : String(e)
  }
}

describe('a classroom room', () => {
  it('seats students, lets the instructor assign sides and start, and plays commands for the seat’s side', async () => {
    const { teacher, ann, bob } = await classroom()
    expect(ann.view?.you).toMatchObject({ role: 'student', name: 'Ann Smith', side: 'ukraine' })
    expect((await teacher.request('start', {})).ok).toBe(true)
    await until(() => ann.view?.status === 'running' && ann.view.game !== null)
    expect(ann.view?.humanSides).toEqual(['ukraine', 'europe'])
    const reply = await ann.command({ type: 'endorse', payload: {} })
    expect(reply).toEqual({ ok: true, warned: expect.any(Array) })
    await until(() => bob.log.some((e) => e.by.kind === 'student' && e.by.name === 'Ann Smith'))
    expect(bob.log.find((e) => e.by.kind === 'student')?.command).toMatchObject({
      type: 'endorse',
      side: 'ukraine',
    })
    const wrong = await ann.command({ type: 'endorse', side: 'europe', payload: {} })
    expect(!wrong.ok && wrong.error.code).toBe('NOT_YOUR_SIDE')
    expect((await ann.request('start', {})).ok).toBe(false)
    const notYours = await ann.request('pause', {})
    expect(!notYours.ok && notYours.error.code).toBe('NOT_INSTRUCTOR')
  })

  it('never sends a student another side’s private briefing, and sends their own when their side changes', async () => {
    const { teacher, ann } = await classroom()
    const europe = teacher.scenario?.sides.find((s) => s.id === 'europe')
    const ukraine = teacher.scenario?.sides.find((s) => s.id === 'ukraine')
    expect(europe?.briefing.length).toBeGreaterThan(20)
    const received: string[] = []
    ann.on('scenario', (s) => received.push(JSON.stringify(s)))
    ann.on('view', (v) => received.push(JSON.stringify(v)))
    expect(ann.scenario?.sides.find((s) => s.id === 'ukraine')?.briefing).toBe(ukraine?.briefing)
    expect(JSON.stringify(ann.scenario)).not.toContain(europe?.briefing)
    await teacher.request('start', {})
    await until(() => ann.view?.game !== null)
    await teacher.request('assign', { seat: seatOf(ann), side: 'europe' })
    await until(() => ann.scenario?.sides.find((s) => s.id === 'europe')?.briefing === europe?.briefing)
    expect(JSON.stringify(ann.scenario)).not.toContain(ukraine?.briefing)
    expect(received.join('\n')).not.toContain(`"rng":${teacher.view?.game?.rng}`)
  })

  it('refuses malformed, oversized, unknown and flooding messages by name, and the room goes on', async () => {
    const { teacher, ann, bob } = await classroom()
    await teacher.request('start', {})
    const malformed = await ann.request('assign', { seat: 3 } as never)
    expect(!malformed.ok && malformed.error.code).toBe('MALFORMED_MESSAGE')
    const big = await ann.command({
      type: 'object',
      payload: { reason: 'x'.repeat(LIMITS.messageBytes + 10) },
    })
    expect(!big.ok && big.error.code).toBe('MESSAGE_TOO_LARGE')
    const unknown = await ann.request('bribe' as never, {} as never)
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_MESSAGE')
    const errors: string[] = []
    ann.on('error', (e) => errors.push(e.code))
    ann.send('bribe', {})
    ann.send('start', {})
    await until(() => errors.length >= 2)
    expect(errors).toEqual(['UNKNOWN_MESSAGE', 'NOT_INSTRUCTOR'])
    // A burst well past the bucket: the extra ones are refused, nothing else happens.
    const flood = await Promise.all(
      Array.from({ length: LIMITS.burst * 2 }, () =>
        ann.command({ type: 'setFlag', payload: { flag: 'nope', value: true } }),
      ),
    )
    const codes = flood.map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(LIMITS.burst - 5)
    expect(codes.filter((c) => c === 'UNKNOWN_FLAG').length).toBeGreaterThan(0)
    // The room, and the other students, are unharmed.
    expect((await bob.command({ type: 'endorse', payload: {} })).ok).toBe(true)
    await new Promise((r) => setTimeout(r, 1000))
    expect((await ann.command({ type: 'endorse', payload: {} })).ok).toBe(true)
    expect(ann.status).toBe('connected')
  })

  it('refuses joins by name: bad key, taken name, unknown room or seat, malformed options', async () => {
    const { code } = await classroom()
    expect(await joinRefusal(code, { role: 'instructor', key: 'x'.repeat(24) })).toBe('BAD_KEY')
    expect(await joinRefusal(code, { role: 'student', name: 'ann smith' })).toBe('NAME_TAKEN')
    expect(await joinRefusal(code, { role: 'student', name: '\u0007' })).toBe('NAME_INVALID')
    expect(await joinRefusal(code, { role: 'student', seatToken: 'y'.repeat(24) })).toBe('UNKNOWN_SEAT')
    expect(await joinRefusal(code, { role: 'admin' })).toBe('BAD_JOIN')
    expect(await joinRefusal('ZZZZZZ', { role: 'student', name: 'Cy' })).toBe('ROOM_NOT_FOUND')
    expect(await joinRefusal('nope', { role: 'student', name: 'Cy' })).toBe('ROOM_NOT_FOUND')
  })

  it('gives a student their seat back after a dropped connection, and after a reload with the seat token', async () => {
    const { code, teacher, ann } = await classroom()
    await teacher.request('start', {})
    const seat = seatOf(ann)
    ann.drop()
    await until(() => ann.status === 'reconnecting', 2000, 'the drop')
    await until(() => ann.status === 'connected', 5000, 'the rejoin')
    await until(() => seatOf(ann) === seat)
    expect((await ann.command({ type: 'endorse', payload: {} })).ok).toBe(true)
    // A reload: a new page, a new client, the token kept by the browser.
    const token = ann.rejoin
    expect(token).toMatchObject({ role: 'student', seatToken: expect.any(String) })
    const again = await enter(code, token)
    expect(seatOf(again)).toBe(seat)
    expect(again.log).toEqual(ann.log)
  })

  it('gives a late joiner the current state and the whole log', async () => {
    const { code, teacher, ann } = await classroom()
    await teacher.request('start', {})
    await ann.command({ type: 'endorse', payload: {} })
    await until(() => teacher.log.some((e) => e.by.kind === 'student'))
    const late = await enter(code, { role: 'student', name: 'Late Lou' })
    expect(late.view?.game).toEqual({
      ...teacher.view?.game,
      rng: 0,
      setup: { ...teacher.view?.game?.setup, seed: 0 },
      // Russia's hidden resolve stays with the instructor while the game goes on.
      resolve: {},
      breaches: [],
    })
    expect(Object.keys(teacher.view?.game?.resolve ?? {}).length).toBeGreaterThan(0)
    expect(late.log.length).toBe(teacher.log.length)
    expect(late.view?.you).toMatchObject({ side: null })
    const acted = await late.command({ type: 'endorse', payload: {} })
    expect(!acted.ok && acted.error.code).toBe('NOT_SEATED')
  })

  it('lets the instructor overrule Russia with a reason, bring in an event, pause and end the game', async () => {
    const { teacher, ann } = await classroom()
    await teacher.request('configure', { timerSeconds: 300 })
    await teacher.request('start', {})
    await until(() => (ann.view?.timer.deadline ?? 0) > Date.now())
    const event = teacher.scenario?.events[0]?.id ?? ''
    // A student's forged instructor command is refused by role; the instructor's own is applied.
    const forged = await ann.command({ type: 'inject', side: '@instructor', payload: { event } })
    expect(!forged.ok && forged.error.code).toBe('NOT_INSTRUCTOR')
    expect(ann.log.some((e) => e.command.type === 'inject')).toBe(false)
    expect((await teacher.command({ type: 'inject', payload: { event } })).ok).toBe(true)
    const early = await teacher.command({
      type: 'overrule',
      payload: { verdict: 'accept', reason: 'Our class decides.' },
    })
    expect(!early.ok && early.error.code).toBe('NOTHING_TO_OVERRULE')
    const forOthers = await teacher.command({ type: 'endorse', side: 'ukraine', payload: {} })
    expect(!forOthers.ok && forOthers.error.code).toBe('NOT_SEATED')
    expect((await teacher.request('pause', {})).ok).toBe(true)
    await until(() => ann.view?.status === 'paused' && ann.view.timer.remainingMs !== null)
    const paused = await ann.command({ type: 'endorse', payload: {} })
    expect(!paused.ok && paused.error.code).toBe('PAUSED')
    expect((await teacher.request('resume', {})).ok).toBe(true)
    expect((await teacher.request('end', {})).ok).toBe(true)
    await until(() => ann.view?.status === 'ended' && ann.view.debrief !== null)
    expect(ann.log.find((e) => e.by.kind === 'instructor')?.command).toMatchObject({
      type: 'inject',
      payload: { event },
    })
    const exported = await teacher.request('export', { format: 'csv' })
    expect(exported.ok && exported.text, 'the CSV tells who brought the event in').toMatch(
      /Instructor,,event,"?brings in an event/,
    )
    expect(teacher.view?.journal?.map((j) => j.text)).toContain('Game ended by the instructor')
  })
})

describe('the classroom HTTP API', () => {
  it('creates rooms only with the admin key, and reports every problem of a teacher’s scenario file', async () => {
    const noKey = await t.client.createRoom('z'.repeat(24), { scenario: { id: SCENARIO } })
    expect(noKey).toMatchObject({ ok: false, status: 401, error: { code: 'BAD_KEY' } })
    const unknown = await t.client.createRoom(t.server.adminKey, { scenario: { id: 'atlantis' } })
    expect(unknown).toMatchObject({ ok: false, status: 404, error: { code: 'UNKNOWN_SCENARIO' } })
    const yaml = readFileSync(join(FIXTURES, 'broken/unknown-references.yaml'), 'utf8')
    const broken = await t.client.createRoom(t.server.adminKey, { scenario: { yaml, file: 'mine.yaml' } })
    expect(broken).toMatchObject({ ok: false, status: 422, error: { code: 'SCENARIO_INVALID' } })
    const problems = (!broken.ok && broken.error.problems) as Array<{
      code: string
      line: number
      file: string
      fix: string
    }>
    expect(problems.length).toBeGreaterThan(1)
    expect(problems[0]).toMatchObject({
      file: 'mine.yaml',
      line: expect.any(Number),
      fix: expect.any(String),
    })
    const shipped = readFileSync(join(FIXTURES, '../../scenarios/guarantees-2025.yaml'), 'utf8')
    const teacher = await t.client.createRoom(t.server.adminKey, {
      scenario: { yaml: shipped, file: 'mine.yaml' },
    })
    expect(teacher.ok && teacher.value.code).toMatch(/^[A-Z2-9]{6}$/)
    const tooBig = await fetch(`${t.url}/api/rooms`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.server.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: { yaml: 'x'.repeat(3 * LIMITS.scenarioBytes) } }),
    })
    expect(tooBig.status).toBe(413)
    const direct = await fetch(`${t.url}/matchmake/create/classroom`, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(direct.ok).toBe(false)
  })

  it('lists the session’s rooms for the admin, and exports a room’s results for its instructor', async () => {
    const { code, instructorKey, teacher } = await classroom()
    await teacher.request('start', {})
    await until(() => teacher.view?.game !== null)
    const list = await t.client.listRooms(t.server.adminKey)
    expect(list.ok && list.value.find((r) => r.code === code)).toMatchObject({
      code,
      status: 'running',
      seats: 2,
      round: 1,
    })
    expect((await t.client.listRooms(instructorKey)).ok).toBe(false)
    const json = await t.client.exportRoom(code, instructorKey, 'json')
    expect(json.ok && JSON.parse(json.value)).toMatchObject({
      format: 'red-lines-game',
      setup: { scenarioId: SCENARIO },
    })
    const csv = await t.client.exportRoom(code, t.server.adminKey, 'csv')
    expect(csv.ok && csv.value).toContain('Round,Package,Verdict')
    expect(await t.client.exportRoom(code, 'w'.repeat(24), 'csv')).toMatchObject({ ok: false, status: 401 })
  })
})

describe('the game’s files on the same port', () => {
  const get = (path: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: t.server.port, path }, (res) => {
        let body = ''
        res.on('data', (d) => {
          body += d
        })
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
        )
      })
      req.on('error', reject)
      req.end()
    })

  it('are served with their content types', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' })
    expect(await get('/assets/app-1234.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
    })
    expect(await get('/assets/font.woff2')).toMatchObject({ status: 200, type: 'font/woff2' })
    expect((await get('/missing.js')).status).toBe(404)
  })

  it('never include a file outside the folder', async () => {
    for (const path of [
      '/../../../etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2fetc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const res = await get(path)
      expect(res.status === 400 || res.status === 404).toBe(true)
      expect(res.body).not.toContain('root:')
    }
  })
})
