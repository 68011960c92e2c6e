import { describe, expect, it } from 'vitest'
import { commandErrorText } from '../../src/client/classroom/connect.ts'
import { setLanguage } from '../../src/client/i18n/index.ts'
import { parseRecord } from '../../src/core/record/record.ts'
import type { Message } from '../../src/net/protocol.ts'
import { Classroom } from '../../src/server/classroom.ts'
import { handleMessage } from '../../src/server/handlers.ts'
import { RoomFileSchema } from '../../src/server/room-file.ts'
import { hashSecret } from '../../src/server/secrets.ts'
import { TIME_UP_REASON } from '../../src/server/timer.ts'
import { exportRoom, roomView, type Viewer } from '../../src/server/views.ts'
import { lobbyRoom } from './helpers.ts'

const T0 = new Date('2026-01-05T09:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

function room(settings: { timerSeconds?: number | null } = {}) {
  const { room: r, seat } = lobbyRoom({ now: T0, timerSeconds: settings.timerSeconds })
  return { r, seat }
}

describe('a classroom’s seats', () => {
  it('keeps names unique (ignoring case) and finds a seat by its token alone', () => {
    const { r, seat } = room()
    const ann = seat('Ann', null)
    expect(r.addStudent('ANN', hashSecret('another-token-0123456789'), T0)).toMatchObject({
      ok: false,
      error: { code: 'NAME_TAKEN' },
    })
    expect(r.addStudent('  ', hashSecret('another-token-0123456789'), T0)).toMatchObject({
      ok: false,
      error: { code: 'NAME_INVALID' },
    })
    expect(r.seatByToken('token-of-Ann-0123456789')?.id).toBe(ann)
    expect(r.seatByToken('token-of-Bob-0123456789')).toBeUndefined()
    expect(r.instructorKeyMatches('instructor-key-0123456789')).toBe(true)
    expect(r.instructorKeyMatches('instructor-key-012345678')).toBe(false)
  })

  it('lets students pick only when the instructor allows it, and only sides the students play', () => {
    const { r, seat } = room()
    const ann = seat('Ann', null)
    expect(r.pickSide(ann, 'europe', T0)).toMatchObject({ ok: false, error: { code: 'PICKING_CLOSED' } })
    expect(r.configure({ picking: true }, T0).ok).toBe(true)
    expect(r.pickSide(ann, 'russia', T0)).toMatchObject({ ok: false, error: { code: 'NOT_A_SIDE' } })
    expect(r.pickSide(ann, 'europe', T0).ok).toBe(true)
    expect(r.start(T0).ok).toBe(true)
    expect(r.setup?.seats).toEqual({ ukraine: 'computer', europe: 'human', us: 'computer' })
    expect(r.pickSide(ann, 'us', T0)).toMatchObject({ ok: false, error: { code: 'SIDE_COMPUTER_PLAYED' } })
  })
})

describe('the instructor’s room controls', () => {
  it('remove a seat, freeing its name, and fix the difficulty once the game has started', () => {
    const { r, seat } = room()
    const ann = seat('Ann', 'ukraine')
    expect(r.removeSeat(ann, T0).ok).toBe(true)
    expect(r.seatByToken('token-of-Ann-0123456789')).toBeUndefined()
    expect(r.addStudent('Ann', hashSecret('a-new-token-0123456789'), T0).ok).toBe(true)
    expect(r.removeSeat('nobody', T0)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SEAT' } })
    // A student plays a side, so that the computers do not play the whole game (and end it) at the start.
    seat('Bo', 'europe')
    expect(r.configure({ difficulty: 'hard' }, T0).ok).toBe(true)
    r.start(T0)
    expect(r.setup?.difficulty).toBe('hard')
    expect(r.configure({ difficulty: 'easy' }, T0)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_STARTED' },
    })
    expect(r.start(T0)).toMatchObject({ ok: false, error: { code: 'ALREADY_STARTED' } })
    expect(r.end(T0).ok).toBe(true)
    expect(r.assign(r.seats[0]?.id ?? '', 'europe', T0)).toMatchObject({
      ok: false,
      error: { code: 'ROOM_ENDED' },
    })
  })
})

describe('a classroom’s game', () => {
  it('stamps the side from the seat, attributes every command, and refuses acting for another side', () => {
    const { r, seat } = room()
    const ann = seat('Ann', 'ukraine')
    const bo = seat('Bo', 'ukraine')
    expect(r.command(ann, { type: 'endorse', payload: {} }, T0)).toMatchObject({
      ok: false,
      error: { code: 'NOT_STARTED' },
    })
    r.start(T0)
    expect(r.command(ann, { type: 'endorse', side: 'europe', payload: {} }, T0)).toMatchObject({
      ok: false,
      error: { code: 'NOT_YOUR_SIDE' },
    })
    expect(
      r.command(ann, { type: 'overrule', payload: { verdict: 'accept', reason: 'x' } }, T0),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_INSTRUCTOR' },
    })
    expect(r.command(bo, { type: 'endorse', payload: {} }, at(1)).ok).toBe(true)
    const mine = r.log.filter((e) => e.by.kind === 'student')
    expect(mine).toEqual([
      {
        command: { type: 'endorse', side: 'ukraine', payload: {} },
        by: { kind: 'student', seat: bo, name: 'Bo' },
        at: at(1).toISOString(),
      },
    ])
    expect(r.log.some((e) => e.by.kind === 'computer')).toBe(true)
    // A refusal of the rules comes through under its own name and changes nothing.
    const before = r.log.length
    expect(r.command(ann, { type: 'table', payload: {} }, at(2))).toMatchObject({ ok: false })
    expect(r.log.length).toBe(before)
  })

  it('pauses (refusing commands, keeping the time left) and resumes', () => {
    const { r, seat } = room({ timerSeconds: 300 })
    const ann = seat('Ann', 'ukraine')
    r.start(T0)
    expect(r.timer.deadline).toBe(at(300).getTime())
    expect(r.pause(at(100)).ok).toBe(true)
    expect(r.timer).toEqual({ deadline: null, remainingMs: 200_000 })
    expect(r.command(ann, { type: 'endorse', payload: {} }, at(110))).toMatchObject({
      ok: false,
      error: { code: 'PAUSED' },
    })
    expect(r.expire(at(1000))).toBe(false)
    expect(r.resume(at(500)).ok).toBe(true)
    expect(r.timer.deadline).toBe(at(700).getTime())
  })

  it('ends the round when its time runs out: the silent sides object and the next round gets a new deadline', () => {
    const { r, seat } = room({ timerSeconds: 60 })
    seat('Ann', 'ukraine')
    seat('Bo', 'europe')
    r.start(T0)
    expect(r.expire(at(59))).toBe(false)
    expect(r.expire(at(60))).toBe(true)
    expect(r.game?.round).toBe(2)
    const timed = r.log.filter((e) => e.by.kind === 'timer').map((e) => e.command)
    expect(timed).toContainEqual({ type: 'object', side: 'ukraine', payload: { reason: TIME_UP_REASON } })
    expect(timed.at(-1)?.type).toBe('endRound')
    expect(r.game?.history[0]?.tabled).toBeNull()
    expect(r.timer.deadline).toBe(at(120).getTime())
  })

  it('sends a refusal of the rules with its parameters, so that a student reads it worded in their language', () => {
    const { r, seat } = room()
    const ann = seat('Ann', 'ukraine')
    seat('Bo', 'europe')
    r.start(T0)
    const own = r.index.scenario.instruments.find(
      (i) => i.proposers.includes('ukraine') && i.variants.length === 0,
    )
    if (!own) throw new Error('no instrument of Ukraine')
    expect(r.command(ann, { type: 'add', payload: { instrument: own.id } }, at(1)).ok).toBe(true)
    expect(r.command(ann, { type: 'endorse', payload: {} }, at(2)).ok).toBe(true)
    const refused = r.command(ann, { type: 'table', payload: {} }, at(3))
    if (refused.ok) throw new Error('tabled without every endorsement')
    expect(refused.error.code).toBe('NOT_ALL_ENDORSED')
    expect(refused.error.params?.sides).toContain('europe')
    const scenario = r.index.scenario
    expect(commandErrorText(refused.error, scenario)).toMatch(
      /^The package can be tabled once .*European governments/,
    )
    setLanguage('uk')
    try {
      expect(commandErrorText(refused.error, scenario)).toMatch(/^Пакет можна подати, щойно його схвал/)
    } finally {
      setLanguage('en')
    }
  })

  it('tables a package everyone endorsed when the time runs out, and votes to continue for the undecided', () => {
    const { r, seat } = room({ timerSeconds: 60 })
    const ann = seat('Ann', 'ukraine')
    const others = [seat('Bo', 'europe'), seat('Cy', 'us')]
    r.start(T0)
    const own = r.index.scenario.instruments.find(
      (i) => i.proposers.includes('ukraine') && i.variants.length === 0,
    )
    if (!own) throw new Error('no instrument of Ukraine')
    expect(r.command(ann, { type: 'add', payload: { instrument: own.id } }, at(1)).ok).toBe(true)
    for (const s of [ann, ...others])
      expect(r.command(s, { type: 'endorse', payload: {} }, at(2)).ok).toBe(true)
    expect(r.expire(at(60))).toBe(true)
    const timed = r.log.filter((e) => e.by.kind === 'timer').map((e) => e.command)
    expect(timed[0]).toEqual({ type: 'table', side: 'ukraine', payload: {} })
    const history = r.game?.history ?? []
    expect(history[0]?.tabled).toEqual([{ instrument: own.id, backedBy: 'ukraine' }])
    if (r.game?.phase !== 'ended') {
      expect(timed.slice(1)).toEqual(
        r.index.proposers.map((side) => ({ type: 'decide', side, payload: { choice: 'continue' } })),
      )
      expect(r.game?.round).toBe(2)
    }
  })

  it('logs the instructor’s overrule and injected event as the instructor’s', () => {
    const { r, seat } = room()
    seat('Ann', 'ukraine')
    expect(r.instruct({ type: 'inject', payload: { event: 'nope' } }, T0)).toMatchObject({
      ok: false,
      error: { code: 'NOT_STARTED' },
    })
    r.start(T0)
    const event = r.index.scenario.events[0]?.id ?? ''
    expect(r.instruct({ type: 'inject', payload: { event } }, at(1)).ok).toBe(true)
    expect(
      r.instruct({ type: 'overrule', payload: { verdict: 'accept', reason: 'Class decision' } }, at(2)),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOTHING_TO_OVERRULE' },
    })
    expect(r.log.find((e) => e.by.kind === 'instructor')?.command).toEqual({
      type: 'inject',
      side: '@instructor',
      payload: { event },
    })
  })
})

