import { isRecord } from './yaml-data.ts'
import { getAt, openDocument, type ScenarioDocument, setAt, toText } from './yaml-doc.ts'

/**
 * Makes a scenario file carry the articles it cites from the game's library, so that it can be shared and
 * played in any copy of the game (issue 13): the file that the studio exports, and that a colleague opens.
 */

/** What `selfContained` gives: the file's new text, and the file names of the articles written into it. */
export interface SelfContained {
  text: string
  /** The `file` of each seed whose article was added, in the order of `seeds`. */
  embedded: string[]
}

/**
 * Adds to every entry of `seeds:` that has no `text:` (or an empty one) and whose `file` is an article of
 * `library` (by file name, as `readSeeds` or the game's bundle gives them) that article's text, written so
 * that it reads back exactly (a literal `|` block, or quotes where a block cannot hold it), keeping every
 * comment and line of the file. The result loads with an empty library: every quote is then checked against
 * the text the file carries. Seeds given as bare file names (format 1) and articles the library lacks are
 * left as they are; a file that does not parse comes back unchanged (the loader reports why).
 */
export function selfContained(text: string, library: Readonly<Record<string, string>>): SelfContained {
  const opened = openDocument(text)
  if (!opened.ok) return { text, embedded: [] }
  let doc: ScenarioDocument = opened.doc
  const seeds = getAt(doc, ['seeds'])
  const embedded: string[] = []
  if (!Array.isArray(seeds)) return { text, embedded }
  seeds.forEach((seed: unknown, index) => {
    if (!isRecord(seed) || typeof seed.file !== 'string') return
    if (seed.text !== undefined && seed.text !== null && seed.text !== '') return
    const article = Object.hasOwn(library, seed.file) ? library[seed.file] : undefined
    if (!article) return
    doc = setAt(doc, ['seeds', index, 'text'], article)
    embedded.push(seed.file)
  })
  return { text: embedded.length ? toText(doc) : text, embedded }
}
