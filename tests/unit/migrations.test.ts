import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { v1ToV2 } from '../../src/core/scenario/load/migrations/v1-to-v2.ts'
import { v2ToV3 } from '../../src/core/scenario/load/migrations/v2-to-v3.ts'
import { v3ToV4 } from '../../src/core/scenario/load/migrations/v3-to-v4.ts'
import { v4ToV5 } from '../../src/core/scenario/load/migrations/v4-to-v5.ts'
import { formatProblem, type Problem } from '../../src/core/scenario/load/problems.ts'
import { GAME_VERSION_FOR_FORMAT, MIGRATIONS } from '../../src/core/scenario/load/version.ts'
import { FORMAT_VERSION } from '../../src/core/scenario/schema/scenario.ts'
import { PROJECT_ROOT } from '../../src/node/scenario-files.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

const MIGRATION_FIXTURES = join(FIXTURES, 'migrations')
const read = (name: string) => readFileSync(join(MIGRATION_FIXTURES, name), 'utf8')
const load = (name: string) => loadScenario(read(name), { file: name, seeds: FIXTURE_SEEDS })

/** The text a problem's line and column point at. */
function textAt(text: string, p: Problem): string {
  return (text.split('\n')[p.line - 1] ?? '').slice(p.column - 1)
}

describe('format 1 → 2 migration', () => {
  it('is the migration registered for format 1', () => {
    expect(MIGRATIONS[1]).toBe(v1ToV2)
  })

  it('turns bare seed file names into { file } objects, as the hand-written twin has them', () => {
    const v1 = parse(read('harbour.v1.yaml')) as Record<string, unknown>
    const v2 = parse(read('harbour.v2.yaml')) as Record<string, unknown>
    expect({ ...v1ToV2(v1), formatVersion: 2 }).toEqual(v2)
  })

  it('is pure: the document it is given is left as it was', () => {
    const v1 = parse(read('harbour.v1.yaml')) as Record<string, unknown>
    const before = structuredClone(v1)
    v1ToV2(v1)
    expect(v1).toEqual(before)
  })

  it('leaves seeds already written as objects, and documents without a seed list, alone', () => {
    expect(v1ToV2({ seeds: [{ file: 'a.txt', title: 'A' }, 'b.txt'] })).toEqual({
      seeds: [{ file: 'a.txt', title: 'A' }, { file: 'b.txt' }],
    })
    const odd = { seeds: 'a.txt' }
    expect(v1ToV2(odd)).toBe(odd)
  })

  it('loads a format 1 file to the same scenario as its format 2 and format 3 twins', () => {
    const v1 = load('harbour.v1.yaml')
    const v2 = load('harbour.v2.yaml')
    expect(v1.scenario).toEqual(load('harbour.v3.yaml').scenario)
    expect(v1.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(v1.scenario).not.toBeNull()
    expect(v1.scenario).toEqual(v2.scenario)
    expect(v1.scenario?.seeds).toEqual([{ file: 'harbour.txt' }, { file: 'harbour-minutes.txt' }])
    expect(v1.problems.map((p) => p.code)).toEqual(v2.problems.map((p) => p.code))
  })

  it.each(['seed-problems.v1.yaml', 'number-seed.v1.yaml'])(
    '%s: problems point into the format 1 text as written',
    (name) => {
      const result = load(name)
      const expected = read(name.replace(/\.yaml$/, '.expected.txt'))
      expect(result.problems.map(formatProblem).join('\n')).toBe(expected.trimEnd())
      const text = read(name)
      for (const p of result.problems) {
        const value = String(
          p.message
            .match(/"([^"]+)" is not|not a number \((\d+)\)/)
            ?.slice(1)
            .find(Boolean),
        )
        expect(textAt(text, p).startsWith(value), `${formatProblem(p)} points at "${textAt(text, p)}"`).toBe(
          true,
        )
      }
    },
  )

  it('places warnings about migrated seeds on the format 1 spelling', () => {
    const text = read('harbour.v1.yaml')
    const titles = load('harbour.v1.yaml').problems.filter((p) => p.code === 'SEED_TITLE_MISSING')
    expect(titles.map((p) => textAt(text, p))).toEqual(['harbour.txt', 'harbour-minutes.txt'])
  })

  it('does not migrate a file that says it is format 2: bare seed names are then an error', () => {
    const text = read('harbour.v1.yaml').replace('formatVersion: 1', 'formatVersion: 2')
    const result = loadScenario(text, { seeds: FIXTURE_SEEDS })
    expect(result.scenario).toBeNull()
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['WRONG_TYPE', 'seeds[0]'],
      ['WRONG_TYPE', 'seeds[1]'],
    ])
  })
})

