import { type CST, Document, isScalar, Parser, type Scalar, type YAMLSeq } from 'yaml'
import { isRecord, type Key } from './yaml-data.ts'
import type { Layout } from './yaml-snippet.ts'
import { keyOf } from './yaml-tokens.ts'

/**
 * Edits inside one-line collections (`requires: { sum: deterrence, atLeast: 10 }`, `tags: [a, b]`), which the
 * shipped files use everywhere: a changed text or number inside one replaces only its own characters; a
 * collection whose entries change is written again on one line, with or without spaces inside its brackets
 * as it had them, and whatever followed it on its line (a comment) is kept.
 */

const SCALARS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'alias'])

/** The flow collection `token`, rewritten so that its data goes from `old` to `next` along `path`. */
export function editFlow(
  token: CST.FlowCollection,
  old: unknown,
  next: unknown,
  path: readonly Key[],
): CST.Token {
  const head = path[0]
  if (head === undefined || !sameKind(token, old, next)) return rewriteFlow(token, next)
  const isMap = token.start.source === '{'
  const at = findFlowEntry(token, head, isMap)
  const child = (data: unknown) => (data as Record<Key, unknown>)[isMap ? String(head) : head]
  const item = token.items[at]
  if (!item?.value || child(next) === undefined) return rewriteFlow(token, next)
  const value = item.value
  let edited: CST.Token | null = null
  if (value.type === 'flow-collection') edited = editFlow(value, child(old), child(next), path.slice(1))
  else if (path.length === 1 && SCALARS.has(value.type))
    edited = flowScalar(value as CST.FlowScalar, child(next))
  if (!edited) return rewriteFlow(token, next)
  const items = [...token.items]
  items[at] = { ...item, value: edited }
  return { ...token, items } as CST.FlowCollection
}

/** The collection written again whole with `next` (on one line), keeping what followed it on its line. */
export function rewriteFlow(token: CST.FlowCollection, next: unknown): CST.Token {
  const first = token.items[0]?.start[0]
  // As written, or else as Prettier writes them: `[a, b]` and `{ a: 1 }`.
  const padding = first ? first.type === 'space' : token.start.source === '{'
  const written = flowValue(next, padding, undefined)
  if (written.type !== 'flow-collection') return { ...written, end: token.end.slice(1) } as CST.Token
  return { ...written, end: [...written.end.slice(0, 1), ...token.end.slice(1)] }
}

/** A text or number inside a flow collection, replaced in the style it had (null when `next` is no scalar). */
function flowScalar(token: CST.FlowScalar, next: unknown): CST.Token | null {
  if (next !== null && typeof next === 'object') return null
  const type: Scalar.Type | undefined =
    typeof next !== 'string'
      ? undefined
      : token.type === 'single-quoted-scalar'
        ? 'QUOTE_SINGLE'
        : token.type === 'double-quoted-scalar'
          ? 'QUOTE_DOUBLE'
          : 'PLAIN'
  const written = flowValue(next, false, type) as CST.FlowScalar
  return { ...written, end: token.end }
}

/**
 * Writes `value` as an entry of a one-line collection and returns its token. The outermost collection has
 * spaces inside its brackets or not as `padding` says; those inside it are written as Prettier writes them.
 */
function flowValue(value: unknown, padding: boolean, type: Scalar.Type | undefined): CST.Token {
  const text = `[${flowText(value, padding, type)}]\n`
  const parsed = Array.from(new Parser().parse(text)).find((t) => t.type === 'document') as CST.Document
  const wrapper = parsed.value as CST.FlowCollection
  return wrapper.items[0]?.value as CST.Token
}

/** `padding` undefined: as Prettier writes them, `[a, b]` and `{ a: 1 }`. */
function flowText(value: unknown, padding?: boolean, type?: Scalar.Type, depth = 0): string {
  if (depth > 100) throw new TypeError('The value is nested too deeply to be written')
  if (Array.isArray(value)) {
    const pad = padding ? ' ' : ''
    const inner = value.map((x) => flowText(x, undefined, undefined, depth + 1))
    return inner.length ? `[${pad}${inner.join(', ')}${pad}]` : '[]'
  }
  if (value !== null && typeof value === 'object') {
    const pad = (padding ?? true) ? ' ' : ''
    const inner = Object.entries(value)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${flowScalarText(k)}: ${flowText(x, undefined, undefined, depth + 1)}`)
    return inner.length ? `{${pad}${inner.join(', ')}${pad}}` : '{}'
  }
  return flowScalarText(value, type)
}

/** A text, number, boolean or null as yaml writes it inside a one-line collection (quoted where it must be). */
function flowScalarText(value: unknown, type?: Scalar.Type): string {
  const doc = new Document([value])
  const list = doc.contents as YAMLSeq
  list.flow = true
  const item = list.items[0]
  if (isScalar(item) && type) item.type = type
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 }).slice(1, -2)
}

/**
 * Whether the edit brings a one-line collection its first text with line breaks or longer than a line can
 * comfortably hold (an article's, say): the collection is then written in block style, where the text gets
 * its own lines. A collection the author wrote on one line with such a text stays on one line.
 */
export function growsLong(old: unknown, next: unknown, layout: Layout): boolean {
  return holdsLongText(next, layout) && !holdsLongText(old, layout)
}

function holdsLongText(value: unknown, layout: Layout, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\n') || value.length > layout.foldWidth - 40
  if (value === null || typeof value !== 'object' || depth > 100) return false
  return Object.values(value).some((x) => holdsLongText(x, layout, depth + 1))
}

function sameKind(token: CST.FlowCollection, old: unknown, next: unknown): boolean {
  return token.start.source === '{'
    ? isRecord(old) && isRecord(next)
    : Array.isArray(old) && Array.isArray(next)
}

/** The index in `items` of the entry for `head` (a key, or the n-th entry of a list); -1 when missing. */
function findFlowEntry(token: CST.FlowCollection, head: Key, isMap: boolean): number {
  let n = 0
  for (let i = 0; i < token.items.length; i++) {
    const item = token.items[i] as CST.CollectionItem
    if (isMap ? keyOf(item) === String(head) : item.value !== undefined && n++ === head) return i
  }
  return -1
}
