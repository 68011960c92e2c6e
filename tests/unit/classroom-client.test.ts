import { describe, expect, it } from 'vitest'
import { clock } from '../../src/client/classroom/countdown.ts'
import { timerSeconds } from '../../src/client/classroom/create-room.ts'
import { gradingTable } from '../../src/client/classroom/grading.ts'
import { newEntry, statusOf } from '../../src/client/classroom/rooms.ts'
import { classroomRoute, routeHash } from '../../src/client/classroom/route.ts'
import type { Debrief } from '../../src/core/debrief/debrief.ts'
import { newGame } from '../../src/core/rules/state.ts'
import { wordsIn } from '../../src/messages/index.ts'
import type { ClassroomConnection } from '../../src/net/client.ts'
import type { RoomView } from '../../src/net/view.ts'
import { seedScenario } from './helpers.ts'

describe('classroom addresses', () => {
  it('read the screen and the code from the fragment, in any case and with spaces or dashes', () => {
    expect(classroomRoute('#instructor=abcDEF0123456789xyz')).toEqual({
      kind: 'instructor',
      adminKey: 'abcDEF0123456789xyz',
    })
    expect(classroomRoute('#instructor')).toEqual({ kind: 'instructor', adminKey: null })
    expect(classroomRoute('#join=ab3-k7p')).toEqual({ kind: 'join', code: 'AB3K7P' })
    expect(classroomRoute('#join=ab3%20k7p')).toEqual({ kind: 'join', code: 'AB3K7P' })
    expect(classroomRoute('#join')).toEqual({ kind: 'join', code: null })
    expect(classroomRoute('#room=AB3K7P')).toEqual({ kind: 'room', code: 'AB3K7P' })
    expect(classroomRoute('#room=')).toEqual({ kind: 'join', code: null })
    expect(classroomRoute('#projector=AB3K7P')).toEqual({ kind: 'projector', code: 'AB3K7P' })
  })

  it('leave every other address to the game, and never fail on a malformed one', () => {
    for (const hash of ['', '#', '#setup', '#joined=AB3K7P', '#instructorX'])
      expect(classroomRoute(hash), hash).toBeNull()
    expect(classroomRoute('#join=%E0%A4%A')).toEqual({ kind: 'join', code: null })
  })

  it('write a route back without the instructor key', () => {
    expect(routeHash({ kind: 'instructor', adminKey: 'secret-secret-secret' })).toBe('#instructor')
    expect(routeHash({ kind: 'room', code: 'AB3K7P' })).toBe('#room=AB3K7P')
    expect(classroomRoute(routeHash({ kind: 'projector', code: 'AB3K7P' }))).toEqual({
      kind: 'projector',
      code: 'AB3K7P',
    })
  })
})

describe('round timers', () => {
  it('take minutes as typed (comma or point) within the server’s bounds, or none', () => {
    expect(timerSeconds('')).toBeNull()
    expect(timerSeconds('  ')).toBeNull()
    expect(timerSeconds('10')).toBe(600)
    expect(timerSeconds('1,5')).toBe(90)
    expect(timerSeconds('0.5')).toBe(30)
    expect(timerSeconds('60')).toBe(3600)
    for (const bad of ['0.4', '61', 'ten', '-5', 'Infinity']) expect(timerSeconds(bad), bad).toBeNaN()
  })

  it('count down in minutes and seconds, rounding up so that 0:00 is the end', () => {
    expect(clock(0)).toBe('0:00')
    expect(clock(-5)).toBe('0:00')
    expect(clock(1)).toBe('0:01')
    expect(clock(59_001)).toBe('1:00')
    expect(clock(600_000)).toBe('10:00')
    expect(clock(61_500)).toBe('1:02')
  })
})

