import { describe, expect, it } from 'vitest'
import type { Command } from '../../src/core/rules/commands.ts'
import { replay } from '../../src/core/store.ts'
import { gameFor, scenarioFor, viewFor } from '../../src/net/view.ts'
import { seedScenario } from '../unit/helpers.ts'

const index = seedScenario()
const { scenario } = index
const setup = {
  scenarioId: scenario.id,
  seats: { ukraine: 'human', europe: 'human', us: 'human' } as const,
  seed: 1234,
  difficulty: 'normal' as const,
}
// A game under way, with breaches set by hand: which constraints a side endorsed against is its own affair.
const log: Command[] = [{ type: 'endorse', side: 'ukraine', payload: {} }]
const game = replay(index, setup, log)
const withBreach = {
  ...game,
  breaches: [
    { side: 'europe', constraint: 'x', round: 1 },
    { side: 'ukraine', constraint: 'y', round: 1 },
  ],
}

describe('what a seat may see', () => {
  it('gives a student their own side’s briefing, interests, constraints and scoring, and no other proposer’s', () => {
    const seen = scenarioFor(scenario, { role: 'student', side: 'ukraine' })
    const side = (id: string) => seen.sides.find((s) => s.id === id)
    const original = (id: string) => scenario.sides.find((s) => s.id === id)
    expect(side('ukraine')).toEqual(original('ukraine'))
    for (const other of ['europe', 'us']) {
      expect(side(other)).toMatchObject({
        id: other,
        name: original(other)?.name,
        briefing: '',
        interests: [],
        constraints: [],
      })
      expect(JSON.stringify(seen)).not.toContain(original(other)?.briefing ?? '@@')
      expect(seen.scoring[other]).toBeUndefined()
    }
    expect(seen.scoring.ukraine).toEqual(scenario.scoring.ukraine)
    // Russia is played by the rules: its red lines and its side stay public.
    expect(seen.redLines).toEqual(scenario.redLines)
    expect(side('russia')).toEqual(original('russia'))
  })

  it('gives a student with no side yet no proposer’s private briefing', () => {
    const seen = scenarioFor(scenario, { role: 'student', side: null })
    for (const s of seen.sides.filter((x) => x.role === 'proposer')) expect(s.briefing).toBe('')
  })

  it('hides the seed, the generator, the overrule snapshot and other sides’ breaches from students', () => {
    const seen = gameFor(withBreach, { role: 'student', side: 'ukraine' })
    expect(seen.rng).toBe(0)
    expect(seen.setup.seed).toBe(0)
    expect(seen.beforeResponse).toBeNull()
    expect(seen.breaches).toEqual([{ side: 'ukraine', constraint: 'y', round: 1 }])
    expect(seen.package).toEqual(game.package)
    expect(seen.stances).toEqual(game.stances)
  })

  it('hides Russia’s hidden resolve from every student while the game goes on, and shows it once it is over', () => {
    // The seed scenario draws a firmness for its red lines: there is something to hide.
    expect(Object.keys(game.resolve).length).toBeGreaterThan(0)
    expect(game.phase).not.toBe('ended')
    for (const side of ['ukraine', 'europe', 'us', null]) {
      const seen = gameFor(withBreach, { role: 'student', side })
      expect(seen.resolve).toEqual({})
      // Nowhere else in what is sent either: no firmness drawn shows up under any key.
      const sent = JSON.stringify(seen)
      for (const [id, firmness] of Object.entries(game.resolve))
        expect(sent).not.toMatch(new RegExp(`"${id}":${firmness}\\b`))
    }
    expect(gameFor(withBreach, { role: 'instructor' }).resolve).toEqual(game.resolve)
    const ended = { ...withBreach, phase: 'ended' as const }
    expect(gameFor(ended, { role: 'student', side: 'ukraine' }).resolve).toEqual(game.resolve)
    // Ended by the instructor while the rules would go on: the debrief reveals it, so the state may too.
    expect(gameFor(withBreach, { role: 'student', side: 'ukraine' }, true).resolve).toEqual(game.resolve)
  })

  it('gives the instructor everything but the overrule snapshot', () => {
    const seen = viewFor(withBreach, scenario, { role: 'instructor' })
    expect(seen.scenario).toBe(scenario)
    expect(seen.game.breaches).toHaveLength(2)
    expect(seen.game.rng).toBe(game.rng)
  })

  it('leaves the state it filters untouched', () => {
    const copy = structuredClone(withBreach)
    viewFor(withBreach, scenario, { role: 'student', side: 'us' })
    expect(withBreach).toEqual(copy)
  })
})
