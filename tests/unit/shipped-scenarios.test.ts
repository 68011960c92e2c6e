import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Command } from '../../src/core/rules/commands.ts'
import { evaluate } from '../../src/core/rules/conditions.ts'
import { DIFFICULTIES } from '../../src/core/rules/difficulty.ts'
import { forEachPackage } from '../../src/core/rules/enumerate.ts'
import { resolvePackage } from '../../src/core/rules/package.ts'
import { draw } from '../../src/core/rules/rng.ts'
import { BUILT_IN_FLAGS, type ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import { finalVerdict } from '../../src/core/rules/scoring.ts'
import type { Difficulty, GameState, Seat } from '../../src/core/rules/state.ts'
import { formatProblem } from '../../src/core/scenario/load/problems.ts'
import { collectQuotes, findQuote } from '../../src/core/scenario/load/quotes.ts'
import type { Condition } from '../../src/core/scenario/schema/conditions.ts'
import { FORMAT_VERSION } from '../../src/core/scenario/schema/scenario.ts'
import { AFTERMATH_KINDS, type AftermathKind } from '../../src/core/scenario/schema/uncertainty.ts'
import { articleText } from '../../src/core/scenario/seed-title.ts'
import { createGameStore } from '../../src/core/store.ts'
import {
  loadScenarioFile,
  PROJECT_ROOT,
  readSeeds,
  shippedScenarioPaths,
} from '../../src/node/scenario-files.ts'
import { scenarioFile } from './helpers.ts'

const FOLDER = join(PROJECT_ROOT, 'scenarios')
/** The scenarios written for particular moments of the articles, checked in depth below. */
const MOMENTS = ['late-august.yaml', 'december.yaml']

/** Every YAML file under `scenarios/`, the template folder included, relative to it. */
function yamlFiles(): string[] {
  return readdirSync(FOLDER, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => relative(FOLDER, join(e.parentPath, e.name)))
    .sort()
}

/** A command a human side might try now, drawn at random but weighted towards endorsing and tabling. */
function randomHumanCommand(index: ScenarioIndex, state: GameState, side: string, value: number): Command {
  const options: Command[] =
    state.phase === 'deciding'
      ? [
          { type: 'decide', side, payload: { choice: 'continue' } },
          { type: 'decide', side, payload: { choice: 'implement' } },
        ]
      : [
          ...Array<Command>(12).fill({ type: 'endorse', side, payload: {} }),
          ...Array<Command>(6).fill({ type: 'table', side, payload: {} }),
          { type: 'object', side, payload: { reason: 'Not yet.' } },
          { type: 'endRound', side, payload: {} },
          ...index.scenario.flags.flatMap((f) =>
            f.settableBy.includes(side)
              ? [true, false].map(
                  (on): Command => ({ type: 'setFlag', side, payload: { flag: f.id, value: on } }),
                )
              : [],
          ),
          ...index.scenario.instruments.flatMap((i): Command[] => [
            ...(i.variants.length ? i.variants.map((v) => v.id) : [undefined]).map(
              (variant): Command => ({
                type: 'add',
                side,
                payload: variant ? { instrument: i.id, variant } : { instrument: i.id },
              }),
            ),
            { type: 'withdraw', side, payload: { instrument: i.id } },
          ]),
        ]
  return options[Math.floor(value * options.length)] ?? { type: 'endorse', side, payload: {} }
}

/** Plays a seeded game: `humans` act at random (seeded too), the other proposers are computer-played. */
function playGame(index: ScenarioIndex, humans: string[], seed: number, difficulty: Difficulty): GameState {
  const seats = Object.fromEntries(
    index.proposers.map((s) => [s, (humans.includes(s) ? 'human' : 'computer') as Seat]),
  )
  const store = createGameStore(index, { scenarioId: index.scenario.id, seats, seed, difficulty })
  let rng = seed >>> 0
  for (let step = 0; step < 3000 && store.getState().game.phase !== 'ended'; step++) {
    store.getState().runComputers()
    const { game } = store.getState()
    if (game.phase === 'ended' || humans.length === 0) break
    const d = draw(rng)
    rng = d.next
    store.getState().dispatch(randomHumanCommand(index, game, humans[step % humans.length] ?? '', d.value))
  }
  return store.getState().game
}

const SEATINGS = [[], ['ukraine'], ['europe'], ['us'], ['ukraine', 'europe', 'us']]

/**
 * Plays seeded games over a fixed grid (seed, difficulty, which sides are human) until every ending has been
 * reached, every red line crossed and every outcome of the aftermath seen (when the scenario has one), or the
 * grid is exhausted. Deterministic: the same grid, the same games.
 */
function coverage(index: ScenarioIndex, maxSeed = 30) {
  const endings = new Map<string, string>()
  const redLines = new Set<string>()
  const outcomes = new Set<AftermathKind>()
  const wanted = index.scenario.aftermath ? AFTERMATH_KINDS.length : 0
  const done = () =>
    endings.size === index.scenario.endings.length &&
    redLines.size === index.scenario.redLines.length &&
    outcomes.size === wanted
  for (let seed = 1; seed <= maxSeed && !done(); seed++)
    for (const difficulty of DIFFICULTIES)
      for (const humans of SEATINGS) {
        const game = playGame(index, humans, seed, difficulty)
        const id = game.ending?.id
        if (id && !endings.has(id))
          endings.set(id, `${difficulty}, seed ${seed}, human: ${humans.join('+') || 'none'}`)
        for (const h of game.history) for (const r of h.response?.redLines ?? []) redLines.add(r)
        if (game.aftermath) outcomes.add(game.aftermath.outcome)
      }
  return { endings, redLines, outcomes }
}

/** The numbers worth trying for each meter: its bounds, its start and every threshold a condition names. */
function meterValues(index: ScenarioIndex): Map<string, number[]> {
  const values = new Map(index.scenario.meters.map((m) => [m.id, new Set([m.min, m.start, m.max])]))
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node && typeof node === 'object') {
      const c = node as Record<string, unknown>
      if (typeof c.meter === 'string')
        for (const key of ['atLeast', 'atMost'])
          if (typeof c[key] === 'number') values.get(c.meter)?.add(c[key] as number)
      Object.values(c).forEach(walk)
    }
  }
  walk(index.scenario.redLines)
  return new Map([...values].map(([id, set]) => [id, [...set]]))
}

