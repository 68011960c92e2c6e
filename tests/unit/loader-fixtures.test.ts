import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { formatProblem } from '../../src/core/scenario/load/problems.ts'
import { SCHEMA_PATH, scenarioJsonSchema } from '../../src/core/scenario/schema/json-schema.ts'
import { PROJECT_ROOT } from '../../src/node/scenario-files.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

const BROKEN = join(FIXTURES, 'broken')
const fixtures = readdirSync(BROKEN).filter((f) => f.endsWith('.yaml'))

describe('broken scenario fixtures', () => {
  it('has fixtures to check', () => expect(fixtures.length).toBeGreaterThanOrEqual(8))

  it.each(fixtures)('%s gives exactly the messages in its .expected.txt', (name) => {
    const result = loadScenario(readFileSync(join(BROKEN, name), 'utf8'), {
      file: name,
      seeds: FIXTURE_SEEDS,
    })
    const expected = readFileSync(join(BROKEN, name.replace(/\.yaml$/, '.expected.txt')), 'utf8')
    expect(result.problems.map(formatProblem).join('\n')).toBe(expected.trimEnd())
    const errors = result.problems.filter((p) => p.severity === 'error')
    expect(result.scenario === null).toBe(errors.length > 0)
  })
})

describe('loader', () => {
  it('loads the minimal fixture with no problem at all', () => {
    const result = loadScenario(readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8'), {
      seeds: FIXTURE_SEEDS,
    })
    expect(result.problems).toEqual([])
    expect(result.scenario?.id).toBe('harbour')
  })

  it('refuses a scenario whose cited article it neither carries nor finds in the library, at that article', () => {
    const text = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')
    const result = loadScenario(text, { seeds: {} })
    expect(result.scenario).toBeNull()
    expect(result.problems.map((p) => [p.code, p.severity, p.path])).toEqual([
      ['SEED_UNAVAILABLE', 'error', 'seeds[0].file'],
    ])
    expect(result.problems[0]?.fix).toMatch(/under `text:`/)
  })

  it('checks quotes against the article the scenario carries, before the library', () => {
    const article = FIXTURE_SEEDS['harbour.txt']
    const carried = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace(
      'seeds: [{ file: harbour.txt, title: The harbour council meets }]',
      `seeds:\n  - file: harbour.txt\n    title: The harbour council meets\n    text: ${JSON.stringify(article)}`,
    )
    expect(loadScenario(carried, { seeds: {} }).problems).toEqual([])
    // The carried text wins over a library article of the same name: a quote is checked where it was taken.
    const misquoted = loadScenario(carried, { seeds: { 'harbour.txt': 'Nothing of the sort was said.' } })
    expect(misquoted.problems).toEqual([])
    const changed = carried.replace(
      JSON.stringify(article),
      JSON.stringify(article.replace(/joint fund/g, 'fund')),
    )
    expect(loadScenario(changed, { seeds: FIXTURE_SEEDS }).problems.map((p) => p.code)).toContain(
      'QUOTE_NOT_FOUND',
    )
  })

  it('refuses an article named by a path, saying that its text goes in the file', () => {
    const text = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace(
      'file: harbour.txt,',
      'file: articles/harbour.txt,',
    )
    const codes = loadScenario(text, { seeds: FIXTURE_SEEDS }).problems.map((p) => p.code)
    expect(codes).toContain('SEED_NAME_NOT_PLAIN')
  })

  it('normalises curly quotes and spacing when checking quotes', () => {
    const text = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace(
      'quote: a joint fund',
      'quote: "a   joint\\n fund"',
    )
    const seeds = { 'harbour.txt': FIXTURE_SEEDS['harbour.txt'].replace('"We will', '\u201cWe will') }
    expect(loadScenario(text, { seeds }).problems).toEqual([])
  })

  it('keeps the committed JSON Schema in step with the zod schema (run `npm run schema` if this fails)', () => {
    expect(readFileSync(join(PROJECT_ROOT, SCHEMA_PATH), 'utf8')).toBe(scenarioJsonSchema())
  })

  it('points every shipped scenario at the schema for editor autocompletion', () => {
    const folder = join(PROJECT_ROOT, 'scenarios')
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.yaml')))
      expect(readFileSync(join(folder, name), 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=./scenario.schema.json',
      )
  })
})
