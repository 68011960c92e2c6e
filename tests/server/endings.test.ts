import { describe, expect, it } from 'vitest'
import { renderWatchTable } from '../../src/client/classroom/watch-table.ts'
import { setLanguage } from '../../src/client/i18n/index.ts'
import { outcomeHeading, outcomeText } from '../../src/client/render/debrief/outcome-text.ts'
import { endingCell } from '../../src/messages/debrief.ts'
import { wordsIn } from '../../src/messages/index.ts'
import { Classroom } from '../../src/server/classroom.ts'
import { RoomFileSchema } from '../../src/server/room-file.ts'
import { shippedScenarios } from '../../src/server/scenarios.ts'
import { hashSecret } from '../../src/server/secrets.ts'
import { exportRoom, roomSummary, roomView } from '../../src/server/views.ts'
import { SCENARIO } from './helpers.ts'

/**
 * Every way a classroom game ends: the rules (an ending reached by the sides' moves), the round timer (its
 * time-out closes the last round and the rules end the game) and the instructor (ending the room where it
 * stands). Each must leave the room `ended` with the right ending everywhere: the room's status and
 * journal, the dashboard's listing, each device's view and debrief, and the exports.
 */

const T0 = new Date('2026-01-05T09:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const SIDES = ['ukraine', 'europe', 'us'] as const

/** A room whose three proposing sides are each played by a student (so no computer moves on its own). */
function room(timerSeconds: number | null = null) {
  const source = shippedScenarios().get(SCENARIO)
  if (!source) throw new Error('no shipped scenario')
  const r = Classroom.create({
    code: 'END234',
    source,
    instructorKeyHash: hashSecret('instructor-key-0123456789'),
    settings: { picking: false, timerSeconds, difficulty: 'normal', seed: 42 },
    now: T0,
  })
  const seats = SIDES.map((side) => {
    const added = r.addStudent(`Student ${side}`, hashSecret(`token-of-${side}-0123456789`), T0)
    if (!added.ok) throw new Error(added.error.code)
    expect(r.assign(added.seat.id, side, T0).ok).toBe(true)
    return added.seat.id
  })
  expect(r.start(T0).ok).toBe(true)
  return { r, seats }
}

/** Every side objects, then the round ends without a package: one round played by the students. */
function disagree(r: Classroom, seats: readonly string[], now: Date) {
  for (const seat of seats)
    expect(r.command(seat, { type: 'object', payload: { reason: 'Not yet.' } }, now).ok).toBe(true)
  expect(r.command(seats[0] ?? '', { type: 'endRound', payload: {} }, now).ok).toBe(true)
}

const csvOf = (r: Classroom) => {
  const out = exportRoom(r, 'csv', at(9999))
  if (!out.ok) throw new Error(out.message)
  return out.text
}

describe('a game the rules ended', () => {
  it('closes its room: status ended, no timer, a journal line, and moves refused', () => {
    const { r, seats } = room(600)
    let second = 1
    while (r.game?.phase !== 'ended' && second < 20) disagree(r, seats, at(second++))
    const ending = r.game?.ending
    expect(ending).toBeTruthy()
    expect(r.status).toBe('ended')
    expect(r.endedBy).toBe('rules')
    expect(r.timer).toEqual({ deadline: null, remainingMs: null })
    expect(r.journal.at(-1)?.text).toMatch(/^Game over: .+ \(by the rules\)$/)
    const late = r.command(seats[0] ?? '', { type: 'object', payload: { reason: 'Late.' } }, at(99))
    expect(late).toMatchObject({ ok: false, error: { code: 'ROOM_ENDED' } })
    // The instructor's "End the game" has nothing left to end.
    expect(r.end(at(99))).toMatchObject({ ok: false, error: { code: 'ROOM_ENDED' } })
  })

  it('says so in the listing, in every view, on the dashboard’s watch table and in the export', () => {
    const { r, seats } = room()
    let second = 1
    while (r.game?.phase !== 'ended' && second < 20) disagree(r, seats, at(second++))
    const ending = r.index.scenario.endings.find((e) => e.id === r.game?.ending?.id)
    const round = r.game?.ending?.round ?? 0
    expect(ending).toBeTruthy()
    expect(roomSummary(r, 0)).toMatchObject({ status: 'ended', endedBy: 'rules', ending: ending?.id })
    const student = roomView(r, { role: 'student', seat: seats[1] ?? '' }, new Set(), 0, at(99))
    expect(student.status).toBe('ended')
    expect(student.debrief?.endedBy).toEqual({ by: 'rules', round })
    expect(student.debrief?.outcome?.id).toBe(ending?.id)
    setLanguage('en')
    expect(outcomeHeading(r.index, student.debrief ?? { outcome: null })).toBe(`Ending: ${ending?.title}`)
    expect(csvOf(r)).toContain(`\r\nEnding,${ending?.title},Reached by the rules in round ${round}\r\n`)
  })

  it('is closed when its room comes back from a file that still read as running', () => {
    const { r, seats } = room(600)
    let second = 1
    while (r.game?.phase !== 'ended' && second < 20) disagree(r, seats, at(second++))
    const file = RoomFileSchema.parse(JSON.parse(JSON.stringify(r.toFile())))
    // As a server before rooms closed with their game would have written it.
    file.status = 'running'
    file.timer = { deadline: at(2000).getTime(), remainingMs: null }
    file.journal = file.journal.filter((j) => !j.text.startsWith('Game over'))
    const back = Classroom.restore(file, at(5000))
    expect(back.status).toBe('ended')
    expect(back.endedBy).toBe('rules')
    expect(back.timer.deadline).toBeNull()
    // Noted as of the game's last command, not of the restart.
    expect(back.journal.at(-1)).toEqual({
      at: r.log.at(-1)?.at,
      text: expect.stringMatching(/^Game over: /),
    })
  })
})

describe('an answer that ended the game', () => {
  it('may still be overruled by the instructor, which reopens the room with a new deadline', () => {
    const { r, seats } = room(600)
    const [ukraine] = seats
    const instrument = [...r.index.instruments.values()].find(
      (i) => i.proposers.includes('ukraine') && !r.index.variants.get(i.id)?.size,
    )
    if (!ukraine || !instrument) throw new Error('no instrument Ukraine can add alone')
    expect(r.command(ukraine, { type: 'add', payload: { instrument: instrument.id } }, at(1)).ok).toBe(true)
    for (const seat of seats) expect(r.command(seat, { type: 'endorse', payload: {} }, at(2)).ok).toBe(true)
    // Endorsed by all, the package is tabled by the last endorsement or by a `table` command.
    if (r.game?.phase === 'negotiating')
      expect(r.command(ukraine, { type: 'table', payload: {} }, at(3)).ok).toBe(true)
    const overrule = (verdict: 'accept' | 'reject', now: Date) =>
      r.instruct({ type: 'overrule', payload: { verdict, reason: 'For this class.' } }, now)
    // Whatever Russia answered, an accepted package ends the game (a deal) and a rejected one does not.
    if (r.game?.phase !== 'ended') expect(overrule('accept', at(4)).ok).toBe(true)
    expect(r.game?.phase).toBe('ended')
    expect(r.status).toBe('ended')
    expect(r.timer.deadline).toBeNull()
    expect(overrule('reject', at(5)).ok).toBe(true)
    expect(r.game?.phase).toBe('deciding')
    expect(r.status).toBe('running')
    expect(r.endedBy).toBeNull()
    expect(r.timer.deadline).toBe(at(605).getTime())
    expect(r.journal.at(-1)?.text).toBe('Game reopened by the instructor’s overrule')
  })
})

describe('a game the round timer ended', () => {
  it('ends the game when the last round’s time runs out, and says the time ran out', () => {
    const { r } = room(60)
    let deadline = r.timer.deadline
    for (let i = 0; i < 10 && r.status === 'running' && deadline !== null; i++) {
      expect(r.expire(new Date(deadline))).toBe(true)
      deadline = r.timer.deadline
    }
    expect(r.game?.phase).toBe('ended')
    expect(r.status).toBe('ended')
    expect(r.endedBy).toBe('timer')
    expect(r.timer.deadline).toBeNull()
    const round = r.game?.ending?.round ?? 0
    const texts = r.journal.map((j) => j.text)
    expect(texts).toContain(`Time ran out in round ${round}`)
    expect(texts.at(-1)).toMatch(/\(after the time ran out\)$/)
    // A late call of the timer changes nothing.
    expect(r.expire(at(100_000))).toBe(false)
    expect(roomSummary(r, 0)).toMatchObject({ status: 'ended', endedBy: 'timer' })
    const view = roomView(r, { role: 'instructor' }, new Set(), 0, at(100_000))
    expect(view.debrief?.endedBy).toEqual({ by: 'timer', round })
    expect(csvOf(r)).toMatch(
      new RegExp(`\\r\\nEnding,[^\\r\\n]+,Reached when the time for round ${round} ran out\\r\\n`),
    )
  })
})

describe('a game the instructor ended', () => {
  it('reads as ended by the instructor in the round it stopped in, with the rounds it completed', () => {
    const { r, seats } = room(600)
    disagree(r, seats, at(1))
    disagree(r, seats, at(2))
    expect(r.game?.round).toBe(3)
    expect(r.end(at(3)).ok).toBe(true)
    expect(r.status).toBe('ended')
    expect(r.endedBy).toBe('instructor')
    expect(roomSummary(r, 0)).toMatchObject({
      status: 'ended',
      endedBy: 'instructor',
      round: 3,
      ending: null,
    })
    const student = roomView(r, { role: 'student', seat: seats[0] ?? '' }, new Set(), 0, at(4))
    const debrief = student.debrief
    if (!debrief) throw new Error('no debrief for a room the instructor ended')
    expect(debrief.outcome).toBeNull()
    expect(debrief.endedBy).toEqual({ by: 'instructor', round: 3 })
    expect(debrief.roundsPlayed).toBe(2)
    setLanguage('en')
    expect(outcomeHeading(r.index, debrief)).toBe('Ended by the instructor in round 3')
    expect(outcomeText(r.index, debrief)).toMatch(/^The instructor ended the game in round 3, before it/)
    expect(outcomeText(r.index, debrief)).not.toContain('has not ended')
    setLanguage('uk')
    expect(outcomeHeading(r.index, debrief)).toBe('Гру завершив викладач у раунді 3')
    setLanguage('en')
    expect(endingCell(wordsIn('en'), debrief)).toBe('Ended by the instructor in round 3')
    expect(csvOf(r)).toContain('\r\nEnding,Ended by the instructor in round 3\r\n')
    // The instructor's own commands are over too.
    const event = r.index.scenario.events[0]?.id ?? ''
    const inject = r.instruct({ type: 'inject', payload: { event } }, at(5))
    expect(inject).toMatchObject({ ok: false, error: { code: 'ROOM_ENDED' } })
  })

  it('shows on the dashboard’s watch table that it stopped, not that the sides are negotiating', () => {
    const { r, seats } = room()
    disagree(r, seats, at(1))
    r.end(at(2))
    const view = roomView(r, { role: 'instructor' }, new Set(), 0, at(3))
    const game = view.game
    if (!game) throw new Error('no game')
    setLanguage('en')
    const table = renderWatchTable(
      {
        index: r.index,
        state: game,
        log: [],
        humans: [],
        acting: null,
        act: () => undefined,
        tell: () => undefined,
        setActing: () => undefined,
        openSource: () => undefined,
        newGame: () => undefined,
      },
      false,
      undefined,
      'Ended by the instructor in round 2',
    )
    const text = JSON.stringify(table.props)
    expect(text).toContain('Ended by the instructor in round 2')
    expect(text).not.toContain('Negotiating the package.')
  })
})