describe('the instructor’s decisions', () => {
  it('overrule Russia’s answer to a tabled package, with the reason in the log, the debrief and the export', () => {
    const { r, seat } = room()
    const [ann, bo, cy] = [seat('Ann', 'ukraine'), seat('Bo', 'europe'), seat('Cy', 'us')]
    r.start(T0)
    const own = r.index.scenario.instruments.find(
      (i) => i.proposers.includes('ukraine') && i.variants.length === 0,
    )
    if (!own) throw new Error('no instrument of Ukraine')
    r.command(ann, { type: 'add', payload: { instrument: own.id } }, at(1))
    for (const s of [ann, bo, cy]) r.command(s, { type: 'endorse', payload: {} }, at(2))
    expect(r.command(bo, { type: 'table', payload: {} }, at(3)).ok).toBe(true)
    const rules = r.game?.response?.verdict
    const other = rules === 'accept' ? 'reject' : 'accept'
    const reply = r.instruct(
      { type: 'overrule', payload: { verdict: other, reason: 'The class found the guarantee credible.' } },
      at(4),
    )
    expect(reply.ok).toBe(true)
    expect(r.game?.response).toMatchObject({ verdict: other, overruled: { verdict: rules } })
    expect(r.log.at(-1)).toMatchObject({
      by: { kind: 'instructor' },
      command: { type: 'overrule', payload: { verdict: other } },
    })
    r.end(at(5))
    const view = roomView(r, { role: 'student', seat: ann }, new Set(), 0, at(6))
    expect(view.debrief?.timeline[0]?.overruled).toEqual({
      rulesVerdict: rules,
      reason: 'The class found the guarantee credible.',
    })
    const csv = exportRoom(r, 'csv', at(6))
    expect(csv.ok && csv.text).toContain('The class found the guarantee credible.')
  })
})

