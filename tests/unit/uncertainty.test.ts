import { describe, expect, it } from 'vitest'
import { nextComputerCommand } from '../../src/core/ai/computer-player.ts'
import { aftermathChances, aftermathOdds, playAftermath } from '../../src/core/rules/aftermath.ts'
import { applyCommand } from '../../src/core/rules/apply.ts'
import type { Command } from '../../src/core/rules/commands.ts'
import { resolveResponse } from '../../src/core/rules/response.ts'
import { scoreSides } from '../../src/core/rules/scoring.ts'
import { contextFor, type Difficulty, type GameState, newGame } from '../../src/core/rules/state.ts'
import { createGameStore, replay } from '../../src/core/store.ts'
import { seedScenario } from './helpers.ts'

const index = seedScenario()
const computers = { ukraine: 'computer', europe: 'computer', us: 'computer' } as const
const setup = (seed: number, difficulty: Difficulty = 'normal') => ({
  scenarioId: index.scenario.id,
  seats: { ...computers },
  seed,
  difficulty,
})

function ok(state: GameState, command: Command): GameState {
  const outcome = applyCommand(index, state, command)
  if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.refusal.code}`)
  return outcome.state
}

describe("Russia's hidden resolve", () => {
  it('is drawn from the seed, within each range, and the same seed draws the same', () => {
    const ranged = index.scenario.redLines.filter((r) => r.resolve)
    expect(ranged.length).toBeGreaterThan(0)
    for (const seed of [1, 2, 3, 99]) {
      const a = newGame(index, setup(seed))
      expect(newGame(index, setup(seed)).resolve).toEqual(a.resolve)
      for (const r of ranged) {
        const value = a.resolve[r.id] ?? -1
        expect(value).toBeGreaterThanOrEqual(r.resolve?.low ?? 0)
        expect(value).toBeLessThanOrEqual(r.resolve?.high ?? 1)
      }
    }
    expect(newGame(index, setup(1)).resolve).not.toEqual(newGame(index, setup(2)).resolve)
  })

  it('leans soft on easy and firm on hard', () => {
    const mean = (difficulty: Difficulty) => {
      let sum = 0
      for (let seed = 1; seed <= 200; seed++)
        for (const v of Object.values(newGame(index, setup(seed, difficulty)).resolve)) sum += v
      return sum
    }
    expect(mean('easy')).toBeLessThan(mean('normal'))
    expect(mean('normal')).toBeLessThan(mean('hard'))
  })

  it('decides whether a crossed red line holds: a firmness of 0 lets it pass, 1 holds it', () => {
    const state = newGame(index, setup(5))
    const ctx = contextFor(index, state, [{ instrument: 'nato-membership', backedBy: 'ukraine' }])
    const soft = resolveResponse(index, ctx, 'normal', state.rng, { ...state.resolve, 'no-nato': 0 })
    expect(soft.response.redLines).toContain('no-nato')
    expect(soft.response.yielded).toContain('no-nato')
    const firm = resolveResponse(index, ctx, 'normal', state.rng, { ...state.resolve, 'no-nato': 1 })
    expect(firm.response.yielded).not.toContain('no-nato')
    expect(firm.response.verdict).toBe('demandRemoval')
  })

  it('is never read by the computer partners: another draw gives the same moves before any answer', () => {
    for (const seed of [1, 7, 13]) {
      let state = newGame(index, setup(seed))
      for (let step = 0; step < 25 && state.history.length === 0; step++) {
        const command = nextComputerCommand(index, state)
        const other = nextComputerCommand(index, {
          ...state,
          resolve: Object.fromEntries(Object.keys(state.resolve).map((id) => [id, 0])),
        })
        expect(other).toEqual(command)
        if (!command) break
        state = ok(state, command)
      }
    }
  })
})

describe('the aftermath', () => {
  it('follows every deal and imposition, replays identically, and its odds add up to 1', () => {
    let played = 0
    for (let seed = 1; seed <= 6; seed++) {
      const store = createGameStore(index, setup(seed))
      store.getState().runComputers(3000)
      const { game, log } = store.getState()
      expect(game.phase).toBe('ended')
      const kind = index.scenario.endings.find((e) => e.id === game.ending?.id)?.kind
      if (kind !== 'deal' && kind !== 'unilateral') {
        expect(game.aftermath).toBeNull()
        continue
      }
      played++
      expect(game.inForce?.length).toBeGreaterThan(0)
      expect(game.aftermath).not.toBeNull()
      const odds = Object.values(game.aftermath?.odds ?? {})
      expect(odds.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
      expect(replay(index, setup(seed), log)).toEqual(game)
    }
    expect(played).toBeGreaterThan(0)
  })

  it('draws its outcomes as often as its odds say', () => {
    const items = [
      { instrument: 'military-financial-aid', backedBy: 'europe' },
      { instrument: 'nato-lite', backedBy: 'europe' },
      { instrument: 'article5-style-clause', variant: 'could', backedBy: 'us' },
    ]
    const base: GameState = { ...newGame(index, setup(1)), phase: 'ended', inForce: items }
    const chances = aftermathChances(index, base, items)
    if (!chances || !index.scenario.aftermath) throw new Error('the seed scenario has an aftermath')
    const odds = aftermathOdds(index.scenario.aftermath.years, chances, false)
    const counts: Record<string, number> = {}
    const n = 3000
    for (let rng = 1; rng <= n; rng++) {
      const outcome = playAftermath(index, { ...base, rng: rng * 2654435761 }, items).aftermath?.outcome ?? ''
      counts[outcome] = (counts[outcome] ?? 0) + 1
    }
    for (const [kind, p] of Object.entries(odds)) expect((counts[kind] ?? 0) / n).toBeCloseTo(p, 1)
  })

  it('makes imposing a package that crosses firm red lines risk confrontation at once', () => {
    const items = [
      { instrument: 'reassurance-force', backedBy: 'europe' },
      { instrument: 'article5-style-clause', variant: 'shall', backedBy: 'us' },
    ]
    const state: GameState = {
      ...newGame(index, setup(1)),
      flags: ['implemented-without-consent'],
      phase: 'ended',
      inForce: items,
    }
    const firm = aftermathChances(index, state, items, () => 1)
    const soft = aftermathChances(index, state, items, () => 0)
    expect(firm?.confront.value).toBeGreaterThan(soft?.confront.value ?? 1)
    const odds = aftermathOdds(index.scenario.aftermath?.years ?? 0, firm ?? ({} as never), true)
    expect(odds.confrontation).toBeGreaterThan(0.2)
  })
})

describe('requests to withdraw', () => {
  const start = () => {
    let state = newGame(index, { ...setup(3), seats: { ukraine: 'human', europe: 'human', us: 'human' } })
    state = ok(state, { type: 'add', side: 'europe', payload: { instrument: 'reassurance-force' } })
    return state
  }

  it('asks the side that put an instrument in to take it out, and is granted by withdrawing it', () => {
    let state = ok(start(), {
      type: 'request',
      side: 'us',
      payload: { to: 'europe', instrument: 'reassurance-force', action: 'withdraw' },
    })
    expect(state.requests.at(-1)).toMatchObject({ action: 'withdraw', status: 'open', to: 'europe' })
    state = ok(state, { type: 'withdraw', side: 'europe', payload: { instrument: 'reassurance-force' } })
    expect(state.requests.at(-1)?.status).toBe('granted')
    expect(state.package).toEqual([])
  })

  it('is refused for an instrument the other side did not put in, and asked only once', () => {
    const state = start()
    const wrongSide = applyCommand(index, state, {
      type: 'request',
      side: 'ukraine',
      payload: { to: 'us', instrument: 'reassurance-force', action: 'withdraw' },
    })
    expect(wrongSide.ok ? null : wrongSide.refusal.code).toBe('CANNOT_PROPOSE')
    const ask: Command = {
      type: 'request',
      side: 'ukraine',
      payload: { to: 'europe', instrument: 'reassurance-force', action: 'withdraw' },
    }
    const twice = applyCommand(index, ok(state, ask), ask)
    expect(twice.ok ? null : twice.refusal.code).toBe('ALREADY_REQUESTED')
  })
})

describe('computer partners', () => {
  it('never deadlock: every game of computer partners ends, at each difficulty', () => {
    for (const difficulty of ['easy', 'normal', 'hard'] as const)
      for (let seed = 1; seed <= 4; seed++) {
        const store = createGameStore(index, setup(seed, difficulty))
        store.getState().runComputers(3000)
        expect(store.getState().game.phase).toBe('ended')
        expect(store.getState().refusals).toEqual([])
      }
  })

  it('never keep in the package an instrument of their own that they object to', () => {
    for (let seed = 1; seed <= 6; seed++) {
      let state = newGame(index, setup(seed))
      for (let step = 0; step < 3000 && state.phase !== 'ended'; step++) {
        const command = nextComputerCommand(index, state)
        if (!command) break
        state = ok(state, command)
        if (command.type !== 'object') continue
        const own = state.package.filter((p) => p.backedBy === command.side)
        for (const item of own) {
          const name = index.instruments.get(item.instrument)?.name ?? item.instrument
          expect(command.payload.reason).not.toContain(`Not with "${name}`)
        }
      }
    }
  })

  it('give their reasons in their side’s words', () => {
    const store = createGameStore(index, { ...setup(2), seats: { ...computers, ukraine: 'human' } })
    store.getState().runComputers(3000)
    const reasons = store
      .getState()
      .game.requests.filter((r) => r.status === 'declined')
      .map((r) => r.reason ?? '')
    const positions = index.proposers.flatMap((s) => index.sides.get(s)?.positions.map((p) => p.text) ?? [])
    const constraints = index.proposers.flatMap(
      (s) => index.sides.get(s)?.constraints.map((c) => c.text) ?? [],
    )
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(10)
    expect(reasons.some((r) => [...positions, ...constraints].some((t) => r.includes(t.slice(0, 30))))).toBe(
      reasons.length > 0,
    )
  })
})

describe('scores that tell the truth', () => {
  it('count a meter by its change from the start, and no package line when no package took effect', () => {
    const state: GameState = {
      ...newGame(index, setup(1)),
      phase: 'ended',
      ending: { id: 'collapse', round: 6 },
      meters: { escalation: 30, deterrence: 20, cohesion: 10, confidence: 5 },
    }
    const ukraine = scoreSides(index, state, 'ukraine')[0]
    const confidence = ukraine?.lines.find((l) => l.kind === 'meter' && l.meter === 'confidence')
    expect(confidence).toMatchObject({ from: 45, value: 5, points: -20 })
    expect(ukraine?.lines.some((l) => l.kind === 'term')).toBe(false)
  })
})
