/**
 * Generated scenario files for fuzzing the loader, shared by the unit fuzz tests (a few thousand runs) and the
 * long run of `npm run bench` (scripts/bench-fuzz.ts). Each kind aims at a different layer: arbitrary text at
 * the YAML reader, YAML-ish token soup at its error paths, real scenarios cut and garbled at the schema and
 * cross-checks, deep nesting and alias bombs at the limits of limits.ts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { parse, stringify } from 'yaml'
import { LIMITS } from '../../src/core/scenario/limits.ts'
import { type LoadResult, loadScenario } from '../../src/core/scenario/load/index.ts'
import { PROBLEM_CODES } from '../../src/core/scenario/load/problems.ts'
import { PROJECT_ROOT } from '../../src/node/scenario-files.ts'

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures')
/** Real scenarios to mutate: small ones (loaded with every warning) and the seed scenario. */
export const SMALL_SCENARIOS = ['minimal.yaml', 'translated.yaml', 'migrations/harbour.v1.yaml'].map((f) =>
  readFileSync(join(FIXTURES, f), 'utf8'),
)
export const SEED_SCENARIO = readFileSync(join(PROJECT_ROOT, 'scenarios/guarantees-2025.yaml'), 'utf8')

/** Pieces of YAML syntax and of the scenario vocabulary, for token soup and insertions. */
const TOKENS = [
  '- ',
  ': ',
  ':',
  '{',
  '}',
  '[',
  ']',
  ', ',
  '&a ',
  '&b ',
  '*a',
  '*b',
  '!!str ',
  '!!map ',
  '!custom ',
  '? ',
  '|',
  '>-',
  '"',
  "'",
  '# ',
  '\n',
  '\n  ',
  '  ',
  '\t',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '<<: ',
  '\\',
  '@',
  '`',
  '%',
  '\u0000',
  '\ufeff',
  '\u2028',
  '~',
  'null',
  'true',
  '1',
  '-1',
  '.inf',
  '0x1F',
  '1e999',
  'formatVersion: 1',
  'formatVersion: 2',
  'formatVersion',
  'seeds',
  'file',
  'title',
  'sides',
  'id',
  'role',
  'instruments',
  'redLines',
  'when',
  'all',
  'any',
  'not',
  'has',
  'hasTag',
  'translations',
  'uk',
  'quote',
  'seed',
  'harbour.txt',
  '__proto__',
  'constructor',
  'prototype',
]

/** Arbitrary text: any characters, ASCII punctuation-heavy text, and raw UTF-16 (lone surrogates too). */
export const arbitraryText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...':-[]{}&*!|>#\'" \n\tabc0'), maxLength: 300 }),
)

/** YAML-ish documents: token soup, any data written as YAML, and scenario-shaped mappings of odd values. */
export const yamlish = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((parts) => parts.join('')),
  // stringify(undefined) gives undefined, not a text.
  fc.anything({ maxDepth: 4 }).map((value) => stringify(value) ?? ''),
  fc
    .dictionary(
      fc.constantFrom('formatVersion', 'id', 'title', 'seeds', 'sides', 'instruments', 'translations', 'x'),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map((value) => stringify(value)),
)

/** One edit of a file's text. */
const edit = fc.tuple(
  fc.constantFrom('cut', 'double', 'swap', 'insert', 'delete', 'indent', 'truncate'),
  fc.nat(),
  fc.nat(),
  fc.constantFrom(...TOKENS),
)

function applyEdits(text: string, edits: ReadonlyArray<[string, number, number, string]>): string {
  let lines = text.split('\n')
  for (const [kind, a, b, token] of edits) {
    const i = a % lines.length
    const j = b % lines.length
    const line = lines[i] ?? ''
    if (kind === 'cut') lines.splice(i, 1)
    else if (kind === 'double') lines.splice(i, 0, line)
    else if (kind === 'swap') [lines[i], lines[j]] = [lines[j] ?? '', line]
    else if (kind === 'insert') {
      const at = b % (line.length + 1)
      lines[i] = line.slice(0, at) + token + line.slice(at)
    } else if (kind === 'delete') lines[i] = line.slice(0, b % (line.length + 1)) + line.slice((b % 7) + 1)
    else if (kind === 'indent') lines[i] = ' '.repeat(b % 5) + line.trimStart()
    else lines = lines.slice(0, Math.max(1, i))
    if (lines.length === 0) lines = ['']
  }
  return lines.join('\n')
}

/** The paths of every value in plain data, to pick one to replace. */
function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(prefix)
  if (Array.isArray(value))
    value.forEach((v, i) => {
      paths(v, [...prefix, i], out)
    })
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out)
  return out
}

function replaceAt(data: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path as [string | number, ...Array<string | number>]
  const copy = Array.isArray(data) ? [...data] : { ...(data as Record<string, unknown>) }
  ;(copy as Record<string | number, unknown>)[head] = replaceAt(
    (data as Record<string | number, unknown>)[head],
    rest,
    value,
  )
  return copy
}

/** Real scenarios with lines cut, doubled, swapped or garbled, or with one value replaced by any other. */
export function mutatedScenario(texts: readonly string[]) {
  const datas = texts.map((t) => parse(t) as unknown)
  const byText = fc
    .tuple(fc.nat(texts.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }))
    .map(([k, edits]) => applyEdits(texts[k] ?? '', edits))
  const byValue = fc
    .tuple(fc.nat(datas.length - 1), fc.nat(), fc.jsonValue({ maxDepth: 2 }))
    .map(([k, pick, value]) => {
      const data = datas[k]
      const all = paths(data)
      return stringify(replaceAt(data, all[pick % all.length] ?? [], value))
    })
  return fc.oneof(byText, byValue)
}

