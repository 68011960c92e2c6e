import { type Document, isMap, isNode, isPair, isScalar, Lexer, LineCounter, parseDocument } from 'yaml'
import { LIMITS } from '../limits.ts'
import { inspectDocument } from './inspect.ts'
import { type DocPath, formatPath, PROBLEM_CODES, type Problem, type ProblemCode } from './problems.ts'
import { syntaxFindings } from './syntax.ts'

/** A scenario file's text is refused past this size in bytes, before any parsing (see `limits.ts`). */
export const MAX_FILE_BYTES = LIMITS.fileBytes

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
 * Parses YAML keeping the position of every node, and turns syntax errors, duplicate keys, reserved keys and
 * documents past the limits of `limits.ts` into problems. Never throws.
 */
export function parseScenarioText(text: string, file: string): ParsedFile {
  const lines = new LineCounter()
  let doc: Document.Parsed | null = null
  const problems: Problem[] = []
  const at = (offset: number) => {
    // Before anything is parsed (a file refused for its size) the counter knows no line: place it at 1:1.
    const pos = lines.linePos(offset)
    return { line: Math.max(1, pos.line), column: Math.max(1, pos.col) }
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
  const bytes = utf8Length(text)
  if (bytes > LIMITS.fileBytes) {
    problems.push(problem('FILE_TOO_LARGE', `The file has ${bytes} bytes; the limit is ${LIMITS.fileBytes}`))
    return result
  }
  const scan = scanTokens(text)
  if (scan.tokens > LIMITS.tokens) {
    problems.push(
      problem(
        'YAML_TOO_MANY_NODES',
        `The file is made of more than ${LIMITS.tokens} pieces (keys, values, punctuation)`,
      ),
    )
    return result
  }
  if (scan.tooDeepAt !== null) {
    // Caught here, yaml's parser never recurses that deep (its stack overflow is caught too, but slowly).
    problems.push({
      ...problem('YAML_TOO_DEEP', `The brackets nest more than ${LIMITS.depth} levels deep`),
      ...positionIn(text, scan.tooDeepAt),
    })
    return result
  }
  // Duplicate keys are found by inspectDocument: yaml's own check compares every pair of keys in a mapping.
  // logLevel 'error': yaml's warnings (a mapping used as a key, say) would go to the console, not to the author.
  doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, logLevel: 'error' })
  result.doc = doc
  for (const f of syntaxFindings(text, doc.errors))
    problems.push({ ...problem(f.code, f.message), ...at(f.offset), ...(f.fix ? { fix: f.fix } : {}) })
  if (problems.length) return result
  for (const f of inspectDocument(doc))
    problems.push({ ...problem(f.code, f.message, f.path), ...at(f.offset) })
  if (problems.length) return result
  try {
    result.data = doc.toJS({ maxAliasCount: LIMITS.aliasExpansion })
  } catch (e) {
    const message = firstLine(e instanceof Error ? e.message : String(e))
    problems.push(
      /alias/i.test(message)
        ? problem('YAML_TOO_MANY_ALIASES', 'The aliases expand to too much data')
        : problem('YAML_SYNTAX', message),
    )
  }
  return result
}

/** yaml's lexer marks the start of a document, the end of flow content and a scalar with these (no text). */
const MARKERS = new Set(['\u0002', '\u0018', '\u001f'])

/**
 * Runs yaml's lexer (fast) before its parser (slow): counts tokens, stopping just past the limit, and finds
 * where flow brackets (`[`, `{`) first nest past the depth limit, as an offset in the text.
 */
function scanTokens(text: string): { tokens: number; tooDeepAt: number | null } {
  let tokens = 0
  let depth = 0
  let offset = 0
  for (const token of new Lexer().lex(text)) {
    if (++tokens > LIMITS.tokens) break
    if (token === '[' || token === '{') depth++
    else if (token === ']' || token === '}') depth--
    if (depth > LIMITS.depth) return { tokens, tooDeepAt: offset }
    if (!MARKERS.has(token)) offset += token.length
  }
  return { tokens, tooDeepAt: null }
}

/** Line and column of an offset, for problems found before the parser has counted the lines. */
function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  return { line, column: offset - start + 1 }
}

/** The size of `text` in UTF-8, counted without encoding it. */
function utf8Length(text: string): number {
  if (text.length * 3 <= LIMITS.fileBytes) return text.length
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '')
}
