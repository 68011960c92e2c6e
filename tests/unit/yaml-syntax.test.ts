import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

const MINIMAL = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')
const lines = MINIMAL.split('\n')
/** The first line of the minimal fixture that matches, by its number from 1. */
const lineOf = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l)) + 1
const withLine = (n: number, edit: (line: string) => string) =>
  lines.map((l, i) => (i === n - 1 ? edit(l) : l)).join('\n')
const syntax = (text: string) =>
  loadScenario(text).problems.map((p) => ({ line: p.line, column: p.column, message: p.message, fix: p.fix }))

describe('YAML syntax problems', () => {
  it('report a tab in the indentation once, at the tab, whatever follows from it', () => {
    const n = lineOf(/^ {4}\S/)
    const found = syntax(withLine(n, (l) => `\t${l}`))
    expect(found).toEqual([
      {
        line: n,
        column: 1,
        message: 'A tab character is used for indentation; use spaces',
        fix: expect.stringContaining('→'),
      },
    ])
  })

  it('say an indentation slip may be on this line or the next, once per line', () => {
    const n = lineOf(/^ {4}role: /)
    const found = syntax(withLine(n, (l) => ` ${l}`))
    expect(found.length).toBeGreaterThan(0)
    expect(found[0]?.message).toMatch(/indentation is wrong on this line or the next/)
    expect(found[0]?.line).toBeGreaterThanOrEqual(n - 1)
    expect(found[0]?.line).toBeLessThanOrEqual(n)
    expect(new Set(found.map((p) => p.line)).size).toBe(found.length)
    for (const later of found.slice(1)) expect(later.fix).toMatch(/Fix the first syntax message/)
  })
})

describe('schema problems in plain words', () => {
  it('say that a list entry with ": " in it needs quotes', () => {
    const text = MINIMAL.replace('interests: [A safe harbour]', 'interests:\n      - Safety: a harbour')
    const [problem] = loadScenario(text, { seeds: FIXTURE_SEEDS }).problems
    expect(problem?.code).toBe('WRONG_TYPE')
    expect(problem?.message).toBe(
      'Entry 1 of "interests" contains ": ", so it was read as a field and its value, not as a text',
    )
    expect(problem?.fix).toMatch(/quotes/)
  })

  it('say a missing section may go anywhere at the left margin, and never call it a mapping or a record', () => {
    const text = MINIMAL.replace(/^scoring:\n(?: .*\n?)*/m, '')
    expect(text).not.toMatch(/^scoring:/m)
    const [problem] = loadScenario(text, { seeds: FIXTURE_SEEDS }).problems
    expect(problem?.message).toBe('The field "scoring" is missing: it needs a group of fields (one per id)')
    expect(problem?.fix).toMatch(/^Add it at the left margin/)
  })
})
