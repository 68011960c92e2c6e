import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { aftermathChances, aftermathOdds } from '../../src/core/rules/aftermath.ts'
import { resolvePackage } from '../../src/core/rules/package.ts'
import { resolveResponse } from '../../src/core/rules/response.ts'
import { seedState } from '../../src/core/rules/rng.ts'
import { newGame } from '../../src/core/rules/state.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { formatProblem, PROBLEM_CODES, type Problem } from '../../src/core/scenario/load/problems.ts'
import { ConditionSchema } from '../../src/core/scenario/schema/conditions.ts'
import { ScenarioSchema } from '../../src/core/scenario/schema/scenario.ts'
import { codeBlocks, withoutGeneratedSections } from '../../src/node/docs/code-blocks.ts'
import { exampleScenario as exampleDoc } from '../../src/node/docs/examples.ts'
import { GUIDE_PATH, renderGuide } from '../../src/node/docs/guide.ts'
import { readSection, replaceSection } from '../../src/node/docs/markers.ts'
import { readTutorial, TUTORIAL_FILE } from '../../src/node/docs/tutorial.ts'
import { PROJECT_ROOT, readSeeds } from '../../src/node/scenario-files.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

const GUIDE = join(PROJECT_ROOT, GUIDE_PATH)
const guide = readFileSync(GUIDE, 'utf8')
const handWritten = codeBlocks(withoutGeneratedSections(guide))
const steps = readTutorial()
const seeds = readSeeds()

type Doc = Record<string, unknown>
const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map(formatProblem)

/** The tutorial's last file with the guide's `extra` and `within` blocks: what the examples are checked in. */
const exampleScenario = (): Doc => exampleDoc(guide, steps.at(-1)?.text ?? '')

const loadDoc = (doc: Doc) => loadScenario(stringify(doc), { file: TUTORIAL_FILE, seeds })
const newGameFor = (index: NonNullable<ReturnType<typeof loadDoc>['index']>) =>
  newGame(index, { scenarioId: index.scenario.id, seats: {}, seed: 1, difficulty: 'normal' })

describe('the authoring guide (scenarios/README.md)', () => {
  it('is up to date with the schema, the problem codes and the tutorial files (run `npm run schema` if this fails)', () => {
    expect(renderGuide(guide)).toBe(guide)
  })

  it('shows every top-level field of the format and every problem code', () => {
    const fields = readSection(guide, 'fields') ?? ''
    for (const key of Object.keys(ScenarioSchema.shape)) expect(fields).toContain(`\`${key}\``)
    expect(fields).toContain('`seeds[].title`')
    const problems = readSection(guide, 'problems') ?? ''
    for (const code of Object.keys(PROBLEM_CODES)) expect(problems).toContain(`\`${code}\``)
  })

  it('gives every yaml example a role that a test below checks', () => {
    const roles = [
      'condition',
      'effects',
      'extra',
      'within',
      'quote',
      'quote-not-found',
      'before',
      'after',
      'excerpt',
    ]
    const yaml = handWritten.filter((b) => b.lang === 'yaml')
    expect(yaml.length).toBeGreaterThan(25)
    for (const block of yaml) expect(roles, `line ${block.line}`).toContain(block.role)
  })

  it('links only to headings and files that exist', () => {
    const slug = (heading: string) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-')
    const headings = new Set(
      [...guide.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '').replace(/^-+|-+$/g, '')),
    )
    for (const [, target] of guide.matchAll(/\]\(([^)]+)\)/g)) {
      if (!target) continue
      if (target.startsWith('#')) expect(headings, target).toContain(target.slice(1))
      else expect(existsSync(join(dirname(GUIDE), target)), target).toBe(true)
    }
  })

  it('is linked from the main README', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')).toContain('(scenarios/README.md)')
  })
})

