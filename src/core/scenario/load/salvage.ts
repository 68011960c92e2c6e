import { z } from 'zod'
import { FORMAT_VERSION, ScenarioSchema } from '../schema/scenario.ts'
import type { ParsedFile } from './parse.ts'
import type { DocPath } from './problems.ts'
import { colonText } from './validate.ts'

/** Sections whose elements carry ids that other parts of a scenario refer to. */
const LISTS = [
  'sides',
  'actors',
  'tags',
  'meters',
  'flags',
  'instruments',
  'redLines',
  'preferences',
  'events',
  'endings',
] as const
type List = (typeof LISTS)[number]

/** Stand-ins for top-level fields that failed validation, so that the rest can still be cross-checked. */
const STAND_INS: Record<string, unknown> = {
  formatVersion: FORMAT_VERSION,
  id: 'stand-in',
  title: 'stand-in',
  summary: 'stand-in',
  language: 'en',
  setOn: 'stand-in',
  rounds: 1,
  response: {},
  noPackage: { effects: [] },
  unilateral: { title: 'stand-in', description: 'stand-in' },
  scoring: {},
}

/**
 * The schema a salvaged document is read with: required sections may be empty, since a section that is still
 * missing (a scenario written step by step) is already reported and stands in as an empty list.
 */
export const SalvageSchema = ScenarioSchema.extend({
  sides: z.array(ScenarioSchema.shape.sides.element),
  meters: z.array(ScenarioSchema.shape.meters.element),
  instruments: z.array(ScenarioSchema.shape.instruments.element),
  endings: z.array(ScenarioSchema.shape.endings.element),
})

/** What salvage leaves out: the ids of dropped elements (references to them are not reported again). */
export interface Salvaged {
  data: Record<string, unknown>
  knownIds: Partial<Record<List, Set<string>>>
  /** Sections missing altogether: any id of their kind may be meant, so references to them are not checked. */
  absent: Set<string>
  /** Sections that lost elements: checks on a whole section (roles, endings) are skipped for them. */
  incomplete: Set<string>
  /** The same file, with paths of the salvaged document mapped back to the original's. */
  parsed: ParsedFile
}

/**
 * When a document fails the schema, drops the elements that failed (and stands in for failed top-level
 * fields, and empty lists for missing or malformed sections), so that cross-references, ids and quotes can
 * still be checked and every problem reported at once, even in a file written one section at a time. A text
 * that YAML misread for its unquoted ": " is read as the text it was meant to be, not dropped: dropping the
 * responding side for a colon in its interests would make every red line report a wrong owner. Read the
 * result with `SalvageSchema`. Returns null when there is nothing sensible left to check.
 */
export function salvage(
  parsed: ParsedFile,
  written: Record<string, unknown>,
  found: readonly z.core.$ZodIssue[],
): Salvaged | null {
  let data = written
  const issues: z.core.$ZodIssue[] = []
  for (const issue of found) {
    const path = issue.path as DocPath
    const text =
      issue.code === 'invalid_type' && issue.expected === 'string'
        ? colonText(parsed, path, valueAt(data, path))
        : null
    if (text === null) issues.push(issue)
    else data = withValueAt(data, path, text)
  }
  const drop = new Map<List, Set<number>>()
  const copy: Record<string, unknown> = { ...data }
  const incomplete = new Set<string>()
  const absent = new Set<string>()
  for (const issue of issues) {
    const [head, at] = issue.path
    if (typeof head !== 'string') return null
    const isList = (LISTS as readonly string[]).includes(head)
    if (isList && typeof at === 'number') {
      const set = drop.get(head as List) ?? new Set<number>()
      set.add(at)
      drop.set(head as List, set)
    } else if (head in STAND_INS) {
      copy[head] = STAND_INS[head]
      incomplete.add(head)
    } else if (isList && !Array.isArray(data[head])) {
      // Missing, or not a list at all: nothing of it can be checked, and nothing can be said unknown.
      copy[head] = []
      incomplete.add(head)
      absent.add(head)
    } else if (isList)
      incomplete.add(head) // too short or too long: its entries are still checked
    else delete copy[head]
  }
  const knownIds: Salvaged['knownIds'] = {}
  const maps: Partial<Record<List, number[]>> = {}
  for (const [list, indices] of drop) {
    const original = data[list]
    if (!Array.isArray(original)) return null
    incomplete.add(list)
    knownIds[list] = new Set(
      original.filter((x, i) => indices.has(i) && typeof x?.id === 'string').map((x) => x.id as string),
    )
    maps[list] = original.map((_, i) => i).filter((i) => !indices.has(i))
    copy[list] = original.filter((_, i) => !indices.has(i))
  }
  const remap = (path: DocPath): DocPath => {
    const [head, at, ...rest] = path
    const map = typeof head === 'string' ? maps[head as List] : undefined
    return map && typeof at === 'number' ? [head as string, map[at] ?? at, ...rest] : path
  }
  const problem: ParsedFile['problem'] = (code, message, path, severity) =>
    parsed.problem(code, message, remap(path ?? []), severity)
  return { data: copy, knownIds, absent, incomplete, parsed: { ...parsed, problem } }
}

function valueAt(data: unknown, path: DocPath): unknown {
  let node = data
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[key]
  }
  return node
}

/** A copy of `data` with the value at `path` replaced, sharing everything off the path. */
function withValueAt<T>(data: T, path: DocPath, value: unknown): T {
  const [key, ...rest] = path
  if (key === undefined) return value as T
  const copy = (Array.isArray(data) ? [...data] : { ...(data as object) }) as Record<string | number, unknown>
  copy[key] = withValueAt(copy[key], rest, value)
  return copy as T
}
