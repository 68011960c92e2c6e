import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { formatProblem } from '../../src/core/scenario/load/problems.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

/**
 * The loader's checks on the parts of format 3: resolve ranges, outlooks, positions, the aftermath, and the
 * warnings on them. Each case edits a valid harbour scenario that uses every part.
 */

type Doc = Record<string, unknown> & {
  sides: Array<Record<string, unknown>>
  redLines: Array<Record<string, unknown>>
  endings: Array<Record<string, unknown>>
  aftermath: Record<string, unknown> & {
    test: Record<string, unknown>
    respond: Record<string, unknown>
    confront: Record<string, unknown>
    outcomes: Record<string, Record<string, unknown>>
  }
}

const quote = (text: string) => ({ seed: 'harbour.txt', quote: text })

/** The harbour in format 3, with a resolve range, an outlook, a position and an aftermath: no problem at all. */
function harbour(): Doc {
  const doc = parse(readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')) as Doc
  doc.formatVersion = 3
  doc.sides[0] = {
    ...doc.sides[0],
    outlook: { firmness: 0.6, text: 'North believes the mayor.', source: [quote('The mayor said')] },
    positions: [
      {
        tags: ['boats'],
        stance: 'want',
        text: 'Boats keep us safe.',
        source: [quote('foreign patrol boats')],
      },
    ],
  }
  doc.redLines[0] = {
    ...doc.redLines[0],
    resolve: {
      low: 0.4,
      high: 0.8,
      source: [
        quote('We will not accept foreign patrol boats'),
        quote('The fishing union asked for a joint fund'),
      ],
    },
  }
  const outcome = (title: string) => ({ title, text: `${title}.`, scores: { north: 1 }, source: [] })
  doc.aftermath = {
    years: 2,
    intro: 'Two years pass.',
    test: {
      base: 0.5,
      perDeterrence: -0.05,
      terms: [{ when: { hasTag: 'boats' }, add: -0.1, label: 'Boats' }],
    },
    respond: { base: 0.5 },
    confront: { base: 0.1, perResolve: 0.2 },
    outcomes: {
      peace: outcome('Calm'),
      deterred: outcome('Held'),
      attack: { ...outcome('Raid'), effects: [{ meter: 'tension', add: 20 }] },
      confrontation: outcome('Clash'),
    },
    source: [quote('a weather station')],
  }
  return doc
}

const load = (doc: Doc, file = 'harbour.yaml') => loadScenario(stringify(doc), { file, seeds: FIXTURE_SEEDS })
const codes = (doc: Doc) => load(doc).problems.map((p) => `${p.code} ${p.path}`)

describe('format 3 parts in the loader', () => {
  it('load a harbour that uses every part without a problem', () => {
    const result = load(harbour())
    expect(result.problems.map(formatProblem)).toEqual([])
    expect(result.scenario?.redLines[0]?.resolve).toMatchObject({ low: 0.4, high: 0.8 })
  })

  it('refuse a resolve range upside down, at its `low`', () => {
    const doc = harbour()
    doc.redLines[0] = {
      ...doc.redLines[0],
      resolve: { low: 0.9, high: 0.3, source: [quote('The mayor said')] },
    }
    const [problem] = load(doc).problems
    expect(problem).toMatchObject({
      code: 'RESOLVE_RANGE',
      path: 'redLines[0].resolve.low',
      severity: 'error',
    })
    expect(problem?.message).toBe(
      'Red line "no-boats" has a resolve range from 0.9 to 0.3: `low` is above `high`',
    )
  })

  it('refuse an outlook or positions on the responding side', () => {
    const doc = harbour()
    doc.sides[2] = {
      ...doc.sides[2],
      outlook: { firmness: 0.5, source: [quote('The mayor said')] },
      positions: [
        { tags: ['boats'], stance: 'resist', text: 'No boats.', source: [quote('The mayor said')] },
      ],
    }
    expect(codes(doc)).toEqual(['PROPOSER_ONLY sides[2].outlook', 'PROPOSER_ONLY sides[2].positions'])
  })

  it('refuse a position about nothing, and one about instruments or tags that do not exist', () => {
    const doc = harbour()
    doc.sides[1] = {
      ...doc.sides[1],
      positions: [
        { stance: 'want', text: 'Something.', source: [quote('The mayor said')] },
        {
          instruments: ['ferry'],
          tags: ['boat'],
          stance: 'resist',
          text: 'No.',
          source: [quote('The mayor said')],
        },
      ],
    }
    expect(codes(doc)).toEqual([
      'POSITION_EMPTY sides[1].positions[0]',
      'UNKNOWN_INSTRUMENT sides[1].positions[1].instruments[0]',
      'UNKNOWN_TAG sides[1].positions[1].tags[0]',
    ])
  })

  it('check the conditions, effects and scores of the aftermath as everywhere else', () => {
    const doc = harbour()
    const a = doc.aftermath
    a.respond = {
      base: 0.5,
      terms: [{ when: { all: [{ hasTag: 'boat' }, { flag: 'calm' }] }, add: 1, label: 'X' }],
    }
    a.confront = { base: 0.1, terms: [{ when: { has: 'fund', variant: 'huge' }, add: 1, label: 'Y' }] }
    a.outcomes.deterred = {
      ...a.outcomes.deterred,
      scores: { east: 3 },
      effects: [{ meter: 'anger', add: 1 }],
    }
    a.outcomes.attack = {
      ...a.outcomes.attack,
      effects: [{ clearFlag: 'calm' }, { setFlag: 'implemented-without-consent' }],
    }
    expect(codes(doc)).toEqual([
      'UNKNOWN_TAG aftermath.respond.terms[0].when.all[0].hasTag',
      'UNKNOWN_FLAG aftermath.respond.terms[0].when.all[1].flag',
      'UNKNOWN_VARIANT aftermath.confront.terms[0].when.variant',
      'UNKNOWN_SIDE aftermath.outcomes.deterred.scores.east',
      'UNKNOWN_METER aftermath.outcomes.deterred.effects[0].meter',
      'UNKNOWN_FLAG aftermath.outcomes.attack.effects[0].clearFlag',
    ])
  })

  /** The list of citations at `path` in the document. */
  const sourceAt = (doc: Doc, path: Array<string | number>) =>
    path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], doc) as unknown[]

  it.each([
    ['the resolve range', ['redLines', 0, 'resolve', 'source']],
    ['the outlook', ['sides', 0, 'outlook', 'source']],
    ['a position', ['sides', 0, 'positions', 0, 'source']],
    ['an outcome', ['aftermath', 'outcomes', 'peace', 'source']],
    ['the aftermath', ['aftermath', 'source']],
  ] as Array<[string, Array<string | number>]>)(
    'check the quotes of %s word for word, and its seeds',
    (_, path) => {
      const at = `${path
        .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
        .join('')
        .slice(1)}[0]`
      const misquoted = harbour()
      sourceAt(misquoted, path)[0] = quote('words nobody said')
      expect(codes(misquoted)).toEqual([`QUOTE_NOT_FOUND ${at}.quote`])
      const unlisted = harbour()
      sourceAt(unlisted, path)[0] = { seed: 'elsewhere.txt', quote: 'The mayor said' }
      expect(codes(unlisted)).toEqual([`UNKNOWN_SEED ${at}.seed`])
    },
  )

  it('still check the new parts when another part fails the schema', () => {
    const doc = harbour()
    doc.title = undefined
    doc.redLines[0] = { ...doc.redLines[0], resolve: { low: 1, high: 0, source: [quote('The mayor said')] } }
    expect(codes(doc)).toEqual(['MISSING_FIELD title', 'RESOLVE_RANGE redLines[0].resolve.low'])
  })

  it('call a malformed id in a position a bad id', () => {
    const doc = harbour()
    doc.sides[1] = {
      ...doc.sides[1],
      positions: [
        { instruments: ['Weather Station'], stance: 'want', text: 'Yes.', source: [quote('The mayor said')] },
      ],
    }
    expect(codes(doc)).toEqual(['BAD_ID sides[1].positions[0].instruments[0]'])
  })

  it('suggest the field meant for a misspelt one of the new parts', () => {
    const doc = harbour()
    doc.redLines[0] = { ...doc.redLines[0], resolve: undefined, reslove: { low: 0, high: 1 } }
    const [problem] = load(doc).problems
    expect(problem?.message).toContain('did you mean `resolve`?')
  })
})

