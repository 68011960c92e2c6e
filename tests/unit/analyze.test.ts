import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeScenario } from '../../src/core/analyze/analysis.ts'
import { packagesToStudy, takeCensus } from '../../src/core/analyze/census.ts'
import { classify } from '../../src/core/analyze/classes.ts'
import { asTabled, moves } from '../../src/core/analyze/moves.ts'
import { openingState, withFlags } from '../../src/core/analyze/offers.ts'
import { formatAnalysis } from '../../src/core/analyze/report.ts'
import { brokenConstraints } from '../../src/core/rules/constraints.ts'
import { type PackageItem, packageKey } from '../../src/core/rules/package.ts'
import { resolveResponse } from '../../src/core/rules/response.ts'
import { indexScenario } from '../../src/core/rules/scenario-index.ts'
import { scoreSides } from '../../src/core/rules/scoring.ts'
import { contextFor, type GameState } from '../../src/core/rules/state.ts'
import { EXHAUSTIVE_LIMIT } from '../../src/core/scenario/load/reachability.ts'
import type { Instrument } from '../../src/core/scenario/schema/scenario.ts'
import { replayWay } from './analysis-helpers.ts'
import { harbour, seedScenario } from './helpers.ts'

describe('analysis of the minimal fixture (hand-computed)', () => {
  // The harbour: patrol (North only) is absent or in (2 ways); the fund is absent or backed by North or
  // South, small or large (5 ways); the station is absent or in (2 ways): 20 packages, 19 without the
  // empty one. The one red line, no-boats, rejects every package with the patrol boats (1 × 5 × 2 = 10).
  // With no preference, disposition 1 ≥ acceptAt 0 and no chance, so the other 9 are always accepted.
  const index = harbour()
  const a = analyzeScenario(index)

  it('studies every package, with nothing left unexplored', () => {
    expect(a.method).toMatchObject({ packages: 19, exhaustive: true, classes: 2, trimmed: false })
    expect(a.method.flagSettings).toEqual([[]])
    expect(a.answers).toEqual({
      offers: 19,
      reject: 10,
      demandRemoval: 0,
      acceptAlways: 9,
      acceptByChance: 0,
      rejectAlways: 0,
    })
  })

  it('counts the packages that cross the red line, smallest first', () => {
    expect(a.redLines).toHaveLength(1)
    expect(a.redLines[0]).toMatchObject({
      id: 'no-boats',
      kind: 'reject',
      packages: 10,
      crossedInGames: true,
    })
    expect(a.redLines[0]?.examples[0]?.items).toEqual([{ instrument: 'patrol', backedBy: 'north' }])
    expect(a.redLines[0]?.examples.every((e) => e.items.some((i) => i.instrument === 'patrol'))).toBe(true)
  })

  it('finds that Russia never accepts the patrol boats, and only them', () => {
    expect(a.neverAccepted.map((x) => x.instrument)).toEqual(['patrol'])
    expect(a.neverAccepted[0]?.reason).toContain('no-boats')
  })

  it('finds the shortest way to each ending, and that "alone" cannot be reached', () => {
    const ending = (id: string) => a.endings.find((e) => e.id === id)
    // Patrol rejected: tension 20 + 30 = 50; implementing adds 40, so 90 reaches "war" before "alone".
    expect(ending('war')?.way?.steps).toMatchObject([
      { round: 1, tabled: [{ instrument: 'patrol' }], verdict: 'reject', decision: 'implement' },
    ])
    // Any package without the boats is accepted at once. The class is represented by the package that
    // breaks no constraint (North wants deterrence ≥ 3): large fund (2) + station (1).
    expect(ending('deal')?.way?.steps).toMatchObject([{ round: 1, verdict: 'accept', decision: null }])
    // Tension only falls on a deal, which ends the game, so every implementation happens at 50 or more.
    expect(ending('alone')).toMatchObject({ reached: false, way: null })
    // Three untabled rounds reach the round limit.
    expect(ending('stall')?.way?.steps.map((s) => s.tabled)).toEqual([null, null, null])
    expect(a.warnings.map((w) => w.code)).toContain('ENDING_UNREACHED')
  })

  it('scores the sides: best on a deal with deterrence 3, worst at full tension', () => {
    // A deal: tension 20 - 10 = 10, North -0.5 × 10 + 10 = 5, South -0.2 × 10 + 10 = 8. At tension 100
    // North scores -50 and South -20; no rejected package can break North's constraint (the boats deter 4).
    expect(a.sides).toMatchObject([
      { id: 'north', par: 0, best: 5, worst: -50, canComeOutAhead: true },
      { id: 'south', par: 0, best: 8, worst: -20, canComeOutAhead: true },
    ])
    // The deal that gives both their best is accepted whatever happens: a dominant package.
    expect(a.warnings.map((w) => w.code)).toContain('DOMINANT_PACKAGE')
    expect(a.warnings.map((w) => w.code)).not.toContain('SIDE_ALWAYS_LOSES')
  })

  it('gives ways that replay with the real commands to the same ending and scores', () => {
    for (const e of a.endings) {
      if (!e.way) continue
      const state = replayWay(index, e.way)
      expect(state.ending?.id).toBe(e.id)
      expect(state.round).toBe(e.way.rounds)
    }
    for (const s of a.sides) {
      if (!s.bestWay) throw new Error('no best game')
      const state = replayWay(index, s.bestWay)
      expect(scoreSides(index, state).find((x) => x.side === s.id)?.total).toBe(s.best)
    }
  })

  it('writes a report with a heading per section', () => {
    const text = formatAnalysis(a)
    for (const heading of [
      'Method',
      'Red lines',
      'Instruments The harbour never accepts',
      'Endings',
      'Sides',
      'Balance warnings',
    ])
      expect(text).toMatch(new RegExp(`^${heading}`, 'm'))
    expect(text).toContain('no-boats (reject): 10 packages')
    // The report speaks of the scenario's own responding side, never of a country of another scenario.
    expect(a.scenario.responder).toBe('The harbour')
    expect(text).toContain("The harbour's answers at the start (")
    expect(text).not.toMatch(/Russia/)
  })

  it('counts the packages that break each constraint, and says what a breach costs', () => {
    // North wants deterrence ≥ 3. Without the patrol boats (4) that fails for the station alone (1), a
    // small fund of either town with or without the station (1 or 2: 4 packages), and a large fund of
    // either town alone (2: 2 packages): 7 of the 19. The harbour has no preference.
    expect(a.positions).toEqual({
      preferences: [],
      constraints: [
        { side: 'north', sideName: 'North town', id: 'north-min', text: expect.any(String), packages: 7 },
      ],
      constraintPenalty: 10,
    })
    const text = formatAnalysis(a)
    expect(text).toContain('Preferences and constraints at the start\n  The harbour has no preferences.')
    expect(text).toContain(
      '  Constraints of North town: packages that break each\n    north-min: 7 packages, 36.8%',
    )
    expect(text).toContain('loses 10 points each time')
  })

  it('counts the packages each preference applies to', () => {
    const base = index.scenario
    const preference = {
      id: 'no-boats-please',
      owner: 'harbour',
      title: 'The mayor would rather see no boats',
      when: { hasTag: 'boats' },
      weight: -0.5,
      effects: [],
      gameRule: false,
      stated: [{ seed: 'harbour.txt', quote: 'foreign patrol boats' }],
    }
    const withPreference = analyzeScenario(indexScenario({ ...base, preferences: [preference] }))
    // The patrol boats, the only boats, stand in 1 × 5 × 2 = 10 of the 19 packages.
    expect(withPreference.positions.preferences).toEqual([
      { id: 'no-boats-please', title: preference.title, weight: -0.5, packages: 10 },
    ])
    expect(formatAnalysis(withPreference)).toContain('    no-boats-please (weight -0.5): 10 packages, 52.6%')
  })

  it('says in plain words how the dry run was made', () => {
    const method = formatAnalysis(a).split('\n\n')[1] ?? ''
    expect(method).toContain('Packages tried: all 19 that the proposers can table')
    expect(method).toContain("Packages The harbour's rules treat alike: 2 groups")
    expect(method).toContain('chance from seeds 1, 2, 3')
    // The harbour has no flag the proposers control, and the search played on from every situation.
    expect(method).not.toContain('flags the proposers control')
    expect(method).not.toContain('budget')
    expect(method).not.toMatch(/\bclass(es)?\b|\bstates?\b/)
  })
})

