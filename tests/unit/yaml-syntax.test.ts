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

describe('a text with ": " written without quotes', () => {
  const problems = (text: string) => loadScenario(text, { seeds: FIXTURE_SEEDS }).problems
  /** Where `marker` (the colon of the mistake) stands in `text`, as line and column from 1. */
  const place = (text: string, marker: string) => {
    const before = text.slice(0, text.indexOf(marker))
    return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') }
  }

  it.each([
    [
      'a field on one line',
      'title: The harbour',
      'title: The harbour: a test',
      ': a test',
      'title: "The harbour: a test"',
    ],
    [
      'the second line of a field',
      'briefing: North wants the harbour safe.',
      'briefing: North wants the harbour safe.\n      Its council: no ship may sink.',
      ': no ship',
      'briefing: "North wants the harbour safe. Its council: no ship may sink."',
    ],
    [
      'a text that starts on the line below its field',
      'briefing: South wants the harbour cheap.',
      'briefing:\n      South wants it cheap: the council\n      says so.',
      ': the council',
      'briefing: "South wants it cheap: the council says so."',
    ],
    [
      'the second line of a list entry',
      'interests: [A cheap harbour]',
      'interests:\n      - A cheap harbour\n        above all: cheap.',
      ': cheap',
      '- "A cheap harbour above all: cheap."',
    ],
    [
      'a field in braces',
      '{ id: boats, name: Boats, description: Vessels on the water }',
      '{ id: boats, name: Boats: all of them, description: Vessels on the water }',
      ': all of them',
      'name: "Boats: all of them"',
    ],
  ])(
    'in %s gives one message, at its colon, with the line to write instead',
    (_, from, to, marker, example) => {
      const text = MINIMAL.replace(from, to)
      expect(text).not.toBe(MINIMAL)
      expect(problems(text).map((p) => ({ code: p.code, line: p.line, column: p.column }))).toEqual([
        { code: 'YAML_SYNTAX', ...place(text, marker) },
      ])
      const [problem] = problems(text)
      expect(problem?.message).toMatch(
        /contains ": " \(a colon and a space\), which YAML reads as the start of a new field/,
      )
      expect(problem?.fix).toContain(`\`${example}\``)
    },
  )

  it('is told apart from a later mistake of another kind, which keeps its own fix', () => {
    const text = MINIMAL.replace('title: The harbour', 'title: The harbour: a test').replace(
      '    name: South town\n    role: proposer',
      '    name: South town\n     role: proposer',
    )
    const found = problems(text)
    const field = place(text, '     role:').line
    // As for any indentation slip, the parser may complain on the line before the one indented too far.
    expect(found.map((p) => p.line)).toEqual([place(text, ': a test').line, expect.any(Number)])
    expect(found[1]?.line).toBeGreaterThanOrEqual(field - 1)
    expect(found[1]?.line).toBeLessThanOrEqual(field)
    expect(found[1]?.message).toMatch(/indentation is wrong/)
    expect(found[1]?.fix).toMatch(/^Count the spaces/)
  })

  it('in the responding side, gives one message and no wrong owner for its red lines', () => {
    const text = MINIMAL.replace(
      'interests: [No foreign boats]',
      'interests:\n      - The mayor: no foreign boats',
    )
    expect(problems(text).map((p) => `${p.code} ${p.path}`)).toEqual(['WRONG_TYPE sides[2].interests[0]'])
  })

  it('read as a field and its value, is still checked as the text it was meant to be', () => {
    const quoted = 'quote: We will not accept foreign patrol boats in our waters.\ntags:'
    const meant =
      'quote:\n          The mayor said: "We will not accept foreign patrol boats in our waters."\ntags:'
    expect(problems(MINIMAL.replace(quoted, meant)).map((p) => `${p.code} ${p.path}`)).toEqual([
      'WRONG_TYPE actors[0].statements[0].quote',
    ])
    const misquoted = meant.replace('said', 'says')
    expect(problems(MINIMAL.replace(quoted, misquoted)).map((p) => `${p.code} ${p.path}`)).toEqual([
      'WRONG_TYPE actors[0].statements[0].quote',
      'QUOTE_NOT_FOUND actors[0].statements[0].quote',
    ])
  })
})