/** Every combination of meter values and raised flags, with the first and the last round. */
function situations(index: ScenarioIndex) {
  let meters: Array<Record<string, number>> = [{}]
  for (const [id, values] of meterValues(index))
    meters = meters.flatMap((m) => values.map((v) => ({ ...m, [id]: v })))
  const flagIds = [...index.scenario.flags.map((f) => f.id), ...BUILT_IN_FLAGS]
  const flagSets = Array.from({ length: 2 ** flagIds.length }, (_, n) =>
    flagIds.filter((_, i) => n & (2 ** i)),
  )
  return meters.flatMap((m) =>
    flagSets.flatMap((flags) => [1, index.scenario.rounds].map((round) => ({ meters: m, flags, round }))),
  )
}

/** A legal package (and a situation) in which the condition holds, described in words; null if none. */
function witness(index: ScenarioIndex, when: Condition): string | null {
  const all = situations(index)
  let found: string | null = null
  forEachPackage(index, (items) => {
    if (found) return
    const resolved = resolvePackage(index, items)
    const at = all.find((s) => evaluate(when, { ...s, items: resolved }))
    if (at) found = items.map((i) => i.instrument + (i.variant ? `/${i.variant}` : '')).join(' + ')
  })
  return found
}

describe('every scenario file under scenarios/', () => {
  const files = yamlFiles()

  it('includes the template and the scenarios of both moments', () => {
    expect(files).toEqual(expect.arrayContaining([...MOMENTS, 'template/new-scenario.yaml']))
  })

  it.each(files)('%s loads with no problem at all, not even a warning', (file) => {
    const text = readFileSync(join(FOLDER, file), 'utf8')
    const result = loadScenarioFile(join(FOLDER, file))
    // A file still in format 1 cannot give its articles titles, so the loader's upgrade warns once per
    // article; that is the only problem tolerated, and only until the file is written in this format.
    const version = Number(/^formatVersion:\s*(\d+)/m.exec(text)?.[1])
    const tolerated = (code: string) => version < FORMAT_VERSION && code === 'SEED_TITLE_MISSING'
    expect(result.problems.filter((p) => !tolerated(p.code)).map(formatProblem)).toEqual([])
    expect(result.index).not.toBeNull()
  })

  it.each(files)('%s points editors at the JSON Schema on its first line', (file) => {
    const first = readFileSync(join(FOLDER, file), 'utf8').split('\n')[0] ?? ''
    const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1]
    expect(schema, first).toBeDefined()
    const target = resolve(dirname(join(FOLDER, file)), schema ?? '')
    expect(target).toBe(join(FOLDER, 'scenario.schema.json'))
    expect(existsSync(target)).toBe(true)
  })

  it.each(files)('%s: the game can open every quote at its place in the article', (file) => {
    const result = loadScenarioFile(join(FOLDER, file))
    const seeds = readSeeds()
    const scenario = result.scenario ?? expect.fail('not loaded')
    // An article the file carries (format 4, as in examples/) is opened from the file, not from seeds/.
    for (const { seed, quote } of collectQuotes(scenario))
      expect(findQuote(articleText(scenario, seed, seeds) ?? '', quote), `${seed}: ${quote}`).not.toBeNull()
  })

  it('offers the moments as playable scenarios, and keeps the template out of the list', () => {
    const shipped = shippedScenarioPaths().map((p) => relative(FOLDER, p))
    expect(shipped).toEqual(expect.arrayContaining(MOMENTS))
    expect(shipped.some((p) => p.includes('template'))).toBe(false)
  })
})

