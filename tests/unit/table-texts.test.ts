import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '../../src/client/i18n/index.ts'
import { localisedIndex } from '../../src/client/i18n/scenario.ts'
import { resolveRows } from '../../src/client/render/backstage-resolve.ts'
import { requestText } from '../../src/client/render/requests.ts'
import { applyCommand } from '../../src/core/rules/apply.ts'
import { indexScenario } from '../../src/core/rules/scenario-index.ts'
import { type GameState, newGame, type Response } from '../../src/core/rules/state.ts'
import { harbour } from './helpers.ts'

afterEach(() => setLanguage('en'))

/** The harbour with a hidden resolve on its red line, and a second red line without one. */
function uncertainHarbour() {
  const base = harbour()
  const [line] = base.scenario.redLines
  if (!line) throw new Error('the harbour has a red line')
  const source = line.stated.map(({ seed, quote }) => ({ seed, quote }))
  const redLines = [
    { ...line, resolve: { low: 0.2, high: 0.9, rationale: 'Made up for the tests.', source } },
    { ...line, id: 'no-fund', title: 'No common fund', resolve: undefined },
  ]
  return indexScenario({ ...base.scenario, redLines })
}

const index = uncertainHarbour()
const setup = { scenarioId: 'harbour', seats: {}, seed: 7, difficulty: 'normal' as const }

/** A response on record that crossed `crossed` and let `yielded` pass. */
const answered = (round: number, crossed: string[], yielded: string[]) => ({
  round,
  tabled: [],
  events: [],
  decision: null,
  meters: {},
  response: {
    round,
    verdict: 'reject',
    redLines: crossed,
    yielded,
    preferences: [],
    demands: [],
    disposition: 0,
    noise: 0,
    acceptAt: 0,
  } satisfies Response,
})

describe('the backstage’s hidden resolve', () => {
  it('shows the firmness drawn in its range, and whether each answer held or let the red line pass', () => {
    const start = newGame(index, setup)
    const state: GameState = {
      ...start,
      history: [
        answered(1, ['no-boats'], []),
        { ...answered(2, [], []), response: null },
        answered(3, ['no-boats', 'no-fund'], ['no-boats']),
      ],
    }
    const [boats, fund] = resolveRows(index, state)
    expect(boats?.firmness).toBe(start.resolve['no-boats'])
    expect(boats?.firmness).toBeGreaterThanOrEqual(0.2)
    expect(boats?.firmness).toBeLessThanOrEqual(0.9)
    expect(boats?.range).toEqual({ low: 0.2, high: 0.9, rationale: 'Made up for the tests.' })
    expect(boats?.answers).toEqual([
      { round: 1, held: true },
      { round: 3, held: false },
    ])
    // Without a range a red line always holds: there is no firmness to reveal.
    expect(fund).toMatchObject({ firmness: null, range: null, answers: [{ round: 3, held: true }] })
  })

  it('lists no answers before any package crossed the red line', () => {
    expect(resolveRows(index, newGame(index, setup)).map((r) => r.answers)).toEqual([[], []])
  })
})

describe('requests in words', () => {
  it('say whether a side is asked to add or to withdraw, in both languages', () => {
    const plain = harbour()
    let state = newGame(plain, setup)
    for (const command of [
      { type: 'add', side: 'north', payload: { instrument: 'patrol' } },
      { type: 'request', side: 'south', payload: { to: 'north', instrument: 'patrol', action: 'withdraw' } },
      { type: 'request', side: 'north', payload: { to: 'south', instrument: 'station', inReturnFor: 0 } },
    ]) {
      const outcome = applyCommand(plain, state, command)
      if (!outcome.ok) throw new Error(outcome.refusal.code)
      state = outcome.state
    }
    const [withdraw, add] = state.requests
    if (!withdraw || !add) throw new Error('two requests')
    expect(add.inReturnFor).toBe(0)
    expect(requestText(plain, withdraw)).toBe('South town asks North town to withdraw Patrol boats')
    expect(requestText(plain, add)).toBe('North town asks South town to add Weather station')
    setLanguage('uk')
    const shown = localisedIndex(plain, 'uk')
    expect(requestText(shown, withdraw)).toMatch(/просить сторону .+ відкликати: /)
    expect(requestText(shown, add)).toMatch(/просить сторону .+ додати: /)
  })
})