describe('the instructor’s commands, authorised by role', () => {
  /** A room with a package tabled and answered, so that an overrule is possible. */
  function answered() {
    const { r, seat } = room()
    const [ann, bo, cy] = [seat('Ann', 'ukraine'), seat('Bo', 'europe'), seat('Cy', 'us')]
    r.start(T0)
    const own = r.index.scenario.instruments.find(
      (i) => i.proposers.includes('ukraine') && i.variants.length === 0,
    )
    if (!own) throw new Error('no instrument of Ukraine')
    r.command(ann, { type: 'add', payload: { instrument: own.id } }, at(1))
    for (const s of [ann, bo, cy]) r.command(s, { type: 'endorse', payload: {} }, at(2))
    expect(r.command(bo, { type: 'table', payload: {} }, at(3)).ok).toBe(true)
    const rules = r.game?.response?.verdict
    return { r, ann, rules, other: rules === 'accept' ? ('reject' as const) : ('accept' as const) }
  }
  const instructor = { role: 'instructor' } as const
  const send = (r: Classroom, viewer: Viewer, command: object, when: Date) =>
    handleMessage(r, viewer, 'command', { command } as Message<'command'>, when)

  it('refuse a student’s forged overrule or injected event, whatever side it names, and change nothing', () => {
    const { r, ann, rules, other } = answered()
    const logged = r.log.length
    const student = { role: 'student', seat: ann } as const
    const payload = { verdict: other, reason: 'I say so.' }
    for (const forged of [
      { type: 'overrule', payload },
      { type: 'overrule', side: '@instructor', payload },
      { type: 'inject', payload: { event: r.index.scenario.events[0]?.id ?? 'storm' } },
    ])
      expect(send(r, student, forged, at(4))).toMatchObject({ ok: false, error: { code: 'NOT_INSTRUCTOR' } })
    expect(r.log).toHaveLength(logged)
    expect(r.game?.response?.verdict).toBe(rules)
  })

  it('apply the instructor’s overrule sent as a command, stamped with the instructor’s side', () => {
    const { r, rules, other } = answered()
    const reply = send(
      r,
      instructor,
      { type: 'overrule', payload: { verdict: other, reason: 'Our call.' } },
      at(4),
    )
    expect(reply.ok).toBe(true)
    expect(r.game?.response).toMatchObject({
      verdict: other,
      overruled: { verdict: rules, reason: 'Our call.' },
    })
    expect(r.log.at(-1)).toMatchObject({
      by: { kind: 'instructor' },
      command: { type: 'overrule', side: '@instructor', payload: { verdict: other, reason: 'Our call.' } },
    })
  })

  it('refuse a side’s command from the instructor, who plays no side', () => {
    const { r } = answered()
    const logged = r.log.length
    expect(
      send(r, instructor, { type: 'decide', side: 'ukraine', payload: { choice: 'continue' } }, at(4)),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_SEATED' },
    })
    expect(r.log).toHaveLength(logged)
  })
})

