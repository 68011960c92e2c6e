import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SentCommand } from '../../src/core/rules/commands.ts'
import type { ClassroomConnection } from '../../src/net/client.ts'
import type { RoomView } from '../../src/net/view.ts'
import { CHAT_BURST } from '../../src/server/chat.ts'
import { Classroom } from '../../src/server/classroom.ts'
import { handleMessage } from '../../src/server/handlers.ts'
import { RoomFileSchema } from '../../src/server/room-file.ts'
import { roomView } from '../../src/server/views.ts'
import { lobbyRoom, SCENARIO, testServer, until } from './helpers.ts'

/**
 * The sides' messages in a classroom room: each channel reaches only the devices it may (in the game's
 * state, in the log and in every view sent), the instructor reads all, a muted seat and a flood are
 * refused, and everything is revealed once the game is over.
 */

const T0 = new Date('2026-01-05T09:00:00Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const say = (channel: 'public' | 'team' | 'private', text: string, to?: string): SentCommand => ({
  type: 'say',
  payload: to === undefined ? { channel, text } : { channel, to, text },
})

function room() {
  const { room: r, seat } = lobbyRoom({ now: T0 })
  return { r, seat }
}

describe('a room’s rules for messages', () => {
  it('refuses a muted seat’s messages (not its moves) until the instructor unmutes it, and notes both', () => {
    const { r, seat } = room()
    const ann = seat('Ann', 'ukraine')
    expect(r.start(T0).ok).toBe(true)
    const muted = handleMessage(r, { role: 'instructor' }, 'mute', { seat: ann, muted: true }, at(1))
    expect(muted.ok).toBe(true)
    expect(roomView(r, { role: 'instructor' }, new Set(), 0, at(1)).seats[0]?.muted).toBe(true)
    expect(r.command(ann, say('public', 'Hello'), at(2))).toMatchObject({
      ok: false,
      error: { code: 'MUTED' },
    })
    expect(r.command(ann, { type: 'endorse', payload: {} }, at(3)).ok).toBe(true)
    expect(r.mute(ann, false, at(4)).ok).toBe(true)
    expect(r.command(ann, say('public', 'Hello'), at(5)).ok).toBe(true)
    expect(r.game?.messages.map((m) => m.text)).toEqual(['Hello'])
    expect(r.journal.map((j) => j.text)).toEqual(expect.arrayContaining(['Ann: muted', 'Ann: unmuted']))
    expect(r.mute('nobody', true, at(6))).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SEAT' } })
    // The room file keeps the flag, and a file from before muting (no flag) still loads.
    const file = RoomFileSchema.parse(JSON.parse(JSON.stringify(r.toFile())))
    expect(r.mute(ann, true, at(7)).ok).toBe(true)
    expect(RoomFileSchema.parse(JSON.parse(JSON.stringify(r.toFile()))).seats[0]?.muted).toBe(true)
    expect(file.seats[0]?.muted).toBeUndefined()
    expect(Classroom.restore(file).game?.messages).toEqual(r.game?.messages)
  })

  it('holds each seat to its chat allowance: a burst, then one message every two seconds', () => {
    const { r, seat } = room()
    const ann = seat('Ann', 'ukraine')
    const bea = seat('Bea', 'ukraine')
    expect(r.start(T0).ok).toBe(true)
    for (let i = 0; i < CHAT_BURST; i++) expect(r.command(ann, say('team', `m${i}`), T0).ok).toBe(true)
    expect(r.command(ann, say('team', 'one too many'), T0)).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    })
    // Moves are not held back by the chat allowance, nor is a teammate's own allowance touched.
    expect(r.command(ann, { type: 'endorse', payload: {} }, T0).ok).toBe(true)
    expect(r.command(bea, say('team', 'me too'), T0).ok).toBe(true)
    expect(r.command(ann, say('team', 'a second later'), at(1000)).ok).toBe(false)
    expect(r.command(ann, say('team', 'two seconds later'), at(2000)).ok).toBe(true)
    expect(r.game?.messages).toHaveLength(CHAT_BURST + 2)
  })
})