describe('format 2 → 3 migration', () => {
  const v2 = () => parse(read('harbour.v2.yaml')) as Record<string, unknown>

  it('is the migration registered for format 2', () => {
    expect(MIGRATIONS[2]).toBe(v2ToV3)
  })

  it('counts meter score lines from 0, as format 2 did, like the hand-written twin', () => {
    const v3 = parse(read('harbour.v3.yaml')) as Record<string, unknown>
    expect({ ...v2ToV3(v2()), formatVersion: 3 }).toEqual(v3)
  })

  it('is pure: the document it is given is left as it was', () => {
    const doc = v2()
    const before = structuredClone(doc)
    v2ToV3(doc)
    expect(doc).toEqual(before)
  })

  it('leaves condition lines, lines with a `from`, and anything unexpected alone', () => {
    const when = { when: { flag: 'x' }, points: 1, label: 'X' }
    const doc = {
      scoring: {
        a: { par: 0, terms: [{ meter: 'm', weight: 1, from: 5 }, when, 'odd'] },
        b: { par: 0, terms: 'none' },
        c: 7,
      },
    }
    expect(v2ToV3(doc)).toEqual(doc)
    const odd = { scoring: [] }
    expect(v2ToV3(odd)).toBe(odd)
  })

  it('loads a format 2 file to the same scenario as its format 3 twin, with the same warnings', () => {
    const old = load('harbour.v2.yaml')
    const twin = load('harbour.v3.yaml')
    expect(old.scenario).not.toBeNull()
    expect(old.scenario).toEqual(twin.scenario)
    expect(old.scenario?.scoring.north?.terms).toEqual([{ meter: 'tension', weight: -0.5, from: 0 }])
    expect(old.problems.map((p) => [p.code, p.path])).toEqual(twin.problems.map((p) => [p.code, p.path]))
  })

  it.each(['scoring-references.v2.yaml', 'scoring-shape.v2.yaml'])(
    '%s: problems point into the format 2 text as written, and name only what it says',
    (name) => {
      const result = load(name)
      const expected = read(name.replace(/\.yaml$/, '.expected.txt'))
      expect(result.problems.map(formatProblem).join('\n')).toBe(expected.trimEnd())
      const text = read(name)
      for (const p of result.problems) {
        const at = textAt(text, p)
        const named = p.message.match(/"([^"]+)"/)?.[1] ?? ''
        expect(at.startsWith(named) || at.startsWith('{'), `${formatProblem(p)} points at "${at}"`).toBe(true)
        expect(p.message).not.toContain('"from"')
      }
    },
  )
})

describe('format 3 → 4 migration', () => {
  it('is the migration registered for format 3', () => {
    expect(MIGRATIONS[3]).toBe(v3ToV4)
  })

  it('keeps a format 3 file on the map of Europe it was drawn on, like the hand-written twin', () => {
    const v3 = parse(read('harbour.v3.yaml')) as Record<string, unknown>
    const v4 = parse(read('harbour.v4.yaml')) as Record<string, unknown>
    expect({ ...v3ToV4(v3), formatVersion: 4 }).toEqual(v4)
    expect(load('harbour.v3.yaml').scenario).toEqual(load('harbour.v4.yaml').scenario)
  })

  it('leaves a stage the file already chooses, and the seeds as library references', () => {
    const doc = { stage: { kind: 'table' }, seeds: [{ file: 'harbour.txt' }] }
    expect(v3ToV4(doc)).toBe(doc)
    expect(v3ToV4({ seeds: [{ file: 'harbour.txt' }] })).toEqual({
      seeds: [{ file: 'harbour.txt' }],
      stage: { kind: 'map', map: 'europe' },
    })
  })

  it('is pure: the document it is given is left as it was', () => {
    const doc = parse(read('harbour.v3.yaml')) as Record<string, unknown>
    const before = structuredClone(doc)
    v3ToV4(doc)
    expect(doc).toEqual(before)
  })

  it('gives a format 4 file without a stage the neutral table, never a map of somewhere else', () => {
    const text = read('harbour.v4.yaml').replace('stage: { kind: map, map: europe }\n', '')
    expect(loadScenario(text, { seeds: FIXTURE_SEEDS }).scenario?.stage).toEqual({ kind: 'table' })
  })
})

