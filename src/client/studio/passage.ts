/**
 * Making a passage of an article the quote of an element: the places a passage can go (an actor's
 * statement, the words behind a red line, a constraint's source, an instrument's source, each an existing
 * element or a new one), and the edits that put it there. A new element starts as the forms' "Add" makes
 * it (required fields only, see forms/blank.ts), named from the passage, with the passage as its quote: the
 * checker then shows the fields left to fill. Since the passage is cut from the article, the quote checks.
 */
import {
  ActorSchema,
  ConstraintSchema,
  InstrumentSchema,
  RedLineSchema,
} from '../../core/scenario/schema/scenario.ts'
import type { StudioEdit } from './edits.ts'
import { newEntry } from './forms/blank.ts'
import { asList, asRecord } from './forms/context.ts'
import { excerpt } from './forms/labels.ts'
import { shapeOf } from './forms/schema-walk.ts'

/** A passage cut from an article: the article's name in `seeds` and the words. */
export interface Passage {
  seed: string
  quote: string
}

/** Where a passage goes; `'new'` makes a new element there. */
export type PassageTarget =
  | { kind: 'statement'; actor: number | 'new' }
  | { kind: 'stated'; redLine: number | 'new' }
  | { kind: 'constraint'; side: number; constraint: number | 'new' }
  | { kind: 'instrument'; instrument: number | 'new' }

/** One choice of the target list: its value (for a select), its group and what it names. */
export interface TargetChoice {
  value: string
  group: 'statement' | 'stated' | 'constraint' | 'instrument'
  /** The element's name, or null for "a new one" (of the side named in `side`, for a constraint). */
  name: string | null
  side?: string
}

/** What more a target asks for: who said it and when, and a new actor's name and office. */
export interface PassageDetails {
  /** The speaker's actor id (required for the words behind a red line). */
  speaker?: string
  date?: string
  /** A new actor's name and office. */
  name?: string
  office?: string
}

const nameOf = (entry: unknown, ...keys: string[]): string => {
  const record = asRecord(entry)
  for (const key of keys) if (typeof record[key] === 'string' && record[key]) return record[key] as string
  return typeof record.id === 'string' ? record.id : '?'
}

/** The value a select carries for a target. */
export function targetValue(t: PassageTarget): string {
  switch (t.kind) {
    case 'statement':
      return `statement:${t.actor}`
    case 'stated':
      return `stated:${t.redLine}`
    case 'constraint':
      return `constraint:${t.side}:${t.constraint}`
    case 'instrument':
      return `instrument:${t.instrument}`
  }
}

/** The target a select's value names, or null. */
export function parseTarget(value: string): PassageTarget | null {
  const [kind, a, b] = value.split(':')
  const at = (x: string | undefined): number | 'new' | null =>
    x === 'new' ? 'new' : x !== undefined && /^\d+$/.test(x) ? Number(x) : null
  const first = at(a)
  if (first === null) return null
  if (kind === 'statement') return { kind, actor: first }
  if (kind === 'stated') return { kind, redLine: first }
  if (kind === 'instrument') return { kind, instrument: first }
  const second = at(b)
  if (kind === 'constraint' && typeof first === 'number' && second !== null)
    return { kind, side: first, constraint: second }
  return null
}

/** Every place a passage can go in the scenario `data`, in the order the studio lists them. */
export function targetChoices(data: unknown): TargetChoice[] {
  const scenario = asRecord(data)
  const listed = (
    list: unknown,
    group: TargetChoice['group'],
    value: (i: number) => string,
    key: string,
    side?: string,
  ): TargetChoice[] =>
    asList(list).map((entry, i) => ({
      value: value(i),
      group,
      name: nameOf(entry, key),
      ...(side ? { side } : {}),
    }))
  const constraints = asList(scenario.sides).flatMap((side, s) => {
    const record = asRecord(side)
    if (record.role !== 'proposer') return []
    const sideName = nameOf(side, 'name')
    return [
      ...listed(record.constraints, 'constraint', (i) => `constraint:${s}:${i}`, 'text', sideName),
      { value: `constraint:${s}:new`, group: 'constraint' as const, name: null, side: sideName },
    ]
  })
  return [
    ...listed(scenario.actors, 'statement', (i) => `statement:${i}`, 'name'),
    { value: 'statement:new', group: 'statement', name: null },
    ...listed(scenario.redLines, 'stated', (i) => `stated:${i}`, 'title'),
    { value: 'stated:new', group: 'stated', name: null },
    ...constraints,
    ...listed(scenario.instruments, 'instrument', (i) => `instrument:${i}`, 'name'),
    { value: 'instrument:new', group: 'instrument', name: null },
  ]
}

