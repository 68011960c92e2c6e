import { describe, expect, it } from 'vitest'
import { applyCommand, type RefusalCode } from '../../src/core/rules/apply.ts'
import { type GameState, newGame } from '../../src/core/rules/state.ts'
import { harbour } from './helpers.ts'

const index = harbour()
const setup = {
  scenarioId: 'harbour',
  seats: { north: 'human', south: 'human' } as const,
  seed: 7,
  difficulty: 'normal' as const,
}

function run(commands: unknown[]): GameState {
  let state = newGame(index, setup)
  for (const c of commands) {
    const outcome = applyCommand(index, state, c)
    if (!outcome.ok) throw new Error(`${outcome.refusal.code}: ${JSON.stringify(outcome.refusal.params)}`)
    state = outcome.state
  }
  return state
}

const add = (side: string, instrument: string, variant?: string) => ({
  type: 'add',
  side,
  payload: variant ? { instrument, variant } : { instrument },
})
const endorse = (side: string) => ({ type: 'endorse', side, payload: {} })

describe('refused commands are named no-ops', () => {
  const cases: Array<[string, unknown[], unknown, RefusalCode]> = [
    ['malformed', [], { type: 'add', side: 'north' }, 'MALFORMED_COMMAND'],
    ['unknown type', [], { type: 'bribe', side: 'north', payload: {} }, 'MALFORMED_COMMAND'],
    ['the responder', [], add('harbour', 'patrol'), 'NOT_A_PROPOSER'],
    ['unknown instrument', [], add('north', 'ferry'), 'UNKNOWN_INSTRUMENT'],
    ['not theirs', [], add('south', 'patrol'), 'NOT_YOUR_INSTRUMENT'],
    ['variant needed', [], add('north', 'fund'), 'VARIANT_REQUIRED'],
    ['unknown variant', [], add('north', 'fund', 'huge'), 'UNKNOWN_VARIANT'],
    ['twice', [add('north', 'fund', 'small')], add('south', 'fund', 'large'), 'ALREADY_IN_PACKAGE'],
    [
      'withdraw missing',
      [],
      { type: 'withdraw', side: 'north', payload: { instrument: 'patrol' } },
      'NOT_IN_PACKAGE',
    ],
    [
      'withdraw another side’s',
      [add('north', 'patrol')],
      { type: 'withdraw', side: 'south', payload: { instrument: 'patrol' } },
      'NOT_YOUR_ITEM',
    ],
    ['table empty', [], { type: 'table', side: 'north', payload: {} }, 'EMPTY_PACKAGE'],
    [
      'table unendorsed',
      [add('north', 'patrol'), endorse('north')],
      { type: 'table', side: 'north', payload: {} },
      'NOT_ALL_ENDORSED',
    ],
    [
      'end round in agreement',
      [add('north', 'patrol'), endorse('north'), endorse('south')],
      { type: 'endRound', side: 'north', payload: {} },
      'NO_DISAGREEMENT',
    ],
    [
      'decide while negotiating',
      [],
      { type: 'decide', side: 'north', payload: { choice: 'continue' } },
      'WRONG_PHASE',
    ],
    [
      'request from oneself',
      [],
      { type: 'request', side: 'north', payload: { to: 'north', instrument: 'patrol' } },
      'UNKNOWN_SIDE',
    ],
    [
      'request the impossible',
      [],
      { type: 'request', side: 'north', payload: { to: 'south', instrument: 'patrol' } },
      'CANNOT_PROPOSE',
    ],
    [
      'decline nothing',
      [],
      { type: 'decline', side: 'north', payload: { request: 0, reason: 'no' } },
      'UNKNOWN_REQUEST',
    ],
    [
      'unknown flag',
      [],
      { type: 'setFlag', side: 'north', payload: { flag: 'calm', value: true } },
      'UNKNOWN_FLAG',
    ],
  ]
  it.each(cases)('%s', (_name, before, command, code) => {
    const state = run(before)
    const copy = structuredClone(state)
    const outcome = applyCommand(index, state, command)
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) {
      expect(outcome.refusal.code).toBe(code)
      // Codes and ids only: the words are the catalogue's, in each reader's language.
      expect(outcome.refusal).not.toHaveProperty('message')
    }
    expect(state).toEqual(copy)
  })
})

describe('a round', () => {
  it('voids endorsements when the package changes', () => {
    const state = run([add('north', 'patrol'), endorse('north'), endorse('south'), add('south', 'station')])
    expect(state.stances).toEqual({})
  })

  it('records a breach, with a warning, when a side endorses against its own constraint', () => {
    const outcome = applyCommand(index, run([add('south', 'station')]), endorse('north'))
    expect(outcome.ok && outcome.warned).toEqual([
      { code: 'CONSTRAINT_BROKEN', side: 'north', constraint: 'north-min' },
    ])
    expect(outcome.ok && outcome.state.breaches).toEqual([
      { side: 'north', constraint: 'north-min', round: 1 },
    ])
  })

  it('resolves a red line: patrol boats are rejected, with the mayor’s words behind it', () => {
    const state = run([
      add('north', 'patrol'),
      endorse('north'),
      endorse('south'),
      { type: 'table', side: 'south', payload: {} },
    ])
    expect(state.response).toMatchObject({ verdict: 'reject', redLines: ['no-boats'] })
    expect(state.meters.tension).toBe(50)
    expect(state.phase).toBe('deciding')
  })

  it('ends in a deal when the harbour accepts', () => {
    const state = run([
      add('north', 'fund', 'large'),
      add('south', 'station'),
      endorse('north'),
      endorse('south'),
      { type: 'table', side: 'north', payload: {} },
    ])
    expect(state.response?.verdict).toBe('accept')
    expect(state.ending).toEqual({ id: 'deal', round: 1 })
    expect(applyCommand(index, state, endorse('north'))).toMatchObject({
      ok: false,
      refusal: { code: 'GAME_OVER' },
    })
  })

  it('implements without consent only when every proposer votes for it', () => {
    const tabled = [
      add('north', 'patrol'),
      endorse('north'),
      endorse('south'),
      { type: 'table', side: 'north', payload: {} },
    ]
    const split = run([
      ...tabled,
      { type: 'decide', side: 'north', payload: { choice: 'implement' } },
      { type: 'decide', side: 'south', payload: { choice: 'continue' } },
    ])
    expect(split.round).toBe(2)
    expect(split.flags).not.toContain('implemented-without-consent')
    const both = run([
      ...tabled,
      ...['north', 'south'].map((side) => ({ type: 'decide', side, payload: { choice: 'implement' } })),
    ])
    expect(both.flags).toContain('implemented-without-consent')
    expect(both.ending?.id).toBe('war')
  })

  it('ends untabled rounds and reaches the round-limit ending', () => {
    const objectAll = [
      add('north', 'patrol'),
      { type: 'object', side: 'south', payload: { reason: 'Too risky' } },
      endorse('north'),
    ]
    let state = run(objectAll)
    for (let r = 0; r < 3; r++) {
      const out = applyCommand(index, state, { type: 'endRound', side: 'south', payload: {} })
      if (!out.ok) throw new Error(out.refusal.code)
      state = out.state
      if (state.phase === 'ended') break
      for (const c of [
        { type: 'object', side: 'south', payload: { reason: 'Still no' } },
        endorse('north'),
      ]) {
        const o = applyCommand(index, state, c)
        if (o.ok) state = o.state
      }
    }
    expect(state.ending).toEqual({ id: 'stall', round: 3 })
    expect(state.history.map((h) => h.tabled)).toEqual([null, null, null])
  })
})
