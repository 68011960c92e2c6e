import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Lexer, parse } from 'yaml'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { selfContained } from '../../src/core/studio/self-contained.ts'
import { PROJECT_ROOT, readSeeds } from '../../src/node/scenario-files.ts'
import { FIXTURES } from './helpers.ts'

const LIBRARY = readSeeds()
const read = (name: string) => readFileSync(join(PROJECT_ROOT, 'scenarios', name), 'utf8')
const errors = (text: string, seeds: Record<string, string> = {}) =>
  loadScenario(text, { seeds, skipWarnings: true }).problems.filter((p) => p.severity === 'error')
const comments = (text: string) => Array.from(new Lexer().lex(text)).filter((t) => t.startsWith('#'))

/** Whether every line of `original` stands in `text`, in the same order. */
function keepsEveryLine(original: string, text: string): boolean {
  const lines = text.split('\n')
  let at = 0
  for (const line of original.split('\n')) {
    while (at < lines.length && lines[at] !== line) at++
    if (at++ >= lines.length) return false
  }
  return true
}

describe('selfContained', () => {
  it.each(['guarantees-2025.yaml', 'december.yaml', 'late-august.yaml', 'template/new-scenario.yaml'])(
    'makes %s load with no library, its quotes checked against the texts it now carries',
    (name) => {
      const original = read(name)
      expect(errors(original).map((p) => p.code)).toContain('SEED_UNAVAILABLE')
      const { text, embedded } = selfContained(original, LIBRARY)
      const seeds = (parse(original).seeds as Array<{ file: string }>).map((s) => s.file)
      expect(embedded).toEqual(seeds)
      expect(errors(text)).toEqual([])
      const scenario = loadScenario(text, { seeds: {}, skipWarnings: true }).scenario
      for (const seed of scenario?.seeds ?? []) expect(seed.text).toBe(LIBRARY[seed.file])
      expect(comments(text)).toEqual(comments(original))
      expect(keepsEveryLine(original, text)).toBe(true)
    },
  )

  it('writes an article as a literal block that reads back exactly, spaces and line breaks included', () => {
    const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')
    const harbour = readFileSync(join(FIXTURES, 'seeds/harbour.txt'), 'utf8')
    const article = `   Indented first line: with a colon # and a hash\n- a dash\n* a star\n${harbour}\ntrailing spaces   \n\n\n`
    const { text, embedded } = selfContained(minimal, { 'harbour.txt': article })
    expect(embedded).toEqual(['harbour.txt'])
    expect(errors(text)).toEqual([])
    expect(loadScenario(text, { seeds: {} }).scenario?.seeds[0]?.text).toBe(article)
    // The one-line `seeds: [{ ... }]` becomes a block, where the article gets its own lines.
    expect(text).toMatch(
      /\nseeds:\n {2}- file: harbour\.txt\n {4}title: The harbour council meets\n {4}text: \|/,
    )
  })

  it('leaves alone a seed that has its text, one the library lacks, and a file that does not parse', () => {
    const own =
      'seeds:\n  - file: own.txt\n    text: Our own words.\n  - file: elsewhere.txt # not in the library\n'
    expect(selfContained(own, { 'own.txt': 'Other words.' })).toEqual({ text: own, embedded: [] })
    expect(selfContained('seeds: [unclosed', LIBRARY)).toEqual({ text: 'seeds: [unclosed', embedded: [] })
    expect(selfContained('title: no seeds\n', LIBRARY)).toEqual({ text: 'title: no seeds\n', embedded: [] })
  })

  it('embeds only what is missing, and does nothing the second time', () => {
    const once = selfContained(read('late-august.yaml'), LIBRARY)
    expect(selfContained(once.text, LIBRARY)).toEqual({ text: once.text, embedded: [] })
  })
})
