import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/core/rules/conditions.ts'
import { forEachPackage } from '../../src/core/rules/enumerate.ts'
import { type PackageItem, resolvePackage } from '../../src/core/rules/package.ts'
import { collectQuotes } from '../../src/core/scenario/load/quotes.ts'
import { loadScenarioFile, PROJECT_ROOT } from '../../src/node/scenario-files.ts'
import { seedScenario } from './helpers.ts'

const index = seedScenario()
const { scenario } = index

describe('the seed scenario', () => {
  it('loads with no error and no warning, every quote found in its article', () => {
    const result = loadScenarioFile(join(PROJECT_ROOT, 'scenarios/guarantees-2025.yaml'))
    expect(result.problems).toEqual([])
  })

  it('draws on all five articles', () => {
    expect(scenario.seeds).toHaveLength(5)
    const cited = new Set(collectQuotes(scenario).map((q) => q.seed))
    expect([...cited].sort()).toEqual(scenario.seeds.map((s) => s.file).sort())
  })

  it('holds every actor the articles quote on the guarantees', () => {
    const names = scenario.actors.map((a) => a.name).join(' | ')
    for (const name of [
      'Zelensky',
      'Lavrov',
      'Peskov',
      'Chepa',
      'Putin',
      'Vance',
      'Trump',
      'Meloni',
      'Tsahkna',
      'Pevkur',
      'Merezhko',
      'Stepanenko',
      'Institute for the Study of War',
      'Rutland',
      'Foreman',
      'Naumov',
      'Lizan',
      'Dudakov',
    ])
      expect(names).toContain(name)
  })

  it('holds every option the articles name, the Article 5-style clause with both readings', () => {
    const ids = [...index.instruments.keys()]
    for (const id of [
      'reassurance-force',
      'article5-style-clause',
      'nato-lite',
      'us-intelligence-air-defence',
      'buffer-zone',
      'military-financial-aid',
      'bilateral-defence-agreements',
      'nato-membership',
      'eu-membership',
      'asset-seizure',
      'taiwan-style-commitment',
      'elections-in-ukraine',
      'territorial-questions',
    ])
      expect(ids).toContain(id)
    expect([...(index.variants.get('article5-style-clause')?.keys() ?? [])]).toEqual(['shall', 'could'])
  })

  it('cites a speaker, a source and a verbatim quote for every red line and preference', () => {
    for (const r of scenario.redLines)
      for (const s of r.stated) expect(s.speaker && s.seed && s.quote).toBeTruthy()
    for (const p of scenario.preferences) expect(p.stated.length).toBeGreaterThan(0)
  })
})

type Facts = {
  has: (id: string, variant?: string) => boolean
  europeRisk: number
  deterrence: number
  backedByEurope: (...ids: string[]) => boolean
}

/**
 * Each red line, with what it should fire on written independently of the scenario's tags, from the
 * instruments the articles tie it to. Checked against every legal package of the scenario.
 */
const RED_LINES: Array<[string, string, (f: Facts) => boolean]> = [
  ['no-european-peacekeepers', 'the reassurance force (European troops)', (f) => f.has('reassurance-force')],
  [
    'hostile-measures',
    'European troops or seized Russian assets',
    (f) => f.has('reassurance-force') || f.has('asset-seizure'),
  ],
  ['no-asset-confiscation', 'seized Russian assets', (f) => f.has('asset-seizure')],
  [
    'no-foreign-intervention',
    'troops, the buffer zone or the binding clause',
    (f) => f.has('reassurance-force') || f.has('buffer-zone') || f.has('article5-style-clause', 'shall'),
  ],
  [
    'european-units-targeted',
    'European units on Ukrainian soil',
    (f) => f.backedByEurope('reassurance-force', 'buffer-zone'),
  ],
  ['war-with-europe', 'Europe carrying a risk of 8 or more', (f) => f.europeRisk >= 8],
  ['no-nato', 'NATO membership', (f) => f.has('nato-membership')],
  [
    'no-confrontational-deterrence',
    'deterrence of 14, backed by Europe, without talks on European security (Russia isolated)',
    (f) => f.deterrence >= 14 && f.backedByEurope() && !f.has('european-security-talks'),
  ],
]

function facts(items: PackageItem[]): Facts {
  const resolved = resolvePackage(index, items)
  return {
    has: (id, variant) =>
      items.some((i) => i.instrument === id && (variant === undefined || i.variant === variant)),
    europeRisk: resolved.reduce((s, r) => s + (r.risks.europe ?? 0), 0),
    deterrence: resolved.reduce((s, r) => s + r.deterrence, 0),
    backedByEurope: (...ids) =>
      items.some((i) => (ids.length === 0 || ids.includes(i.instrument)) && i.backedBy === 'europe'),
  }
}

describe('every red line fires on the packages it should and on no other', () => {
  it('covers every red line of the scenario', () => {
    expect(RED_LINES.map((r) => r[0]).sort()).toEqual(scenario.redLines.map((r) => r.id).sort())
  })

  it.each(RED_LINES)('%s fires exactly on packages with %s', (id, _what, expected) => {
    const redLine = scenario.redLines.find((r) => r.id === id)
    if (!redLine) throw new Error(`no red line ${id}`)
    let fired = 0
    let mismatches = 0
    let example = ''
    const total = forEachPackage(index, (items) => {
      const ctx = { items: resolvePackage(index, items), meters: {}, flags: [], round: 1 }
      const actual = evaluate(redLine.when, ctx)
      if (actual) fired++
      if (actual !== expected(facts(items))) {
        mismatches++
        example ||= `${actual ? 'fires' : 'silent'} on ${items.map((i) => i.instrument + (i.variant ? `/${i.variant}` : '')).join(' + ')}`
      }
    })
    expect(example).toBe('')
    expect(mismatches).toBe(0)
    expect(fired).toBeGreaterThan(0)
    expect(fired).toBeLessThan(total)
  })
})

describe('opening a quote in its article', () => {
  it('finds and can highlight every quote of the scenario in the article it cites', async () => {
    const { findQuote } = await import('../../src/core/scenario/load/quotes.ts')
    const { readSeeds } = await import('../../src/node/scenario-files.ts')
    const seeds = readSeeds()
    for (const { seed, quote } of collectQuotes(scenario)) {
      const text = seeds[seed] ?? ''
      const at = findQuote(text, quote)
      expect(at, `${seed}: ${quote}`).not.toBeNull()
      if (at)
        expect(text.slice(at.start, at.end).replace(/\s+/g, ' ').length).toBeGreaterThanOrEqual(
          quote.trim().length - 2,
        )
    }
  })
})
