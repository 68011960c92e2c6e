import type { CST } from 'yaml'
import { isRecord, type Key } from './yaml-data.ts'
import { editFlow, growsLong, rewriteFlow } from './yaml-flow.ts'
import { generate, type Hint, type Layout, type Place } from './yaml-snippet.ts'
import {
  type Block,
  fixCompact,
  type Item,
  inlineComment,
  isEntry,
  keyOf,
  splitPoint,
  terminated,
  withInlineComment,
} from './yaml-tokens.ts'

/**
 * Edits the concrete-syntax tokens of a YAML file so that they hold new data, touching only the entries whose
 * data changed: every other entry keeps its tokens, and so its text, its comments and its blank lines, byte
 * for byte. An entry's comments are the lines above it (and the comment after its value on its line): they
 * go with it when it is removed or moved. A changed text or number is written again in the style it had; a
 * one-line `[a, b]` or `{ a: 1 }` stays on one line (`yaml-flow.ts`); a new entry is written in block style
 * at its column (`yaml-snippet.ts`).
 *
 * Where the result differs from what a person would write: comments after the last entry of a list stay at
 * the list's end, below an appended entry, unless yaml's parser reads them as part of that entry (indented
 * as deep as its fields), when they go with it; comments inside a one-line collection written again are
 * lost; a mapping or list emptied of its entries is written `{}` or `[]` and loses the comments it held; a
 * `? key` entry whose value changes is written `key: value`; in a file whose lists stand level with their
 * key, a list inside a new mapping is indented as yaml indents it.
 */

/** An edit at the end of the path: the new data, or the move of a list entry (which data alone cannot tell). */
export interface Move {
  from: number
  to: number
}

/**
 * The item holding the value at `path` below `item` (a mapping entry, a list entry or the document as a
 * `root` item), rewritten so that its value goes from `old` to `next`. The path is followed through the file's
 * block mappings and lists; where it leaves them (a missing key, a one-line collection, a single value), the
 * rest is reconciled with the new data there.
 */
export function editItem(
  item: Item,
  place: Place,
  key: string | undefined,
  old: unknown,
  next: unknown,
  path: readonly Key[],
  move: Move | undefined,
  indent: number,
  layout: Layout,
): Item {
  const value = fits(item.value, old, next)
  if (path.length === 0 && move && value?.type === 'block-seq') {
    const { holder, block, compact } = open(item, place, value)
    return close(holder, fixCompact(moveEntries(block, move), compact))
  }
  if (path.length > 0 && item.value?.type === 'flow-collection' && !growsLong(old, next, layout))
    return { ...item, value: editFlow(item.value, old, next, path) }
  if (path.length === 0 || !value) return reconcile(item, place, key, old, next, indent, layout)
  const { holder, block, compact } = open(item, place, value)
  const head = path[0] as Key
  const at = findEntry(block, head)
  if (at < 0) return reconcile(item, place, key, old, next, indent, layout)
  const isMap = block.type === 'block-map'
  const child = (data: unknown) => (data as Record<Key, unknown>)[isMap ? String(head) : head]
  const items = [...block.items]
  items[at] = editItem(
    items[at] as Item,
    isMap ? 'pair' : 'seq',
    isMap ? String(head) : undefined,
    child(old),
    child(next),
    path.slice(1),
    move,
    block.indent,
    layout,
  )
  return close(holder, fixCompact({ ...block, items }, compact))
}

/** The token as a block collection, when it is one of the same kind as both versions of its data. */
function fits(token: CST.Token | undefined, old: unknown, next: unknown): Block | null {
  if (token?.type === 'block-map' && isRecord(old) && isRecord(next)) return token as Block
  if (token?.type === 'block-seq' && Array.isArray(old) && Array.isArray(next)) return token as Block
  return null
}

/** The item rewritten to hold `next` instead of `old`, keeping whatever did not change. */
function reconcile(
  item: Item,
  place: Place,
  key: string | undefined,
  old: unknown,
  next: unknown,
  indent: number,
  layout: Layout,
): Item {
  if (Object.is(old, next)) return item
  const oneLine = item.value?.type === 'flow-collection' ? item.value : null
  if (oneLine && next !== null && typeof next === 'object' && !growsLong(old, next, layout))
    return { ...item, value: rewriteFlow(oneLine, next) }
  const value = fits(item.value, old, next)
  if (value) {
    const { holder, block, compact } = open(item, place, value)
    const items =
      block.type === 'block-map'
        ? reconcileMap(block, old as Record<string, unknown>, next as Record<string, unknown>, layout)
        : reconcileSeq(block, old as unknown[], next as unknown[], layout)
    if (items?.some((x) => isEntry(block, x))) return close(holder, fixCompact({ ...block, items }, compact))
  }
  const written = generate(place, key, next, indent, hintFor(item.value, next), layout)
  const comment = inlineComment(item, place)
  let out: Item
  const explicit = item.start.findIndex((t) => t.type === 'explicit-key-ind')
  if (place === 'pair' && explicit >= 0) {
    // `? key` then `: value`: written again as `key: value`, after the comment lines above it.
    let end = explicit
    while (end > 0 && item.start[end - 1]?.type === 'space') end--
    out = { ...written, start: [...item.start.slice(0, end), ...written.start] }
  } else if (place === 'pair') out = { ...written, start: item.start, key: item.key ?? written.key }
  else if (place === 'seq') {
    const dash = item.start.findIndex((t) => t.type === 'seq-item-ind')
    const newDash = written.start.findIndex((t) => t.type === 'seq-item-ind')
    out = { ...written, start: [...item.start.slice(0, dash), ...written.start.slice(newDash)] }
  } else out = { start: item.start, value: written.value }
  return withInlineComment(out, place, comment)
}

