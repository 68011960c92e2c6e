import {
  type Document,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
} from 'yaml'
import { type DocPath, formatPath, PROBLEM_CODES, type Problem, type ProblemCode } from './problems.ts'

/** A scenario file's text is refused past this size, before any parsing. */
export const MAX_FILE_BYTES = 1_000_000
/** Nesting deeper than this is refused: no honest scenario needs it, and it guards the recursion below. */
export const MAX_DEPTH = 64

/** A parsed YAML document that can say where any path of it stands in the file. */
export interface ParsedFile {
  file: string
  doc: Document.Parsed | null
  data: unknown
  problems: Problem[]
  /** Builds a problem placed at `path` (or at its nearest existing parent). */
  problem: (code: ProblemCode, message: string, path?: DocPath, severity?: Problem['severity']) => Problem
  /** Like `problem`, but placed at the key that ends `path` rather than at its value. */
  problemAtKey: (code: ProblemCode, message: string, path: DocPath) => Problem
}

/**
 * Parses YAML keeping the position of every node, and turns syntax errors, duplicate keys and oversized or
 * overly deep documents into problems. Never throws.
 */
export function parseScenarioText(text: string, file: string): ParsedFile {
  const lines = new LineCounter()
  let doc: Document.Parsed | null = null
  const problems: Problem[] = []
  const at = (offset: number) => {
    const pos = lines.linePos(offset)
    return { line: pos.line, column: pos.col }
  }
  const locate = (path: DocPath): number => {
    if (!doc) return 0
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true)
      if (isNode(node) && node.range) return node.range[0]
      if (isPair(node) && isNode(node.key) && node.key.range) return node.key.range[0]
    }
    return doc.contents?.range?.[0] ?? 0
  }
  const problem: ParsedFile['problem'] = (code, message, path = [], severity) => ({
    severity: severity ?? PROBLEM_CODES[code][0],
    code,
    message,
    fix: PROBLEM_CODES[code][1],
    file,
    ...at(locate(path)),
    path: formatPath(path),
  })
  const problemAtKey: ParsedFile['problemAtKey'] = (code, message, path) => {
    const parent = doc?.getIn(path.slice(0, -1), true)
    const pair = isMap(parent)
      ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1))
      : null
    const start = isScalar(pair?.key) ? pair.key.range?.[0] : undefined
    const placed = problem(code, message, path)
    return start === undefined ? placed : { ...placed, ...at(start) }
  }
  const result: ParsedFile = { file, doc, data: undefined, problems, problem, problemAtKey }
  if (text.length > MAX_FILE_BYTES) {
    problems.push(
      problem('FILE_TOO_LARGE', `The file has ${text.length} characters; the limit is ${MAX_FILE_BYTES}`),
    )
    return result
  }
  doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  result.doc = doc
  for (const e of doc.errors) {
    const code: ProblemCode = e.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : 'YAML_SYNTAX'
    const message =
      code === 'YAML_DUPLICATE_KEY'
        ? `The key "${keyAt(text, e.pos[0])}" appears twice in this mapping`
        : firstLine(e.message)
    problems.push({ ...problem(code, message), ...at(e.pos[0]) })
  }
  if (problems.length) return result
  if (depthOf(doc.contents, 0) > MAX_DEPTH) {
    problems.push(problem('YAML_TOO_DEEP', `The document nests more than ${MAX_DEPTH} levels deep`))
    return result
  }
  try {
    result.data = doc.toJS({ maxAliasCount: 100 })
  } catch (e) {
    problems.push(problem('YAML_SYNTAX', firstLine(e instanceof Error ? e.message : String(e))))
  }
  return result
}

/** The key written at `offset`, for messages about it. */
function keyAt(text: string, offset: number): string {
  return (text.slice(offset).split(/[:\n]/)[0] ?? '').trim().replace(/^["']|["']$/g, '')
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '')
}

function depthOf(node: unknown, depth: number): number {
  if (depth > MAX_DEPTH || !isCollection(node)) return depth
  let max = depth
  for (const item of node.items) {
    const child = isPair(item) ? item.value : item
    max = Math.max(max, depthOf(child, depth + 1))
    if (max > MAX_DEPTH) break
  }
  return max
}
