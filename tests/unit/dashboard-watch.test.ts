import { describe, expect, it } from 'vitest'
import {
  alertsBetween,
  messagesIn,
  pulseOfSummary,
  pulseOfView,
  studentsOn,
  waitingFor,
} from '../../src/client/classroom/room-watch.ts'
import { teammateStances } from '../../src/client/classroom/teammates.ts'
import type { Command } from '../../src/core/rules/commands.ts'
import { newGame } from '../../src/core/rules/state.ts'
import type { Author, LogEntry, RoomView, SeatView } from '../../src/net/view.ts'
import { joinBaseOf } from '../../src/server/join-base.ts'
import { seedScenario } from './helpers.ts'

const index = seedScenario()
const setup = { scenarioId: index.scenario.id, seats: {}, seed: 1, difficulty: 'normal' as const }
const [first = '', second = '', ...rest] = index.proposers
const item = { instrument: 'x', backedBy: first }

const seat = (id: string, name: string, side: string | null, online = true): SeatView => ({
  id,
  name,
  side,
  online,
  muted: false,
})
const olena = { kind: 'student', seat: 'a', name: 'Olena' } as const satisfies Author
const bohdan = { kind: 'student', seat: 'b', name: 'Bohdan' } as const satisfies Author
const entry = (command: Command, by: Author, at = '2026-12-05T10:00:00.000Z'): LogEntry => ({
  command,
  by,
  at,
})

describe('whom a room waits for', () => {
  it('names the students’ sides without a stance on the package, leaving the computer’s out', () => {
    const game = {
      ...newGame(index, setup),
      package: [item],
      stances: { [first]: { kind: 'endorse' as const } },
    }
    expect(waitingFor(index.proposers, game, index.proposers, 'running')).toEqual({
      kind: 'stances',
      sides: [second, ...rest],
    })
    expect(waitingFor(index.proposers, game, [first, second], 'running')).toEqual({
      kind: 'stances',
      sides: [second],
    })
  })

  it('waits for a side to table once all endorse, and for a change or the round’s end when some object', () => {
    const endorse = { kind: 'endorse' as const }
    const all = Object.fromEntries(index.proposers.map((s) => [s, endorse]))
    const game = { ...newGame(index, setup), package: [item], stances: all }
    expect(waitingFor(index.proposers, game, index.proposers, 'running')).toEqual({ kind: 'table' })
    const split = { ...all, [second]: { kind: 'object' as const, reason: 'No.' } }
    expect(waitingFor(index.proposers, { ...game, stances: split }, index.proposers, 'running')).toEqual({
      kind: 'agree',
    })
  })

  it('names the sides that have not voted after the answer', () => {
    const game = {
      ...newGame(index, setup),
      phase: 'deciding' as const,
      votes: { [first]: 'continue' as const },
    }
    expect(waitingFor(index.proposers, game, index.proposers, 'running')).toEqual({
      kind: 'votes',
      sides: [second, ...rest],
    })
  })

  it('waits for nobody before the start, after the end, or without a game', () => {
    const game = newGame(index, setup)
    expect(waitingFor(index.proposers, game, index.proposers, 'lobby')).toBeNull()
    expect(waitingFor(index.proposers, game, index.proposers, 'ended')).toBeNull()
    expect(waitingFor(index.proposers, { ...game, phase: 'ended' }, index.proposers, 'running')).toBeNull()
    expect(waitingFor(index.proposers, null, null, 'running')).toBeNull()
  })

  it('lists the students of a side in the roster’s order', () => {
    const seats = [seat('a', 'Olena', first), seat('c', 'Taras', second), seat('b', 'Bohdan', first)]
    expect(studentsOn(seats, first)).toEqual(['Olena', 'Bohdan'])
    expect(studentsOn(seats, 'nobody')).toEqual([])
  })
})

describe('a room’s messages', () => {
  it('counts the say commands and finds the latest one’s time', () => {
    const say = (at: string) =>
      entry({ type: 'say', side: first, payload: { channel: 'public', text: 'Hello' } }, olena, at)
    const log = [
      say('2026-12-05T10:01:00.000Z'),
      entry({ type: 'endorse', side: first, payload: {} }, olena, '2026-12-05T10:09:00.000Z'),
      say('2026-12-05T10:05:00.000Z'),
    ]
    expect(messagesIn(log)).toEqual({ count: 2, last: '2026-12-05T10:05:00.000Z' })
    expect(messagesIn([])).toEqual({ count: 0, last: null })
  })
})

