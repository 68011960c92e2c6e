import { type Document, isAlias, isMap, isScalar, isSeq, type Node } from 'yaml'
import { LIMITS, RESERVED_KEYS } from '../limits.ts'
import { type DocPath, type ProblemCode, shown } from './problems.ts'

/** A problem found by `inspectDocument`, placed at a character offset of the file. */
export interface Finding {
  code: ProblemCode
  message: string
  offset: number
  path: DocPath
}

/** Past this many findings the walk stops: a file this broken needs no longer list to be fixed. */
const MAX_FINDINGS = 20

/**
 * Walks a parsed YAML document before it is turned into data, and reports what a file from an unknown source
 * could use to exhaust the loader or to reach an object's prototype: nesting, node, alias, text and list
 * limits (see `limits.ts`), keys such as `__proto__`, and keys that appear twice in a mapping (checked here
 * with a set per mapping; yaml's own check compares every pair of keys, which is slow on huge mappings).
 * The recursion is bounded by the depth limit. Never throws.
 */
export function inspectDocument(doc: Document.Parsed): Finding[] {
  const found: Finding[] = []
  let nodes = 0
  let aliases = 0
  let stop = false
  const report = (code: ProblemCode, message: string, node: Node | null, path: DocPath, fatal = false) => {
    found.push({ code, message, offset: node?.range?.[0] ?? 0, path })
    if (fatal || found.length >= MAX_FINDINGS) stop = true
  }

  const walk = (node: unknown, depth: number, path: DocPath): void => {
    if (stop || node === null || node === undefined) return
    nodes++
    if (nodes > LIMITS.nodes) {
      report(
        'YAML_TOO_MANY_NODES',
        `The document holds more than ${LIMITS.nodes} values`,
        node as Node,
        path,
        true,
      )
      return
    }
    if (isAlias(node)) {
      aliases++
      if (aliases > LIMITS.aliases)
        report(
          'YAML_TOO_MANY_ALIASES',
          `The document uses more than ${LIMITS.aliases} aliases`,
          node,
          path,
          true,
        )
      return
    }
    if (isScalar(node)) {
      const limit = textLimit(path)
      if (typeof node.value === 'string' && node.value.length > limit)
        report(
          'STRING_TOO_LONG',
          `This text has ${node.value.length} characters; the limit is ${limit}`,
          node,
          path,
        )
      return
    }
    if (!isMap(node) && !isSeq(node)) return
    if (depth > LIMITS.depth) {
      report('YAML_TOO_DEEP', `The document nests more than ${LIMITS.depth} levels deep`, node, path, true)
      return
    }
    if (node.items.length > LIMITS.entries) {
      const what = isMap(node) ? 'group of fields' : 'list'
      report(
        'LIST_TOO_LONG',
        `This ${what} has ${node.items.length} entries; the limit for any ${what} is ${LIMITS.entries}`,
        node,
        path,
        true,
      )
      return
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, depth + 1, [...path, i])
      })
      return
    }
    const seen = new Set<string>()
    for (const pair of node.items) {
      if (stop) return
      walk(pair.key, depth + 1, path)
      const name = keyName(doc, pair.key)
      const key = (isScalar(pair.key) || isAlias(pair.key) ? pair.key : node) as Node
      if (name !== null && RESERVED_KEYS.has(name))
        report('RESERVED_KEY', `The key "${name}" is not allowed`, key, [...path, name])
      else if (name !== null && seen.has(name))
        report(
          'YAML_DUPLICATE_KEY',
          `The key "${shown(name)}" appears twice in this group of fields`,
          key,
          path,
        )
      if (name !== null) seen.add(name)
      walk(pair.value, depth + 1, name === null ? path : [...path, name])
    }
  }

  walk(doc.contents, 0, [])
  return found
}

/** The key as the data will spell it, for a plain key or an alias to one; null for a mapping or list used as key. */
function keyName(doc: Document.Parsed, key: unknown): string | null {
  const node = isAlias(key) ? key.resolve(doc) : key
  if (!isScalar(node)) return null
  return String(node.value)
}

/**
 * The longest text allowed at `path`: an article's text carried by the scenario and the stage's image may be
 * longer than any other text (their own limits are checked by the schema).
 */
function textLimit(path: DocPath): number {
  if (path.length === 3 && path[0] === 'seeds' && path[2] === 'text') return LIMITS.articleText
  if (path.length === 2 && path[0] === 'stage' && path[1] === 'image')
    return Math.ceil((LIMITS.stageImageBytes * 4) / 3) + 100
  return LIMITS.textLength
}
