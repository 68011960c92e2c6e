import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { blankOf, newEntry } from '../../src/client/studio/forms/blank.ts'
import { conditionKind, newCondition } from '../../src/client/studio/forms/condition-model.ts'
import { effectKind, newEffect } from '../../src/client/studio/forms/effects.ts'
import { idsIn, slugify, uniqueId } from '../../src/client/studio/forms/ids.ts'
import { isAtOrUnder, ProblemIndex } from '../../src/client/studio/forms/problem-paths.ts'
import { refKindOf, refOptions } from '../../src/client/studio/forms/refs.ts'
import {
  conditionForms,
  fieldOf,
  isCitationList,
  isEffectList,
  isScoreTermList,
  keysOf,
  type Shape,
  shapeOf,
} from '../../src/client/studio/forms/schema-walk.ts'
import { readYaml, yamlOf } from '../../src/client/studio/forms/yaml-box.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import type { Problem } from '../../src/core/scenario/load/problems.ts'
import { ScenarioSchema } from '../../src/core/scenario/schema/scenario.ts'
import { en } from '../../src/messages/en.ts'
import { PROJECT_ROOT, readSeeds } from '../../src/node/scenario-files.ts'

const scenario = shapeOf(ScenarioSchema)
/** The shape at a chain of field keys, stepping into list items on the way. */
function at(...keys: string[]): Shape {
  let shape: Shape = scenario
  for (const key of keys) {
    if (shape.kind === 'list') shape = shape.item
    if (shape.kind === 'record') shape = shape.value
    const found = fieldOf(shape, key)
    if (!found) throw new Error(`no field ${key}`)
    shape = found.shape
  }
  return shape
}

/** The shape of the entries of a list. */
const item = (shape: Shape): Shape => (shape.kind === 'list' ? shape.item : shape)

describe('reading the format as form fields', () => {
  it('reads texts, numbers with their limits, choices and lists with their lengths', () => {
    expect(at('sides')).toMatchObject({ kind: 'list', min: 2, optional: false })
    expect(at('sides', 'briefing')).toMatchObject({ kind: 'text', optional: false })
    expect(at('sides', 'briefing').description).toMatch(/reads first/)
    expect(at('rounds')).toMatchObject({ kind: 'number', int: true, min: 1, max: 30 })
    expect(at('redLines', 'severity')).toMatchObject({ kind: 'number', int: true, min: 1, max: 5 })
    expect(at('instruments', 'deterrence')).toMatchObject({ kind: 'number', int: false })
    expect(at('instruments', 'deterrence')).not.toHaveProperty('min', expect.anything())
    expect(at('sides', 'role')).toMatchObject({ kind: 'enum', options: ['proposer', 'responder'] })
  })

  it('unwraps optional fields and defaults, keeping the outermost description', () => {
    expect(at('sides', 'shortName')).toMatchObject({ kind: 'text', optional: true })
    expect(at('sides', 'shortName').description).toMatch(/shorter name/)
    expect(at('sides', 'constraints')).toMatchObject({ kind: 'list', optional: true, default: [] })
    expect(at('meters', 'better')).toMatchObject({ kind: 'enum', optional: true, default: 'neither' })
    expect(at('redLines', 'response', 'effects').description).toMatch(/once the package is tabled/)
    expect(at('stage')).toMatchObject({ kind: 'union', optional: true, default: { kind: 'table' } })
  })

  it('finds conditions (however described), citations, effects, score lines and per-verdict records', () => {
    expect(at('redLines', 'when')).toMatchObject({ kind: 'condition', optional: false })
    expect(at('sides', 'constraints', 'when')).toMatchObject({ kind: 'condition', optional: true })
    expect(at('redLines', 'when').description).toMatch(/crosses the red line/)
    expect(isCitationList(at('instruments', 'source'))).toBe(true)
    expect(isCitationList(at('redLines', 'stated'))).toBe(true)
    expect(isCitationList(at('sides', 'interests'))).toBe(false)
    expect(isEffectList(at('events', 'effects'))).toBe(true)
    expect(isEffectList(at('instruments', 'source'))).toBe(false)
    expect(isScoreTermList(at('scoring', 'terms'))).toBe(true)
    expect(at('response', 'effects')).toMatchObject({
      kind: 'record',
      keys: ['accept', 'demandRemoval', 'reject'],
    })
    expect(at('instruments', 'costs')).toMatchObject({ kind: 'record', value: { kind: 'number' } })
    expect(at('instruments', 'costs')).not.toHaveProperty('keys')
    const forms = conditionForms().map((f) => keysOf(f)[0])
    expect(forms).toEqual(expect.arrayContaining(['all', 'any', 'not', 'has', 'hasTag', 'meter', 'flag']))
  })

  it('has a label in the catalogue for every field the forms draw', () => {
    // Those the studio's Sources panel edits, and those never drawn as fields.
    const elsewhere = new Set(['formatVersion', 'translations', 'seeds', 'file', 'outlet', 'url'])
    const missing = new Set<string>()
    const walk = (shape: Shape): void => {
      if (shape.kind === 'object')
        for (const f of shape.fields) {
          if (elsewhere.has(f.key)) continue
          if (!Object.hasOwn(en, `studio.field.${f.key}`)) missing.add(f.key)
          walk(f.shape)
        }
      if (shape.kind === 'list') walk(shape.item)
      if (shape.kind === 'record') walk(shape.value)
      if (shape.kind === 'union') for (const o of shape.options) walk(o)
    }
    walk(scenario)
    for (const form of conditionForms()) walk(form)
    // A condition's operators are labelled by what they name (`has` → Instrument), not by their own key.
    for (const op of ['all', 'any', 'not', 'has', 'hasTag', 'count', 'sum', 'share', 'response'])
      missing.delete(op)
    expect([...missing]).toEqual([])
  })
})

