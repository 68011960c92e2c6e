import type { z } from 'zod'
import { ConditionSchema } from '../../../core/scenario/schema/conditions.ts'

/**
 * The scenario format read as form fields: each zod schema becomes a `Shape` that says which control edits
 * it (a text, a number with its limits, a choice, a list, a group of fields, a condition) and the plain-words
 * help the format gives it. The forms are drawn from these, so a field added to the format appears in the
 * studio without a change here.
 */

/** What every shape says, whatever its kind. */
interface Common {
  /** Whether the field may be left out (optional, or with a default the game fills in). */
  optional: boolean
  /** The value the game uses when the field is left out, if the format gives one. */
  default?: unknown
  /** The format's own description of the field (English). */
  description?: string
}

/** One field of a group of fields, in the format's order. */
export interface FieldSpec {
  key: string
  shape: Shape
}

/** What kind of value a shape holds, with what that kind needs. */
type Kind =
  | { kind: 'text' }
  | { kind: 'number'; int: boolean; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; options: readonly string[] }
  | { kind: 'literal'; value: unknown }
  | { kind: 'object'; fields: readonly FieldSpec[] }
  | { kind: 'list'; item: Shape; min?: number; max?: number }
  | { kind: 'record'; value: Shape; keys?: readonly string[] }
  | { kind: 'union'; options: readonly Shape[] }
  | { kind: 'condition' }
  | { kind: 'unknown' }

/** A schema read as a form field; `kind` says which control edits it. */
export type Shape = Common & Kind

/** Zod's definition of a schema, as far as this walk reads it. */
interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  options?: z.ZodType[]
  innerType?: z.ZodType
  in?: z.ZodType
  keyType?: z.ZodType
  valueType?: z.ZodType
  values?: unknown[]
  entries?: Record<string, string>
  getter?: () => z.ZodType
  defaultValue?: unknown
  checks?: Array<{ _zod: { def: { check: string; minimum?: number; maximum?: number } } }>
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def
/** Conditions are recursive (a lazy schema); a described copy keeps the same getter, so this finds them all. */
const CONDITION_GETTER = defOf(ConditionSchema).getter
/** Zod's unbounded integers report the safe-integer range as their limits: not a limit worth showing. */
const finite = (n: unknown): number | undefined =>
  typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined

const cache = new WeakMap<z.ZodType, Shape>()

/** The schema read as a form field (read once per schema, then remembered). */
export function shapeOf(schema: z.ZodType): Shape {
  const known = cache.get(schema)
  if (known) return known
  const shape = read(schema)
  cache.set(schema, shape)
  return shape
}

function read(schema: z.ZodType): Shape {
  let current = schema
  let optional = false
  let fallback: unknown
  // The outermost description wins: `text.optional().describe(…)` puts it on the wrapper.
  let description = current.description
  for (;;) {
    const def = defOf(current)
    if (def.type === 'optional' && def.innerType) optional = true
    else if (def.type === 'default' && def.innerType) {
      optional = true
      fallback = def.defaultValue
    } else if (!(def.type === 'pipe' && def.in)) break
    current = (def.innerType ?? def.in) as z.ZodType
    description ??= current.description
  }
  const common: Common = { optional, description }
  if (fallback !== undefined) common.default = fallback
  return { ...common, ...kindOf(current) } as Shape
}

function kindOf(schema: z.ZodType): Kind {
  const def = defOf(schema)
  const sized = () => {
    const bounds: { min?: number; max?: number } = {}
    for (const check of def.checks ?? []) {
      const c = check._zod.def
      if (c.check === 'min_length') bounds.min = c.minimum
      if (c.check === 'max_length') bounds.max = c.maximum
    }
    return bounds
  }
  switch (def.type) {
    case 'string':
      return { kind: 'text' }
    case 'number': {
      const n = schema as unknown as { minValue?: number; maxValue?: number; isInt?: boolean }
      return { kind: 'number', int: n.isInt === true, min: finite(n.minValue), max: finite(n.maxValue) }
    }
    case 'boolean':
      return { kind: 'boolean' }
    case 'enum':
      return { kind: 'enum', options: Object.values(def.entries ?? {}) }
    case 'literal':
      return { kind: 'literal', value: def.values?.[0] }
    case 'object':
      return {
        kind: 'object',
        fields: Object.entries(def.shape ?? {}).map(([key, value]) => ({ key, shape: shapeOf(value) })),
      }
    case 'array':
      return { kind: 'list', item: shapeOf(def.element as z.ZodType), ...sized() }
    case 'record': {
      const keys = def.keyType ? shapeOf(def.keyType) : undefined
      return {
        kind: 'record',
        value: shapeOf(def.valueType as z.ZodType),
        ...(keys?.kind === 'enum' ? { keys: keys.options } : {}),
      }
    }
    case 'union':
      return { kind: 'union', options: (def.options ?? []).map(shapeOf) }
    case 'lazy':
      return def.getter === CONDITION_GETTER ? { kind: 'condition' } : { kind: 'unknown' }
    default:
      return { kind: 'unknown' }
  }
}

let forms: readonly Shape[] | null = null
/** The forms a condition may take (the union inside the recursive condition schema), read once. */
export function conditionForms(): readonly Shape[] {
  // The getter makes a new union at each call: read it once.
  if (!forms) {
    const shape = shapeOf((CONDITION_GETTER as () => z.ZodType)())
    forms = shape.kind === 'union' ? shape.options : []
  }
  return forms
}

/** The fields of a group of fields (none for any other shape). */
export function fieldsOf(shape: Shape): readonly FieldSpec[] {
  return shape.kind === 'object' ? shape.fields : []
}

/** The field `key` of a group of fields, if it has one. */
export function fieldOf(shape: Shape, key: string): FieldSpec | undefined {
  return fieldsOf(shape).find((f) => f.key === key)
}

/** The keys of a group of fields, in the format's order. */
export function keysOf(shape: Shape): string[] {
  return fieldsOf(shape).map((f) => f.key)
}

/** True when a list holds citations: groups of fields with a `seed` and a `quote`. */
export function isCitationList(shape: Shape): boolean {
  if (shape.kind !== 'list') return false
  const keys = keysOf(shape.item)
  return keys.includes('seed') && keys.includes('quote')
}

/** True when a list holds effects (a meter moved or set, a flag raised or lowered). */
export function isEffectList(shape: Shape): boolean {
  return (
    shape.kind === 'list' &&
    shape.item.kind === 'union' &&
    shape.item.options.some((o) => keysOf(o).includes('setFlag'))
  )
}

/** True when a list holds score lines (a meter line or a condition line). */
export function isScoreTermList(shape: Shape): boolean {
  return (
    shape.kind === 'list' &&
    shape.item.kind === 'union' &&
    shape.item.options.some((o) => keysOf(o).includes('points'))
  )
}
