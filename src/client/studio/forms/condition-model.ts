import { refOptions } from './refs.ts'

/**
 * Which conditions the studio edits as a form, and what a new one of each kind starts as. The common forms
 * (an instrument or a tag in the package, a meter at or above or below a value, a flag raised, all / any / not
 * of these, and a few more of one or two fields) get a form; any other condition, or one written with fields
 * the form does not have, is edited as YAML, so that nothing a file says is lost by opening it in the studio.
 */

/** The kinds of condition the studio draws as a form, in the order its choice lists them. */
export const CONDITION_KINDS = [
  'has',
  'hasTag',
  'meter',
  'flag',
  'sum',
  'backedBy',
  'fromRound',
  'response',
  'all',
  'any',
  'not',
] as const
export type ConditionKind = (typeof CONDITION_KINDS)[number]

/** The fields each kind may have beside its operator, and what each holds. */
const FIELDS: Record<ConditionKind, Record<string, 'text' | 'number'>> = {
  has: { variant: 'text' },
  hasTag: {},
  meter: { atLeast: 'number', atMost: 'number' },
  flag: {},
  sum: { side: 'text', atLeast: 'number', atMost: 'number' },
  backedBy: { tag: 'text', instrument: 'text' },
  fromRound: {},
  response: {},
  all: {},
  any: {},
  not: {},
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * The kind of form that edits condition `c`, or null when it must be edited as YAML: anything but one
 * operator with the fields its form has, each of the right type (a list under `all`/`any`, a group of fields
 * under `not`; what is inside them is judged entry by entry).
 */
export function conditionKind(c: unknown): ConditionKind | null {
  if (!isRecord(c)) return null
  const keys = Object.keys(c)
  const kind = CONDITION_KINDS.find((k) => k in c)
  if (!kind) return null
  const fields = FIELDS[kind]
  for (const key of keys) {
    if (key === kind) continue
    const type = fields[key]
    if (!type || typeof c[key] !== (type === 'text' ? 'string' : 'number')) return null
  }
  const value = c[kind]
  if (kind === 'all' || kind === 'any') return Array.isArray(value) ? kind : null
  if (kind === 'not') return isRecord(value) ? kind : null
  if (kind === 'fromRound') return typeof value === 'number' ? kind : null
  return typeof value === 'string' ? kind : null
}

const firstId = (data: unknown, kind: Parameters<typeof refOptions>[1]): string =>
  refOptions(data, kind)[0]?.id ?? ''

/**
 * A new condition of `kind`, filled with the scenario's first element of the kind it names so that it is
 * valid at once where it can be. `all`, `any` and `not` take the condition they replace inside them, so that
 * turning "has the tag troops" into "all of" keeps it as the first entry.
 */
export function newCondition(
  kind: ConditionKind,
  data: unknown,
  replacing?: unknown,
): Record<string, unknown> {
  const inner = () => (isRecord(replacing) ? replacing : newCondition('has', data))
  switch (kind) {
    case 'has':
      return { has: firstId(data, 'instrument') }
    case 'hasTag':
      return { hasTag: firstId(data, 'tag') }
    case 'meter':
      return { meter: firstId(data, 'meter'), atLeast: 50 }
    case 'flag':
      return { flag: firstId(data, 'flag') }
    case 'sum':
      return { sum: 'deterrence', atLeast: 5 }
    case 'backedBy':
      return { backedBy: firstId(data, 'proposer') }
    case 'fromRound':
      return { fromRound: 2 }
    case 'response':
      return { response: 'reject' }
    case 'all':
    case 'any':
      return { [kind]: [inner()] }
    case 'not':
      return { not: inner() }
  }
}

/** A new condition for a field that needs one: the package holds the scenario's first instrument. */
export function defaultCondition(data: unknown): Record<string, unknown> {
  return newCondition('has', data)
}
