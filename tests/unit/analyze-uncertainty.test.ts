import { describe, expect, it } from 'vitest'
import { good } from '../../src/core/analyze/aftermath-odds.ts'
import { analyzeScenario } from '../../src/core/analyze/analysis.ts'
import { formatAnalysis } from '../../src/core/analyze/report.ts'
import { indexScenario } from '../../src/core/rules/scenario-index.ts'
import { scoreSides } from '../../src/core/rules/scoring.ts'
import type { Scenario } from '../../src/core/scenario/schema/scenario.ts'
import type { Aftermath } from '../../src/core/scenario/schema/uncertainty.ts'
import { replayWay } from './analysis-helpers.ts'
import { harbour } from './helpers.ts'

/**
 * The dry run of the parts of format 3, on the harbour with a hidden resolve range on its one red line
 * (no-boats, reject, 0.4 to 0.8) and a one-year aftermath, every number hand-computed. The harbour: patrol
 * boats (North, deterrence 4, tagged boats), a joint fund (North or South; small 1, large 2) and a weather
 * station (South, 1); 19 packages, 10 with the boats. Disposition 1, bar 0, no chance: without the boats,
 * or with no-boats let pass, Russia accepts.
 */

const quote = { seed: 'harbour.txt', quote: 'We will not accept foreign patrol boats' }
const outcome = (title: string, north: number) => ({
  title,
  text: `${title}.`,
  scores: { north, south: north },
  effects: [],
  source: [],
})
// Test: 0.5 − 0.1 × deterrence. Respond: 0.5. Confront: 0.2 + 0.5 × firmness, + 0.2 once imposed.
const AFTERMATH: Aftermath = {
  years: 1,
  intro: 'A year passes.',
  test: { base: 0.5, perDeterrence: -0.1, perResolve: 0, terms: [], afterDeterred: 0 },
  respond: { base: 0.5, perDeterrence: 0, perResolve: 0, terms: [] },
  confront: {
    base: 0.2,
    perDeterrence: 0,
    perResolve: 0.5,
    terms: [{ when: { flag: 'implemented-without-consent' }, add: 0.2, label: 'Imposed' }],
  },
  outcomes: {
    peace: outcome('Calm', 10),
    deterred: outcome('Held', 5),
    attack: outcome('Raid', -10),
    confrontation: outcome('Clash', -20),
  },
  source: [],
}

function uncertainHarbour(edit: (s: Scenario) => Scenario = (s) => s) {
  const base = harbour().scenario
  const [noBoats] = base.redLines
  if (!noBoats) throw new Error('no red line')
  const [north, ...others] = base.sides
  const scenario: Scenario = {
    ...base,
    sides: [
      {
        ...(north as Scenario['sides'][number]),
        outlook: { firmness: 0.7, text: 'North believes the mayor.', source: [quote] },
        positions: [
          { instruments: [], tags: ['boats'], stance: 'want', text: 'Boats keep us safe.', source: [quote] },
        ],
      },
      ...others,
    ],
    redLines: [
      { ...noBoats, resolve: { low: 0.4, high: 0.8, rationale: 'Words and deeds.', source: [quote] } },
    ],
    aftermath: AFTERMATH,
  }
  return indexScenario(edit(scenario))
}

const close = (odds: Record<string, number>, expected: Record<string, number>) => {
  for (const [kind, value] of Object.entries(expected)) expect(odds[kind], kind).toBeCloseTo(value, 10)
}

