import { CST, Parser } from 'yaml'
import { parseScenarioText } from '../scenario/load/parse.ts'
import type { Problem } from '../scenario/load/problems.ts'
import { editItem, type Move } from './yaml-cst.ts'
import { type DocPath, freezeDeep, getIn, moved, PathError, plainCopy, removeIn, setIn } from './yaml-data.ts'
import { generate, type Layout, survey } from './yaml-snippet.ts'
import { newline } from './yaml-tokens.ts'

/**
 * A scenario file open in the studio: its data, read as the loader reads it, and the file's own tokens, so
 * that a file written by hand saves back with its comments and layout. `toText(openDocument(x).doc) === x`
 * for any file that opens; an edit rewrites only the lines of the entries whose data changed (see
 * `yaml-cst.ts` for how comments follow entries). Documents are immutable: every edit returns a new one and
 * the old one stays valid, sharing all but the changed path (an edit and `toText` take a few milliseconds
 * on the largest shipped file), so the studio keeps earlier versions as its history at little cost.
 */

export { type DocPath, type Key, PathError } from './yaml-data.ts'

/** An open scenario file. Read it with `getAt` and `toText`; its fields are this module's business. */
export interface ScenarioDocument {
  /** The file's data as frozen plain values (what `getAt(doc, [])` returns). */
  readonly data: unknown
  readonly tokens: readonly CST.Token[]
  readonly layout: Layout
  /** The file uses anchors, aliases or tags: its data is read from its text again after each edit. */
  readonly linked: boolean
  readonly file: string
}

/**
 * What `openDocument` gives: the document, with the parser's warnings; or, for a file that does not parse
 * or is refused for its size, depth or keys (the same checks, codes and messages as the loader), no document
 * and the problems.
 */
export type OpenResult =
  | { ok: true; doc: ScenarioDocument; problems: Problem[] }
  | { ok: false; problems: Problem[] }

/** Opens YAML text for editing. Never throws; a file the loader's parser refuses is reported, not opened. */
export function openDocument(text: string, file = 'scenario.yaml'): OpenResult {
  const parsed = parseScenarioText(text, file)
  if (parsed.problems.some((p) => p.severity === 'error')) return { ok: false, problems: parsed.problems }
  try {
    const tokens = Array.from(new Parser().parse(text))
    const { layout, linked } = survey(tokens)
    return {
      ok: true,
      doc: make(tokens, freezeDeep(parsed.data), layout, linked, file),
      problems: parsed.problems,
    }
  } catch (e) {
    // Not expected once the loader's parser accepted the text; reported the loader's way all the same.
    const message = e instanceof Error ? e.message : String(e)
    return { ok: false, problems: [parsed.problem('YAML_SYNTAX', `The file could not be read: ${message}`)] }
  }
}

/** The value at `path` as plain frozen data (do not change it: copy it), or undefined when there is none. */
export function getAt(doc: ScenarioDocument, path: DocPath): unknown {
  return getIn(doc.data, path)
}

/**
 * The document with `value` (plain data: texts, numbers, booleans, null, lists, plain objects) at `path`.
 * Missing parents are created as mappings; a list index may be the list's length (a new last entry).
 * Setting undefined removes the value. An object or list set over another is reconciled with it: entries
 * that stay the same keep their text and comments. Throws a PathError when the path does not fit the
 * document (through a single value, past the end of a list) and a TypeError for a value YAML cannot hold.
 */
export function setAt(doc: ScenarioDocument, path: DocPath, value: unknown): ScenarioDocument {
  if (value === undefined) return removeAt(doc, path)
  return edit(doc, path, setIn(doc.data, path, plainCopy(value)))
}

/** The document without the value at `path` (a list closes up; its comments above it go with it). */
export function removeAt(doc: ScenarioDocument, path: DocPath): ScenarioDocument {
  if (path.length === 0) throw new PathError('The whole document cannot be removed')
  if (getAt(doc, path) === undefined) return doc
  return edit(doc, path.slice(0, -1), removeIn(doc.data, path))
}

/**
 * The document with `value` added at the end of the list at `listPath` (created when missing or null), and
 * the new entry's index. A list written on one line (`[a, b]`) stays on one line.
 */
export function appendTo(
  doc: ScenarioDocument,
  listPath: DocPath,
  value: unknown,
): { doc: ScenarioDocument; index: number } {
  const list = getAt(doc, listPath)
  if (list === undefined || list === null) return { doc: setAt(doc, listPath, [value]), index: 0 }
  if (!Array.isArray(list)) throw new PathError(`"${listPath.join('.')}" is not a list`)
  return { doc: setAt(doc, [...listPath, list.length], value), index: list.length }
}

/** The document with the entry at `from` of the list at `listPath` moved to index `to`, with its comments. */
export function moveIn(doc: ScenarioDocument, listPath: DocPath, from: number, to: number): ScenarioDocument {
  const list = getAt(doc, listPath)
  if (!Array.isArray(list)) throw new PathError(`"${listPath.join('.')}" is not a list`)
  const valid = (i: number) => Number.isInteger(i) && i >= 0 && i < list.length
  if (!valid(from) || !valid(to))
    throw new PathError(`The list "${listPath.join('.')}" has ${list.length} entries`)
  if (from === to) return doc
  return edit(doc, listPath, setIn(doc.data, listPath, moved(list, from, to)), { from, to })
}

const texts = new WeakMap<ScenarioDocument, string>()

/** The document's YAML text: the file as it was opened, with the edits made since. */
export function toText(doc: ScenarioDocument): string {
  let text = texts.get(doc)
  if (text === undefined) {
    text = doc.tokens.map((t) => CST.stringify(t)).join('')
    texts.set(doc, text)
  }
  return text
}

function make(
  tokens: readonly CST.Token[],
  data: unknown,
  layout: Layout,
  linked: boolean,
  file: string,
): ScenarioDocument {
  return Object.freeze({ data, tokens: Object.freeze(tokens), layout, linked, file })
}

/** Rewrites the tokens along `path` so that they hold `next`: the new data of the whole file. */
function edit(doc: ScenarioDocument, path: DocPath, next: unknown, move?: Move): ScenarioDocument {
  const tokens = [...doc.tokens]
  const at = tokens.findIndex((t) => t.type === 'document')
  if (at < 0) {
    // A file of comments only, or nothing: the data becomes its document, after the comments.
    const root = generate('root', undefined, next, 0, {}, doc.layout)
    const last = tokens.at(-1)
    if (last && last.type !== 'newline') tokens.push(newline())
    tokens.push({ type: 'document', offset: -1, start: root.start, value: root.value })
  } else {
    const yamlDocument = tokens[at] as CST.Document
    const root = { start: yamlDocument.start, value: yamlDocument.value }
    const edited = editItem(root, 'root', undefined, doc.data, next, path, move, 0, doc.layout)
    tokens[at] = { ...yamlDocument, start: edited.start, value: edited.value }
  }
  const result = make(tokens, next, doc.layout, doc.linked, doc.file)
  if (!doc.linked) return result
  // An anchor's edit shows wherever it is aliased: read the data from the new text, as the loader will.
  const reread = parseScenarioText(toText(result), doc.file)
  if (reread.problems.some((p) => p.severity === 'error'))
    throw new PathError(
      `This edit cannot be made in a file that uses anchors: ${reread.problems[0]?.message}`,
    )
  return make(tokens, freezeDeep(reread.data), doc.layout, doc.linked, doc.file)
}
