import { describe, expect, it } from 'vitest'
import { buildDebrief } from '../../src/core/debrief/debrief.ts'
import { debriefToCsv } from '../../src/core/record/csv.ts'
import { exportRecord, parseRecord, recordToJson } from '../../src/core/record/record.ts'
import { applyCommand, type RefusalCode } from '../../src/core/rules/apply.ts'
import { type Command, INSTRUCTOR } from '../../src/core/rules/commands.ts'
import { indexScenario } from '../../src/core/rules/scenario-index.ts'
import { type GameState, newGame } from '../../src/core/rules/state.ts'
import { replay } from '../../src/core/store.ts'
import { verdictText } from '../../src/messages/debrief.ts'
import { wordsIn } from '../../src/messages/index.ts'
import { harbour } from './helpers.ts'

const plain = harbour()
// The harbour with one scenario event the instructor can bring in (the fixture itself has none).
const index = indexScenario({
  ...plain.scenario,
  events: [
    {
      id: 'storm',
      title: 'A storm',
      text: 'A storm raises tempers.',
      round: 99, // never due by itself: only the instructor brings it in
      chance: 1,
      repeat: false,
      effects: [{ meter: 'tension', add: 15 }],
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

const add = (side: string, instrument: string): Command => ({ type: 'add', side, payload: { instrument } })
const endorse = (side: string): Command => ({ type: 'endorse', side, payload: {} })
const table: Command = { type: 'table', side: 'north', payload: {} }
const overrule = (verdict: 'accept' | 'reject' | 'demandRemoval', reason = 'For this class.'): Command => ({
  type: 'overrule',
  side: INSTRUCTOR,
  payload: { verdict, reason },
})
const inject = (event: string): Command => ({ type: 'inject', side: INSTRUCTOR, payload: { event } })
const patrolTabled = [add('north', 'patrol'), endorse('north'), endorse('south'), table]

function run(commands: readonly Command[]): GameState {
  return replay(index, setup, commands)
}

describe('the instructor overrules the answer to a tabled package', () => {
  it('replaces the verdict, keeps the rules’ one and the reason, and applies the new verdict’s effects', () => {
    const rules = run(patrolTabled)
    expect(rules.response?.verdict).toBe('reject')
    expect(rules.meters.tension).toBe(50)
    const state = run([...patrolTabled, overrule('accept', 'The class judged the boats acceptable.')])
    expect(state.response).toMatchObject({
      verdict: 'accept',
      redLines: ['no-boats'],
      overruled: { verdict: 'reject', reason: 'The class judged the boats acceptable.' },
    })
    // The red line's own effect still applies (+30), then accept's (−10) instead of nothing.
    expect(state.meters.tension).toBe(40)
    expect(state.phase).toBe('ended')
    expect(state.ending?.id).toBe('deal')
    expect(state.history).toHaveLength(1)
    expect(state.history[0]?.response?.verdict).toBe('accept')
  })

  it('can be taken back, which reopens a game that the overruled answer ended', () => {
    const state = run([...patrolTabled, overrule('accept'), overrule('reject')])
    expect(state.response?.verdict).toBe('reject')
    expect(state.response?.overruled).toBeUndefined()
    expect(state.phase).toBe('deciding')
    expect(state).toEqual(run(patrolTabled))
  })

  it('voids the votes already cast, and is no longer possible once every proposer has decided', () => {
    const vote = (side: string): Command => ({ type: 'decide', side, payload: { choice: 'continue' } })
    const half = run([...patrolTabled, vote('north'), overrule('demandRemoval')])
    expect(half.votes).toEqual({})
    expect(half.phase).toBe('deciding')
    const decided = run([...patrolTabled, vote('north'), vote('south')])
    const outcome = applyCommand(index, decided, overrule('accept'))
    expect(!outcome.ok && outcome.refusal.code).toBe('NOTHING_TO_OVERRULE')
  })

  it('says in the verdict line, the debrief and the CSV that it was the instructor’s decision', () => {
    const log = [...patrolTabled, overrule('accept', 'Boats are fine here.')]
    const state = run(log)
    const line = state.response ? verdictText(wordsIn('en'), 'Russia', state.response) : ''
    expect(line).toContain("the instructor's decision")
    expect(line).toContain('Boats are fine here.')
    const debrief = buildDebrief(index, setup, state, log)
    expect(debrief.timeline[0]?.overruled).toEqual({ rulesVerdict: 'reject', reason: 'Boats are fine here.' })
    expect(debriefToCsv(debrief)).toContain('Boats are fine here.')
  })

  it('travels in a game record, which replays to the same state', () => {
    const log = [...patrolTabled, overrule('accept')]
    const state = run(log)
    const text = recordToJson(exportRecord(index, setup, log))
    const parsed = parseRecord(text, (id) => (id === 'harbour' ? index : undefined))
    expect(parsed.ok && parsed.state).toEqual(state)
  })
})

describe('the instructor brings in an event', () => {
  it('applies its effects at once and records it with the round, marked as brought in', () => {
    const log = [inject('storm'), add('north', 'patrol'), endorse('north'), endorse('south'), table]
    const before = newGame(index, setup).meters.tension ?? 0
    expect(run([inject('storm')]).meters.tension).toBe(before + 15)
    const state = run(log)
    expect(state.history[0]?.events).toEqual(['storm'])
    const debrief = buildDebrief(index, setup, state, log)
    expect(debrief.timeline[0]?.events).toEqual([
      { id: 'storm', title: 'A storm', text: 'A storm raises tempers.', injected: true },
    ])
  })
})

describe('refused instructor commands are named no-ops', () => {
  const cases: Array<[string, Command[], unknown, RefusalCode]> = [
    ['overrule before anything is tabled', [], overrule('accept'), 'NOTHING_TO_OVERRULE'],
    ['overrule to the verdict that stands', patrolTabled, overrule('reject'), 'SAME_VERDICT'],
    ['an unknown event', [], inject('flood'), 'UNKNOWN_EVENT'],
    ['an event twice', [inject('storm')], inject('storm'), 'EVENT_ALREADY_FIRED'],
    ['an event after the answer', patrolTabled, inject('storm'), 'WRONG_PHASE'],
    [
      'an instructor command from a side',
      [],
      { type: 'inject', side: 'north', payload: { event: 'storm' } },
      'MALFORMED_COMMAND',
    ],
    [
      'a side’s command from the instructor',
      [],
      { type: 'add', side: INSTRUCTOR, payload: { instrument: 'patrol' } },
      'NOT_A_PROPOSER',
    ],
    [
      'an overrule without a reason',
      patrolTabled,
      { ...overrule('accept'), payload: { verdict: 'accept', reason: ' ' } },
      'MALFORMED_COMMAND',
    ],
  ]
  it.each(cases)('%s', (_name, before, command, code) => {
    const state = run(before)
    const copy = structuredClone(state)
    const outcome = applyCommand(index, state, command)
    expect(!outcome.ok && outcome.refusal.code).toBe(code)
    expect(state).toEqual(copy)
  })
})