describe('dashboard alerts', () => {
  const seats = [seat('a', 'Olena', first), seat('b', 'Bohdan', first), seat('c', 'Taras', second)]
  const running = pulseOfView('running', seats, [])

  it('alerts nothing for a room seen for the first time, even one already over', () => {
    expect(alertsBetween(null, pulseOfView('ended', seats, []))).toEqual([])
  })

  it('alerts once when a room ends, not again while it stays ended', () => {
    const ended = pulseOfView('ended', seats, [])
    expect(alertsBetween(running, ended)).toEqual([{ kind: 'ended' }])
    expect(alertsBetween(ended, ended)).toEqual([])
    expect(alertsBetween(pulseOfSummary('lobby', 0), pulseOfSummary('ended', 0))).toEqual([{ kind: 'ended' }])
  })

  it('alerts when the timer sent commands (a round’s time ran out)', () => {
    const timer = entry({ type: 'object', side: first, payload: { reason: 'Time.' } }, { kind: 'timer' })
    expect(alertsBetween(running, pulseOfView('running', seats, [timer]))).toEqual([{ kind: 'timeUp' }])
    expect(
      alertsBetween(pulseOfView('running', seats, [timer]), pulseOfView('running', seats, [timer])),
    ).toEqual([])
  })

  it('alerts when connected devices drop, but not for a seat removed or after the game', () => {
    const away = seats.map((s) => (s.id === 'b' ? { ...s, online: false } : s))
    expect(alertsBetween(running, pulseOfView('running', away, []))).toEqual([
      { kind: 'devicesLost', lost: 1, online: 2 },
    ])
    const removed = seats.filter((s) => s.id !== 'b')
    expect(alertsBetween(running, pulseOfView('running', removed, []))).toEqual([])
    expect(alertsBetween(running, pulseOfView('ended', away, []))).toEqual([{ kind: 'ended' }])
    // From the listing alone, the counts tell.
    expect(alertsBetween(pulseOfSummary('running', 3), pulseOfSummary('running', 1))).toEqual([
      { kind: 'devicesLost', lost: 2, online: 1 },
    ])
  })
})

describe('a teammate’s stance', () => {
  const you: RoomView['you'] = { role: 'student', seat: 'b', name: 'Bohdan', side: first }

  it('is told to the others on the side, with the reason of an objection', () => {
    const log = [
      entry({ type: 'object', side: first, payload: { reason: 'Too weak.' } }, olena),
      entry({ type: 'endorse', side: first, payload: {} }, olena),
    ]
    expect(teammateStances(log, you)).toEqual([
      { name: 'Olena', side: first, stance: { kind: 'object', reason: 'Too weak.' } },
      { name: 'Olena', side: first, stance: { kind: 'endorse' } },
    ])
  })

  it('leaves out this seat’s own stances, other sides’, the timer’s and other moves', () => {
    const log = [
      entry({ type: 'endorse', side: first, payload: {} }, bohdan),
      entry({ type: 'endorse', side: second, payload: {} }, { kind: 'student', seat: 'c', name: 'Taras' }),
      entry({ type: 'object', side: first, payload: { reason: 'Time.' } }, { kind: 'timer' }),
      entry({ type: 'add', side: first, payload: { instrument: 'x' } }, olena),
    ]
    expect(teammateStances(log, you)).toEqual([])
    expect(teammateStances(log, { role: 'instructor' })).toEqual([])
  })
})

describe('the address students open', () => {
  const base = { scheme: 'http' as const, port: 2567, lan: '192.168.1.20' }

  it('is the LAN address when the server listens on every interface, not the loopback', () => {
    expect(joinBaseOf(base)).toBe('http://192.168.1.20:2567')
    expect(joinBaseOf({ ...base, host: '0.0.0.0' })).toBe('http://192.168.1.20:2567')
  })

  it('is the public host or URL when given, and the single interface listened on otherwise', () => {
    expect(joinBaseOf({ ...base, publicHost: 'class.local' })).toBe('http://class.local:2567')
    expect(joinBaseOf({ ...base, publicUrl: 'https://rooms.example.org/p2/' })).toBe(
      'https://rooms.example.org/p2',
    )
    expect(joinBaseOf({ ...base, host: '127.0.0.1' })).toBe('http://127.0.0.1:2567')
    expect(joinBaseOf({ ...base, lan: null, scheme: 'https' })).toBe('https://localhost:2567')
    expect(joinBaseOf({ ...base, publicHost: 'fd00::5' })).toBe('http://[fd00::5]:2567')
  })
})