describe('ids made from names', () => {
  it('makes an id of lower-case words joined by dashes', () => {
    expect(slugify('Downstream states')).toBe('downstream-states')
    expect(slugify("  The Dam's Reservoir (2024)! ")).toBe('the-dams-reservoir-2024')
    expect(slugify('Über Café')).toBe('uber-cafe')
  })

  it('transliterates Ukrainian names, word-initial letters as the national rules write them', () => {
    expect(slugify('Україна')).toBe('ukraina')
    expect(slugify('Європейські уряди')).toBe('yevropeiski-uriady')
    expect(slugify("М'ята")).toBe('miata')
  })

  it('cuts long names at a dash', () => {
    const id = slugify('A very long name that goes on and on well beyond the limit of forty')
    expect(id.length).toBeLessThanOrEqual(40)
    expect(id).toBe('a-very-long-name-that-goes-on-and-on')
  })

  it('numbers an id already taken, and falls back for names that give none or reserved words', () => {
    expect(uniqueId('Downstream states', [])).toBe('downstream-states')
    expect(uniqueId('Downstream states', ['downstream-states'])).toBe('downstream-states-2')
    expect(uniqueId('Downstream states', ['downstream-states', 'downstream-states-2'])).toBe(
      'downstream-states-3',
    )
    expect(uniqueId('!!!', ['side'], 'Side')).toBe('side-2')
    expect(uniqueId('', [], 'Red line')).toBe('red-line')
    expect(uniqueId('constructor', [])).toBe('constructor-2')
    expect(idsIn([{ id: 'a' }, { name: 'x' }, { id: 3 }, 'b', { id: 'c' }])).toEqual(['a', 'c'])
  })
})

