import { describe, expect, it } from 'vitest'
import { parseRecord } from '../../src/core/record/record.ts'
import { wordsIn } from '../../src/messages/index.ts'
import { gradingRows, handInCount } from '../../src/net/grading.ts'
import {
  INSTRUCTOR_MESSAGES,
  MESSAGES,
  type Message,
  type MessageType,
  parseMessage,
} from '../../src/net/protocol.ts'
import { Classroom } from '../../src/server/classroom.ts'
import { handleMessage } from '../../src/server/handlers.ts'
import { RoomFileSchema } from '../../src/server/room-file.ts'
import { exportRoom, gradingRoom, roomView, scenarioView, type Viewer } from '../../src/server/views.ts'
import { lobbyRoom } from './helpers.ts'

const T0 = new Date('2026-01-05T09:00:00Z')
const INSTRUCTOR: Viewer = { role: 'instructor' }

/** A room of the shipped scenario with Ann (Ukraine), Bob (Europe) and Cleo (an observer). */
function classroom() {
  const { room, seat } = lobbyRoom({ now: T0 })
  const ann = seat('Ann', 'ukraine')
  const bob = seat('Bob', 'europe')
  const cleo = seat('Cleo', null)
  const send = <T extends MessageType>(viewer: Viewer, type: T, message: unknown) => {
    const parsed = parseMessage(type, message)
    if (!parsed.ok) return { ok: false as const, error: parsed.error }
    return handleMessage(room, viewer, type, parsed.value as Message<T>, T0)
  }
  const student = (seatId: string): Viewer => ({ role: 'student', seat: seatId })
  return { room, ann, bob, cleo, send, student }
}