describe('what each device receives of the messages', () => {
  let t: Awaited<ReturnType<typeof testServer>>
  const open: ClassroomConnection[] = []
  beforeAll(async () => {
    t = await testServer()
  })
  afterAll(async () => {
    await Promise.all(open.map((c) => c.leave()))
    await t?.stop()
  })

  it('gives each channel to its sides only, the instructor all, and everyone all once the game is over', async () => {
    const created = await t.client.createRoom(t.server.adminKey, { scenario: { id: SCENARIO } })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const { code, instructorKey } = created.value
    const teacher = await t.client.join(code, { role: 'instructor', key: instructorKey })
    open.push(teacher)
    /** Every view each device was sent, as JSON, to check that a secret never went out in any of them. */
    const sent = new Map<string, string[]>()
    const device = async (name: string, side: string | null) => {
      const c = await t.client.join(code, { role: 'student', name })
      open.push(c)
      sent.set(name, [])
      c.on('view', (v: RoomView) => sent.get(name)?.push(JSON.stringify(v)))
      const seat = c.view?.you.role === 'student' ? c.view.you.seat : ''
      if (side) expect((await teacher.request('assign', { seat, side })).ok).toBe(true)
      return { c, seat }
    }
    const ann = await device('Ann', 'ukraine')
    const una = await device('Una', 'ukraine')
    const bea = await device('Bea', 'europe')
    const cal = await device('Cal', 'us')
    const obi = await device('Obi', null)
    const students = { Ann: ann, Una: una, Bea: bea, Cal: cal, Obi: obi }
    expect((await teacher.request('start', {})).ok).toBe(true)
    await until(() => Object.values(students).every(({ c }) => c.view?.status === 'running'))

    const said = async (who: ClassroomConnection, command: SentCommand) => {
      const reply = await who.command(command)
      if (!reply.ok) throw new Error(JSON.stringify(reply.error))
    }
    await said(ann.c, say('public', 'Good morning, all.'))
    await said(ann.c, say('private', 'Europe, a word in private?', 'europe'))
    await said(bea.c, { type: 'endorse', payload: {} })
    await said(una.c, say('team', 'Ukraine only: hold firm.'))
    await said(cal.c, say('public', 'Marker.'))
    // Every device has had every view by the time it sees the last public message.
    const texts = (c: ClassroomConnection) => (c.view?.game?.messages ?? []).map((m) => m.text)
    await until(() =>
      [teacher, ...Object.values(students).map((s) => s.c)].every((c) => texts(c).includes('Marker.')),
    )

    const secret = 'Europe, a word in private?'
    const team = 'Ukraine only: hold firm.'
    const reads = (c: ClassroomConnection) => ({
      game: texts(c),
      log: c.log
        .filter((e) => e.command.type === 'say')
        .map((e) => (e.command.payload as { text: string }).text),
    })
    const all = ['Good morning, all.', secret, team, 'Marker.']
    const expected: Record<string, string[]> = {
      Ann: all,
      Una: all,
      Bea: ['Good morning, all.', secret, 'Marker.'],
      Cal: ['Good morning, all.', 'Marker.'],
      Obi: ['Good morning, all.', 'Marker.'],
    }
    expect(reads(teacher)).toEqual({ game: all, log: all })
    for (const [name, { c }] of Object.entries(students)) {
      expect(reads(c), name).toEqual({ game: expected[name], log: expected[name] })
      // The device's log is the room's, less what it may not read, in order (the positional merge holds).
      const shown = new Set(expected[name])
      const filtered = teacher.log.filter(
        (e) => e.command.type !== 'say' || shown.has((e.command.payload as { text: string }).text),
      )
      expect(c.log, name).toEqual(filtered)
      const views = (sent.get(name) ?? []).join('\n')
      if (!shown.has(secret)) expect(views, name).not.toContain('a word in private')
      if (!shown.has(team)) expect(views, name).not.toContain('hold firm')
    }
    // Ann's message is attributed to her seat and name in the log (the device shows the name).
    const entry = teacher.log.find((e) => e.command.type === 'say' && e.command.side === 'ukraine')
    expect(entry?.by).toEqual({ kind: 'student', seat: ann.seat, name: 'Ann' })

    // A muted seat is refused, and its moves go on.
    expect((await teacher.mute(cal.seat, true)).ok).toBe(true)
    await until(() => cal.c.view?.seats.find((s) => s.id === cal.seat)?.muted === true)
    const refused = await cal.c.command(say('public', 'Let me speak!'))
    expect(refused).toMatchObject({ ok: false, error: { code: 'MUTED' } })
    await said(cal.c, { type: 'endorse', payload: {} })
    expect((await teacher.mute(cal.seat, false)).ok).toBe(true)
    expect((await cal.c.mute(cal.seat, false)).ok).toBe(false)

    // A flood of messages is refused past the seat's allowance (Bea has sent none yet).
    const flood = []
    for (let i = 0; i <= CHAT_BURST; i++) flood.push(await bea.c.command(say('team', `Europe ${i}`)))
    expect(flood.slice(0, CHAT_BURST).every((r) => r.ok)).toBe(true)
    expect(flood[CHAT_BURST]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })

    // Once the game is over, everyone reads everything, the observer included.
    expect((await teacher.request('end', {})).ok).toBe(true)
    await until(() => Object.values(students).every(({ c }) => c.view?.status === 'ended'))
    for (const [name, { c }] of Object.entries(students)) {
      expect(texts(c), name).toEqual(texts(teacher))
      expect(c.log, name).toEqual(teacher.log)
    }
    expect(texts(obi.c)).toContain(secret)
    expect(texts(obi.c)).toContain('Europe 4')
  })
})
