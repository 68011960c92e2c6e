import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { LIMITS } from '../../src/core/scenario/limits.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { PROBLEM_CODES, type Problem } from '../../src/core/scenario/load/problems.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')
const load = (text: string) => loadScenario(text, { file: 'f.yaml', seeds: FIXTURE_SEEDS })
const codes = (problems: Problem[]) => problems.map((p) => p.code)
/** The text a problem's line and column point at. */
const textAt = (text: string, p: Problem) => (text.split('\n')[p.line - 1] ?? '').slice(p.column - 1)

/** The minimal scenario as data, changed by `edit`, written back as YAML. */
function edited(edit: (data: Record<string, unknown>) => void): string {
  const data = parse(minimal) as Record<string, unknown>
  edit(data)
  return stringify(data)
}

describe('limits on untrusted files', () => {
  it('refuses a file over the size limit in bytes, before parsing it', () => {
    const ascii = load(`title: ${'x'.repeat(LIMITS.fileBytes)}`)
    expect(codes(ascii.problems)).toEqual(['FILE_TOO_LARGE'])
    // 600,000 Cyrillic letters are 1.2 MB in UTF-8, though fewer characters than the limit.
    const cyrillic = load(`title: ${'ж'.repeat(600_000)}`)
    expect(cyrillic.problems[0]?.message).toBe('The file has 1200007 bytes; the limit is 1000000')
  })

  it('refuses nesting past the depth limit, at the first level too deep', () => {
    const depth = LIMITS.depth + 5
    const text = `x: ${'['.repeat(depth)}1${']'.repeat(depth)}`
    const [problem, ...rest] = load(text).problems
    expect(rest).toEqual([])
    expect(problem).toMatchObject({ code: 'YAML_TOO_DEEP', line: 1, column: 4 + LIMITS.depth })
  })

  it('finds brackets nested too deep before parsing, and places them in the file', () => {
    const text = `formatVersion: 2\nid: x\nx: [1, ${'{a: ['.repeat(40)}`
    const { problems } = load(text)
    // "x: [" is level 1 and each "{a: [" adds two: the 65th level is the "[" of the 32nd, from column 8.
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['YAML_TOO_DEEP', 3, 8 + 5 * 31 + 4]])
    expect(textAt(text, problems[0] as Problem).startsWith('[{a: [')).toBe(true)
  })

  it('turns nesting too deep for the YAML reader itself into YAML_TOO_DEEP, and stops listing errors', () => {
    const { problems } = load(`${'- '.repeat(20_000)}x`)
    expect(problems.length).toBeLessThanOrEqual(20)
    expect(codes(problems)).toContain('YAML_TOO_DEEP')
  })

  it('refuses more values than the node limit', () => {
    const row = `[${Array(1000).fill(1).join(',')}]`
    const rows = Math.ceil(LIMITS.nodes / 1001) + 1
    const text = `x:\n${Array.from({ length: rows }, () => `  - ${row}`).join('\n')}`
    const { problems } = load(text)
    expect(codes(problems)).toEqual(['YAML_TOO_MANY_NODES'])
    // Three nodes before the rows (the mapping, "x", the list), then 1,001 a row (the row and its numbers).
    expect(problems[0]?.line).toBe(Math.ceil((LIMITS.nodes - 2) / 1001) + 1)
  })

  it('refuses more aliases than the limit, at the first one too many', () => {
    const text = `a: &a x\nb: [${Array(LIMITS.aliases + 1)
      .fill('*a')
      .join(', ')}]`
    const { problems } = load(text)
    expect(codes(problems)).toEqual(['YAML_TOO_MANY_ALIASES'])
    expect(problems[0]).toMatchObject({
      line: 2,
      column: 5 + 4 * LIMITS.aliases,
      path: `b[${LIMITS.aliases}]`,
    })
  })

  it('refuses aliases that expand to too much data ("billion laughs")', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i <= 9; i++)
      lines.push(
        `l${i}: &l${i} [${Array(9)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      )
    const { problems } = load(lines.join('\n'))
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['YAML_TOO_MANY_ALIASES', 'The aliases expand to too much data'],
    ])
  })

  it('refuses a text past the length limit, at the text', () => {
    const text = minimal.replace('title: The harbour\n', `title: ${'a'.repeat(LIMITS.textLength + 1)}\n`)
    const { problems } = load(text)
    expect(codes(problems)).toEqual(['STRING_TOO_LONG'])
    expect(problems[0]).toMatchObject({ path: 'title', line: 5, column: 8 })
  })

  it('refuses a list or mapping with more entries than any may hold', () => {
    const text = `x: [${Array(LIMITS.entries + 1)
      .fill(0)
      .join(',')}]`
    expect(load(text).problems.map((p) => p.message)).toEqual([
      `This list has ${LIMITS.entries + 1} entries; the limit for any list is ${LIMITS.entries}`,
    ])
    const keys = Array.from({ length: LIMITS.entries + 1 }, (_, i) => `k${i}: ${i}`).join('\n')
    expect(codes(load(keys).problems)).toEqual(['LIST_TOO_LONG'])
  })

  it('refuses sections longer than their limit through the schema', () => {
    const text = edited((data) => {
      const meters = data.meters as Array<Record<string, unknown>>
      for (let i = 0; meters.length <= LIMITS.sections.meters; i++) meters.push({ ...meters[0], id: `m${i}` })
    })
    const { problems } = load(text)
    expect(problems.map((p) => [p.code, p.path, p.message])).toEqual([
      ['LIST_TOO_LONG', 'meters', `"meters" must have at most ${LIMITS.sections.meters} entries`],
    ])
  })

  it('refuses more translation languages than the limit', () => {
    const text = edited((data) => {
      const letters = 'abcdefghijklmnopqrstuvwxyz'
      data.translations = Object.fromEntries(
        [...letters].slice(0, LIMITS.sections.translations + 1).map((c) => [`x${c}`, { title: 'T' }]),
      )
    })
    expect(codes(load(text).problems)).toEqual(['LIST_TOO_LONG'])
  })

  it('still finds a key written twice, at the second one', () => {
    const text = `${minimal}rounds: 4\n`
    const { problems } = load(text)
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['YAML_DUPLICATE_KEY', 'The key "rounds" appears twice in this group of fields'],
    ])
    expect(textAt(text, problems[0] as Problem)).toBe('rounds: 4')
  })

  it('documents every code it can report with a fix', () => {
    for (const code of [
      'FILE_TOO_LARGE',
      'YAML_TOO_DEEP',
      'YAML_TOO_MANY_NODES',
      'YAML_TOO_MANY_ALIASES',
      'STRING_TOO_LONG',
      'LIST_TOO_LONG',
      'RESERVED_KEY',
    ] as const) {
      expect(PROBLEM_CODES[code][0]).toBe('error')
      expect(PROBLEM_CODES[code][1].length).toBeGreaterThan(20)
    }
  })
})

describe('keys that could reach a prototype', () => {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort()

  it('are reported where they stand, and Object.prototype is untouched', () => {
    const text = [
      '__proto__: { polluted: true }',
      'constructor: { prototype: { polluted: true } }',
      'a: &k __proto__',
      'b: { *k : { polluted: true } }',
      minimal.split('\n').slice(2).join('\n'),
    ].join('\n')
    const { problems, scenario } = load(text)
    expect(scenario).toBeNull()
    expect(problems.map((p) => [p.code, p.line, p.column, p.path])).toEqual([
      ['RESERVED_KEY', 1, 1, '__proto__'],
      ['RESERVED_KEY', 2, 1, 'constructor'],
      ['RESERVED_KEY', 2, 16, 'constructor.prototype'],
      ['RESERVED_KEY', 4, 6, 'b.__proto__'],
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore)
  })

  it('are reported inside mappings keyed by ids too', () => {
    const text = minimal.replace('costs: { north: 2 }', 'costs: { north: 2, constructor: 9 }')
    const { problems } = load(text)
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['RESERVED_KEY', 'instruments[0].costs.constructor'],
    ])
    expect(textAt(text, problems[0] as Problem).startsWith('constructor: 9')).toBe(true)
  })

  it('may not be used as ids, which become keys in the game', () => {
    const text = minimal.replace('  - id: south\n', '  - id: constructor\n')
    const [first, ...rest] = load(text).problems
    expect([first?.code, first?.path, first?.message]).toEqual([
      'BAD_ID',
      'sides[1].id',
      '"constructor" is not allowed: this word is reserved; choose another id',
    ])
    // The side renamed away from "south" leaves references to "south" behind, reported as usual.
    expect(new Set(rest.map((p) => p.message))).toEqual(new Set(['There is no side "south"']))
  })

  it('leave the loaded scenario a plain object with the usual prototype', () => {
    const { scenario } = load(minimal)
    expect(Object.getPrototypeOf(scenario)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(scenario?.instruments[0]?.costs)).toBe(Object.prototype)
  })
})
