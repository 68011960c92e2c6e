import { parseDocument, type YAMLError } from 'yaml'
import { type ColonText, colonFix, colonTextAt, type KeyTest } from './colon.ts'
import { knownFieldNames } from './field-names.ts'

/** Past this many syntax errors the rest are not listed: they mostly follow from the first ones. */
const MAX_SYNTAX_PROBLEMS = 20

/** A YAML syntax error in plain words, at an offset of the file's text. */
export interface SyntaxFinding {
  code: 'YAML_SYNTAX' | 'YAML_TOO_DEEP'
  message: string
  /** A fix for this finding, when it says more than the code's own. */
  fix?: string
  offset: number
}

const INDENTATION =
  'The indentation is wrong on this line or the next: the fields of one group must start at the same column'

/** yaml's messages (its codes are too coarse) in the words of an author, with whether they are about indentation. */
const PLAIN: Array<{ pattern: RegExp; message: (m: RegExpExecArray) => string; indentation?: true }> = [
  {
    pattern:
      /^(Nested mappings are not allowed in compact mappings|Implicit keys need to be on a single line|All (mapping|sequence) items must start at the same column|A block sequence may not be used as an implicit map key)/,
    message: () => INDENTATION,
    indentation: true,
  },
  {
    pattern: /^Implicit map keys need to be followed by map values/,
    message: () => 'A key here has no colon after it, or the indentation is wrong on this line or the next',
    indentation: true,
  },
  {
    pattern: /^Flow (sequence|mapping) .*end with an? ([\]}])/,
    message: (m) =>
      `A ${m[1] === 'sequence' ? 'list opened with "["' : 'group opened with "{"'} is not closed with "${m[2]}", or its next lines are not indented further than its key`,
  },
  {
    pattern: /^Missing closing (['"])quote/,
    message: (m) => `A text opened with ${m[1]} is not closed with ${m[1]}`,
  },
]

const INDENTATION_FIX =
  'Count the spaces: start this line (or the next) at the same column as the other fields of its group. A text that contains `: ` needs quotes around it.'
const TAB_FIX =
  'Replace the tab (shown as →) with spaces, as many as the lines around it use, then check again: other syntax problems, if any, show once the tabs are gone.'
const CASCADE_FIX = 'Fix the first syntax message and check again: the ones after it may follow from it.'

/**
 * Each text with a colon is confirmed by parsing the file again with it mended. A file may come from anyone
 * (a classroom server checks what it is sent), so the characters parsed again are limited: a large file is
 * parsed again a few times, a small one more often. Past the limit, the rest is reported as the parser
 * words it.
 */
const REPARSE_BUDGET = 2_000_000
const MIN_REPARSES = 2
const MAX_REPARSES = 16
/** How many lines either side of the first complaint may hold the text whose colon caused it. */
const COLON_REACH = 3

/** Parses as the loader does (parse.ts), for the syntax errors alone. */
const reparse = (text: string): readonly YAMLError[] =>
  parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' }).errors

/**
 * Turns yaml's syntax errors into findings an author can act on. One mistake often makes the parser
 * complain many times, further and further down the file, and the useful complaint is not always the
 * first; so:
 * - a tab used for indentation is reported alone, once per line, at the tab (it causes the rest);
 * - a text with ": " written without quotes, near the first complaint, is reported once, at its colon,
 *   when mending that colon silences the complaint: the parser's complaints it caused are not shown, and
 *   the rest of the file is judged as if it were mended;
 * - otherwise one finding per line is kept, worded plainly for indentation, and every finding after the
 *   first says it may follow from the first.
 */
export function syntaxFindings(text: string, errors: readonly YAMLError[]): SyntaxFinding[] {
  const reparses = Math.floor(REPARSE_BUDGET / Math.max(1, text.length))
  return findings(text, errors, { left: Math.max(MIN_REPARSES, Math.min(MAX_REPARSES, reparses)) })
}

function findings(text: string, errors: readonly YAMLError[], budget: { left: number }): SyntaxFinding[] {
  const deep = errors.find((e) => e.code === 'RESOURCE_EXHAUSTION')
  // yaml turns a stack overflow on deep nesting into RESOURCE_EXHAUSTION.
  if (deep)
    return [
      { code: 'YAML_TOO_DEEP', message: 'The document nests too deeply to be read', offset: deep.pos[0] },
    ]
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT')
  if (tabs.length)
    return onePerLine(text, tabs).map((e) => ({
      code: 'YAML_SYNTAX',
      message: 'A tab character is used for indentation; use spaces',
      fix: TAB_FIX,
      offset: tabOnLine(text, e.pos[0]),
    }))
  const colon = colonBehind(text, errors, budget)
  if (colon) return [colon.finding, ...findings(colon.mended, colon.errors, budget)]
  return onePerLine(text, errors).map((e, i) => {
    const raw = firstLine(e.message)
    let match: RegExpExecArray | null = null
    const plain = PLAIN.find((p) => {
      match = p.pattern.exec(raw)
      return match !== null
    })
    return {
      code: 'YAML_SYNTAX',
      message: plain && match ? plain.message(match) : raw,
      offset: e.pos[0],
      ...(i > 0 ? { fix: CASCADE_FIX } : plain?.indentation ? { fix: INDENTATION_FIX } : {}),
    }
  })
}

/**
 * The unquoted text with a colon that causes the first of `errors`, if there is one: a text near it whose
 * colons, once made harmless, leave no complaint up to that text and fewer complaints in all. Returns the
 * finding, and the mended file with its own errors, in which the rest of the file is judged.
 */
function colonBehind(
  text: string,
  errors: readonly YAMLError[],
  budget: { left: number },
): { finding: SyntaxFinding; mended: string; errors: readonly YAMLError[] } | null {
  const first = [...errors].sort((a, b) => a.pos[0] - b.pos[0])[0]
  if (!first) return null
  const starts = lineStarts(text)
  const lines = text.split('\n')
  const at = lineIndex(starts, first.pos[0])
  const isKey = keysOf(text)
  const tried = new Set<number>()
  for (let distance = 0; distance <= COLON_REACH; distance++)
    for (const line of distance ? [at + distance, at - distance] : [at]) {
      if (line < 0 || line >= lines.length) continue
      const found = colonTextAt(lines, line, isKey)
      if (!found || tried.has(found.ownerLine)) continue
      if (budget.left-- <= 0) return null
      tried.add(found.ownerLine)
      const mended = mend(text, starts, found)
      const left = reparse(mended)
      const last = Math.max(at, ...found.colons.map(([l]) => l))
      if (left.length < errors.length && left.every((e) => lineIndex(starts, e.pos[0]) > last)) {
        const [colonLine = 0, colonAt = 0] = found.colons[0] ?? []
        return {
          finding: {
            code: 'YAML_SYNTAX',
            message: `${found.key === null ? 'This list entry' : `The text of "${found.key}"`} contains ": " (a colon and a space), which YAML reads as the start of a new field`,
            fix: colonFix(found.key, found.text),
            offset: (starts[colonLine] ?? 0) + colonAt,
          },
          mended,
          errors: left,
        }
      }
    }
  return null
}

/**
 * The words a line of this file may open with as a key: the format's field names, the ids the file
 * declares (which key costs, scores and scoring), language codes, and text paths (which have dots).
 */
function keysOf(text: string): KeyTest {
  const words = new Set(knownFieldNames())
  for (const m of text.matchAll(/\bid:\s*["']?([a-z0-9][a-z0-9-]*)/g)) if (m[1]) words.add(m[1])
  return (word) => words.has(word) || /^[a-z]{2}$/.test(word) || word.includes('.')
}

/** The text with the colons of one misread text replaced by semicolons (same length: offsets still hold). */
function mend(text: string, starts: readonly number[], found: ColonText): string {
  let out = text
  for (const [line, offset] of found.colons) {
    const at = (starts[line] ?? 0) + offset
    out = `${out.slice(0, at)};${out.slice(at + 1)}`
  }
  return out
}

/** The offset where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** The line (from 0) holding an offset. */
function lineIndex(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] ?? 0) <= offset) low = mid
    else high = mid - 1
  }
  return low
}

/** The first error on each line, in the order of the file, at most MAX_SYNTAX_PROBLEMS of them. */
function onePerLine(text: string, errors: readonly YAMLError[]): YAMLError[] {
  const byLine = new Map<number, YAMLError>()
  for (const e of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const start = lineStart(text, e.pos[0])
    if (!byLine.has(start)) byLine.set(start, e)
  }
  return [...byLine.values()].slice(0, MAX_SYNTAX_PROBLEMS)
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1
}

/** The offset of the first tab in the indentation of the line holding `offset` (or `offset` itself). */
function tabOnLine(text: string, offset: number): number {
  const start = lineStart(text, offset)
  const indent = /^[ \t]*/.exec(text.slice(start))?.[0] ?? ''
  const tab = indent.indexOf('\t')
  return tab < 0 ? offset : start + tab
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '')
}