describe('a scenario with more packages than the loader tries', () => {
  // The harbour with twelve more instruments that nothing tests: 20 × 2^12 = 81,920 packages, past the
  // loader's limit, so the analysis works on its seeded sample (each package once) and says so.
  const base = harbour().scenario
  const extra = Array.from({ length: 12 }, (_, i) => ({
    ...(base.instruments[2] as Instrument),
    id: `extra-${i}`,
    name: `Extra ${i}`,
  }))
  const index = indexScenario({ ...base, instruments: [...base.instruments, ...extra] })
  const a = analyzeScenario(index, { budget: 500 })

  it('samples, says so, and counts each sampled package once', () => {
    expect(a.method.exhaustive).toBe(false)
    expect(a.method.packages).toBeGreaterThan(1000)
    expect(a.method.packages).toBeLessThanOrEqual(EXHAUSTIVE_LIMIT)
    const keys = packagesToStudy(index).packages.map((p) => packageKey(p))
    expect(new Set(keys).size).toBe(keys.length)
    expect(formatAnalysis(a)).toContain('Packages tried: a seeded sample of')
    // The extra instruments change nothing the rules read: still two classes, patrol boats or not.
    expect(a.method.classes).toBe(2)
    expect(a.redLines[0]?.packages).toBe(keys.filter((k) => k.includes('patrol@north')).length)
  })
})