describe('new entries', () => {
  it('hold the required fields only, with the name typed and an id made from it', () => {
    const side = newEntry(item(at('sides')), 'Downstream states', [{ id: 'downstream-states' }], {}, 'side')
    expect(side).toEqual({
      id: 'downstream-states-2',
      name: 'Downstream states',
      role: 'proposer',
      briefing: '',
      interests: [],
    })
    const line = newEntry(item(at('redLines')), 'No foreign troops', [], {
      instruments: [{ id: 'dam-monitors' }],
    })
    expect(line).toMatchObject({
      id: 'no-foreign-troops',
      title: 'No foreign troops',
      when: { has: 'dam-monitors' },
      severity: 1,
      response: { kind: 'reject' },
      stated: [],
    })
    expect(blankOf(at('meters'), {})).toEqual([])
  })
})

describe('problems at their fields', () => {
  const problem = (path: string, severity: Problem['severity'] = 'error'): Problem => ({
    severity,
    code: 'WRONG_TYPE',
    message: path,
    fix: '',
    file: 'x.yaml',
    line: 1,
    column: 1,
    path,
  })

  it('matches a path and what is inside it, never a sibling whose index starts the same', () => {
    expect(isAtOrUnder('sides[1].briefing', 'sides[1]')).toBe(true)
    expect(isAtOrUnder('sides[1]', 'sides[1]')).toBe(true)
    expect(isAtOrUnder('sides[10].name', 'sides[1]')).toBe(false)
    expect(isAtOrUnder('sidesExtra', 'sides')).toBe(false)
    expect(isAtOrUnder('sides[0]', 'sides')).toBe(true)
  })

  it('gives each field the problems at or under it, errors first, and a group those no field shows', () => {
    const index = new ProblemIndex([
      problem('sides[0].interests[1]', 'warning'),
      problem('sides[0].interests'),
      problem('sides[0].colour'),
      problem('sides[1].name'),
      problem('sides'),
    ])
    expect(index.under(['sides', 0, 'interests']).map((p) => p.path)).toEqual([
      'sides[0].interests',
      'sides[0].interests[1]',
    ])
    expect(index.unclaimed(['sides', 0], ['name', 'interests']).map((p) => p.path)).toEqual([
      'sides[0].colour',
    ])
    expect(index.unclaimed(['sides'], [0, 1]).map((p) => p.path)).toEqual(['sides'])
    expect(index.count(['sides', 0])).toEqual({ errors: 2, warnings: 1 })
    expect(index.count(['sides', 1])).toEqual({ errors: 1, warnings: 0 })
  })

  it("places the checker's own problems of a real file at the fields that edit them", () => {
    const template = readFileSync(join(PROJECT_ROOT, 'scenarios/template/new-scenario.yaml'), 'utf8')
    const broken = template
      .replace(/^ {4}briefing: >-\n(?: {6}.*\n)+/m, '')
      .replace('rounds: 3', 'rounds: 99')
    const { problems } = loadScenario(broken, { seeds: readSeeds() })
    const index = new ProblemIndex(problems)
    expect(index.under(['sides', 0, 'briefing']).map((p) => p.code)).toEqual(['MISSING_FIELD'])
    expect(index.under(['rounds']).map((p) => p.code)).toEqual(['OUT_OF_RANGE'])
    expect(index.unclaimed(['sides', 0], keysOf(item(at('sides'))))).toEqual([])
  })
})

