import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Lexer, parse } from 'yaml'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import {
  appendTo,
  getAt,
  moveIn,
  openDocument,
  PathError,
  removeAt,
  type ScenarioDocument,
  setAt,
  toText,
} from '../../src/core/studio/yaml-doc.ts'
import { PROJECT_ROOT, readSeeds } from '../../src/node/scenario-files.ts'

const SHIPPED = ['guarantees-2025.yaml', 'december.yaml', 'late-august.yaml', 'template/new-scenario.yaml']
const read = (name: string) => readFileSync(join(PROJECT_ROOT, 'scenarios', name), 'utf8')
const SEED = read('guarantees-2025.yaml')
type Path = Array<string | number>

function open(text: string): ScenarioDocument {
  const opened = openDocument(text)
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems))
  return opened.doc
}

/** The comments of a YAML text, as yaml's lexer finds them (a `#` inside a quoted text is none). */
function comments(text: string): string[] {
  return Array.from(new Lexer().lex(text)).filter((t) => t.startsWith('#'))
}

/** The lines between the first and the last line that two texts do not share. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n')
  const b = after.split('\n')
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) }
}

/** The document's text reads back as the document's data, as the loader's parser reads it. */
function expectInStep(doc: ScenarioDocument): string {
  const text = toText(doc)
  expect(parse(text)).toEqual(getAt(doc, []))
  return text
}

describe('opening and saving a file unchanged', () => {
  it.each(SHIPPED)('gives back %s byte for byte, with the data the loader reads', (name) => {
    const text = read(name)
    const doc = open(text)
    expect(toText(doc)).toBe(text)
    expect(getAt(doc, [])).toEqual(parse(text))
  })

  it('reads values by path, and undefined where there is none', () => {
    const doc = open(SEED)
    expect(getAt(doc, ['formatVersion'])).toBe(5)
    expect(getAt(doc, ['sides', 0, 'id'])).toBe('ukraine')
    expect(getAt(doc, ['sides', 99, 'id'])).toBeUndefined()
    expect(getAt(doc, ['title', 'x'])).toBeUndefined()
  })
})

