import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PackageItem } from '../../src/core/rules/package.ts'
import { resolvePackage } from '../../src/core/rules/package.ts'
import { resolveResponse } from '../../src/core/rules/response.ts'
import { seedState } from '../../src/core/rules/rng.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { formatProblem } from '../../src/core/scenario/load/problems.ts'
import { collectQuotes, findQuote } from '../../src/core/scenario/load/quotes.ts'
import { PROJECT_ROOT, shippedScenarioPaths } from '../../src/node/scenario-files.ts'

/**
 * The guide's worked example on a topic other than Ukraine (scenarios/examples/): a fictional river-dam
 * dispute whose article travels inside the file. Loaded with an empty library, so that only its own
 * article can back its quotes.
 */
const FOLDER = join(PROJECT_ROOT, 'scenarios/examples')
const FILE = 'river-dam.yaml'
const ARTICLE = 'river-dam-talks.txt'
const text = readFileSync(join(FOLDER, FILE), 'utf8')
const load = (yaml: string) => loadScenario(yaml, { file: FILE, seeds: {} })
const result = load(text)
const scenario = result.scenario
const index = result.index

/** Tarvonia's verdicts on a package over 200 seeds of chance, at the start of the game. */
function verdicts(items: PackageItem[]): string[] {
  if (!index) throw new Error('the example does not load')
  const seen = new Set<string>()
  for (let seed = 1; seed <= 200; seed++)
    seen.add(
      resolveResponse(
        index,
        { items: resolvePackage(index, items), meters: {}, flags: [], round: 1 },
        'normal',
        seedState(seed),
      ).response.verdict,
    )
  return [...seen].sort()
}

describe('the worked example scenarios/examples/river-dam.yaml', () => {
  it('loads with no problem at all, not even a warning, from its own article alone', () => {
    expect(result.problems.map(formatProblem)).toEqual([])
    expect(index).not.toBeNull()
  })

  it('carries its article, which backs every quote it makes', () => {
    const article = scenario?.seeds.find((s) => s.file === ARTICLE)?.text ?? ''
    expect(scenario?.seeds.map((s) => s.file)).toEqual([ARTICLE])
    const quotes = collectQuotes(scenario ?? expect.fail('not loaded'))
    expect(quotes.length).toBeGreaterThan(30)
    for (const { seed, quote } of quotes) {
      expect(seed).toBe(ARTICLE)
      expect(findQuote(article, quote), quote).not.toBeNull()
    }
  })

  it('refuses a quote its article does not hold, with no library to fall back on', () => {
    const said = 'quote: Our farmers cannot plant on promises'
    expect(text).toContain(said)
    const misquoted = load(text.replace(said, 'quote: Our farmers cannot live on promises'))
    expect(misquoted.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'QUOTE_NOT_FOUND actors[3].statements[0].quote',
    ])
  })

  it('has the article beside it, word for word, marked as a free fictional example', () => {
    const alone = readFileSync(join(FOLDER, ARTICLE), 'utf8')
    expect(scenario?.seeds[0]?.text).toBe(alone)
    expect(alone).toMatch(/^FICTIONAL EXAMPLE, written for Red Lines/)
    expect(alone.split('\n')[0]).toContain('public domain (CC0 1.0)')
    const words = alone.split(/\s+/).filter(Boolean).length
    expect(words).toBeGreaterThanOrEqual(900)
    expect(words).toBeLessThanOrEqual(1400)
  })

  it('is set at a neutral table, with three proposing sides and one responder, not among the shipped scenarios', () => {
    expect(scenario?.stage).toEqual({ kind: 'table' })
    expect(scenario?.sides.map((s) => `${s.id}:${s.role}`)).toEqual([
      'ebrenia:proposer',
      'lowmar:proposer',
      'union:proposer',
      'tarvonia:responder',
    ])
    expect(scenario?.sides.find((s) => s.id === 'union')?.shortName).toBe('the Union')
    expect(shippedScenarioPaths().some((p) => p.includes('examples'))).toBe(false)
  })

  it('is not won by putting everything in: that is refused, while the draft that pays for time is accepted', () => {
    const everything: PackageItem[] = (scenario?.instruments ?? [])
      // Mediation and arbitration exclude each other: everything else goes in, with the slow filling.
      .filter((i) => i.id !== 'union-mediation')
      .map((i) => ({
        instrument: i.id,
        backedBy: i.proposers[0] ?? '',
        ...(i.variants.length ? { variant: 'slow' } : {}),
      }))
    expect(verdicts(everything)).toEqual(['reject'])
    const draft: PackageItem[] = [
      { instrument: 'staged-filling', variant: 'slow', backedBy: 'union' },
      { instrument: 'dry-year-release', backedBy: 'ebrenia' },
      { instrument: 'data-centre', backedBy: 'union' },
      { instrument: 'union-mediation', backedBy: 'union' },
      { instrument: 'basin-fund', backedBy: 'union' },
    ]
    // Without the electricity Tarvonia asks for, the slow filling costs it revenue: refused.
    expect(verdicts(draft)).toEqual(['reject'])
    expect(verdicts([...draft, { instrument: 'power-purchase', backedBy: 'lowmar' }])).toEqual(['accept'])
  })
})