describe('the tutorial files (tests/fixtures/tutorial)', () => {
  const missing = (...fields: string[]) => fields.map((f) => `MISSING_FIELD ${f}`)
  const later = ['response', 'unilateral', 'endings', 'scoring']
  const expected: Record<number, string[]> = {
    1: missing('sides', 'meters', 'instruments', ...later),
    2: missing('meters', 'instruments', ...later),
    3: missing('meters', 'instruments', ...later),
    4: missing('meters', ...later),
    5: missing(...later),
    6: missing('scoring'),
    7: [],
    8: [],
  }

  it('has the eight steps the guide walks through', () => {
    expect(steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })

  it.each(steps.map((s) => [s.number, s] as const))(
    'step %i gives the problems the guide describes',
    (number, step) => {
      expect(step.result.problems.map((p) => `${p.code} ${p.path}`)).toEqual(expected[number])
    },
  )

  it('checks quotes and ids before every section is there, as step 3 promises', () => {
    const step3 = steps[2]?.text ?? ''
    expect(step3).toContain('absolutely unacceptable')
    const changed = loadScenario(step3.replace('absolutely unacceptable', 'totally unacceptable'), { seeds })
    expect(changed.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      ...missing('meters', 'instruments', ...later),
      'QUOTE_NOT_FOUND actors[0].statements[0].quote',
    ])
    const step4 = steps[3]?.text ?? ''
    const misspelt = loadScenario(step4.replace('proposers: [europe]', 'proposers: [eruope]'), { seeds })
    expect(misspelt.problems.map((p) => p.code)).toContain('UNKNOWN_SIDE')
  })

  it('answers as the guide says, at normal difficulty: step 8 leaves US air defence to chance', () => {
    /** Russia's verdicts on one instrument, over 200 seeds of chance. */
    const verdicts = (step: number, instrument: string) => {
      const index = steps[step - 1]?.result.index
      if (!index) throw new Error(`step ${step} does not load`)
      const backedBy = instrument === 'us-air-defence' ? 'us' : 'europe'
      const items = resolvePackage(index, [{ instrument, backedBy }])
      const seen = new Set<string>()
      for (let seed = 1; seed <= 200; seed++)
        seen.add(
          resolveResponse(index, { items, meters: {}, flags: [], round: 1 }, 'normal', seedState(seed))
            .response.verdict,
        )
      return [...seen].sort()
    }
    for (const step of [7, 8]) {
      expect(verdicts(step, 'reassurance-force')).toEqual(['reject'])
      expect(verdicts(step, 'buffer-zone')).toEqual(['accept'])
    }
    expect(verdicts(7, 'us-air-defence')).toEqual(['accept'])
    expect(verdicts(8, 'us-air-defence')).toEqual(['accept', 'reject'])
  })
})

describe('the examples of the guide', () => {
  const base = exampleScenario()
  const byRole = (role: string) => handWritten.filter((b) => b.role === role)

  it('load together with the tutorial scenario without an error', () => {
    expect(byRole('extra').length).toBeGreaterThanOrEqual(2)
    expect(byRole('within').map((b) => b.arg)).toEqual(['redLines.0', 'sides.1', 'sides.0'])
    expect(errorsOf(loadDoc(base).problems)).toEqual([])
  })

  it('put format 3 to use: a resolve range, an outlook, positions and an aftermath, each quote checked', () => {
    const loaded = loadDoc(base)
    const s = loaded.scenario
    expect(s?.redLines[0]?.resolve).toMatchObject({ low: 0.6, high: 0.9 })
    expect(s?.sides[1]?.outlook?.firmness).toBe(0.3)
    expect(s?.sides[0]?.positions).toHaveLength(1)
    expect(s?.aftermath?.years).toBe(3)
    // A quote of the new parts is checked like any other.
    const doc = structuredClone(base) as {
      redLines: Array<{ resolve: { source: Array<{ quote: string }> } }>
    }
    const [first] = doc.redLines[0]?.resolve.source ?? []
    if (first) first.quote = 'This would be totally unacceptable'
    expect(errorsOf(loadDoc(doc as Doc).problems).map((p) => p.split('  ')[1])).toEqual(['QUOTE_NOT_FOUND'])
  })

  it('work out the odds of the worked example as the guide gives them', () => {
    const index = loadDoc(base).index
    if (!index) throw new Error('the examples do not load')
    const text = guide.slice(guide.indexOf('**A worked example.**'), guide.indexOf('example-dry-run:start'))
    const opening = newGameFor(index)
    const odds = (
      items: Array<{ instrument: string; backedBy: string }>,
      imposed: boolean,
      firmness: number,
    ) => {
      const state = imposed ? { ...opening, flags: ['implemented-without-consent'] } : opening
      const c = aftermathChances(index, state, items, () => firmness)
      if (!c) throw new Error('no aftermath')
      return aftermathOdds(3, c, imposed)
    }
    const shown = (x: number) => `${(100 * x).toFixed(1)}%`
    const agreed = odds(
      [
        { instrument: 'us-air-defence', backedBy: 'us' },
        { instrument: 'buffer-zone', backedBy: 'europe' },
      ],
      false,
      0,
    )
    for (const x of [agreed.peace, agreed.attack, agreed.confrontation, agreed.deterred])
      expect(text).toContain(shown(x))
    const imposed = odds([{ instrument: 'reassurance-force', backedBy: 'europe' }], true, 0.75)
    expect(text).toContain(shown(imposed.peace))
    expect(text).toContain(shown(imposed.confrontation))
  })

  it.each(byRole('condition').map((b) => [b.line, b] as const))(
    'the condition on line %i is valid and names only what the tutorial declares',
    (_, block) => {
      const value = parse(block.body) as Doc
      const keys = Object.keys(value)
      const condition =
        keys.length === 1 && ['when', 'requires'].includes(keys[0] ?? '') ? value[keys[0] ?? ''] : value
      expect(ConditionSchema.safeParse(condition).success).toBe(true)
      const doc = structuredClone(base)
      doc.events = [
        ...((doc.events as unknown[]) ?? []),
        { id: 'example', title: 'E', text: 'E', when: condition },
      ]
      expect(errorsOf(loadDoc(doc).problems)).toEqual([])
    },
  )

  it.each(byRole('effects').map((b) => [b.line, b] as const))(
    'the effects on line %i are valid and name only what the tutorial declares',
    (_, block) => {
      const { effects, ...rest } = parse(block.body) as Doc
      expect(rest).toEqual({})
      expect(ScenarioSchema.shape.noPackage.safeParse({ effects }).success).toBe(true)
      const doc = structuredClone(base)
      doc.events = [
        ...((doc.events as unknown[]) ?? []),
        { id: 'example', title: 'E', text: 'E', round: 1, effects },
      ]
      expect(errorsOf(loadDoc(doc).problems)).toEqual([])
    },
  )

  const withCitation = (body: string) => {
    const doc = structuredClone(base)
    const [first] = doc.instruments as Array<{ source: unknown[] }>
    first?.source.push(parse(body))
    return loadDoc(doc).problems
  }

  it.each(byRole('quote').map((b) => [b.line, b] as const))('the quote on line %i is found', (_, block) => {
    expect(errorsOf(withCitation(block.body))).toEqual([])
  })

  it.each(byRole('quote-not-found').map((b) => [b.line, b] as const))(
    'the quote on line %i is refused',
    (_, block) => {
      const errors = withCitation(block.body).filter((p) => p.severity === 'error')
      expect(errors.map((p) => p.code)).toEqual(['QUOTE_NOT_FOUND'])
    },
  )
})

