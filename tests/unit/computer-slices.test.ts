/**
 * A computer partner's decision thought through in slices (nextComputerCommandWithin, as the page runs it
 * between frames) gives the command the decision in one go gives, however often it is stopped.
 */
import { describe, expect, it } from 'vitest'
import { nextComputerCommand, nextComputerCommandWithin } from '../../src/core/ai/computer-player.ts'
import type { Command } from '../../src/core/rules/commands.ts'
import { createGameStore } from '../../src/core/store.ts'
import { seedScenario } from './helpers.ts'

// Two loads of the same scenario: the planners' memos are per scenario index, so the sliced decisions
// below start from nothing instead of from what the whole ones already worked out.
const whole = seedScenario()
const sliced = seedScenario()

describe('computer partners thinking in slices', () => {
  it('stop when asked, go on where they stopped, and choose the same commands', () => {
    const seats = Object.fromEntries(whole.proposers.map((s) => [s, 'computer' as const]))
    const store = createGameStore(whole, {
      scenarioId: whole.scenario.id,
      seats,
      seed: 7,
      difficulty: 'normal',
    })
    let stops = 0
    let decisions = 0
    for (let i = 0; i < 2000; i++) {
      const state = store.getState().game
      // Stopped as early as allowed: each call weighs one package it has not weighed before.
      let answer: Command | null | 'thinking' = 'thinking'
      for (let calls = 0; answer === 'thinking'; calls++) {
        expect(calls, 'every call gets further').toBeLessThan(10_000)
        answer = nextComputerCommandWithin(sliced, state, () => true)
        if (answer === 'thinking') stops++
      }
      const expected = nextComputerCommand(whole, state)
      expect(answer).toEqual(expected)
      if (!expected) break
      decisions++
      expect(store.getState().dispatch(expected).ok).toBe(true)
    }
    expect(store.getState().game.phase).toBe('ended')
    // The test means something only if decisions were actually cut into parts.
    expect(stops).toBeGreaterThan(decisions)
  })

  it('think in one go without an allowance, and an error inside still escapes', () => {
    const seats = Object.fromEntries(whole.proposers.map((s) => [s, 'computer' as const]))
    const state = createGameStore(sliced, {
      scenarioId: sliced.scenario.id,
      seats,
      seed: 8,
      difficulty: 'normal',
    }).getState().game
    expect(nextComputerCommandWithin(sliced, state, () => false)).toEqual(nextComputerCommand(whole, state))
    const broken = { ...state, package: null } as unknown as typeof state
    expect(() => nextComputerCommandWithin(sliced, broken, () => true)).toThrow()
  })
})