describe('references and conditions', () => {
  const data = {
    seeds: [{ file: 'dam.txt', title: 'Dam talks' }, { file: 'library.txt' }],
    sides: [
      { id: 'upstream', name: 'Upstream', role: 'proposer' },
      { id: 'downstream', name: 'Downstream', role: 'responder' },
      { id: 'lenders', role: 'proposer' },
    ],
    meters: [{ id: 'tension', name: 'Tension' }],
    flags: [{ id: 'sanctions', name: 'Sanctions' }],
    instruments: [{ id: 'monitors', name: 'Monitors' }],
    tags: [],
  }

  it('knows which fields name other elements', () => {
    expect(refKindOf('owner', false)).toBe('responder')
    expect(refKindOf('proposers', true)).toBe('proposer')
    expect(refKindOf('speaker', false)).toBe('actor')
    expect(refKindOf('tags', true)).toBe('tag')
    expect(refKindOf('name', false)).toBeUndefined()
  })

  it('offers the elements a reference may name, by name', () => {
    expect(refOptions(data, 'responder')).toEqual([{ id: 'downstream', name: 'Downstream' }])
    expect(refOptions(data, 'proposer').map((o) => o.name)).toEqual(['Upstream', 'lenders'])
    expect(refOptions(data, 'seed')).toEqual([
      { id: 'dam.txt', name: 'Dam talks' },
      { id: 'library.txt', name: 'library.txt' },
    ])
    expect(refOptions(data, 'flag').map((o) => o.id)).toEqual(['sanctions', 'implemented-without-consent'])
    expect(refOptions(data, 'tag')).toEqual([])
  })

  it('edits the common conditions as a form and anything else as YAML', () => {
    expect(conditionKind({ has: 'monitors' })).toBe('has')
    expect(conditionKind({ has: 'monitors', variant: 'armed' })).toBe('has')
    expect(conditionKind({ meter: 'tension', atLeast: 50 })).toBe('meter')
    expect(conditionKind({ all: [{ hasTag: 'x' }, { count: {} }] })).toBe('all')
    expect(conditionKind({ not: { flag: 'sanctions' } })).toBe('not')
    expect(conditionKind({ count: { tag: 'x' }, atLeast: 2 })).toBeNull()
    expect(conditionKind({ meter: 'tension', atLeast: '50' })).toBeNull()
    expect(conditionKind({ hasTag: 'x', flag: 'y' })).toBeNull()
    expect(conditionKind({ all: 'x' })).toBeNull()
    expect(conditionKind('hasTag: x')).toBeNull()
  })

  it('starts new conditions from what the scenario has, wrapping the one replaced', () => {
    expect(newCondition('meter', data)).toEqual({ meter: 'tension', atLeast: 50 })
    expect(newCondition('backedBy', data)).toEqual({ backedBy: 'upstream' })
    expect(newCondition('all', data, { flag: 'sanctions' })).toEqual({ all: [{ flag: 'sanctions' }] })
    expect(newCondition('not', data, { flag: 'sanctions' })).toEqual({ not: { flag: 'sanctions' } })
  })

  it('tells effects apart and keeps the meter when one kind becomes another', () => {
    expect(effectKind({ setFlag: 'x' })).toBe('setFlag')
    expect(effectKind({ meter: 'm', set: 3 })).toBe('set')
    expect(effectKind({ meter: 'm', fromPackage: 'risk', factor: 2 })).toBe('fromPackage')
    expect(effectKind({ meter: 'm', add: 3 })).toBe('add')
    expect(effectKind({ meter: 'm' })).toBeNull()
    expect(newEffect('set', data, { meter: 'other', add: 2 })).toEqual({ meter: 'other', set: 0 })
    expect(newEffect('clearFlag', data)).toEqual({ clearFlag: 'sanctions' })
  })

  it('reads a condition typed as YAML, or says why not', () => {
    expect(readYaml('all:\n  - hasTag: troops\n  - meter: tension\n    atLeast: 50')).toEqual({
      ok: true,
      value: { all: [{ hasTag: 'troops' }, { meter: 'tension', atLeast: 50 }] },
    })
    const bad = readYaml('all: [hasTag: troops')
    expect(bad.ok).toBe(false)
    expect(readYaml('  ')).toEqual({ ok: false, error: '' })
    expect(readYaml('a: 1\na: 2').ok).toBe(false)
    expect(readYaml('a: &x [1]\nb: *x').ok).toBe(false)
    expect(yamlOf({ all: [{ hasTag: 'x' }] })).toBe('all:\n  - hasTag: x')
  })
})