describe('analysis of the seed scenario', () => {
  const index = seedScenario()
  const studied = packagesToStudy(index)
  const classes = classify(index, studied.packages, openingState(index, 1, 'normal'))
  const census = takeCensus(index, 'normal', studied, classes)

  /** Russia's answer to an offer in the opening situation, by response.ts itself. */
  const crossed = (items: readonly PackageItem[], flags: readonly string[]) => {
    const state = withFlags(index, openingState(index, 1, 'normal'), flags)
    return resolveResponse(index, contextFor(index, state, items), 'normal', state.rng).response.redLines
  }

  it('every package said to cross a red line crosses it, by response.ts', () => {
    const lines = census.redLines.filter((r) => r.triggeredBy.length > 0)
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.nat(1_000_000), (which, at) => {
        const line = lines[which]
        const offer = line?.triggeredBy[at % line.triggeredBy.length]
        if (!line || !offer) return false
        return crossed(offer.items, offer.flags).includes(line.id)
      }),
      { numRuns: 2000 },
    )
  })

  it('and no other package does (the counts are exact)', () => {
    const listed = new Map(census.redLines.map((r) => [r.id, new Set(r.triggeredBy.map((o) => o.items))]))
    const counts = new Map(census.redLines.map((r) => [r.id, 0]))
    for (const items of studied.packages) {
      const ids = new Set(census.settings.flatMap((flags) => crossed(items, flags)))
      for (const [id, set] of listed) {
        if (ids.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1)
        if (ids.has(id) !== set.has(items)) throw new Error(`${id}: ${JSON.stringify(items)}`)
      }
    }
    for (const r of census.redLines) expect(r.triggeredBy.length, r.id).toBe(counts.get(r.id))
  })

  it('counts exactly the packages each preference applies to and each constraint refuses', () => {
    const a = analyzeScenario(index, { budget: 1 })
    const applies = new Map(index.scenario.preferences.map((p) => [p.id, 0]))
    const breaks = new Map<string, number>()
    const opening = openingState(index, 1, 'normal')
    for (const items of studied.packages) {
      const states = census.settings.map((flags) => withFlags(index, opening, flags))
      const met = new Set(
        states.flatMap(
          (state) =>
            resolveResponse(index, contextFor(index, state, items), 'normal', state.rng).response.preferences,
        ),
      )
      for (const id of met) applies.set(id, (applies.get(id) ?? 0) + 1)
      const broken = new Set(
        states.flatMap((state) =>
          index.proposers.flatMap((side) =>
            brokenConstraints(index, state, side, items).map((c) => `${side}/${c.id}`),
          ),
        ),
      )
      for (const key of broken) breaks.set(key, (breaks.get(key) ?? 0) + 1)
    }
    expect(a.positions.preferences.map((p) => [p.id, p.packages])).toEqual([...applies])
    expect(a.positions.constraints.map((c) => [`${c.side}/${c.id}`, c.packages])).toEqual(
      a.positions.constraints.map((c) => [`${c.side}/${c.id}`, breaks.get(`${c.side}/${c.id}`) ?? 0]),
    )
    // Not every count is trivially 0 or all: the counts tell packages apart.
    expect(a.positions.constraints.some((c) => c.packages > 0 && c.packages < a.method.packages)).toBe(true)
  })

  it('tables any package of a sum class exactly as its representative, once put on record', () => {
    // What the search relies on: the game goes on the same whichever package of a sum class is tabled,
    // so a finished game can be scored with another one by putting it on record (asTabled).
    const finals = classes.flatMap((c) => c.bySums.flatMap((s) => s.finals.slice(1).map((f) => ({ s, f }))))
    const opening = openingState(index, 7, 'normal')
    /** A state without the list of parts Russia demands removed, which depends on the very items. */
    const comparable = (state: GameState) => {
      const clear = (r: GameState['response']) => r && { ...r, demands: [] }
      const history = state.history.map((h) => ({ ...h, response: clear(h.response) }))
      return { ...state, response: clear(state.response), history }
    }
    fc.assert(
      fc.property(
        fc.nat(finals.length - 1),
        fc.nat(census.settings.length - 1),
        fc.boolean(),
        (at, k, implement) => {
          const pick = finals[at]
          if (!pick) return false
          const base = withFlags(index, opening, census.settings[k] ?? [])
          const play = (state: GameState) =>
            state.phase === 'deciding'
              ? moves.decide(index, state, implement ? 'implement' : 'continue')
              : state
          const real = play(moves.table(index, base, pick.f.items))
          const viaRep = play(moves.table(index, base, pick.s.rep))
          expect(comparable(asTabled(index, base, viaRep, pick.f.items))).toEqual(comparable(real))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('reaches every ending, with ways and best games that replay with the real commands', () => {
    const a = analyzeScenario(index, { budget: 5000 })
    expect(a.method.packages).toBe(41_471)
    for (const e of a.endings) {
      expect(e.reached, e.id).toBe(true)
      if (!e.way) continue
      const state = replayWay(index, e.way)
      expect(state.ending?.id).toBe(e.id)
    }
    expect(a.sides.map((s) => s.canComeOutAhead)).toEqual(a.sides.map(() => true))
    // Best games are often played with another package of the class than the one searched with: their
    // scores must be those the real commands give.
    for (const s of a.sides) {
      if (!s.bestWay) throw new Error(`no best game for ${s.id}`)
      const state = replayWay(index, s.bestWay)
      expect(scoreSides(index, state).find((x) => x.side === s.id)?.total, s.id).toBe(s.best)
    }
  })
})