describe('the excerpts of the worked example', () => {
  const excerpts = handWritten.filter((b) => b.role === 'excerpt')

  it('show the seeds with their text, the stage and a short name, from a file that loads clean', () => {
    expect(excerpts.map((b) => b.body.split('\n')[0])).toEqual(
      expect.arrayContaining(['seeds:', 'stage:', '  - id: union']),
    )
    const file = join(PROJECT_ROOT, 'scenarios', 'examples/river-dam.yaml')
    expect(loadScenario(readFileSync(file, 'utf8'), { seeds: {} }).problems.map(formatProblem)).toEqual([])
  })

  it.each(excerpts.map((b) => [b.line, b] as const))(
    'the excerpt on line %i stands word for word in the file it names',
    (_, block) => {
      const text = readFileSync(join(PROJECT_ROOT, 'scenarios', block.arg), 'utf8')
      expect(text.split(block.body).length, 'the excerpt stands once in the file').toBe(2)
    },
  )
})

describe('the common mistakes of the guide', () => {
  const groups = handWritten.flatMap((block, i) =>
    block.role === 'before'
      ? [{ before: block, problem: handWritten[i + 1], after: handWritten[i + 2] }]
      : [],
  )
  const withoutPlace = (line: string) => line.replace(/^\S+:\d+:\d+ {2}/, '')

  it('shows nine mistakes, each with its message and its fix', () => {
    expect(groups).toHaveLength(9)
    for (const g of groups) {
      expect(g.problem?.role).toBe('problem')
      expect(g.problem?.arg).toBe(g.before.arg)
      expect(g.after?.role).toBe('after')
    }
  })

  it.each(groups.map((g) => [g.before.line, g] as const))(
    'the mistake on line %i is in its file, gives its message, and its fix removes it',
    (_, { before, problem, after }) => {
      const file = join(FIXTURES, 'broken', before.arg)
      const text = readFileSync(file, 'utf8')
      expect(text.split(before.body).length, 'the mistake stands once in the file').toBe(2)
      const expectedLines = readFileSync(file.replace(/\.yaml$/, '.expected.txt'), 'utf8').split('\n')
      for (const line of problem?.body.split('\n') ?? []) expect(expectedLines).toContain(line)
      // Errors only: warnings are looked for once a file has no error, so a fix may bring some to light.
      const shown = (t: string) =>
        errorsOf(loadScenario(t, { file: before.arg, seeds: FIXTURE_SEEDS }).problems).map(withoutPlace)
      const old = shown(text)
      const fixed = shown(text.replace(before.body, after?.body ?? ''))
      for (const line of problem?.body.split('\n') ?? []) expect(fixed).not.toContain(withoutPlace(line))
      for (const line of fixed) expect(old).toContain(line)
    },
  )
})

describe('generated sections', () => {
  it('replace only what lies between their markers', () => {
    const text = 'a\n<!-- generated:x:start -->\nold\n<!-- generated:x:end -->\nb\n'
    const out = replaceSection(text, 'x', 'new')
    expect(out).toBe('a\n<!-- generated:x:start -->\n\nnew\n\n<!-- generated:x:end -->\nb\n')
    expect(readSection(out, 'x')?.trim()).toBe('new')
    expect(() => replaceSection('no markers', 'x', 'new')).toThrow(/missing/)
  })

  it('refuse a guide with a marker the generator does not know or without one it needs', () => {
    expect(() =>
      renderGuide(`${guide}\n<!-- generated:nonsense:start -->\n<!-- generated:nonsense:end -->\n`),
    ).toThrow(/unknown generated sections: nonsense/)
    const withoutFields = guide.replace('<!-- generated:fields:start -->', '')
    expect(() => renderGuide(withoutFields)).toThrow(/lacks generated sections: fields/)
  })
})