describe('what the room sends each device', () => {
  it('keeps Russia’s hidden resolve from students until the game is over, and gives it to the instructor', () => {
    const { r, seat } = room()
    const ann = seat('Ann', 'ukraine')
    const bob = seat('Bob', null)
    r.start(T0)
    r.command(ann, { type: 'endorse', payload: {} }, at(1))
    const drawn = r.game?.resolve ?? {}
    expect(Object.keys(drawn).length).toBeGreaterThan(0)
    expect(r.game?.phase).not.toBe('ended')
    for (const viewer of [ann, bob]) {
      const view = roomView(r, { role: 'student', seat: viewer }, new Set(), 0, at(2))
      expect(view.game?.resolve).toEqual({})
      expect(view.debrief).toBeNull()
    }
    expect(roomView(r, { role: 'instructor' }, new Set(), 0, at(2)).game?.resolve).toEqual(drawn)
    r.end(at(3))
    const after = roomView(r, { role: 'student', seat: ann }, new Set(), 0, at(4))
    expect(after.game?.resolve).toEqual(drawn)
  })
})

describe('a classroom kept on disk', () => {
  it('comes back from its file with the same game, seats and log', () => {
    const { r, seat } = room({ timerSeconds: 600 })
    const ann = seat('Ann', 'ukraine')
    r.start(T0)
    // An objection keeps the round open (an endorsement may let the computer partners end it, with a new deadline).
    r.command(ann, { type: 'object', payload: { reason: 'Not yet.' } }, at(1))
    const file = RoomFileSchema.parse(JSON.parse(JSON.stringify(r.toFile())))
    const back = Classroom.restore(file, at(2))
    expect(back.game).toEqual(r.game)
    expect(back.seats).toEqual(r.seats)
    expect(back.log).toEqual(r.log)
    expect(back.timer.deadline).toBe(at(600).getTime())
  })

  it('gives a round whose deadline passed while the server was down a short grace after the restart', () => {
    const { r, seat } = room({ timerSeconds: 60 })
    seat('Ann', 'ukraine')
    r.start(T0)
    const back = Classroom.restore(RoomFileSchema.parse(JSON.parse(JSON.stringify(r.toFile()))), at(3600))
    expect(back.timer.deadline).toBe(at(3630).getTime())
  })

  it('exports a game record that the game opens, and a CSV that names who did what', () => {
    const { r, seat } = room()
    const ann = seat('Ann', 'ukraine')
    r.start(T0)
    r.command(ann, { type: 'object', payload: { reason: 'Not enough deterrence' } }, at(1))
    r.end(at(2))
    const json = exportRoom(r, 'json', at(3))
    if (!json.ok) throw new Error(json.message)
    const parsed = parseRecord(json.text, (id) => (id === r.index.scenario.id ? r.index : undefined))
    expect(parsed.ok && parsed.state).toEqual(r.game)
    const csv = exportRoom(r, 'csv', at(3))
    expect(csv.ok && csv.text).toContain('Ann,Ukraine,object')
    const view = roomView(r, { role: 'instructor' }, new Set(), 0, at(3))
    // Ended by the instructor before any ending: the debrief is there, its title empty (the catalogue words
    // "The game goes on" on each device).
    expect(view.debrief).toBeTruthy()
    expect(view.debrief?.title).toBe('')
    expect(view.status).toBe('ended')
  })
})