describe.each(shippedScenarioPaths().map((p) => relative(FOLDER, p)))('the shipped scenario %s', (file) => {
  const index = scenarioFile(file)

  it.each(DIFFICULTIES)('plays to an ending with computer players alone at %s difficulty', (difficulty) => {
    for (const seed of [1, 2, 3]) {
      const game = playGame(index, [], seed, difficulty)
      expect(game.phase).toBe('ended')
      expect(index.scenario.endings.map((e) => e.id)).toContain(game.ending?.id)
      expect(game.round).toBeLessThanOrEqual(index.scenario.rounds)
      expect(game.breaches).toEqual([])
      const scored = finalVerdict(index, game).scores.map((s) => s.side)
      expect(scored.sort()).toEqual(Object.keys(index.scenario.scoring).sort())
    }
  })
})

describe.each(MOMENTS)('the moment %s', (file) => {
  const index = scenarioFile(file)

  it('has four sides: Ukraine, Europe and the US propose, Russia responds', () => {
    expect(index.proposers).toEqual(['ukraine', 'europe', 'us'])
    expect(index.responder).toBe('russia')
  })

  it.each(index.scenario.redLines.map((r) => [r.id, r.when] as const))(
    'red line %s is crossed by at least one legal package',
    (_id, when) => {
      expect(witness(index, when)).not.toBeNull()
    },
  )

  it('is written in format 3: every red line has a hidden resolve range, with its reasons and sources', () => {
    // The file itself, not the loader's upgrade of it, is in the current format.
    const text = readFileSync(join(FOLDER, file), 'utf8')
    expect(Number(/^formatVersion:\s*(\d+)/m.exec(text)?.[1])).toBe(FORMAT_VERSION)
    for (const r of index.scenario.redLines) {
      expect(r.resolve, r.id).toBeDefined()
      expect(r.resolve?.low ?? 2, r.id).toBeLessThanOrEqual(r.resolve?.high ?? -1)
      // A red line whose firmest draw is below even odds would make the officials' words a bluff by design.
      expect(r.resolve?.high, r.id).toBeGreaterThan(0.5)
      expect(r.resolve?.rationale?.trim(), r.id).toBeTruthy()
    }
  })

  it('gives each proposing side an outlook and two to four positions, in its own cited words', () => {
    for (const side of index.proposers) {
      const entry = index.sides.get(side)
      expect(entry?.outlook?.text?.trim(), side).toBeTruthy()
      expect(entry?.positions.length, side).toBeGreaterThanOrEqual(2)
      expect(entry?.positions.length, side).toBeLessThanOrEqual(4)
      for (const p of entry?.positions ?? [])
        expect(p.instruments.length + p.tags.length, `${side}: ${p.text}`).toBeGreaterThan(0)
    }
  })

  it('has an aftermath whose four outcomes differ for Ukraine, a new attack costing it most', () => {
    const outcomes = index.scenario.aftermath?.outcomes ?? expect.fail('no aftermath')
    const ukraine = AFTERMATH_KINDS.map((k) => outcomes[k].scores.ukraine ?? 0)
    expect(new Set(ukraine).size).toBe(AFTERMATH_KINDS.length)
    expect(Math.min(...ukraine)).toBe(outcomes.attack.scores.ukraine)
  })

  it('reaches every ending, crosses every red line and sees every aftermath outcome in some seeded game', () => {
    const { endings, redLines, outcomes } = coverage(index)
    expect([...endings.keys()].sort()).toEqual(index.scenario.endings.map((e) => e.id).sort())
    expect([...redLines].sort()).toEqual(index.scenario.redLines.map((r) => r.id).sort())
    expect([...outcomes].sort()).toEqual([...AFTERMATH_KINDS].sort())
  })
})