describe('format 4 → 5 migration', () => {
  it('is the migration registered for format 4, and format 5 is current', () => {
    expect(FORMAT_VERSION).toBe(5)
    expect(MIGRATIONS[4]).toBe(v4ToV5)
  })

  it('changes nothing but the version: a format 4 file reads as the same scenario as its format 5 twin', () => {
    const v4 = parse(read('harbour.v4.yaml')) as Record<string, unknown>
    expect(v4ToV5(v4)).toEqual(v4)
    const twin = read('harbour.v4.yaml').replace('formatVersion: 4', 'formatVersion: 5')
    const loaded = loadScenario(twin, { file: 'harbour.v5.yaml', seeds: FIXTURE_SEEDS })
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(load('harbour.v4.yaml').scenario).toEqual(loaded.scenario)
    expect(loaded.scenario?.sides.every((s) => s.reflection === undefined && s.roles === undefined)).toBe(
      true,
    )
  })

  it('reads a side’s reflection questions and roles in format 5', () => {
    const extra = [
      '    reflection:',
      '      - { id: why, question: "Why did the talks end as they did?", rubric: "Names a cause." }',
      '    roles:',
      '      - { id: lead, name: lead negotiator }',
    ].join('\n')
    const text = read('harbour.v4.yaml').replace('formatVersion: 4', 'formatVersion: 5')
    const at = text.indexOf('\n  - id:', text.indexOf('\nsides:') + 8)
    const withExtra = `${text.slice(0, at)}\n${extra}${text.slice(at)}`
    const loaded = loadScenario(withExtra, { file: 'harbour.v5.yaml', seeds: FIXTURE_SEEDS })
    expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([])
    const side = loaded.scenario?.sides[0]
    expect(side?.reflection).toEqual([
      { id: 'why', question: 'Why did the talks end as they did?', rubric: 'Names a cause.' },
    ])
    expect(side?.roles).toEqual([{ id: 'lead', name: 'lead negotiator' }])
  })

  it('is pure: the document it is given is left as it was', () => {
    const doc = parse(read('harbour.v4.yaml')) as Record<string, unknown>
    const before = structuredClone(doc)
    v4ToV5(doc)
    expect(doc).toEqual(before)
  })
})

describe('files newer than the game', () => {
  it('refuses format 6, saying which game it needs', () => {
    const text = read('harbour.v4.yaml').replace('formatVersion: 4', 'formatVersion: 6')
    const result = loadScenario(text, { file: 'next.yaml' })
    expect(result.scenario).toBeNull()
    expect(result.problems).toHaveLength(1)
    const [problem] = result.problems
    expect(problem).toMatchObject({
      code: 'FORMAT_VERSION_TOO_NEW',
      line: text.split('\n').indexOf('formatVersion: 6') + 1,
      column: 16,
      path: 'formatVersion',
    })
    expect(problem?.message).toBe(
      'This file is written in scenario format 6, but this game reads formats up to 5; it needs a version of Red Lines later than 0.5',
    )
  })

  it('names the game version that first reads each known format, this one matching package.json', () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(GAME_VERSION_FOR_FORMAT[FORMAT_VERSION]).toBe(version.split('.').slice(0, 2).join('.'))
    expect(Object.keys(GAME_VERSION_FOR_FORMAT).map(Number)).toEqual([1, 2, 3, 4, 5])
  })
})