function reconcileMap(
  block: Block,
  old: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
  layout: Layout,
): Item[] {
  const items: Item[] = []
  const seen = new Set<string>()
  let last = -1
  for (const item of block.items) {
    const key = isEntry(block, item) ? keyOf(item) : null
    if (key !== null && seen.has(key)) continue
    if (key !== null) seen.add(key)
    if (key !== null && (!Object.hasOwn(next, key) || next[key] === undefined)) continue
    items.push(key === null ? item : reconcile(item, 'pair', key, old[key], next[key], block.indent, layout))
    if (isEntry(block, item)) last = items.length - 1
  }
  const added = Object.keys(next)
    .filter((k) => !seen.has(k) && next[k] !== undefined)
    .map((k) => generate('pair', k, next[k], block.indent, {}, layout))
  return insertAfter(items, last, added)
}

/**
 * Pairs the new list with the old one: an entry whose data is the very same value as an old one keeps that
 * entry (in order), so that removing or inserting an entry leaves the others untouched; an entry between
 * such pairs rewrites the old entry at its place, if any; the rest are new entries, and old entries left
 * unpaired are removed. Null when the list cannot be reconciled.
 */
function reconcileSeq(
  block: Block,
  old: readonly unknown[],
  next: readonly unknown[],
  layout: Layout,
): Item[] | null {
  const entries = block.items.filter((item) => isEntry(block, item))
  // The file and its data disagree (they never should): the list is written again whole.
  if (entries.length !== old.length) return null
  const closing = block.items.filter((item) => !isEntry(block, item))
  const same: Array<number | undefined> = []
  let from = 0
  next.forEach((value, j) => {
    for (let i = from; i < old.length; i++)
      if (Object.is(old[i], value)) {
        same[j] = i
        from = i + 1
        return
      }
  })
  const items: Item[] = []
  let cursor = 0
  next.forEach((value, j) => {
    const exact = same[j]
    if (exact !== undefined) {
      items.push(entries[exact] as Item)
      cursor = exact + 1
      return
    }
    const bound = same.slice(j + 1).find((x) => x !== undefined) ?? old.length
    const entry = cursor < bound ? entries[cursor] : undefined
    if (entry) items.push(reconcile(entry, 'seq', undefined, old[cursor++], value, block.indent, layout))
    else items.push(generate('seq', undefined, value, block.indent, {}, layout))
  })
  return [...items.map((item, i) => (i < items.length - 1 ? terminated(item) : item)), ...closing]
}

function insertAfter(items: Item[], last: number, added: Item[]): Item[] {
  if (!added.length) return items
  const out = [...items]
  if (last >= 0) out[last] = terminated(out[last] as Item)
  out.splice(last + 1, 0, ...added)
  return out
}

function moveEntries(block: Block, { from, to }: Move): Block {
  const entries = block.items.filter((item) => isEntry(block, item))
  const [entry] = entries.splice(from, 1)
  if (!entry) return block
  entries.splice(to, 0, entry)
  const items = [
    ...entries.map((item, i) => (i < entries.length - 1 ? terminated(item) : item)),
    ...block.items.filter((item) => !isEntry(block, item)),
  ]
  return { ...block, items }
}

/** The index in `items` of the entry for `head` (a key, or the n-th entry of a list); -1 when missing. */
function findEntry(block: Block, head: Key): number {
  let n = 0
  for (let i = 0; i < block.items.length; i++) {
    const item = block.items[i] as Item
    if (!isEntry(block, item)) continue
    if (block.type === 'block-map' ? keyOf(item) === String(head) : n++ === head) return i
  }
  return -1
}

/**
 * Copies an item and its block collection so that the collection's first entry holds its own lines (see
 * `splitPoint`): then every entry can be removed or moved with exactly the lines that are its own.
 */
function open(item: Item, place: Place, value: Block): { holder: Item; block: Block; compact: boolean } {
  const prefix = (place === 'pair' ? item.sep : item.start) ?? []
  const cut = splitPoint(prefix)
  const first = value.items[0]
  if (cut < 0 || cut >= prefix.length || !first) return { holder: item, block: value, compact: cut < 0 }
  const items = [{ ...first, start: [...prefix.slice(cut), ...first.start] }, ...value.items.slice(1)]
  const kept = prefix.slice(0, cut)
  const holder = place === 'pair' ? { ...item, sep: kept } : { ...item, start: kept }
  return { holder, block: { ...value, items }, compact: false }
}

function close(holder: Item, block: Block): Item {
  return { ...holder, value: block as CST.Token }
}

/** How the replaced text was written, for the new one: plain, quoted, or a `|` or `>` block. */
function hintFor(token: CST.Token | undefined, next: unknown): Hint {
  // A text with line breaks is written as a literal block (`|`), which shows them as they are.
  if (typeof next !== 'string' || next.includes('\n')) return {}
  switch (token?.type) {
    case 'scalar':
      return { type: 'PLAIN' }
    case 'single-quoted-scalar':
      return { type: 'QUOTE_SINGLE' }
    case 'double-quoted-scalar':
      return { type: 'QUOTE_DOUBLE' }
    case 'block-scalar': {
      const header = token.props[0]
      return {
        type:
          header?.type === 'block-scalar-header' && header.source.startsWith('>')
            ? 'BLOCK_FOLDED'
            : 'BLOCK_LITERAL',
      }
    }
    default:
      return {}
  }
}
