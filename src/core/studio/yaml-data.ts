import { RESERVED_KEYS } from '../scenario/limits.ts'

/**
 * The plain-data half of an open scenario document (`yaml-doc.ts`): the values the file holds, as frozen
 * plain objects, arrays and scalars, changed only by copying the path to the change so that every earlier
 * version stays as it was (the studio keeps them as its history) and shares everything else.
 */

/** One step of a path into a document: a key of a mapping or an index of a list. */
export type Key = string | number

/** A path into a document, such as `['sides', 0, 'briefing']`. */
export type DocPath = readonly Key[]

/** A path that does not fit the document: through a text or number, or past the end of a list. */
export class PathError extends Error {
  override name = 'PathError'
}

/** Deeper values than this are refused: the loader refuses files nested past 64 levels anyway. */
const MAX_DEPTH = 100

export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** Freezes a value from the parser in place, with everything it holds. */
export function freezeDeep<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || depth > MAX_DEPTH) return value
  for (const child of Object.values(value)) freezeDeep(child, depth + 1)
  return Object.freeze(value)
}

/**
 * A frozen copy of a value the studio wants written: texts, finite numbers, booleans, null, lists and plain
 * objects. Keys whose value is undefined are left out, as JSON does. Anything else cannot be written as
 * scenario YAML and is refused with a TypeError, as are keys that could reach an object's prototype.
 */
export function plainCopy(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new TypeError('The value is nested too deeply to be written')
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value
    throw new TypeError(`The number ${value} cannot be written in a scenario`)
  }
  if (Array.isArray(value))
    return Object.freeze(
      value.map((x) => {
        if (x === undefined) throw new TypeError('A list cannot hold an empty (undefined) entry')
        return plainCopy(x, depth + 1)
      }),
    )
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) throw new TypeError('Only plain objects can be written')
    const out: Record<string, unknown> = {}
    for (const [key, x] of Object.entries(value)) {
      if (RESERVED_KEYS.has(key)) throw new PathError(`The key "${key}" is reserved`)
      if (x !== undefined) out[key] = plainCopy(x, depth + 1)
    }
    return Object.freeze(out)
  }
  throw new TypeError(`A ${typeof value} cannot be written in a scenario`)
}

/** The value at `path`, or undefined when there is none. */
export function getIn(data: unknown, path: DocPath): unknown {
  let node = data
  for (const key of path) {
    if (Array.isArray(node)) node = typeof key === 'number' ? node[key] : undefined
    else if (isRecord(node) && Object.hasOwn(node, String(key))) node = node[String(key)]
    else return undefined
  }
  return node
}

/**
 * `data` with `value` at `path`, copying only the path. Missing or null parents are created as mappings; a
 * list index may be the list's length (a new last entry). Throws a PathError when the path does not fit.
 */
export function setIn(data: unknown, path: DocPath, value: unknown, depth = 0): unknown {
  if (depth === path.length) return value
  const key = path[depth] as Key
  if (Array.isArray(data)) {
    if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key > data.length)
      throw new PathError(
        `${describe(path, depth)} is a list of ${data.length}; "${key}" is not an index of it`,
      )
    const copy = [...data]
    copy[key] = setIn(data[key], path, value, depth + 1)
    return Object.freeze(copy)
  }
  if (data !== null && data !== undefined && !isRecord(data))
    throw new PathError(`${describe(path, depth)} holds a single value, not a group of fields`)
  if (typeof key === 'number' && !isRecord(data))
    throw new PathError(`${describe(path, depth)} is missing; only groups of fields are created, not lists`)
  const name = String(key)
  if (RESERVED_KEYS.has(name)) throw new PathError(`The key "${name}" is reserved`)
  const record = data ?? {}
  const child = Object.hasOwn(record, name) ? record[name] : undefined
  return Object.freeze({ ...record, [name]: setIn(child, path, value, depth + 1) })
}

/** `data` without the value at `path` (a list closes up); `data` itself when there is nothing there. */
export function removeIn(data: unknown, path: DocPath): unknown {
  if (path.length === 0 || getIn(data, path) === undefined) return data
  const parentPath = path.slice(0, -1)
  const parent = getIn(data, parentPath)
  const key = path[path.length - 1] as Key
  let next: unknown
  if (Array.isArray(parent)) next = Object.freeze(parent.filter((_, i) => i !== key))
  else {
    const copy: Record<string, unknown> = { ...(parent as Record<string, unknown>) }
    delete copy[String(key)]
    next = Object.freeze(copy)
  }
  return setIn(data, parentPath, next)
}

/** A copy of `list` with the entry at `from` moved to `to` (both indices of the list as it is). */
export function moved<T>(list: readonly T[], from: number, to: number): readonly T[] {
  const copy = [...list]
  const [entry] = copy.splice(from, 1)
  copy.splice(to, 0, entry as T)
  return Object.freeze(copy)
}

function describe(path: DocPath, depth: number): string {
  return depth === 0 ? 'The document' : `"${path.slice(0, depth).join('.')}"`
}
