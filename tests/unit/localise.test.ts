import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { collectQuotes } from '../../src/core/scenario/load/quotes.ts'
import { localiseScenario, textFields, translatablePaths } from '../../src/core/scenario/localise.ts'
import type { Scenario } from '../../src/core/scenario/schema/scenario.ts'
import { seedTitle } from '../../src/core/scenario/seed-title.ts'
import { FIXTURE_SEEDS, FIXTURES, seedScenario } from './helpers.ts'

function loadFixture(name: string): Scenario {
  const result = loadScenario(readFileSync(join(FIXTURES, name), 'utf8'), { seeds: FIXTURE_SEEDS })
  if (!result.scenario) throw new Error(JSON.stringify(result.problems))
  return result.scenario
}

const translated = loadFixture('translated.yaml')
const uk = translated.translations?.uk ?? {}

describe('text paths', () => {
  it('name every readable text by section, id (or position) and field', () => {
    const paths = translatablePaths(translated)
    expect(paths).toContain('title')
    expect(paths).toContain('sides.north.briefing')
    expect(paths).toContain('sides.north.interests.0')
    expect(paths).toContain('sides.north.constraints.north-min.text')
    expect(paths).toContain('actors.mayor.statements.0.date')
    expect(paths).toContain('instruments.fund.variants.large.description')
    expect(paths).toContain('redLines.no-boats.title')
    expect(paths).toContain('unilateral.description')
    expect(paths).toContain('endings.stall.text')
    expect(new Set(paths).size).toBe(paths.length)
  })

  it('never name a quote, an id, a number or a seed file', () => {
    for (const path of translatablePaths(seedScenario().scenario)) {
      expect(path).not.toMatch(/\.(quote|id|seed|file|owner|kind|when)$/)
      expect(path).not.toMatch(/^(seeds|formatVersion|language|rounds|response|translations)\b/)
    }
  })

  it('point at the text they name in the data', () => {
    for (const field of textFields(translated)) {
      let node: unknown = translated
      for (const key of field.at) node = (node as Record<string | number, unknown>)[key]
      expect(node).toBe(field.text)
    }
  })

  it('cover the fields the format calls readable in the seed scenario too', () => {
    const paths = translatablePaths(seedScenario().scenario)
    const kinds = new Set(paths.map((p) => `${p.split('.')[0]}…${p.split('.').at(-1)}`))
    for (const kind of ['instruments…rationale', 'redLines…context', 'actors…office', 'scoring…label'])
      expect(kinds).toContain(kind)
  })
})

describe('localiseScenario', () => {
  it('puts every translated text in place', () => {
    const local = localiseScenario(translated, 'uk')
    for (const field of textFields(local)) expect(field.text).toBe(uk[field.path])
    expect(local.sides[0]?.name).toBe('Північне місто')
    expect(local.instruments[1]?.variants[1]?.name).toBe('Великий')
  })

  it('keeps quotes, ids, numbers and conditions as they are', () => {
    const local = localiseScenario(translated, 'uk')
    expect(collectQuotes(local)).toEqual(collectQuotes(translated))
    expect(local.instruments.map((i) => [i.id, i.deterrence, i.tags])).toEqual(
      translated.instruments.map((i) => [i.id, i.deterrence, i.tags]),
    )
    expect(local.redLines[0]?.when).toEqual(translated.redLines[0]?.when)
    expect(local.language).toBe('en')
  })

  it('leaves the original untouched', () => {
    const before = structuredClone(translated)
    localiseScenario(translated, 'uk')
    expect(translated).toEqual(before)
  })

  it('falls back to the original text where a translation is missing', () => {
    const partial: Scenario = { ...translated, translations: { uk: { title: 'Гавань' } } }
    const local = localiseScenario(partial, 'uk')
    expect(local.title).toBe('Гавань')
    expect(local.summary).toBe(translated.summary)
    expect(local.sides).toEqual(translated.sides)
  })

  it('returns the scenario itself for its own language or a language it has no translation for', () => {
    expect(localiseScenario(translated, 'en')).toBe(translated)
    expect(localiseScenario(translated, 'en-GB')).toBe(translated)
    expect(localiseScenario(translated, 'de')).toBe(translated)
    const plain = loadFixture('minimal.yaml')
    expect(plain.translations).toBeUndefined()
    expect(localiseScenario(plain, 'uk')).toBe(plain)
  })

  it('uses the language of a regional code', () => {
    expect(localiseScenario(translated, 'uk-UA').title).toBe('Гавань')
  })

  it('ignores a translation table that names no text', () => {
    const odd: Scenario = {
      ...translated,
      translations: { uk: { 'sides.nobody.name': 'x', constructor: 'y' } },
    }
    const local = localiseScenario(odd, 'uk')
    expect(local).not.toBe(odd)
    expect({ ...local, translations: null }).toEqual({ ...translated, translations: null })
  })
})

describe('seed titles', () => {
  it('show the title where the scenario gives one, the file name otherwise', () => {
    expect(seedTitle(translated, 'harbour.txt')).toBe('The harbour council meets')
    expect(seedTitle({ seeds: [{ file: 'a.txt' }] }, 'a.txt')).toBe('a.txt')
    expect(seedTitle(translated, 'unknown.txt')).toBe('unknown.txt')
  })

  it('give every article of the seed scenario its title', () => {
    const { scenario } = seedScenario()
    expect(scenario.seeds.every((s) => s.title)).toBe(true)
    expect(seedTitle(scenario, '003_6b6452025307da6b.txt')).toBe(
      'Ukraine’s Future Hangs on Security Guarantees Russia Fears Most',
    )
  })
})