describe('format 3 warnings', () => {
  it('warn about a range of no width, and say so when it always holds', () => {
    const doc = harbour()
    doc.redLines[0] = { ...doc.redLines[0], resolve: { low: 1, high: 1, source: [quote('The mayor said')] } }
    const problems = load(doc).problems
    expect(problems.map((p) => `${p.severity} ${p.code} ${p.path}`)).toEqual([
      'warning RESOLVE_CERTAIN redLines[0].resolve',
    ])
    expect(problems[0]?.message).toContain('always holds, as without `resolve`')
  })

  it('warn about an aftermath in a scenario without any resolve range, and about one no ending reaches', () => {
    const doc = harbour()
    doc.redLines[0] = { ...doc.redLines[0], resolve: undefined }
    expect(codes(doc)).toEqual(['AFTERMATH_WITHOUT_RESOLVE aftermath'])
    doc.endings = doc.endings.filter((e) => e.kind !== 'deal' && e.kind !== 'unilateral')
    expect(codes(doc)).toEqual(['AFTERMATH_WITHOUT_RESOLVE aftermath', 'AFTERMATH_NEVER_PLAYED aftermath'])
  })

  it('warn about an aftermath that chance never enters, for every package, deal or imposition', () => {
    const doc = harbour()
    doc.aftermath.test = { base: 0 }
    doc.aftermath.confront = { base: 0 }
    expect(codes(doc)).toEqual(['AFTERMATH_CERTAIN aftermath'])
    // An imposition still risks confrontation: luck enters.
    doc.aftermath.confront = {
      base: 0,
      terms: [{ when: { flag: 'implemented-without-consent' }, add: 0.5, label: 'X' }],
    }
    expect(codes(doc)).toEqual([])
    // A chance of 0 or 1 for every package, however the situation stands: certain.
    doc.aftermath.test = { base: 1 }
    doc.aftermath.respond = {
      base: 0,
      terms: [{ when: { meter: 'tension', atLeast: 50 }, add: 2, label: 'X' }],
    }
    doc.aftermath.confront = { base: 0 }
    expect(codes(doc)).toEqual(['AFTERMATH_CERTAIN aftermath'])
    // A term on the situation that may bring a chance between 0 and 1: not certain.
    doc.aftermath.respond = {
      base: 0,
      terms: [{ when: { meter: 'tension', atLeast: 50 }, add: 0.5, label: 'X' }],
    }
    expect(codes(doc)).toEqual([])
    // The hidden firmness moves a chance across its range: not certain either.
    doc.aftermath.respond = { base: 1 }
    doc.aftermath.confront = { base: 0, perResolve: 1 }
    expect(codes(doc)).toEqual([])
  })

  it('warn about points for a side that has no score', () => {
    const doc = harbour()
    doc.aftermath.outcomes.peace = { ...doc.aftermath.outcomes.peace, scores: { harbour: 5 } }
    const problems = load(doc).problems
    expect(problems.map((p) => `${p.severity} ${p.code} ${p.path}`)).toEqual([
      'warning SCORE_NOT_COUNTED aftermath.outcomes.peace.scores.harbour',
    ])
    expect(problems[0]?.message).toBe('The side "harbour" has no scoring, so these 5 points never count')
  })
})
