import { defaultCondition } from './condition-model.ts'
import { idsIn, uniqueId } from './ids.ts'
import type { Shape } from './schema-walk.ts'

/**
 * What a new element starts as: the fields the format requires, each empty or at its lowest allowed value
 * (the checker then shows, at each empty field, that it needs filling), and none of the optional ones, so
 * that the file stays as short as a hand-written one.
 */

/** The keys under which an element carries the name it is known by, in the order they are looked for. */
export const NAME_KEYS = ['name', 'title', 'label', 'text'] as const

/** The key of the field that names an element of this shape (`name`, `title`…), if it has one. */
export function nameKeyOf(item: Shape): string | undefined {
  if (item.kind !== 'object') return undefined
  return NAME_KEYS.find((key) => item.fields.some((f) => f.key === key && f.shape.kind === 'text'))
}

/** True when elements of this shape carry an `id` of their own. */
export function hasId(item: Shape): boolean {
  return item.kind === 'object' && item.fields.some((f) => f.key === 'id')
}

/** A new value of `shape`: required fields only, texts empty, numbers at their least, lists empty. */
export function blankOf(shape: Shape, data: unknown): unknown {
  switch (shape.kind) {
    case 'text':
      return ''
    case 'number':
      return shape.min ?? 0
    case 'boolean':
      return false
    case 'enum':
      return shape.options[0] ?? ''
    case 'literal':
      return shape.value
    case 'object':
      return Object.fromEntries(
        shape.fields.filter((f) => !f.shape.optional).map((f) => [f.key, blankOf(f.shape, data)]),
      )
    case 'list':
      return []
    case 'record':
      return {}
    case 'union':
      return shape.options[0] ? blankOf(shape.options[0], data) : {}
    case 'condition':
      return defaultCondition(data)
    case 'unknown':
      return null
  }
}

/**
 * A new entry for a list of `item`s, named `name` (what the author typed), with an id made from the name that
 * no entry of `existing` has yet (from `fallback`, such as "side", when the name gives none).
 */
export function newEntry(
  item: Shape,
  name: string,
  existing: unknown,
  data: unknown,
  fallback = 'item',
): unknown {
  const entry = blankOf(item, data)
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return entry
  const named: Record<string, unknown> = { ...entry }
  const nameKey = nameKeyOf(item)
  if (nameKey && name !== '') named[nameKey] = name
  if (hasId(item)) named.id = uniqueId(name, idsIn(existing), fallback)
  return named
}
