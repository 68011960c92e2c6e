import { BUILT_IN_FLAGS } from '../../../core/rules/scenario-index.ts'

/**
 * Fields that name another element of the scenario by its id (a red line's owner, an instrument's proposers, a
 * statement's speaker, the article a citation quotes…): the forms offer the existing elements by their names
 * instead of asking for an id.
 */

/** What kind of element a field refers to. */
export type RefKind =
  | 'side'
  | 'proposer'
  | 'responder'
  | 'actor'
  | 'seed'
  | 'meter'
  | 'flag'
  | 'tag'
  | 'instrument'

/** One element a reference may name: its id, its name as players see it, and whether the game defines it. */
export interface RefOption {
  id: string
  name: string
  builtIn?: boolean
}

/** Fields holding one id, by their key. */
const SINGLE: Record<string, RefKind> = {
  owner: 'responder',
  side: 'side',
  backedBy: 'side',
  speaker: 'actor',
  seed: 'seed',
  meter: 'meter',
  flag: 'flag',
  setFlag: 'flag',
  clearFlag: 'flag',
  has: 'instrument',
  instrument: 'instrument',
  hasTag: 'tag',
  tag: 'tag',
}

/** Fields holding a list of ids, by their key. */
const MANY: Record<string, RefKind> = {
  proposers: 'proposer',
  settableBy: 'side',
  tags: 'tag',
  instruments: 'instrument',
  excludes: 'instrument',
}

/** The kind of element a field names, from its key and whether it holds one id or a list; none for others. */
export function refKindOf(key: string, many: boolean): RefKind | undefined {
  return (many ? MANY : SINGLE)[key]
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.map(record) : [])
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The sections each kind of reference looks in. */
const SECTION: Record<RefKind, string> = {
  side: 'sides',
  proposer: 'sides',
  responder: 'sides',
  actor: 'actors',
  seed: 'seeds',
  meter: 'meters',
  flag: 'flags',
  tag: 'tags',
  instrument: 'instruments',
}

/**
 * The elements of the scenario (`data`, the whole document) a reference of `kind` may name, in file order: a
 * side's proposers only proposing sides, an owner only the responding side, flags also the game's own. An
 * element without a name is offered by its id; one without an id is skipped.
 */
export function refOptions(data: unknown, kind: RefKind): RefOption[] {
  const entries = list(record(data)[SECTION[kind]]).filter((e) => {
    if (kind === 'proposer') return e.role !== 'responder'
    if (kind === 'responder') return e.role === 'responder'
    return true
  })
  const options = entries
    .map((e) => {
      const id = textOf(kind === 'seed' ? e.file : e.id)
      return { id, name: textOf(kind === 'seed' ? e.title : e.name) || id }
    })
    .filter((o) => o.id !== '')
  if (kind === 'flag') options.push(...BUILT_IN_FLAGS.map((id) => ({ id, name: id, builtIn: true })))
  return options
}

/** The name of the element `id` of `kind` (its id when it has no name or does not exist). */
export function refName(data: unknown, kind: RefKind, id: string): string {
  return refOptions(data, kind).find((o) => o.id === id)?.name ?? id
}