/** Deep nesting in flow and block style, closed or left open. */
export const deepNesting = fc
  .tuple(
    fc.integer({ min: 30, max: 1500 }),
    fc.constantFrom('seq', 'map', 'block-map', 'block-seq', 'mixed'),
    fc.boolean(),
  )
  .map(([depth, style, closed]) => {
    if (style === 'seq') return '['.repeat(depth) + (closed ? ']'.repeat(depth) : '')
    if (style === 'map') return `${'{a: '.repeat(depth)}1${closed ? '}'.repeat(depth) : ''}`
    if (style === 'mixed') return `${'[{a: '.repeat(depth)}1${closed ? '}]'.repeat(depth) : ''}`
    if (style === 'block-map')
      return Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')
    return Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}-`).join('\n')
  })

/** Alias bombs ("billion laughs"), many aliases, anchors and merge keys, aliases used as keys. */
export const aliasBombs = fc
  .tuple(
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 2, max: 12 }),
    fc.constantFrom('laughs', 'many', 'keys', 'merge'),
  )
  .map(([levels, width, kind]) => {
    if (kind === 'many')
      return `a: &a x\nb: [${Array(levels * width * 20)
        .fill('*a')
        .join(', ')}]`
    if (kind === 'keys')
      return `a: &k __proto__\nb: &c constructor\nc: { *k : 1, *c : 2 }\nd: ${'*k'.repeat(levels)}`
    if (kind === 'merge')
      return `base: &b { x: 1 }\n${Array.from({ length: levels * width }, (_, i) => `m${i}: { <<: *b, y: ${i} }`).join('\n')}`
    const lines = [`l0: &l0 [${Array(width).fill('lol').join(', ')}]`]
    for (let i = 1; i <= levels; i++)
      lines.push(
        `l${i}: &l${i} [${Array(width)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      )
    return lines.join('\n')
  })

/** Inputs near the size limit, each built to be slow for a different part of the reader. */
export function hugeInputs(): Array<[string, string]> {
  const kb = (n: number) => n * 1000
  return [
    ['one long text', `title: ${'x'.repeat(kb(990))}`],
    ['over the size limit', 'x'.repeat(kb(1001))],
    ['many keys', Array.from({ length: 60_000 }, (_, i) => `k${i}: ${i}`).join('\n')],
    ['many anchors', Array.from({ length: 45_000 }, (_, i) => `k${i}: &a${i} v`).join('\n')],
    ['long flow list', `[${Array(300_000).fill('1').join(',')}]`],
    ['unclosed brackets', '['.repeat(kb(990))],
    ['many lines of comments', '# comment\n'.repeat(kb(99))],
    [
      'many small lists',
      Array.from({ length: 1500 }, (_, i) => `k${i}: [${Array(40).fill(i).join(',')}]`).join('\n'),
    ],
    ['many duplicate keys', 'a: 1\n'.repeat(kb(190))],
    ['long line of tabs', `a: "${'\t'.repeat(kb(900))}"`],
    // Just under the token limit: the slowest files the parser is still given.
    [
      'flow list under the token limit',
      `[${Array(Math.floor(LIMITS.tokens / 3) - 1000)
        .fill('1')
        .join(',')}]`,
    ],
    ['brackets under the token limit', '['.repeat(LIMITS.tokens - 10)],
    [
      'keys under the token limit',
      Array.from({ length: Math.floor(LIMITS.tokens / 7) }, (_, i) => `k${i}: ${i}`).join('\n'),
    ],
    [
      'conditions under the node limit',
      `formatVersion: 2\nredLines:\n${Array.from({ length: 40 }, (_, i) => `  - { id: r${i}, when: { any: [${Array(300).fill('{ hasTag: t }').join(', ')}] } }`).join('\n')}`,
    ],
  ]
}

/**
 * What must hold of every load, whatever the input: a result with a list of problems, each with a known code,
 * a place inside the text and a fix; a scenario exactly when there is no error; and no sign that the loader's
 * last-resort catch was needed (which would mean something inside it threw). Returns what is wrong, or null.
 */
export function brokenPromise(text: string, result: LoadResult): string | null {
  if (!result || !Array.isArray(result.problems)) return 'no list of problems'
  const lines = text.split('\n').length
  for (const p of result.problems) {
    if (!(p.code in PROBLEM_CODES)) return `unknown code ${p.code}`
    if (!(p.line >= 1 && p.line <= lines + 1 && p.column >= 1))
      return `${p.code} placed at ${p.line}:${p.column}`
    if (!p.message || !p.fix) return `${p.code} without a message or a fix`
    if (p.message.startsWith('The file could not be read')) return `the loader threw: ${p.message}`
  }
  const errors = result.problems.some((p) => p.severity === 'error')
  if (errors === (result.scenario !== null)) return 'a scenario together with errors, or neither'
  if ((result.index === null) !== (result.scenario === null))
    return 'an index without a scenario, or the reverse'
  return null
}

/** Loads `text` as the game's checker would (every warning unless `skipWarnings`) and checks the result. */
export function loadAndCheck(
  text: string,
  seeds: Readonly<Record<string, string>>,
  skipWarnings = false,
): string | null {
  return brokenPromise(text, loadScenario(text, { seeds, skipWarnings }))
}