describe('editing the seed scenario', () => {
  const doc = open(SEED)

  it('changes a title on its one line, quoting a colon and a hash', () => {
    const title = 'Red lines: a test # not a comment'
    const edited = setAt(doc, ['title'], title)
    const text = expectInStep(edited)
    expect(changedLines(SEED, text)).toEqual({
      removed: ['title: "Red Lines: security guarantees for Ukraine"'],
      added: [`title: "${title}"`],
    })
    expect(comments(text)).toEqual(comments(SEED))
  })

  it("rewrites only the lines of a side's briefing, as a folded block at the file's width", () => {
    const briefing = `${'A new briefing, long enough to be folded over several lines of the file. '.repeat(6)}End.`
    const text = expectInStep(setAt(doc, ['sides', 0, 'briefing'], briefing))
    const { removed, added } = changedLines(SEED, text)
    expect(removed.length).toBeGreaterThan(1)
    for (const line of [...removed, ...added]) expect(line).toMatch(/^ {6}\S/)
    expect(added.length).toBeGreaterThan(2)
    for (const line of added) expect(line.length).toBeLessThanOrEqual(110)
    expect(text).toContain('    briefing: >-\n      A new briefing')
    expect(comments(text)).toEqual(comments(SEED))
  })

  it("changes an instrument's deterrence on its one line", () => {
    const old = getAt(doc, ['instruments', 0, 'deterrence']) as number
    const text = expectInStep(setAt(doc, ['instruments', 0, 'deterrence'], old + 1))
    expect(changedLines(SEED, text)).toEqual({
      removed: [`    deterrence: ${old}`],
      added: [`    deterrence: ${old + 1}`],
    })
  })

  it('changes a number inside a one-line mapping, and nothing else on its line', () => {
    const line = '        requires: { sum: deterrence, atLeast: 10 }'
    const path = findPath(getAt(doc, []), (x) => JSON.stringify(x) === '{"sum":"deterrence","atLeast":10}')
    if (!path) throw new Error('The seed scenario has no such requirement any more')
    const text = expectInStep(setAt(doc, [...path, 'atLeast'], 11))
    expect(changedLines(SEED, text)).toEqual({ removed: [line], added: [line.replace('10', '11')] })
  })

  it('adds a tag to a one-line list on the same line', () => {
    const tags = getAt(doc, ['instruments', 0, 'tags']) as string[]
    const { doc: edited, index } = appendTo(doc, ['instruments', 0, 'tags'], 'new-tag')
    expect(index).toBe(tags.length)
    const { removed, added } = changedLines(SEED, expectInStep(edited))
    expect(removed).toEqual([`    tags: [${tags.join(', ')}]`])
    expect(added).toEqual([`    tags: [${[...tags, 'new-tag'].join(', ')}]`])
  })

  it("appends an actor's statement in block style, after the last one, at its siblings' column", () => {
    const statements = getAt(doc, ['actors', 0, 'statements']) as unknown[]
    const statement = { seed: '000_8be765a56510407b.txt', quote: 'who and how', modality: 'asserted' }
    const { doc: edited, index } = appendTo(doc, ['actors', 0, 'statements'], statement)
    expect(index).toBe(statements.length)
    const text = expectInStep(edited)
    const { removed, added } = changedLines(SEED, text)
    expect(removed).toEqual([])
    const column = /^( *)- seed:/m.exec(SEED.slice(SEED.indexOf('statements:', SEED.indexOf('actors:'))))?.[1]
    expect(added).toEqual([
      `${column}- seed: 000_8be765a56510407b.txt`,
      `${column}  quote: who and how`,
      `${column}  modality: asserted`,
    ])
    expect((getAt(edited, ['actors', 0, 'statements']) as unknown[]).at(-1)).toEqual(statement)
    expect(comments(text)).toEqual(comments(SEED))
  })

  it('removes a red line with the comment lines above it, and nothing else', () => {
    const id = getAt(doc, ['redLines', 1, 'id'])
    const text = expectInStep(removeAt(doc, ['redLines', 1]))
    const { removed, added } = changedLines(SEED, text)
    expect(added).toEqual([])
    expect(removed).toContain(`  - id: ${id}`)
    const removedComments = comments(removed.join('\n'))
    expect(removedComments.length).toBeGreaterThan(0)
    expect(comments(text).length).toBe(comments(SEED).length - removedComments.length)
    expect((getAt(doc, ['redLines']) as unknown[]).length - 1).toBe(
      (parse(text).redLines as unknown[]).length,
    )
  })

  it('moves a red line with its comments, keeping every line of the file', () => {
    const ids = (getAt(doc, ['redLines']) as Array<{ id: string }>).map((r) => r.id)
    const text = expectInStep(moveIn(doc, ['redLines'], 0, 2))
    expect((parse(text).redLines as Array<{ id: string }>).map((r) => r.id)).toEqual([
      ids[1],
      ids[2],
      ids[0],
      ...ids.slice(3),
    ])
    expect(text.split('\n').sort()).toEqual(SEED.split('\n').sort())
  })

  it('leaves every earlier version as it was, and hands out frozen data', () => {
    const edited = setAt(setAt(doc, ['title'], 'Another'), ['rounds'], 5)
    expect(toText(doc)).toBe(SEED)
    expect(getAt(doc, ['title'])).toBe('Red Lines: security guarantees for Ukraine')
    expect(getAt(edited, ['rounds'])).toBe(5)
    const side = getAt(edited, ['sides', 0]) as { name: string }
    expect(() => {
      side.name = 'changed'
    }).toThrow(TypeError)
    expect(getAt(edited, ['sides', 0])).toBe(getAt(doc, ['sides', 0]))
  })
})

describe('texts that YAML could misread', () => {
  const template = open(read('template/new-scenario.yaml'))
  const seeds = readSeeds()
  const texts = [
    'Warning: the dam # is not a comment',
    '- starts like a list entry',
    '* starts like an alias',
    '& starts like an anchor',
    '! starts like a tag',
    '"quoted" at the start',
    "'single' at the start",
    '? a key',
    '| or > at the start',
    '{ a: 1 } and [a, b]',
    '% a directive',
    '@ and ` are reserved',
    'yes',
    'null',
    '12',
    '1e3',
    ' a leading space',
    'a trailing space ',
    'two lines:\n- the second # looks like a list',
    'ends with line breaks\n\n',
  ]

  it.each(texts)('keeps %j as a scenario field the loader accepts', (text) => {
    const doc = setAt(setAt(template, ['title'], text), ['sides', 0, 'briefing'], text)
    const result = loadScenario(toText(doc), { seeds, skipWarnings: true })
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(result.scenario?.title).toBe(text)
    expect(result.scenario?.sides[0]?.briefing).toBe(text)
  })

  it('keeps any text exactly, whatever style the value it replaces was written in', () => {
    const styles = open(
      'plain: a\ndouble: "a"\nsingle: \'a\'\nfolded: >-\n  a\nliteral: |\n  a\nflow: { k: a }\n',
    )
    const chars = [...'ab :#-*&!?|>{}[],"\'%@`\\\t\n\r é'].map((c) => fc.constant(c))
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(...chars), maxLength: 120 }), (text) => {
        for (const path of [
          ['plain'],
          ['double'],
          ['single'],
          ['folded'],
          ['literal'],
          ['flow', 'k'],
          ['new', 'k'],
        ]) {
          const edited = setAt(styles, path, text)
          expect(dig(parse(toText(edited)), path)).toBe(text)
        }
      }),
      { numRuns: 150 },
    )
  })
})