describe('the grading table', () => {
  const index = seedScenario()

  /** A room as the dashboard holds it, with a fake connection carrying the instructor's view. */
  function room(code: string, view: Partial<RoomView> | null) {
    const entry = newEntry(code, 'k'.repeat(24))
    entry.summary = {
      code,
      title: index.scenario.title,
      scenarioId: index.scenario.id,
      status: 'lobby',
      round: null,
      phase: null,
      ending: null,
      seats: 0,
      online: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
      endedBy: null,
    }
    if (view)
      entry.connection = {
        view: { code, title: index.scenario.title, status: 'running', ...view },
        scenario: index.scenario,
        log: [],
      } as unknown as ClassroomConnection
    return entry
  }

  it('has one row per student of each room with side, moves, messages and score, and a line for a room not joined', () => {
    const setup = { scenarioId: index.scenario.id, seats: {}, seed: 1, difficulty: 'normal' as const }
    const debrief = {
      roundsPlayed: 3,
      outcome: { title: 'Escalation, "sharp"' },
      scores: [{ side: 'ukraine', total: 12.5, par: 10, ahead: true }],
    } as unknown as Debrief
    const played = room('AB3K7P', {
      game: newGame(index, setup),
      debrief,
      seats: [
        { id: 'a', name: 'Olena', side: 'ukraine', online: true, muted: false },
        { id: 'b', name: 'Bohdan', side: 'ukraine', online: false, muted: false },
        { id: 'c', name: 'Taras', side: 'europe', online: true, muted: false },
      ],
    })
    const by = (seat: string, name: string) => ({ kind: 'student' as const, seat, name })
    const at = '2026-01-01T00:10:00.000Z'
    ;(played.connection as unknown as { log: unknown[] }).log = [
      { command: { type: 'endorse', side: 'ukraine', payload: {} }, by: by('a', 'Olena'), at },
      {
        command: { type: 'say', side: 'ukraine', payload: { channel: 'public', text: 'Hello' } },
        by: by('a', 'Olena'),
        at,
      },
      { command: { type: 'endorse', side: 'europe', payload: {} }, by: by('c', 'Taras'), at },
    ]
    const rows = gradingTable([played, room('CD4M5N', null)])
      .trimEnd()
      .split('\r\n')
    expect(rows[0]).toMatch(/^Room,Scenario,Student,Side,Role,Status,Ending,Moves made,Messages sent,/)
    expect(rows[0]).toMatch(/,Score,Par$/)
    // Header, three students, and the room nobody joined yet. No question is asked in this room, so the
    // "handed in" cell is empty for everyone.
    expect(rows).toHaveLength(1 + 3 + 1)
    expect(rows[1]).toMatch(/^AB3K7P,.*,Olena,Ukraine,,Playing,.*,1,1,,12\.5,10$/)
    expect(rows[2]).toMatch(/^AB3K7P,.*,Bohdan,Ukraine,,Playing,.*,0,0,,12\.5,10$/)
    expect(rows[3]).toMatch(/^AB3K7P,.*,Taras,European governments,,Playing,.*,1,0,,,$/)
    expect(rows.at(-1)).toBe(`CD4M5N,${index.scenario.title},,,,Waiting for students`)
    // In the instructor's interface language: headings and status from the catalogue.
    const ukrainian = gradingTable([played], wordsIn('uk')).split('\r\n')
    expect(ukrainian[0]).toMatch(/^Кімната,Сценарій,/)
    expect(ukrainian[1]).toMatch(/,Гра триває,/)
  })

  it('counts a game the rules ended as over, though its room stays open for the debrief', () => {
    const setup = { scenarioId: index.scenario.id, seats: {}, seed: 1, difficulty: 'normal' as const }
    const ended = { ...newGame(index, setup), phase: 'ended' as const }
    expect(statusOf(room('AB3K7P', { game: ended, seats: [] }))).toBe('ended')
    expect(statusOf(room('AB3K7P', { game: newGame(index, setup), seats: [] }))).toBe('running')
    expect(statusOf(room('CD4M5N', null))).toBe('lobby')
  })
})