describe('the dry run of a hidden resolve and an aftermath', () => {
  const index = uncertainHarbour()
  const a = analyzeScenario(index)

  it("gives each red line's range and sources, and Russia's answers if it holds or yields", () => {
    expect(a.resolve).toEqual([
      {
        id: 'no-boats',
        title: 'No foreign patrol boats',
        kind: 'reject',
        range: { low: 0.4, high: 0.8 },
        rationale: 'Words and deeds.',
        sources: [quote],
        offers: 10,
        ifHolds: { reject: 10, demandRemoval: 0, acceptAlways: 0, acceptByChance: 0, rejectAlways: 0 },
        ifYields: { reject: 0, demandRemoval: 0, acceptAlways: 10, acceptByChance: 0, rejectAlways: 0 },
      },
    ])
    const text = formatAnalysis(a)
    expect(text).toContain('no-boats (reject): firmness drawn between 0.4 and 0.8')
    expect(text).toContain('10 offers cross it; if it holds: 10 rejected by a red line')
    expect(text).toContain('if The harbour lets it pass: 10 accepted whatever the dice')
  })

  it('says a red line without a range always holds', () => {
    const fixed = analyzeScenario(
      uncertainHarbour((s) => ({ ...s, redLines: s.redLines.map(({ resolve: _, ...r }) => r) })),
    )
    expect(fixed.resolve[0]).toMatchObject({ range: null, ifYields: null, sources: [] })
    expect(formatAnalysis(fixed)).toContain('No red line has a resolve range: every red line always holds')
  })

  it('groups the packages by their odds: three groups Russia accepts, two more only if no-boats yields', () => {
    const s = a.aftermath
    if (!s) throw new Error('no aftermath study')
    // Without the boats, deterrence 1 (3 packages), 2 (4) or 3 (2); with them, 4 (1 package), or 5 to 7
    // (9 packages), which are never tested: the same odds.
    expect(s).toMatchObject({ years: 1, groups: 5, dealGroups: 3, yieldGroups: 2 })
    const [best] = s.bestDeals
    // Deterrence 3: a test 0.2, a response 0.5, confrontation 0.2 (no red line crossed, so no resolve).
    expect(best?.packages).toBe(2)
    close(best?.deal?.middle ?? {}, { peace: 0.8, deterred: 0.08, attack: 0.1, confrontation: 0.02 })
    expect(best?.passes).toBeNull()
    const [worst] = s.worstDeals
    // Deterrence 1: a test 0.4.
    expect(worst?.packages).toBe(3)
    close(worst?.deal?.middle ?? {}, { peace: 0.6, deterred: 0.16, attack: 0.2, confrontation: 0.04 })
  })

  it('weighs a deal the boats make possible by the chance no-boats lets it pass', () => {
    const [top] = a.aftermath?.bestIfYields ?? []
    // Deterrence 5 or more: never tested. No-boats lets it pass 1 − 0.6 = 40% of the time.
    expect(top?.passes).toBeCloseTo(0.4, 10)
    close(top?.deal?.middle ?? {}, { peace: 1, deterred: 0, attack: 0, confrontation: 0 })
    expect(top?.items.some((i) => i.instrument === 'patrol')).toBe(true)
    expect(top?.packages).toBe(9)
  })

  it('works out the odds of an imposition at the low end, the middle and the high end of the range', () => {
    const s = a.aftermath
    const patrol = s?.worstImposed[0]
    expect(patrol?.items).toEqual([{ instrument: 'patrol', backedBy: 'north' }])
    // Deterrence 4: a test 0.1. Confrontation 0.2 + 0.5 × firmness + 0.2: 0.6, 0.7 or 0.8, at once and
    // after a response. At the middle: 0.7 + 0.3 × 0.1 × 0.5 × 0.7; peace 0.3 × 0.9.
    close(patrol?.imposed.middle ?? {}, {
      peace: 0.27,
      deterred: 0.0045,
      attack: 0.015,
      confrontation: 0.7105,
    })
    close(patrol?.imposed.low ?? {}, { peace: 0.36, deterred: 0.008, attack: 0.02, confrontation: 0.612 })
    expect(patrol?.imposed.high.confrontation).toBeCloseTo(0.8 + 0.2 * 0.1 * 0.5 * 0.8, 10)
    // The best imposition: deterrence 3 without the boats (a test 0.2, confrontation 0.4).
    const [safest] = s?.bestImposed ?? []
    expect(
      good(safest?.imposed.middle ?? { peace: 0, deterred: 0, attack: 0, confrontation: 0 }),
    ).toBeCloseTo(0.48 + 0.036, 10)
    const text = formatAnalysis(a)
    expect(text).toContain('peace 27% · deterred 0.5% · attack 1.5% · confrontation 71%')
    expect(text).toContain('(36.8% at the low end of the ranges, 18.2% at the high end)')
  })

  it("gives each proposing side's outlook and positions", () => {
    expect(a.readings).toEqual([
      {
        id: 'north',
        name: 'North town',
        outlook: { firmness: 0.7, text: 'North believes the mayor.', sources: [quote] },
        positions: [{ stance: 'want', about: ['anything tagged Boats'], text: 'Boats keep us safe.' }],
      },
      { id: 'south', name: 'South town', outlook: null, positions: [] },
    ])
    const text = formatAnalysis(a)
    expect(text).toContain(
      "North town: expects The harbour's firmness 0.7 of the way up each resolve range: North believes the mayor.",
    )
    expect(text).toContain('wants anything tagged Boats: Boats keep us safe.')
    expect(text).toContain('South town: no outlook')
  })

  it('plays the aftermath in its games, with ways and best games that replay with the real commands', () => {
    for (const e of a.endings) {
      if (!e.way) continue
      expect(replayWay(index, e.way).ending?.id).toBe(e.id)
    }
    for (const s of a.sides) {
      if (!s.bestWay) throw new Error('no best game')
      const state = replayWay(index, s.bestWay)
      expect(state.aftermath).not.toBeNull()
      expect(scoreSides(index, state).find((x) => x.side === s.id)?.total).toBe(s.best)
    }
  })

  it('warns when no deal is ever put to the test, and when imposing is safe', () => {
    expect(a.warnings.map((w) => w.code)).not.toContain('DEALS_ALWAYS_HOLD')
    const safe = analyzeScenario(
      uncertainHarbour((s) => ({
        ...s,
        aftermath: {
          ...AFTERMATH,
          test: { ...AFTERMATH.test, base: 0, perDeterrence: 0 },
          confront: { ...AFTERMATH.confront, terms: [] },
        },
      })),
    )
    const codes = safe.warnings.map((w) => w.code)
    expect(codes).toContain('DEALS_ALWAYS_HOLD')
    // Without a test, an imposition still risks confrontation at once (0.2 + 0.5 × firmness).
    expect(codes).not.toContain('SAFE_IMPOSITION')
    const calm = analyzeScenario(
      uncertainHarbour((s) => ({
        ...s,
        aftermath: {
          ...AFTERMATH,
          test: { ...AFTERMATH.test, base: 0, perDeterrence: 0 },
          confront: { ...AFTERMATH.confront, base: 0, perResolve: 0, terms: [] },
        },
      })),
    )
    expect(calm.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['DEALS_ALWAYS_HOLD', 'SAFE_IMPOSITION']),
    )
  })

  it('says when the scenario has no aftermath', () => {
    const none = analyzeScenario(uncertainHarbour(({ aftermath: _, ...s }) => s))
    expect(none.aftermath).toBeNull()
    expect(formatAnalysis(none)).toContain(
      'The scenario has no aftermath: the game ends when the negotiation does.',
    )
  })
})
