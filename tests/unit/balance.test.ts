import { describe, expect, it } from 'vitest'
import { candidateCommands, legalCommands } from '../../src/core/balance/moves.ts'
import { type GameResult, playGame } from '../../src/core/balance/play.ts'
import { STRATEGIES, STRATEGY_IDS, type Strategy } from '../../src/core/balance/strategies.ts'
import { type CellFigures, measureTargets, summarise } from '../../src/core/balance/summary.ts'
import { applyCommand } from '../../src/core/rules/apply.ts'
import type { ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import { newGame } from '../../src/core/rules/state.ts'
import { harbour, seedScenario } from './helpers.ts'

// The strategies' rates are the bench's business (npm run balance), never a unit test's: these tests check
// only that the strategies play by the rules, that games end, and that a seed replays.

const SLOW = 120_000
/** Each scenario with its seeds and a command cap (a shipped game takes a few hundred commands at most). */
const scenarios: Array<[string, () => ScenarioIndex, number[], number]> = [
  ['the small fixture', harbour, [1, 2, 3], 3000],
  ['the shipped scenario', seedScenario, [7], 600],
]

/** Wraps a strategy so that every command it sends is first checked against the rules. */
function checked(strategy: Strategy, refused: string[]): Strategy {
  return (index, state, side) => {
    const command = strategy(index, state, side)
    if (command) {
      const outcome = applyCommand(index, state, command)
      if (!outcome.ok) refused.push(`${command.type}: ${outcome.refusal.code}`)
    }
    return command
  }
}

describe.each(scenarios)('balance strategies on %s', (_name, load, seeds, cap) => {
  const index = load()
  it.each([...STRATEGY_IDS])(
    '%s sends only commands the rules accept, and its games end',
    (id) => {
      for (const side of index.proposers)
        for (const seed of seeds) {
          const refused: string[] = []
          const strategy = checked(STRATEGIES[id], refused)
          const { result, state } = playGame(index, { strategy, side, seed, difficulty: 'normal', cap })
          expect(refused, `${id} as ${side}, seed ${seed}`).toEqual([])
          expect(result.stalled?.detail ?? '').not.toMatch(/^strategy/)
          expect(result.commands).toBeLessThanOrEqual(cap)
          if (load === harbour) {
            expect(result.stalled, `${id} as ${side}, seed ${seed}`).toBeNull()
            expect(state.phase).toBe('ended')
          }
        }
    },
    SLOW,
  )
})

describe('balance game loop', () => {
  const index = harbour()

  it('answers requests and votes at every difficulty on the fixture, so no game waits on a strategy', () => {
    for (const difficulty of ['easy', 'normal', 'hard'] as const)
      for (const id of STRATEGY_IDS)
        for (const side of index.proposers) {
          const { result } = playGame(index, { strategy: STRATEGIES[id], side, seed: 11, difficulty })
          expect(result.stalled, `${id} as ${side} at ${difficulty}`).toBeNull()
        }
  })

  it('replays: the same seed gives the same game', () => {
    for (const id of ['random', 'planner'] as const) {
      const a = playGame(index, { strategy: STRATEGIES[id], side: 'north', seed: 5, difficulty: 'hard' })
      const b = playGame(index, { strategy: STRATEGIES[id], side: 'north', seed: 5, difficulty: 'hard' })
      expect(b.result).toEqual(a.result)
      expect(b.log).toEqual(a.log)
    }
  })

  it('random speaks once per package, so that its state never repeats (it would draw the same for ever)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const spoke: string[] = []
      const watched: Strategy = (index, state, side) => {
        const command = STRATEGIES.random(index, state, side)
        if ((command?.type === 'endorse' || command?.type === 'object') && state.stances[side])
          spoke.push(`${state.stances[side]?.kind} then ${command.type}`)
        return command
      }
      const { result } = playGame(index, { strategy: watched, side: 'south', seed, difficulty: 'hard' })
      expect(spoke).toEqual([])
      expect(result.stalled).toBeNull()
    }
  })

  it('stops at the command cap and reports the game as stalled', () => {
    const { result } = playGame(index, {
      strategy: STRATEGIES.random,
      side: 'north',
      seed: 1,
      difficulty: 'normal',
      cap: 2,
    })
    expect(result.stalled?.reason).toBe('cap')
    expect(result.ahead).toBe(false)
    expect(result.ending).toBeNull()
  })

  it('reports a strategy with nothing to say as stalled, not as a result', () => {
    const { result } = playGame(index, { strategy: () => null, side: 'south', seed: 1, difficulty: 'normal' })
    expect(result.stalled?.reason).toBe('idle')
  })

  it('lists as legal exactly the candidate commands the rules accept', () => {
    const state = newGame(index, { scenarioId: 'harbour', seats: {}, seed: 1, difficulty: 'normal' })
    const legal = legalCommands(index, state, 'north')
    expect(legal.length).toBeGreaterThan(0)
    expect(legal.map((c) => c.type)).toContain('add')
    expect(legal.map((c) => c.type)).not.toContain('table')
    const accepted = candidateCommands(index, state, 'north').filter((c) => applyCommand(index, state, c).ok)
    expect(legal).toEqual(accepted)
  })
})

describe('balance figures', () => {
  const game = (over: Partial<GameResult>): GameResult => ({
    seed: 1,
    ending: 'deal',
    rounds: 2,
    ahead: true,
    score: 10,
    par: 0,
    aftermath: null,
    commands: 10,
    stalled: null,
    ...over,
  })
  const key = { scenario: 's.yaml', difficulty: 'normal' as const, strategy: 'lazy', side: 'north' }

  it('summarises a cell as percentages of all its games, stalled ones included', () => {
    const cell = summarise(
      key,
      [
        game({}),
        game({ seed: 2, ending: 'war', ahead: false, rounds: 4, aftermath: 'attack' }),
        game({
          seed: 3,
          ending: null,
          ahead: false,
          stalled: { reason: 'idle', round: 1, phase: 'negotiating' },
        }),
        game({ seed: 4 }),
      ],
      ['war', 'deal', 'stall'],
    )
    expect(cell.ahead).toBe(50)
    expect(cell.meanRounds).toBe(2.5)
    expect(cell.endings).toEqual({ war: 25, deal: 50, stall: 0 })
    expect(cell.aftermath).toEqual({ none: 75, attack: 25 })
    expect(cell.stalled).toBe(1)
    expect(cell.stalledGames[0]?.seed).toBe(3)
  })

  it('measures the targets, and leaves unmeasured the ones a run did not cover', () => {
    const cell = (
      strategy: string,
      side: string,
      ahead: number,
      over: Partial<CellFigures> = {},
    ): CellFigures => ({
      ...key,
      strategy,
      side,
      games: 100,
      ahead,
      meanRounds: 3.5,
      meanScore: 0,
      endings: { deal: 50, war: 50 },
      aftermath: { none: 100 },
      stalled: 0,
      stalledGames: [],
      ...over,
    })
    const cells = [
      cell('lazy', 'ukraine', 30),
      cell('lazy', 'europe', 10),
      cell('smart', 'ukraine', 70),
      cell('smart', 'europe', 65),
    ]
    const targets = measureTargets(cells, ['deal', 'war'])
    expect(targets.map((t) => t.met)).toEqual([false, false, true, true, null])
    const withHard = [...cells, cell('smart', 'ukraine', 40, { difficulty: 'hard' })]
    expect(
      measureTargets([...withHard, cell('smart', 'ukraine', 60, { difficulty: 'easy' })], ['deal']).at(-1)
        ?.met,
    ).toBe(true)
  })
})