/** The path of the first value in `data` for which `test` holds (depth first). */
function findPath(data: unknown, test: (x: unknown) => boolean, path: Path = []): Path | null {
  if (test(data)) return path
  if (data !== null && typeof data === 'object')
    for (const [key, value] of Object.entries(data)) {
      const found = findPath(value, test, [...path, Array.isArray(data) ? Number(key) : key])
      if (found) return found
    }
  return null
}

function dig(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((x, key) => (x as Record<string | number, unknown> | undefined)?.[key], data)
}

describe('the shape of the file after an edit', () => {
  const small = open(`# top
list:
  # about a
  - id: a # why a
    name: A
  - id: b
    name: B
  # closing
other: 1 # about other
flow: { a: 1, b: [x, y] } # about flow
empty:
`)
  const text = toText(small)

  it('gives a compact entry its first line back when its first key is removed', () => {
    expect(changedLines(text, expectInStep(removeAt(small, ['list', 0, 'id'])))).toEqual({
      removed: ['  - id: a # why a', '    name: A'],
      added: ['  - name: A'],
    })
  })

  it('writes an emptied list as [] and drops the comments inside it', () => {
    const emptied = removeAt(removeAt(small, ['list', 1]), ['list', 0])
    expect(expectInStep(emptied)).toBe(
      '# top\nlist: []\nother: 1 # about other\nflow: { a: 1, b: [x, y] } # about flow\nempty:\n',
    )
  })

  it('keeps the comment after a value when the value becomes a mapping, or changes inside one line', () => {
    expect(expectInStep(setAt(small, ['other'], { k: 1 }))).toContain('other: # about other\n  k: 1\nflow:')
    expect(expectInStep(setAt(small, ['flow', 'b', 1], 'q'))).toContain(
      'flow: { a: 1, b: [x, q] } # about flow\n',
    )
    expect(expectInStep(removeAt(small, ['flow', 'a']))).toContain('flow: { b: [x, y] } # about flow\n')
  })

  it('fills an empty value and creates missing parents as block mappings', () => {
    expect(expectInStep(setAt(small, ['empty', 'x'], [1, 2]))).toContain('empty:\n  x:\n    - 1\n    - 2\n')
    expect(expectInStep(setAt(small, ['new', 'deeper', 'key'], 'v'))).toMatch(
      /empty:\nnew:\n {2}deeper:\n {4}key: v\n$/,
    )
  })

  it('inserts an entry in the middle of a list when the list is set with it, leaving the others as they were', () => {
    const [a, b] = getAt(small, ['list']) as unknown[]
    const { removed, added } = changedLines(text, expectInStep(setAt(small, ['list'], [a, { id: 'new' }, b])))
    expect(removed).toEqual([])
    expect(added).toEqual(['  - id: new'])
  })

  it('writes a long text without line breaks that enters a one-line list in block style', () => {
    const long = 'word '.repeat(40).trim()
    const edited = setAt(small, ['flow', 'b', 1], long)
    expect(expectInStep(edited)).toContain('flow: # about flow\n  a: 1\n  b:\n    - x\n    - >-\n')
  })

  it('appends to a file that does not end with a line break, and to one of comments only', () => {
    expect(expectInStep(appendTo(open('a:\n  - 1\n  - 2'), ['a'], 3).doc)).toBe('a:\n  - 1\n  - 2\n  - 3\n')
    expect(expectInStep(setAt(open('# only a comment'), ['title'], 'T'))).toBe('# only a comment\ntitle: T\n')
    expect(expectInStep(setAt(open(''), ['title'], 'T'))).toBe('title: T\n')
  })

  it('keeps anchors and reads aliased data again after an edit', () => {
    const edited = setAt(open('a: &x\n  k: 1\nb: *x\n'), ['a', 'k'], 2)
    expect(toText(edited)).toBe('a: &x\n  k: 2\nb: *x\n')
    expect(getAt(edited, ['b', 'k'])).toBe(2)
  })

  it("follows the file's indentation (yaml indents a list under a key in a new mapping by 2 more)", () => {
    const four = open('a:\n    b: 1\nl:\n- x\n')
    expect(expectInStep(appendTo(four, ['l'], 'y').doc)).toBe('a:\n    b: 1\nl:\n- x\n- y\n')
    expect(expectInStep(setAt(four, ['c'], { d: [1] }))).toBe(
      'a:\n    b: 1\nl:\n- x\nc:\n    d:\n      - 1\n',
    )
  })

  it('refuses paths that do not fit and values YAML cannot hold, without changing anything', () => {
    expect(() => setAt(small, ['other', 'x'], 1)).toThrow(PathError)
    expect(() => setAt(small, ['list', 5], 1)).toThrow(PathError)
    expect(() => setAt(small, ['list', 'x'], 1)).toThrow(PathError)
    expect(() => setAt(small, ['__proto__'], 1)).toThrow(PathError)
    expect(() => setAt(small, ['x'], JSON.parse('{"__proto__": 1}'))).toThrow(PathError)
    expect(() => moveIn(small, ['list'], 0, 2)).toThrow(PathError)
    expect(() => removeAt(small, [])).toThrow(PathError)
    expect(() => setAt(small, ['x'], Number.NaN)).toThrow(TypeError)
    expect(() => setAt(small, ['x'], new Date())).toThrow(TypeError)
    expect(() => setAt(small, ['x'], () => 1)).toThrow(TypeError)
    expect(removeAt(small, ['missing'])).toBe(small)
    expect(toText(small)).toBe(text)
  })

  it('keeps the text and the data in step through any series of edits', () => {
    const template = open(read('template/new-scenario.yaml'))
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.dictionary(fc.constantFrom('a', 'b'), fc.nat()),
    )
    const step = fc.record({
      op: fc.constantFrom('set', 'remove', 'append', 'move'),
      at: fc.nat(),
      to: fc.nat(),
      value,
    })
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        let doc = template
        for (const { op, at, to, value } of steps) {
          const paths = pathsOf(getAt(doc, []), op === 'set' || op === 'remove' ? 'any' : 'list')
          const path = paths[at % paths.length] as Path
          const list = getAt(doc, path) as unknown[]
          if (op === 'set') doc = setAt(doc, path, value)
          else if (op === 'remove') doc = removeAt(doc, path)
          else if (op === 'append') doc = appendTo(doc, path, value).doc
          else if (list.length) doc = moveIn(doc, path, at % list.length, to % list.length)
          expectInStep(doc)
        }
      }),
      { numRuns: 25 },
    )
  })
})

