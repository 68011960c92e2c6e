import { type CST, Document, Parser, type Scalar, visit } from 'yaml'

/**
 * New YAML for an open scenario document (`yaml-doc.ts`): a value the studio writes is stringified by the
 * yaml library (which quotes whatever needs it: a colon, a `#`, a leading `-` or `*`, a text that reads as a
 * number), indented to its place in the file, and parsed back into concrete-syntax tokens that are spliced
 * into the file's own. Also reads the file's layout once, so that new entries look like their neighbours.
 */

/** How a file is laid out, as new entries should be. */
export interface Layout {
  /** Spaces per level of indentation. */
  indentUnit: number
  /** Whether a list under a key is indented (`key:\n  - a`) rather than level with it (`key:\n- a`). */
  indentSeq: boolean
  /** The column where long texts are folded (`>-` blocks). */
  foldWidth: number
}

export const DEFAULT_LAYOUT: Layout = { indentUnit: 2, indentSeq: true, foldWidth: 100 }

/** How the value a new one replaces was written, so that the new one is written the same way. */
export interface Hint {
  /** The style of the text it replaces (plain, quoted, a `|` or `>` block). */
  type?: Scalar.Type
}

/** Where a value goes: under a key of a mapping, as an entry of a list, or as the whole file's value. */
export type Place = 'pair' | 'seq' | 'root'

/**
 * Writes `value` (plain data) at column `indent` as the value of `key` (`pair`), as a list entry (`seq`) or
 * as the document (`root`), and returns its tokens as one collection item: for a pair or an entry, the
 * item with the line's indentation in its `start`; for the root, the document's `start` and `value`.
 * Long texts without line breaks are written as folded blocks (`>-`) at the file's width, as the shipped files
 * write them; texts with line breaks as literal blocks (`|`), which show them as they are. Either way yaml
 * falls back to quotes for a text a block cannot hold exactly.
 */
export function generate(
  place: Place,
  key: string | undefined,
  value: unknown,
  indent: number,
  hint: Hint,
  layout: Layout,
): CST.CollectionItem {
  const doc = new Document(place === 'root' ? value : null, { aliasDuplicateObjects: false })
  if (place === 'pair')
    doc.contents = doc.createNode({ [key ?? '']: value }, { aliasDuplicateObjects: false })
  if (place === 'seq') doc.contents = doc.createNode([value], { aliasDuplicateObjects: false })
  const target =
    place === 'root'
      ? doc.contents
      : place === 'pair'
        ? (doc.contents as { items: Array<{ value: unknown }> }).items[0]?.value
        : (doc.contents as { items: unknown[] }).items[0]
  const longText = Math.max(20, layout.foldWidth - 40)
  visit(doc, {
    Scalar(at, node) {
      const text = node.value
      if (at === 'key' || typeof text !== 'string') return
      if (node === target && hint.type) node.type = hint.type
      else if (text.includes('\n')) node.type = 'BLOCK_LITERAL'
      else if (text.length > longText) node.type = 'BLOCK_FOLDED'
      // yaml writes a text of spaces alone as an empty block, which reads back as "": quote it instead.
      if (node.type?.startsWith('BLOCK') && !/\S/.test(text)) node.type = 'QUOTE_DOUBLE'
    },
  })
  // A text the author kept on one line stays on one line; everything else folds at the file's width.
  const oneLine = hint.type !== undefined && !hint.type.startsWith('BLOCK')
  const written = doc.toString({
    indent: layout.indentUnit,
    indentSeq: layout.indentSeq,
    lineWidth: oneLine ? 0 : Math.max(40, layout.foldWidth - indent),
  })
  // Indented line by line, split on \n alone: a regular expression's ^ would also match after a \u2028.
  const pad = ' '.repeat(indent)
  const lines = written.split('\n').map((line) => (line ? pad + line : line))
  const parsed = Array.from(new Parser().parse(lines.join('\n'))).find(
    (t) => t.type === 'document',
  ) as CST.Document
  if (place === 'root') return { start: parsed.start, value: parsed.value }
  const collection = parsed.value as CST.BlockMap | CST.BlockSequence
  const item = collection.items[0] as CST.CollectionItem
  return { ...item, start: [...parsed.start, ...item.start] }
}

/**
 * The width the author folds long texts at: the median of the longest line of each `>` block (a word too
 * long to fold makes some blocks wider), or the default when the file has no such block.
 */
function foldWidth(widths: number[]): number {
  if (!widths.length) return DEFAULT_LAYOUT.foldWidth
  const median = widths.sort((a, b) => a - b)[Math.floor(widths.length / 2)] as number
  return Math.min(200, Math.max(60, median))
}

/** What the tokens of a file say about it: its layout, and whether it uses anchors, aliases or tags. */
export interface Survey {
  layout: Layout
  /** Anchors (`&a`), aliases (`*a`) or tags (`!!str`): the data of such a file is read again after each edit. */
  linked: boolean
}

/** Reads the layout of a parsed file from its tokens (recursion bounded by the loader's depth limit). */
export function survey(tokens: readonly CST.Token[]): Survey {
  let indentUnit: number | undefined
  let indentSeq: boolean | undefined
  const widths: number[] = []
  let linked = false
  const sources = (list: readonly CST.Token[] | undefined) => {
    for (const t of list ?? []) if (t.type === 'anchor' || t.type === 'tag') linked = true
  }
  const walk = (token: CST.Token | null | undefined, depth: number, parentIndent: number | null): void => {
    if (!token || depth > 200) return
    switch (token.type) {
      case 'document':
        sources(token.start)
        walk(token.value, depth + 1, null)
        return
      case 'alias':
        linked = true
        return
      case 'block-scalar':
        sources(token.props)
        if (token.props[0]?.type === 'block-scalar-header' && token.props[0].source.startsWith('>'))
          widths.push(Math.max(...token.source.split('\n').map((line) => line.trimEnd().length)))
        return
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (token.type === 'block-map' && parentIndent !== null) indentUnit ??= token.indent - parentIndent
        if (token.type === 'block-seq' && parentIndent !== null) indentSeq ??= token.indent > parentIndent
        for (const item of token.items) {
          sources(item.start)
          sources(item.sep)
          walk(item.key, depth + 1, null)
          const under = token.type === 'block-map' && item.sep?.some((t) => t.type === 'newline')
          walk(item.value, depth + 1, under ? token.indent : null)
        }
        return
      default:
        return
    }
  }
  for (const token of tokens) walk(token, 0, null)
  return {
    layout: {
      indentUnit: indentUnit && indentUnit > 0 && indentUnit <= 8 ? indentUnit : DEFAULT_LAYOUT.indentUnit,
      indentSeq: indentSeq ?? DEFAULT_LAYOUT.indentSeq,
      foldWidth: foldWidth(widths),
    },
    linked,
  }
}