describe('reflection after the game', () => {
  it('lets only the instructor add and remove the room’s questions, and keeps an answered one', () => {
    const { room, ann, send, student } = classroom()
    expect(send(student(ann), 'addQuestion', { text: 'What surprised you?' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_INSTRUCTOR' },
    })
    expect(INSTRUCTOR_MESSAGES.has('addQuestion') && INSTRUCTOR_MESSAGES.has('removeQuestion')).toBe(true)
    expect(send(INSTRUCTOR, 'addQuestion', { text: '  What surprised you?  ' }).ok).toBe(true)
    expect(send(INSTRUCTOR, 'addQuestion', { text: '' })).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_MESSAGE' },
    })
    const questions = roomView(room, INSTRUCTOR, new Set(), 0, T0).reflection?.questions ?? []
    expect(questions.at(-1)).toEqual({ id: 'room-1', text: 'What surprised you?', side: null })
    // The scenario's questions come first, with their rubrics, for the instructor.
    expect(questions[0]).toMatchObject({ id: 'ukraine/deterrence', side: 'ukraine' })
    expect(questions[0]?.rubric).toBeTruthy()
    expect(send(INSTRUCTOR, 'removeQuestion', { id: 'room-9' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_QUESTION' },
    })
    expect(room.start(T0).ok).toBe(true)
    expect(room.end(T0).ok).toBe(true)
    expect(send(student(ann), 'answer', { question: 'room-1', text: 'That Russia said yes.' }).ok).toBe(true)
    expect(send(INSTRUCTOR, 'removeQuestion', { id: 'room-1' })).toMatchObject({
      ok: false,
      error: { code: 'REFLECTION_CLOSED' },
    })
    expect(send(INSTRUCTOR, 'addQuestion', { text: 'And what would you change?' }).ok).toBe(true)
    expect(send(INSTRUCTOR, 'removeQuestion', { id: 'room-2' }).ok).toBe(true)
  })

  it('takes no answer before the game is over, nor from the instructor, nor to another side’s question', () => {
    const { room, ann, send, student } = classroom()
    expect(room.start(T0).ok).toBe(true)
    const early = { question: 'ukraine/deterrence', text: 'Too early.' }
    expect(send(student(ann), 'answer', early)).toMatchObject({ ok: false, error: { code: 'GAME_NOT_OVER' } })
    expect(roomView(room, student(ann), new Set(), 0, T0).reflection).toBeUndefined()
    expect(room.end(T0).ok).toBe(true)
    expect(send(INSTRUCTOR, 'answer', early)).toMatchObject({ ok: false, error: { code: 'NOT_SEATED' } })
    expect(send(student(ann), 'answer', { question: 'europe/red-lines', text: 'Not mine.' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_QUESTION' },
    })
    expect(send(student(ann), 'answer', { question: 'ukraine/risk', text: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_MESSAGE' },
    })
    expect(send(student(ann), 'answer', { question: 'ukraine/risk', text: 'x'.repeat(2000) }).ok).toBe(true)
  })

  it('shows a student their own questions and answers only, and every answer to the instructor', () => {
    const { room, ann, bob, cleo, send, student } = classroom()
    send(INSTRUCTOR, 'addQuestion', { text: 'What surprised you?' })
    expect(room.start(T0).ok).toBe(true)
    expect(room.end(T0).ok).toBe(true)
    send(student(ann), 'answer', { question: 'ukraine/deterrence', text: 'Ann on deterrence' })
    send(student(bob), 'answer', { question: 'europe/red-lines', text: 'Bob on red lines' })
    // An observer played no side and is asked nothing, the room's questions neither.
    expect(send(student(cleo), 'answer', { question: 'room-1', text: 'Cleo was surprised' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_QUESTION' },
    })
    const annView = roomView(room, student(ann), new Set(), 0, T0)
    expect(annView.reflection?.questions.map((q) => q.id)).toEqual([
      'ukraine/deterrence',
      'ukraine/risk',
      'room-1',
    ])
    expect(annView.reflection?.questions.some((q) => q.rubric)).toBe(false)
    expect(annView.reflection?.answers.map((a) => a.text)).toEqual(['Ann on deterrence'])
    expect(JSON.stringify(annView)).not.toContain('Bob on red lines')
    const cleoView = roomView(room, student(cleo), new Set(), 0, T0)
    expect(cleoView.reflection?.questions).toEqual([])
    const all = roomView(room, INSTRUCTOR, new Set(), 0, T0).reflection
    expect(all?.answers.map((a) => a.text).sort()).toEqual(['Ann on deterrence', 'Bob on red lines'])
  })

  it('waits for the students who are asked questions only, not for observers', () => {
    const { room, ann, bob, send, student } = classroom()
    expect(room.start(T0).ok).toBe(true)
    expect(room.end(T0).ok).toBe(true)
    expect(send(student(ann), 'submitAnswers', {}).ok).toBe(true)
    // Bob has not handed in yet: the instructor may still add a question.
    expect(send(INSTRUCTOR, 'addQuestion', { text: 'What surprised you?' }).ok).toBe(true)
    expect(send(student(bob), 'submitAnswers', {}).ok).toBe(true)
    // Cleo, the observer, never hands in: every student asked anything has, and the questions are settled.
    expect(send(INSTRUCTOR, 'addQuestion', { text: 'One more?' })).toMatchObject({
      ok: false,
      error: { code: 'REFLECTION_CLOSED' },
    })
    const view = roomView(room, INSTRUCTOR, new Set(), 0, T0)
    expect(handInCount(view)).toEqual({ handed: 2, total: 2, closed: true })
  })

  it('closes a student’s answers once they hand them in, and keeps everything in the room file', () => {
    const { room, ann, send, student } = classroom()
    expect(room.start(T0).ok).toBe(true)
    expect(room.end(T0).ok).toBe(true)
    send(student(ann), 'answer', { question: 'ukraine/risk', text: 'Shared, unevenly.' })
    expect(send(student(ann), 'submitAnswers', {}).ok).toBe(true)
    expect(send(student(ann), 'submitAnswers', {}).ok).toBe(true)
    expect(send(student(ann), 'answer', { question: 'ukraine/risk', text: 'Changed' })).toMatchObject({
      ok: false,
      error: { code: 'ANSWERS_SUBMITTED' },
    })
    expect(roomView(room, student(ann), new Set(), 0, T0).reflection?.submitted).toEqual([ann])
    const file = RoomFileSchema.parse(JSON.parse(JSON.stringify(room.toFile())))
    const back = Classroom.restore(file)
    expect(roomView(back, INSTRUCTOR, new Set(), 0, T0).reflection?.answers).toMatchObject([
      { seat: ann, question: 'ukraine/risk', text: 'Shared, unevenly.' },
    ])
  })

  it('still reads a room file from before reflection and roles', () => {
    const { room } = classroom()
    const { reflection: _r, ...old } = JSON.parse(JSON.stringify(room.toFile()))
    for (const s of old.seats) delete s.role
    const back = Classroom.restore(RoomFileSchema.parse(old))
    expect(roomView(back, INSTRUCTOR, new Set(), 0, T0).reflection?.answers).toEqual([])
  })
})

describe('the scenario’s questions and roles as each seat receives them', () => {
  it('sends a side’s questions to its own students only, and every side’s roles to all', () => {
    const { room, ann, bob, cleo } = classroom()
    const of = (seat: string) => scenarioView(room, { role: 'student', seat })
    const ukraine = (seat: string) => of(seat).sides.find((s) => s.id === 'ukraine')
    expect(ukraine(ann)?.reflection?.length).toBe(2)
    expect(ukraine(bob)?.reflection).toBeUndefined()
    expect(ukraine(cleo)?.reflection).toBeUndefined()
    expect(JSON.stringify(of(bob))).not.toContain('sides.ukraine.reflection')
    expect(JSON.stringify(of(ann))).toContain('sides.ukraine.reflection.risk.question')
    expect(ukraine(cleo)?.roles?.map((r) => r.id)).toEqual([
      'lead-negotiator',
      'security-adviser',
      'legal-adviser',
    ])
  })
})

describe('named roles and observers', () => {
  it('gives a seat a role of its side only, and drops it when the side changes', () => {
    const { room, ann, cleo, send } = classroom()
    expect(send(INSTRUCTOR, 'assign', { seat: ann, side: 'ukraine', role: 'lead-negotiator' }).ok).toBe(true)
    expect(roomView(room, INSTRUCTOR, new Set(), 0, T0).seats[0]).toMatchObject({ role: 'lead-negotiator' })
    expect(roomView(room, { role: 'student', seat: ann }, new Set(), 0, T0).you).toMatchObject({
      sideRole: 'lead-negotiator',
    })
    expect(send(INSTRUCTOR, 'assign', { seat: ann, side: 'europe', role: 'legal-adviser' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_ROLE' },
    })
    // The refused role left the side as it was.
    expect(room.seat(ann)?.side).toBe('ukraine')
    expect(send(INSTRUCTOR, 'assign', { seat: cleo, side: null, role: 'adviser' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_ROLE' },
    })
    expect(send(INSTRUCTOR, 'assign', { seat: ann, side: 'europe' }).ok).toBe(true)
    expect(room.seat(ann)?.role).toBeUndefined()
  })

  it('lets a student choose their role only when students pick their sides', () => {
    const { room, bob, send } = classroom()
    const bobs: Viewer = { role: 'student', seat: bob }
    expect(send(bobs, 'pickSide', { side: 'europe', role: 'adviser' })).toMatchObject({
      ok: false,
      error: { code: 'PICKING_CLOSED' },
    })
    expect(room.configure({ picking: true }, T0).ok).toBe(true)
    expect(send(bobs, 'pickSide', { side: 'europe', role: 'adviser' }).ok).toBe(true)
    expect(room.seat(bob)?.role).toBe('adviser')
    // room.ts refuses a student's `assign` before handleMessage sees it.
    expect(INSTRUCTOR_MESSAGES.has('assign')).toBe(true)
    expect(MESSAGES.assign.safeParse({ seat: bob, side: 'europe', role: 'x'.repeat(81) }).success).toBe(false)
  })
})

describe('the grading export', () => {
  it('has one row per student with their answers, a rubric column beside each question, score and par', () => {
    const { room, ann, bob, send, student } = classroom()
    send(INSTRUCTOR, 'assign', { seat: ann, side: 'ukraine', role: 'lead-negotiator' })
    send(INSTRUCTOR, 'addQuestion', { text: 'What surprised you?' })
    expect(room.start(T0).ok).toBe(true)
    expect(room.command(ann, { type: 'add', payload: { instrument: 'eu-membership' } }, T0).ok).toBe(true)
    expect(room.end(T0).ok).toBe(true)
    send(student(ann), 'answer', { question: 'ukraine/deterrence', text: 'Aid deters, "troops" too' })
    send(student(bob), 'answer', { question: 'room-1', text: 'The silence' })
    const rows = gradingRows([gradingRoom(room, T0, 'en')], wordsIn('en'))
    const [header, ...body] = rows
    expect(header?.slice(0, 10)).toEqual([
      'Room',
      'Scenario',
      'Student',
      'Side',
      'Role',
      'Status',
      'Ending',
      'Moves made',
      'Messages sent',
      'Answers handed in',
    ])
    const question = header?.findIndex((c) => String(c).startsWith('Ukraine: Which guarantees')) ?? -1
    expect(question).toBeGreaterThan(9)
    expect(String(header?.[question + 1])).toMatch(/^Mark against: Names particular instruments/)
    expect(header?.slice(-2)).toEqual(['Score', 'Par'])
    // The United States is played by the computer here: its questions ask nobody, so they get no column.
    expect(header?.some((c) => String(c).startsWith('United States:'))).toBe(false)
    expect(body).toHaveLength(3)
    const annRow = body.find((r) => r[2] === 'Ann')
    expect(annRow?.slice(0, 10)).toEqual([
      'ABC234',
      room.index.scenario.title,
      'Ann',
      'Ukraine',
      'lead negotiator',
      'Game over',
      expect.any(String),
      1,
      0,
      'no',
    ])
    expect(annRow?.[question]).toBe('Aid deters, "troops" too')
    expect(annRow?.[question + 1]).toBe('')
    expect(typeof annRow?.at(-2)).toBe('number')
    const cleoRow = body.find((r) => r[2] === 'Cleo')
    expect(cleoRow?.[3]).toBe('Observer')
    // Asked nothing, so neither "yes" nor "no" handed in.
    expect(cleoRow?.[9]).toBe('')
    const roomColumn = header?.indexOf('Room ABC234: What surprised you?') ?? -1
    expect(body.find((r) => r[2] === 'Bob')?.[roomColumn]).toBe('The silence')
    const csv = exportRoom(room, 'grading', T0, 'uk')
    expect(csv.ok && csv.text.split('\r\n')[0]).toContain('Учень')
  })

  it('puts the students and their answers in the room’s game record, which still opens in the game', () => {
    const { room, ann, send, student } = classroom()
    expect(room.start(T0).ok).toBe(true)
    expect(room.end(T0).ok).toBe(true)
    send(student(ann), 'answer', { question: 'ukraine/risk', text: 'Mostly Ukraine' })
    const out = exportRoom(room, 'json', T0)
    if (!out.ok) throw new Error(out.message)
    const record = JSON.parse(out.text)
    expect(record.classroom.students.map((s: { name: string }) => s.name)).toEqual(['Ann', 'Bob', 'Cleo'])
    expect(record.classroom.answers).toMatchObject([
      { seat: ann, question: 'ukraine/risk', text: 'Mostly Ukraine' },
    ])
    expect(parseRecord(out.text, (id) => (id === room.index.scenario.id ? room.index : undefined)).ok).toBe(
      true,
    )
  })

  it('names who sent each command of the game record, so that two students on one side are told apart', () => {
    const { room, ann, bob, send } = classroom()
    // Bob joins Ann on Ukraine's side.
    expect(send(INSTRUCTOR, 'assign', { seat: bob, side: 'ukraine' }).ok).toBe(true)
    expect(room.start(T0).ok).toBe(true)
    const later = new Date(T0.getTime() + 60_000)
    expect(room.command(ann, { type: 'add', payload: { instrument: 'eu-membership' } }, T0).ok).toBe(true)
    expect(room.command(bob, { type: 'object', payload: { reason: 'Too little' } }, later).ok).toBe(true)
    expect(room.end(later).ok).toBe(true)
    const out = exportRoom(room, 'json', later)
    if (!out.ok) throw new Error(out.message)
    const record = JSON.parse(out.text)
    expect(record.classroom.log).toHaveLength(record.log.length)
    const sent = (type: string) =>
      record.classroom.log[
        record.log.findIndex((c: { type: string; side: string }) => c.type === type && c.side === 'ukraine')
      ]
    expect(sent('add')).toEqual({ by: { kind: 'student', seat: ann, name: 'Ann' }, at: T0.toISOString() })
    expect(sent('object')).toEqual({
      by: { kind: 'student', seat: bob, name: 'Bob' },
      at: later.toISOString(),
    })
    // Computer partners' moves are theirs.
    expect(record.classroom.log.some((e: { by: { kind: string } }) => e.by.kind === 'computer')).toBe(true)
    expect(parseRecord(out.text, (id) => (id === room.index.scenario.id ? room.index : undefined)).ok).toBe(
      true,
    )
  })
})
