import { describe, expect, it } from 'vitest'
import { applyCommand } from '../../src/core/rules/apply.ts'
import type { Command } from '../../src/core/rules/commands.ts'
import { draw } from '../../src/core/rules/rng.ts'
import type { ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import { finalVerdict } from '../../src/core/rules/scoring.ts'
import type { GameState, Seat } from '../../src/core/rules/state.ts'
import { createGameStore } from '../../src/core/store.ts'
import { seedScenario } from './helpers.ts'

const index = seedScenario()

/** Every command a human side could try now; the rules decide which are allowed. */
function humanOptions(index: ScenarioIndex, state: GameState, side: string): Command[] {
  if (state.phase === 'deciding')
    return [
      { type: 'decide', side, payload: { choice: 'continue' } },
      { type: 'decide', side, payload: { choice: 'implement' } },
    ]
  // Weighted like a cooperative player: mostly endorsing and tabling, sometimes changing the package.
  const options: Command[] = [
    ...Array(12).fill({ type: 'endorse', side, payload: {} }),
    ...Array(6).fill({ type: 'table', side, payload: {} }),
    { type: 'object', side, payload: { reason: 'Not yet.' } },
    { type: 'endRound', side, payload: {} },
  ]
  for (const i of index.scenario.instruments) {
    const variant = i.variants[0]?.id
    options.push({
      type: 'add',
      side,
      payload: variant ? { instrument: i.id, variant } : { instrument: i.id },
    })
    options.push({ type: 'withdraw', side, payload: { instrument: i.id } })
  }
  return options
}

/** Plays a game where `humans` act at random (seeded) and the other sides are computer-played. */
function play(humans: string[], seed: number) {
  const seats = Object.fromEntries(
    index.proposers.map((s) => [s, (humans.includes(s) ? 'human' : 'computer') as Seat]),
  )
  const store = createGameStore(index, { scenarioId: index.scenario.id, seats, seed, difficulty: 'normal' })
  let rng = seed >>> 0
  for (let step = 0; step < 2000 && store.getState().game.phase !== 'ended'; step++) {
    store.getState().runComputers()
    const { game } = store.getState()
    if (game.phase === 'ended') break
    const side = humans[step % humans.length] ?? ''
    const options = humanOptions(index, game, side)
    const d = draw(rng)
    rng = d.next
    store.getState().dispatch(options[Math.floor(d.value * options.length)])
  }
  return store.getState()
}

describe('whole games', () => {
  it.each(['ukraine', 'europe', 'us'])(
    'reach an ending with %s human and the others computer-played',
    (side) => {
      for (const seed of [1, 2, 3]) {
        const { game, log } = play([side], seed)
        expect(game.phase).toBe('ended')
        expect(game.ending).not.toBeNull()
        expect(log.some((c) => c.side === side)).toBe(true)
        const verdict = finalVerdict(index, game)
        expect(verdict.scores.map((s) => s.side).sort()).toEqual(['europe', 'russia', 'ukraine', 'us'])
      }
    },
  )

  it('reach an ending in hot-seat play with three humans', () => {
    const { game } = play(['ukraine', 'europe', 'us'], 11)
    expect(game.phase).toBe('ended')
  })

  it('never see a computer player endorse against its own constraints', () => {
    for (const seed of [4, 5, 6, 7]) {
      const { game } = play(['ukraine'], seed)
      expect(game.breaches.filter((b) => b.side !== 'ukraine')).toEqual([])
    }
  })

  it.each(['easy', 'normal', 'hard'] as const)(
    'played by computers alone at %s difficulty end within the round limit',
    (difficulty) => {
      const seats = Object.fromEntries(index.proposers.map((s) => [s, 'computer' as Seat]))
      const store = createGameStore(index, { scenarioId: index.scenario.id, seats, seed: 42, difficulty })
      store.getState().runComputers(5000)
      const { game } = store.getState()
      expect(game.phase).toBe('ended')
      expect(game.round).toBeLessThanOrEqual(index.scenario.rounds)
    },
  )

  it('can implement the guarantees without Russia’s consent, with its risks', () => {
    const seats = Object.fromEntries(index.proposers.map((s) => [s, 'human' as Seat]))
    let state = createGameStore(index, {
      scenarioId: index.scenario.id,
      seats,
      seed: 3,
      difficulty: 'normal',
    }).getState().game
    const script: Command[] = [
      { type: 'add', side: 'europe', payload: { instrument: 'reassurance-force' } },
      { type: 'add', side: 'us', payload: { instrument: 'article5-style-clause', variant: 'could' } },
      ...index.proposers.map((side) => ({ type: 'endorse', side, payload: {} }) as Command),
      { type: 'table', side: 'ukraine', payload: {} },
      ...index.proposers.map(
        (side) => ({ type: 'decide', side, payload: { choice: 'implement' } }) as Command,
      ),
    ]
    const escalationBefore = state.meters.escalation ?? 0
    for (const c of script) {
      const out = applyCommand(index, state, c)
      if (!out.ok) throw new Error(out.refusal.code)
      state = out.state
    }
    expect(state.response?.redLines).toContain('no-european-peacekeepers')
    expect(state.flags).toContain('implemented-without-consent')
    expect(state.meters.escalation).toBeGreaterThan(escalationBefore + 10)
    expect(['unilateral', 'escalation']).toContain(state.ending?.id)
  })
})
