import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { applyCommand } from '../../src/core/rules/apply.ts'
import type { ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import { type GameState, newGame } from '../../src/core/rules/state.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { createGameStore, replay } from '../../src/core/store.ts'
import { FIXTURE_SEEDS, FIXTURES, harbour, seedScenario } from './helpers.ts'

/** Commands drawn from the scenario's own vocabulary, so that many are legal and many are not. */
function commandArb(index: ScenarioIndex) {
  const sides = [...index.proposers, index.responder, 'nobody']
  const instruments = [...index.instruments.keys(), 'unknown']
  const variants = [undefined, ...[...index.variants.values()].flatMap((m) => [...m.keys()])]
  const flags = [...index.flags, 'unknown']
  const side = fc.constantFrom(...sides)
  const instrument = fc.constantFrom(...instruments)
  const variant = fc.constantFrom(...variants)
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ type: fc.constant('add'), side, payload: fc.record({ instrument, variant }) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ type: fc.constant('withdraw'), side, payload: fc.record({ instrument }) }),
    },
    { weight: 6, arbitrary: fc.record({ type: fc.constant('endorse'), side, payload: fc.constant({}) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('object'),
        side,
        payload: fc.record({ reason: fc.constantFrom('no', 'too risky') }),
      }),
    },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('table'), side, payload: fc.constant({}) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('endRound'), side, payload: fc.constant({}) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('setFlag'),
        side,
        payload: fc.record({ flag: fc.constantFrom(...flags), value: fc.boolean() }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('request'),
        side,
        payload: fc.record({ to: side, instrument, variant }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('decline'),
        side,
        payload: fc.record({ request: fc.nat(3), reason: fc.constant('no') }),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('decide'),
        side,
        payload: fc.record({ choice: fc.constantFrom('implement', 'continue') }),
      }),
    },
    { weight: 1, arbitrary: fc.anything() },
  )
}

function inRange(index: ScenarioIndex, state: GameState): boolean {
  return index.scenario.meters.every((m) => {
    const v = state.meters[m.id]
    return v !== undefined && v >= m.min && v <= m.max
  })
}

describe.each([
  ['the harbour fixture', harbour()],
  ['the seed scenario', seedScenario()],
])('rules properties on %s', (_name, index) => {
  const setup = (seed: number) => ({
    scenarioId: index.scenario.id,
    seats: Object.fromEntries(index.proposers.map((s) => [s, 'human' as const])),
    seed,
    difficulty: 'normal' as const,
  })
  const commands = fc.array(commandArb(index), { maxLength: 60 })

  it('is deterministic, replays from its log, keeps meters in range, and refused commands change nothing', () => {
    fc.assert(
      fc.property(fc.integer(), commands, (seed, list) => {
        const store = createGameStore(index, setup(seed))
        let state = newGame(index, setup(seed))
        for (const command of list) {
          const before = structuredClone(state)
          const outcome = applyCommand(index, state, command)
          if (outcome.ok) state = outcome.state
          else expect(state).toEqual(before)
          expect(inRange(index, state)).toBe(true)
          store.getState().dispatch(command)
        }
        expect(store.getState().game).toEqual(state)
        expect(replay(index, setup(seed), store.getState().log)).toEqual(state)
        return true
      }),
      { numRuns: 150 },
    )
  })

  it('gives the same game for the same seed and commands, store against store', () => {
    fc.assert(
      fc.property(fc.integer(), commands, (seed, list) => {
        const one = createGameStore(index, setup(seed))
        const two = createGameStore(index, setup(seed))
        for (const command of list) {
          one.getState().dispatch(command)
          two.getState().dispatch(command)
        }
        expect(two.getState().game).toEqual(one.getState().game)
        expect(two.getState().log).toEqual(one.getState().log)
        expect(createGameStore(index, setup(seed), one.getState().log).getState().game).toEqual(
          one.getState().game,
        )
      }),
      { numRuns: 100 },
    )
  })
})

describe('the loader never throws', () => {
  const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')
  const load = (text: string) => {
    const result = loadScenario(text, { seeds: FIXTURE_SEEDS })
    expect(Array.isArray(result.problems)).toBe(true)
    if (!result.scenario) expect(result.problems.some((p) => p.severity === 'error')).toBe(true)
  }

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => load(text)),
      { numRuns: 500 },
    )
  })

  it('on arbitrary data written as YAML', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => load(stringify(value))),
      { numRuns: 300 },
    )
  })

  it('on the minimal scenario with lines cut, doubled or garbled', () => {
    const lines = minimal.split('\n')
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(lines.length - 1), fc.constantFrom('cut', 'double', 'garble')), {
          maxLength: 6,
        }),
        fc.string({ maxLength: 8 }),
        (edits, junk) => {
          const copy = [...lines]
          for (const [at, kind] of edits) {
            if (kind === 'cut') copy.splice(at, 1)
            else if (kind === 'double') copy.splice(at, 0, copy[at] ?? '')
            else copy[at] = `${(copy[at] ?? '').slice(0, 10)}${junk}`
          }
          load(copy.join('\n'))
        },
      ),
      { numRuns: 300 },
    )
  })
})
