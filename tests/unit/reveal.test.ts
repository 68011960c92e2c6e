import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDebrief } from '../../src/core/debrief/debrief.ts'
import { aftermathSteps, revealResolve, yearEvents } from '../../src/core/debrief/reveal.ts'
import { scoreLineWords } from '../../src/core/debrief/score-lines.ts'
import { debriefToCsv } from '../../src/core/record/csv.ts'
import type { AftermathYear } from '../../src/core/rules/aftermath.ts'
import type { ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import { scoreSides } from '../../src/core/rules/scoring.ts'
import type { GameSetup } from '../../src/core/rules/state.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { localiseScenario } from '../../src/core/scenario/localise.ts'
import { createGameStore } from '../../src/core/store.ts'
import { loadScenarioFile, readSeeds } from '../../src/node/scenario-files.ts'
import { FIXTURES } from './helpers.ts'

/** The fixture that ends in a deal at once and plays out an aftermath (tests/fixtures/aftermath.yaml). */
function aftermathScenario(): ScenarioIndex {
  const result = loadScenarioFile(join(FIXTURES, 'aftermath.yaml'), { skipWarnings: true })
  if (!result.index) throw new Error(JSON.stringify(result.problems, null, 1))
  return result.index
}

const index = aftermathScenario()

/** A solo game of Ukraine that endorses what its computer partner puts together: a deal in round 1. */
function dealGame(seed: number, mode?: GameSetup['mode']) {
  const setup: GameSetup = {
    scenarioId: index.scenario.id,
    seats: { ukraine: 'human', europe: 'computer' },
    seed,
    difficulty: 'normal',
    ...(mode ? { mode } : {}),
  }
  const store = createGameStore(index, setup)
  store.getState().runComputers()
  store.getState().dispatch({ type: 'endorse', side: 'ukraine', payload: {} })
  store.getState().runComputers()
  const { game, log } = store.getState()
  return { setup, game, log, debrief: buildDebrief(index, setup, game, log) }
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

describe('the hidden resolve, revealed', () => {
  it('gives each red line with a range its range, the firmness drawn and whether it held each time', () => {
    for (const seed of SEEDS) {
      const { game } = dealGame(seed)
      const [line, ...rest] = revealResolve(index, game)
      expect(rest).toEqual([])
      expect(line).toMatchObject({
        id: 'no-troops',
        low: 0.2,
        high: 0.9,
        rationale: 'Made up for the tests.',
      })
      expect(line?.firmness).toBe(game.resolve['no-troops'])
      expect(line?.firmness).toBeGreaterThanOrEqual(0.2)
      expect(line?.firmness).toBeLessThanOrEqual(0.9)
      const response = game.history[0]?.response
      expect(line?.answers).toEqual([{ round: 1, held: !response?.yielded.includes('no-troops') }])
    }
  })

  it('shows both a red line that held and one that Russia let pass, over the seeds', () => {
    const held = SEEDS.map((seed) => revealResolve(index, dealGame(seed).game)[0]?.answers[0]?.held)
    expect(held).toContain(true)
    expect(held).toContain(false)
  })

  it('lists a red line never crossed with no answers', () => {
    const setup: GameSetup = {
      scenarioId: index.scenario.id,
      seats: { ukraine: 'human', europe: 'human' },
      seed: 1,
      difficulty: 'normal',
    }
    const game = createGameStore(index, setup).getState().game
    expect(revealResolve(index, game)).toMatchObject([{ id: 'no-troops', answers: [] }])
  })
})

describe('the aftermath in the debrief', () => {
  it('tells the outcome, its odds, the chances with their parts, and how it changed the scores', () => {
    for (const seed of SEEDS) {
      const { game, debrief } = dealGame(seed)
      const a = debrief.aftermath
      if (!a || !game.aftermath) throw new Error('no aftermath')
      expect(a.outcome).toBe(game.aftermath.outcome)
      expect(a.title).toBe(index.scenario.aftermath?.outcomes[a.outcome].title)
      expect(a.intro).toBe('The guarantees take effect. Three years follow.')
      expect(a.imposed).toBe(false)
      expect(a.years).toEqual(game.aftermath.years)
      const total = Object.values(a.odds).reduce((s, p) => s + p, 0)
      expect(total).toBeCloseTo(1, 9)
      // The package has troops: the term that lowers the chance of a test is there, numbered by its place.
      expect(a.chances.test.parts.map((p) => p.kind)).toEqual(['base', 'deterrence', 'resolve', 'term'])
      expect(a.chances.test.parts.at(-1)).toEqual({
        kind: 'term',
        label: 'European troops are on the ground',
        add: -0.2,
        term: 0,
      })
      expect(a.chances.respond.parts.at(-1)).toMatchObject({ term: 0, add: 0.4 })
      // The outcome's points, and each side's score before and after it.
      const final = scoreSides(index, game)
      for (const s of a.scores) {
        expect(s.after).toBe(final.find((f) => f.side === s.side)?.total)
        expect(s.points).toBe(index.scenario.aftermath?.outcomes[a.outcome].scores[s.side] ?? 0)
      }
      if (a.outcome === 'attack') {
        expect(a.meters).toEqual([{ id: 'confidence', name: "Ukraine's confidence", before: 55, after: 5 }])
        // Ukraine's score falls by the outcome's 30 points and by half of the 50 points of confidence lost.
        const ukraine = a.scores.find((s) => s.side === 'ukraine')
        expect(ukraine && ukraine.after - ukraine.before).toBeCloseTo(-30 - 25, 5)
      }
    }
  })

  it('is deterministic for a seed, and the same after JSON (plain data)', () => {
    expect(dealGame(9).debrief.aftermath).toEqual(dealGame(9).debrief.aftermath)
    const { debrief } = dealGame(9)
    expect(JSON.parse(JSON.stringify(debrief))).toEqual(debrief)
    expect(debrief.aftermath?.outcome).toBe('attack')
  })

  it('goes into the CSV: the mode, the resolve revealed and the years', () => {
    const csv = debriefToCsv(dealGame(9, 'instructor').debrief)
    expect(csv).toContain('\r\nMode,Instructor mode')
    expect(csv).toMatch(/\r\nNo European troops in Ukraine,0\.2,0\.9,0\.\d+,round 1: (held|yielded)\r\n/)
    expect(csv).toContain('\r\nAfter the deal,A new attack\r\n')
    expect(csv).toContain('\r\n1,yes,0.35,no,0.7,,\r\n')
  })

  it('takes its texts from the scenario it is given, and numbers the terms for a translated label', () => {
    const { game } = dealGame(9)
    const uk = localiseScenario(index.scenario, 'uk')
    const a = buildDebrief({ ...index, scenario: uk }, game.setup, game, []).aftermath
    expect(a?.title).toBe('Новий напад')
    expect(a?.intro).toBe('Гарантії набирають чинності. Далі — три роки.')
    // The parts keep the words the game recorded; their term's place finds the translation.
    const part = a?.chances.test.parts.at(-1)
    expect(part?.label).toBe('European troops are on the ground')
    expect(uk.aftermath?.test.terms[part?.term ?? -1]?.label).toBe('Європейські війська вже на місці')
  })

  it('is absent when the game ended without guarantees in force', () => {
    const setup: GameSetup = {
      scenarioId: index.scenario.id,
      seats: { ukraine: 'human', europe: 'human' },
      seed: 1,
      difficulty: 'normal',
    }
    const store = createGameStore(index, setup)
    for (let round = 0; round < 3; round++) {
      for (const side of ['ukraine', 'europe'])
        store.getState().dispatch({ type: 'object', side, payload: { reason: 'No.' } })
      store.getState().dispatch({ type: 'endRound', side: 'ukraine', payload: {} })
    }
    const { game, log } = store.getState()
    expect(game.ending?.id).toBe('stall')
    expect(buildDebrief(index, setup, game, log).aftermath).toBeNull()
  })
})

describe('the aftermath of guarantees imposed without consent', () => {
  // The fixture with a responder that rejects every package, so that the proposers can impose theirs.
  const text = readFileSync(join(FIXTURES, 'aftermath.yaml'), 'utf8').replace(
    'disposition: 10',
    'disposition: -10',
  )
  const loaded = loadScenario(text, { seeds: readSeeds(), skipWarnings: true })
  if (!loaded.index) throw new Error(JSON.stringify(loaded.problems))
  const refusing = loaded.index

  it('starts with year 0, Russia’s answer to the imposition, which can only be confrontation or not', () => {
    for (const seed of SEEDS) {
      const setup: GameSetup = {
        scenarioId: refusing.scenario.id,
        seats: { ukraine: 'human', europe: 'human' },
        seed,
        difficulty: 'normal',
      }
      const store = createGameStore(refusing, setup)
      const { dispatch } = store.getState()
      dispatch({ type: 'add', side: 'ukraine', payload: { instrument: 'aid' } })
      for (const side of ['ukraine', 'europe']) dispatch({ type: 'endorse', side, payload: {} })
      dispatch({ type: 'table', side: 'ukraine', payload: {} })
      for (const side of ['ukraine', 'europe'])
        dispatch({ type: 'decide', side, payload: { choice: 'implement' } })
      const { game, log } = store.getState()
      expect(game.ending?.id).toBe('alone')
      const a = buildDebrief(refusing, setup, game, log).aftermath
      if (!a) throw new Error('no aftermath')
      expect(a.imposed).toBe(true)
      const [first] = aftermathSteps(a).slice(1)
      expect(first).toMatchObject({ kind: 'year', year: 0 })
      expect(first?.kind === 'year' && first.events.map((e) => e.what)).toEqual(['confront'])
      if (a.years[0]?.confronted) expect(a.outcome).toBe('confrontation')
    }
  })
})

describe('the steps of the aftermath on screen', () => {
  const year = (y: Partial<AftermathYear> & { year: number }): AftermathYear => ({
    tested: false,
    responded: null,
    confronted: null,
    chances: { test: 0.3, respond: null, confront: null },
    ...y,
  })

  it('are the intro, each year, then the outcome', () => {
    const { debrief } = dealGame(3)
    const a = debrief.aftermath
    if (!a) throw new Error('no aftermath')
    const steps = aftermathSteps(a)
    expect(steps[0]).toEqual({ kind: 'intro' })
    expect(steps.at(-1)).toEqual({ kind: 'outcome', outcome: a.outcome })
    expect(steps.slice(1, -1).map((s) => (s.kind === 'year' ? s.year : null))).toEqual(
      a.years.map((y) => y.year),
    )
  })

  it('say in order whether Russia tested, whether the guarantors responded, and whether it came to confrontation', () => {
    expect(yearEvents(year({ year: 1 }))).toEqual([{ what: 'test', happened: false, chance: 0.3 }])
    expect(
      yearEvents(
        year({
          year: 2,
          tested: true,
          responded: true,
          confronted: false,
          chances: { test: 0.3, respond: 0.7, confront: 0.2 },
        }),
      ),
    ).toEqual([
      { what: 'test', happened: true, chance: 0.3 },
      { what: 'respond', happened: true, chance: 0.7 },
      { what: 'confront', happened: false, chance: 0.2 },
    ])
    expect(
      yearEvents(
        year({
          year: 3,
          tested: true,
          responded: false,
          chances: { test: 0.5, respond: 0.4, confront: null },
        }),
      ),
    ).toEqual([
      { what: 'test', happened: true, chance: 0.5 },
      { what: 'respond', happened: false, chance: 0.4 },
    ])
  })

  it('give year 0, the answer to an imposition, as confrontation alone', () => {
    const zero = year({ year: 0, confronted: true, chances: { test: null, respond: null, confront: 0.25 } })
    expect(yearEvents(zero)).toEqual([{ what: 'confront', happened: true, chance: 0.25 }])
  })
})

describe('the words of a score line', () => {
  const meterLine = (from: number, value: number, points: number) =>
    ({ kind: 'meter', term: 0, meter: 'confidence', from, value, label: 'x', points }) as const

  it('agree with the points: a fall in a meter that scores by its rise is a loss', () => {
    expect(scoreLineWords(meterLine(45, 5, -20))).toEqual({
      tone: 'loss',
      points: -20,
      magnitude: 20,
      change: { from: 45, to: 5 },
    })
    // Escalation that fell, with a negative weight: a gain.
    expect(scoreLineWords(meterLine(30, 20, 2.5))).toMatchObject({ tone: 'gain', magnitude: 2.5 })
  })

  it('read 0 as neither gain nor loss, even for −0 or a rounding to 0', () => {
    expect(scoreLineWords(meterLine(30, 30, -0))).toMatchObject({ tone: 'none', points: 0, magnitude: 0 })
    expect(Object.is(scoreLineWords(meterLine(30, 30, -0)).points, 0)).toBe(true)
    expect(scoreLineWords(meterLine(30, 30.1, 0.04))).toMatchObject({ tone: 'none', points: 0 })
  })

  it('give no change for lines that are not meters', () => {
    expect(
      scoreLineWords({
        kind: 'aftermath',
        outcome: 'attack',
        label: 'After the deal: A new attack',
        points: -30,
      }),
    ).toEqual({ tone: 'loss', points: -30, magnitude: 30, change: null })
    expect(
      scoreLineWords({ kind: 'ending', ending: 'deal', label: 'Ending: Deal', points: 5 }),
    ).toMatchObject({
      tone: 'gain',
      change: null,
    })
  })
})