describe('files that are refused', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
  ].join('\n')
  it.each([
    ['huge', `a: ${'x'.repeat(1_100_000)}`, 'FILE_TOO_LARGE'],
    ['deep in brackets', '['.repeat(100_000), 'YAML_TOO_DEEP'],
    [
      'deep in indentation',
      `a:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}`,
      'YAML_TOO_DEEP',
    ],
    ['an alias bomb', bomb, 'YAML_TOO_MANY_ALIASES'],
    ['broken', '{{{:::', 'YAML_SYNTAX'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'YAML_SYNTAX'],
    ['a reserved key', '__proto__: 1\n', 'RESERVED_KEY'],
    ['a key twice', 'a: 1\na: 2\n', 'YAML_DUPLICATE_KEY'],
  ])('refuses a file %s, with the problem the loader reports, without throwing', (_, text, code) => {
    const opened = openDocument(text)
    expect(opened.ok).toBe(false)
    expect(opened.problems.map((p) => p.code)).toContain(code)
  })
})

/** Every path to a value (`any`) or to a list (`list`) in the data, the root's direct children first. */
function pathsOf(data: unknown, kind: 'any' | 'list', path: Path = [], out: Path[] = []): Path[] {
  if (path.length && (kind === 'any' || Array.isArray(data))) out.push(path)
  if (data !== null && typeof data === 'object')
    for (const [key, value] of Object.entries(data))
      pathsOf(value, kind, [...path, Array.isArray(data) ? Number(key) : key], out)
  return out
}
