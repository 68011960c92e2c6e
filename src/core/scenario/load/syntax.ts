import type { YAMLError } from 'yaml'

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
 * Turns yaml's syntax errors into findings an author can act on. One mistake often makes the parser
 * complain many times, further and further down the file, and the useful complaint is not always the
 * first; so:
 * - a tab used for indentation is reported alone, once per line, at the tab (it causes the rest);
 * - otherwise one finding per line is kept, worded plainly for indentation, and every finding after the
 *   first says it may follow from the first.
 */
export function syntaxFindings(text: string, errors: readonly YAMLError[]): SyntaxFinding[] {
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
