import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/core/rules/conditions.ts'
import { randomPackage } from '../../src/core/rules/enumerate.ts'
import { sumAttribute } from '../../src/core/rules/package.ts'
import { seedState } from '../../src/core/rules/rng.ts'
import type { ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import { contextFor, newGame } from '../../src/core/rules/state.ts'
import { type ConditionTrace, traceCondition } from '../../src/core/rules/trace.ts'
import type { Condition } from '../../src/core/scenario/schema/conditions.ts'
import { harbour, seedScenario } from './helpers.ts'

const setup = (index: ScenarioIndex) => ({
  scenarioId: index.scenario.id,
  seats: {},
  seed: 1,
  difficulty: 'normal' as const,
})

/** Every node of a trace agrees with its parts the way the interpreter combines them. */
function consistent(trace: ConditionTrace): boolean {
  const c = trace.condition
  const parts = trace.parts ?? []
  if (!parts.every(consistent)) return false
  if ('all' in c) return trace.holds === parts.every((p) => p.holds)
  if ('any' in c) return trace.holds === parts.some((p) => p.holds)
  if ('not' in c) return trace.holds === !parts[0]?.holds
  if ('has' in c || 'hasTag' in c || 'backedBy' in c) return trace.holds === (trace.items?.length ?? 0) > 0
  return true
}

describe('traceCondition', () => {
  it('agrees with evaluate on every red line, preference and constraint of the seed scenario', () => {
    const index = seedScenario()
    const game = newGame(index, setup(index))
    const conditions: Condition[] = [
      ...index.scenario.redLines.map((r) => r.when),
      ...index.scenario.preferences.map((p) => p.when),
      ...index.scenario.sides.flatMap((s) => s.constraints.map((c) => c.requires)),
    ]
    let rng = seedState(7)
    let crossed = 0
    for (let i = 0; i < 200; i++) {
      const drawn = randomPackage(index, rng)
      rng = drawn.rng
      const ctx = contextFor(index, game, drawn.items)
      for (const c of conditions) {
        const trace = traceCondition(c, ctx)
        expect(trace.holds).toBe(evaluate(c, ctx))
        expect(consistent(trace)).toBe(true)
        if (trace.holds) crossed += 1
      }
    }
    // Random packages cross some conditions and not others: the check above saw both outcomes.
    expect(crossed).toBeGreaterThan(0)
    expect(crossed).toBeLessThan(200 * conditions.length)
  })

  it('names the items that match and the numbers compared', () => {
    const index = harbour()
    const game = newGame(index, setup(index))
    const patrol = { instrument: 'patrol', backedBy: 'north' }
    const fund = { instrument: 'fund', variant: 'large', backedBy: 'south' }
    const ctx = contextFor(index, game, [patrol, fund])
    expect(traceCondition({ hasTag: 'boats' }, ctx)).toEqual({
      condition: { hasTag: 'boats' },
      holds: true,
      items: [patrol],
    })
    const sum = traceCondition({ sum: 'deterrence', atLeast: 7 }, ctx)
    expect(sum.value).toBe(sumAttribute(ctx.items, 'deterrence'))
    expect(sum.value).toBe(6)
    expect(sum.holds).toBe(false)
    const share = traceCondition({ share: 'cost', side: 'south', atMost: 0.25 }, ctx)
    expect(share.value).toBeCloseTo(1 / 4)
    expect(share.holds).toBe(true)
    const count = traceCondition({ count: { backedBy: 'south' }, atLeast: 1 }, ctx)
    expect(count).toMatchObject({ holds: true, value: 1, items: [fund] })
    const nested = traceCondition(
      { not: { any: [{ has: 'station' }, { meter: 'tension', atLeast: 20 }] } },
      ctx,
    )
    expect(nested.holds).toBe(false)
    expect(nested.parts?.[0]?.parts?.map((p) => [p.holds, p.value])).toEqual([
      [false, undefined],
      [true, 20],
    ])
    expect(traceCondition({ fromRound: 2 }, ctx)).toMatchObject({ holds: false, value: 1 })
  })
})
