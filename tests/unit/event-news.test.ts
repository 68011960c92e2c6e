import { describe, expect, it } from 'vitest'
import {
  effectText,
  eventEffects,
  eventsAnnouncement,
  eventsNow,
  newEvents,
} from '../../src/client/render/event-news.ts'
import { onUpdate } from '../../src/client/table/flow.ts'
import { type Command, INSTRUCTOR } from '../../src/core/rules/commands.ts'
import { indexScenario } from '../../src/core/rules/scenario-index.ts'
import { replay } from '../../src/core/store.ts'
import { wordsIn } from '../../src/messages/index.ts'
import { harbour } from './helpers.ts'

const plain = harbour()
// The harbour with a condition, an event only the instructor brings in, and one the scenario fires after round 1.
const index = indexScenario({
  ...plain.scenario,
  flags: [
    {
      id: 'curfew',
      name: 'Curfew at the quay',
      description: 'Nobody on the quay at night.',
      settableBy: [],
      initial: false,
      source: [],
    },
  ],
  events: [
    {
      id: 'storm',
      title: 'A storm',
      text: 'A storm raises tempers.',
      round: 99,
      chance: 1,
      repeat: false,
      effects: [{ meter: 'tension', add: 15 }],
      source: [],
    },
    {
      id: 'rumour',
      title: 'A rumour',
      text: 'Talk of smugglers spreads.',
      round: 1,
      chance: 1,
      repeat: false,
      effects: [{ meter: 'tension', add: -2.5, spread: 2 }, { setFlag: 'curfew' }],
      source: [],
    },
  ],
})
const setup = {
  scenarioId: 'harbour',
  seats: { north: 'human', south: 'human' } as const,
  seed: 7,
  difficulty: 'normal' as const,
}
const en = wordsIn('en')
const uk = wordsIn('uk')

const inject: Command = { type: 'inject', side: INSTRUCTOR, payload: { event: 'storm' } }
const object = (side: string): Command => ({ type: 'object', side, payload: { reason: 'Not yet.' } })
const endRound: Command = { type: 'endRound', side: 'north', payload: {} }
const roundOne = [object('north'), object('south'), endRound]

describe('the effects of an event in words', () => {
  it('words every kind of effect with the scenario’s names, in English and Ukrainian', () => {
    expect(effectText(en, index, { meter: 'tension', add: 15 })).toBe('Tension +15')
    expect(effectText(en, index, { meter: 'tension', add: -2.5, spread: 2 })).toBe(
      'Tension −2.5, give or take 2',
    )
    expect(effectText(en, index, { meter: 'tension', set: 40 })).toBe('Tension set to 40')
    expect(effectText(en, index, { meter: 'tension', fromPackage: 'deterrence', factor: 2 })).toBe(
      'Tension set from the package on the table',
    )
    expect(effectText(en, index, { setFlag: 'curfew' })).toBe('Curfew at the quay: yes')
    expect(effectText(en, index, { clearFlag: 'curfew' })).toBe('Curfew at the quay: no')
    expect(effectText(uk, index, { meter: 'tension', add: -2.5, spread: 2 })).toBe(
      'Tension −2,5, плюс-мінус 2',
    )
    expect(effectText(uk, index, { setFlag: 'curfew' })).toBe('Curfew at the quay: так')
    expect(eventEffects(en, index, 'rumour')).toEqual([
      'Tension −2.5, give or take 2',
      'Curfew at the quay: yes',
    ])
    expect(eventEffects(en, index, 'no-such-event')).toEqual([])
  })

  it('tells screen readers the title, the text and the effects', () => {
    expect(eventsAnnouncement(en, index, [{ id: 'storm', round: 1, injected: true }])).toBe(
      'Event: A storm. A storm raises tempers. It changes: Tension +15.',
    )
    expect(eventsAnnouncement(uk, index, [{ id: 'storm', round: 1, injected: true }])).toBe(
      'Подія: A storm. A storm raises tempers. Вона змінює: Tension +15.',
    )
  })
})

describe('the events at the top of the table', () => {
  it('shows an event the instructor brings in at once, and announces it once only', () => {
    const start = replay(index, setup, [])
    expect(eventsNow(start)).toEqual([])
    const injected = replay(index, setup, [inject])
    expect(eventsNow(injected)).toEqual([{ id: 'storm', round: 1, injected: true }])
    expect(newEvents(start, injected)).toEqual([{ id: 'storm', round: 1, injected: true }])
    // Round 1 closes: the rumour fires and is recorded with the storm; only the rumour is new.
    const closed = replay(index, setup, [inject, ...roundOne])
    expect(closed.round).toBe(2)
    expect(closed.history[0]?.events).toEqual(['storm', 'rumour'])
    expect(eventsNow(closed)).toEqual([
      { id: 'storm', round: 1, injected: true },
      { id: 'rumour', round: 1, injected: false },
    ])
    expect(newEvents(injected, closed)).toEqual([{ id: 'rumour', round: 1, injected: false }])
  })

  it('keeps a round’s events through the next round, until that one closes', () => {
    const closed = replay(index, setup, roundOne)
    expect(eventsNow(closed).map((e) => e.id)).toEqual(['rumour'])
    const next = replay(index, setup, [...roundOne, ...roundOne])
    expect(next.round).toBe(3)
    expect(eventsNow(next)).toEqual([])
  })

  it('is news for the screen readers of every device at the table, after the round’s answer', () => {
    const before = replay(index, setup, [])
    const after = replay(index, setup, roundOne)
    const { news } = onUpdate({ acting: 'north', screen: { name: 'table' } }, before, {
      humans: ['north', 'south'],
      briefed: [],
      state: after,
    })
    expect(news.map((n) => n.kind)).toEqual(['responses', 'events'])
    expect(news[1]).toEqual({ kind: 'events', events: [{ id: 'rumour', round: 1, injected: false }] })
  })
})