/** The passage as a citation, with who said it and when where the target keeps them. */
function citation(p: Passage, details: PassageDetails, withSpeaker: boolean): Record<string, unknown> {
  return {
    ...(withSpeaker && details.speaker ? { speaker: details.speaker } : {}),
    seed: p.seed,
    ...(details.date?.trim() ? { date: details.date.trim() } : {}),
    quote: p.quote,
  }
}

/** A short name made from the passage, for a new element (the teacher renames it in the forms). */
export const nameFromPassage = (quote: string): string => excerpt(quote, 60)

/**
 * The edits that put the passage at `target`, and the path of the element it went to (to show it).
 * Null when the target does not exist in `data` (the scenario changed under the form).
 */
export function passageEdits(
  data: unknown,
  target: PassageTarget,
  passage: Passage,
  details: PassageDetails = {},
): { edits: StudioEdit[]; path: Array<string | number> } | null {
  const scenario = asRecord(data)
  const name = nameFromPassage(passage.quote)
  const adding = (list: string, schema: Parameters<typeof shapeOf>[0], named: string, extra: object) => {
    const existing = scenario[list]
    const entry = { ...asRecord(newEntry(shapeOf(schema), named, existing, data)), ...extra }
    return {
      edits: [{ op: 'append' as const, path: [list], value: entry }],
      path: [list, asList(existing).length],
    }
  }
  switch (target.kind) {
    case 'statement': {
      const statement = citation(passage, details, false)
      if (target.actor === 'new') {
        const office = details.office?.trim()
        return adding('actors', ActorSchema, details.name?.trim() || name, {
          ...(office ? { office } : {}),
          kind: 'official',
          statements: [statement],
        })
      }
      if (!asList(scenario.actors)[target.actor]) return null
      return {
        edits: [{ op: 'append', path: ['actors', target.actor, 'statements'], value: statement }],
        path: ['actors', target.actor],
      }
    }
    case 'stated': {
      const stated = citation(passage, details, true)
      if (target.redLine === 'new') {
        const responder = asList(scenario.sides)
          .map(asRecord)
          .find((s) => s.role === 'responder')
        return adding('redLines', RedLineSchema, name, {
          ...(typeof responder?.id === 'string' ? { owner: responder.id } : {}),
          response: { kind: 'reject' },
          stated: [stated],
        })
      }
      if (!asList(scenario.redLines)[target.redLine]) return null
      return {
        edits: [{ op: 'append', path: ['redLines', target.redLine, 'stated'], value: stated }],
        path: ['redLines', target.redLine],
      }
    }
    case 'constraint': {
      const side = asRecord(asList(scenario.sides)[target.side])
      if (!side.id) return null
      const source = citation(passage, details, false)
      delete source.date
      const constraints = asList(side.constraints)
      if (target.constraint === 'new') {
        const entry = {
          ...asRecord(newEntry(shapeOf(ConstraintSchema), name, constraints, data)),
          source: [source],
        }
        return {
          edits: [{ op: 'append', path: ['sides', target.side, 'constraints'], value: entry }],
          path: ['sides', target.side, 'constraints', constraints.length],
        }
      }
      if (!constraints[target.constraint]) return null
      const at = ['sides', target.side, 'constraints', target.constraint]
      return { edits: [{ op: 'append', path: [...at, 'source'], value: source }], path: at }
    }
    case 'instrument': {
      const source = { seed: passage.seed, quote: passage.quote }
      if (target.instrument === 'new')
        return adding('instruments', InstrumentSchema, name, { source: [source] })
      if (!asList(scenario.instruments)[target.instrument]) return null
      return {
        edits: [{ op: 'append', path: ['instruments', target.instrument, 'source'], value: source }],
        path: ['instruments', target.instrument],
      }
    }
  }
}
