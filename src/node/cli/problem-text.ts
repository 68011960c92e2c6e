/**
 * How the checker shows a problem on a terminal: the place and message, the offending line of the file
 * with a caret under the column, and the fix. Pure functions (no I/O), so that they can be tested alone.
 */

/** What the formatter needs of a problem (the loader's Problem has all of it). */
export interface ProblemLike {
  severity: 'error' | 'warning'
  code: string
  message: string
  fix: string
  file: string
  line: number
  column: number
  path?: string
}

export interface ProblemTextOptions {
  /** ANSI colours (only for a terminal that wants them). */
  colour?: boolean
  /** Most columns of source to show; a longer line is clipped around the caret. */
  width?: number
  /** Columns between tab stops when a tab in the source is shown as spaces. */
  tabWidth?: number
}

const ANSI = { bold: '1', dim: '2', red: '31', yellow: '33', cyan: '36' } as const
type Style = keyof typeof ANSI

/** Wraps text in an ANSI style when colour is on. */
export function paint(text: string, style: Style, colour: boolean): string {
  return colour ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u
/** Wide (two-column) ranges: Hangul Jamo, CJK, Hangul syllables, compatibility ideographs, fullwidth forms, emoji. */
const WIDE: Array<[number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
]

/** Columns a character takes on a terminal: 0 for combining marks, 2 for wide characters, else 1. */
export function charWidth(ch: string): number {
  if (ZERO_WIDTH.test(ch)) return 0
  const code = ch.codePointAt(0) ?? 0
  return WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1
}

/** A C0 control character or DEL, which a terminal would act on rather than show. */
function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0
  return code < 0x20 || code === 0x7f
}

/** A character of a source line as shown: its text (tabs as `→`, controls as `�`) and its columns. */
type Cell = { text: string; width: number }

function cells(line: string, tabWidth: number): { cells: Cell[]; offsets: number[] } {
  const out: Cell[] = []
  // offsets[i] is the position in `line` (in UTF-16 units, as columns count) where cell i starts.
  const offsets: number[] = []
  let column = 0
  let offset = 0
  for (const ch of line) {
    let cell: Cell
    if (ch === '\t') {
      // Shown as an arrow filling its columns: an invisible tab is a mistake nobody can find in YAML.
      const width = tabWidth - (column % tabWidth)
      cell = { text: `→${' '.repeat(width - 1)}`, width }
    } else if (isControl(ch)) cell = { text: '\ufffd', width: 1 }
    else cell = { text: ch, width: charWidth(ch) }
    out.push(cell)
    offsets.push(offset)
    column += cell.width
    offset += ch.length
  }
  return { cells: out, offsets }
}

/**
 * A source line and the caret line under it, as shown: tabs made visible as `→` up to the next tab stop, and a line wider than `width` clipped
 * around the column with `…` at the cut ends. `column` is 1-based and counts UTF-16 units, as the loader's
 * positions and editors do; a column past the end puts the caret just after the last character.
 */
export function sourceExcerpt(
  line: string,
  column: number,
  width = 100,
  tabWidth = 4,
): { text: string; caret: string } {
  const clean = line.replace(/\r$/, '')
  const { cells: all, offsets } = cells(clean, tabWidth)
  const target = column - 1
  let at = all.length
  if (target < clean.length) for (let i = 0; i < all.length && (offsets[i] ?? 0) <= target; i++) at = i
  const starts: number[] = []
  let total = 0
  for (const c of all) {
    starts.push(total)
    total += c.width
  }
  const caretCol = at < all.length ? (starts[at] ?? 0) : total
  const extent = Math.max(total, caretCol + 1)
  if (extent <= width) return { text: all.map((c) => c.text).join(''), caret: `${' '.repeat(caretCol)}^` }
  // Clip to `room` columns between two ellipses, with about a third of the room before the caret.
  const room = Math.max(8, width) - 2
  let start = Math.max(0, caretCol - Math.floor(room / 3))
  const end = Math.min(extent, start + room)
  start = Math.max(0, end - room)
  let text = start > 0 ? '…' : ''
  all.forEach((c, i) => {
    const from = starts[i] ?? 0
    const to = from + c.width
    if (to <= start || to > end) return
    // A wide character cut by the start of the window shows as the spaces it leaves.
    text += from < start ? ' '.repeat(to - start) : c.text
  })
  if (end < total) text += '…'
  return { text, caret: `${' '.repeat((start > 0 ? 1 : 0) + caretCol - start)}^` }
}

/**
 * A problem as the checker prints it:
 *
 *     file:line:col  CODE  message (at path)
 *       12 | the offending line
 *          |        ^
 *       fix: what to do
 *
 * Warnings carry `warning` before the code. `source` is the file's text, or null when it is not at hand.
 */
export function formatProblemBlock(
  p: ProblemLike,
  source: string | null,
  options: ProblemTextOptions = {},
): string {
  const { colour = false, width = 100, tabWidth = 4 } = options
  const where = `${p.file}:${p.line}:${p.column}`
  const code = p.severity === 'warning' ? `warning ${p.code}` : p.code
  const lines = [
    `${paint(where, 'bold', colour)}  ${paint(code, p.severity === 'warning' ? 'yellow' : 'red', colour)}  ${p.message}${p.path ? ` (at ${p.path})` : ''}`,
  ]
  const text = source?.split('\n')[p.line - 1]
  if (text !== undefined && p.line >= 1) {
    const excerpt = sourceExcerpt(text, Math.max(1, p.column), width, tabWidth)
    const gutter = String(p.line)
    lines.push(
      `  ${paint(`${gutter} |`, 'dim', colour)} ${excerpt.text}`,
      `  ${paint(`${' '.repeat(gutter.length)} |`, 'dim', colour)} ${paint(excerpt.caret, p.severity === 'warning' ? 'yellow' : 'red', colour)}`,
    )
  }
  lines.push(`  ${paint('fix:', 'cyan', colour)} ${p.fix}`)
  return lines.join('\n')
}

/** The closing line: `2 errors, 1 warning in 1 file`, with what it means for the exit status. */
export function summaryLine(errors: number, warnings: number, files: number): string {
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`
  const counts = `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(files, 'file')}`
  if (errors) return counts
  if (warnings) return `${counts}: warnings alone do not fail the check`
  return `No problems in ${count(files, 'file')}`
}
