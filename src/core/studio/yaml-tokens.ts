import { CST } from 'yaml'

/**
 * Small operations on the concrete-syntax tokens of yaml's parser (`CST`), for the editor in `yaml-cst.ts`.
 * Tokens are never changed in place: every operation returns new objects, so that the tokens of an earlier
 * version of a document stay as they were and are shared with the later ones.
 */

/** An entry of a block collection (its `start`, `key`, `sep` and `value` tokens). */
export interface Item {
  start: CST.SourceToken[]
  explicitKey?: true
  key?: CST.Token | null
  sep?: CST.SourceToken[]
  value?: CST.Token
}
/** A block mapping or list, with its entries typed loosely (yaml types them apart; the edits need not). */
export interface Block {
  type: 'block-map' | 'block-seq'
  offset: number
  indent: number
  items: Item[]
}
export type Source = CST.SourceToken

const TRIVIA = new Set(['space', 'comment', 'newline'])
const FLOW_SCALARS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'alias'])

export const newline = (indent = 0): Source => ({ type: 'newline', offset: -1, indent, source: '\n' })
export const space = (width: number): Source => ({
  type: 'space',
  offset: -1,
  indent: 0,
  source: ' '.repeat(width),
})

/** Whether an item of a collection is an entry, not the comments that close the collection. */
export function isEntry(block: Block, item: Item): boolean {
  return block.type === 'block-map'
    ? item.key !== undefined || item.sep !== undefined
    : item.start.some((t) => t.type === 'seq-item-ind')
}

/** The key of a mapping entry as the data has it; null for a key that is not a plain or quoted text. */
export function keyOf(item: Item): string | null {
  const key = item.key
  if (
    !key ||
    !(key.type === 'scalar' || key.type === 'single-quoted-scalar' || key.type === 'double-quoted-scalar')
  )
    return null
  return CST.resolveAsScalar(key, false, () => undefined)?.value ?? null
}

/**
 * Where the tokens before a collection's first entry (a key's `sep`, a list entry's `start`, a document's
 * `start`) stop belonging to the line of the key or dash: just after the first line break that follows it.
 * The tokens from there on (comment lines above the first entry, its indentation) belong to the first entry.
 * -1 when the first entry stands on the key's or dash's own line (`- id: a`): a compact collection.
 */
export function splitPoint(prefix: readonly Source[]): number {
  let last = -1
  prefix.forEach((t, i) => {
    if (!TRIVIA.has(t.type)) last = i
  })
  if (last < 0) return 0
  for (let i = last + 1; i < prefix.length; i++) if (prefix[i]?.type === 'newline') return i + 1
  return -1
}

/**
 * In a compact collection the first entry shares the line of its dash and has no indentation of its own, and
 * every later one has. After entries were removed or moved, gives the first one's indentation up and the
 * others theirs, so that every entry still starts at the collection's column.
 */
export function fixCompact<T extends Block>(block: T, compact: boolean): T {
  if (!compact) return block
  const items = block.items.map((item, i) => {
    const [first, second] = item.start
    if (i === 0)
      return first?.type === 'space' && second?.type !== 'comment' && second?.type !== 'newline'
        ? { ...item, start: item.start.slice(1) }
        : item
    return block.indent > 0 && !(first && TRIVIA.has(first.type))
      ? { ...item, start: [space(block.indent), ...item.start] }
      : item
  })
  return { ...block, items }
}

/** The item, ending with a line break (only the last line of a file can lack one), so that one can follow it. */
export function terminated(item: Item): Item {
  if (item.value) {
    const value = terminatedToken(item.value)
    return value === item.value ? item : { ...item, value }
  }
  if (item.sep) return item.sep.at(-1)?.type === 'newline' ? item : { ...item, sep: [...item.sep, newline()] }
  return item.start.at(-1)?.type === 'newline' ? item : { ...item, start: [...item.start, newline()] }
}

function terminatedToken(token: CST.Token): CST.Token {
  if (FLOW_SCALARS.has(token.type)) {
    const t = token as CST.FlowScalar
    return t.end?.at(-1)?.type === 'newline' ? t : { ...t, end: [...(t.end ?? []), newline(t.indent)] }
  }
  switch (token.type) {
    case 'block-scalar':
      if (token.source === '')
        return token.props.at(-1)?.type === 'newline'
          ? token
          : { ...token, props: [...token.props, newline()] }
      return token.source.endsWith('\n') ? token : { ...token, source: `${token.source}\n` }
    case 'flow-collection':
      return token.end.at(-1)?.type === 'newline' ? token : { ...token, end: [...token.end, newline()] }
    case 'block-map':
    case 'block-seq': {
      const items: Item[] = [...token.items]
      const last = items.at(-1)
      if (!last) return token
      items[items.length - 1] = terminated(last)
      return { ...token, items } as CST.Token
    }
    default:
      return token
  }
}

/**
 * The comment written after an entry's value on its line (`deterrence: 7  # why seven`), with the spaces
 * before it; empty when there is none.
 */
export function inlineComment(item: Item, place: 'pair' | 'seq' | 'root'): Source[] {
  const value = item.value
  let after: readonly Source[] | undefined
  if (value && FLOW_SCALARS.has(value.type)) after = (value as CST.FlowScalar).end
  else if (value?.type === 'block-scalar') after = value.props.slice(1) as Source[]
  else if (value?.type === 'flow-collection') after = value.end.slice(1)
  else if (place === 'pair') after = item.sep?.slice(1)
  const found: Source[] = []
  for (const t of after ?? []) {
    if (t.type === 'newline') break
    if (t.type !== 'space' && t.type !== 'comment') return []
    found.push(t)
  }
  let end = found.length
  while (end > 0 && found[end - 1]?.type !== 'comment') end--
  return found.slice(0, end)
}

/** Writes the comment of `inlineComment` after the (new) value of `item`, where its kind of value has it. */
export function withInlineComment(item: Item, place: 'pair' | 'seq' | 'root', comment: Source[]): Item {
  if (!comment.length) return item
  const spaced = comment[0]?.type === 'space' ? comment : [space(1), ...comment]
  const value = item.value
  if (value && FLOW_SCALARS.has(value.type)) {
    const v = value as CST.FlowScalar
    return { ...item, value: { ...v, end: [...spaced, ...(v.end ?? [])] } }
  }
  if (value?.type === 'block-scalar')
    return {
      ...item,
      value: { ...value, props: [...value.props.slice(0, 1), ...spaced, ...value.props.slice(1)] },
    }
  if (value?.type === 'flow-collection')
    return { ...item, value: { ...value, end: [...value.end.slice(0, 1), ...spaced, ...value.end.slice(1)] } }
  if (place === 'pair' && item.sep)
    return { ...item, sep: [...item.sep.slice(0, 1), ...spaced, ...item.sep.slice(1)] }
  return item
}
