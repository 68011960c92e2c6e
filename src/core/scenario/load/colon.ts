/**
 * The commonest slip in a hand-written scenario: a text with ": " in it, written without quotes. YAML reads
 * the colon as the start of a field, and the parser then complains about indentation, further down and
 * sometimes many times, about something the author never did. This module finds such texts, line by line,
 * so that the loader can name the real mistake once (see syntax.ts and validate.ts).
 */

/** A colon inside an unquoted text on one line: where it is, and the field whose text it is. */
export interface TextColon {
  /** The colon's offset in the line. */
  offset: number
  /** The field whose value the text is (the last key before it on the line), or null for a list entry. */
  key: string | null
  /** Where that value starts in the line. */
  valueStart: number
  /** Whether the text sits in brackets (`{ label: … }`), where a comma or a closing bracket ends it. */
  flow: boolean
}

/** Keys of the format are names like `briefing`, ids like `reassurance-force`, or text paths `sides.a.name`. */
const FIELD_LIKE = /^(?:[a-z][\w.-]*|"[^"]*"|'[^']*')$/

/**
 * Whether a word before a colon is a key the file may use (a field of the format, an id it declares, a
 * language code) rather than the first word of a sentence.
 */
export type KeyTest = (word: string) => boolean

/**
 * Whether a line opens with a key, such as `role: proposer`: if YAML reads it as the continuation of the
 * text above, the author more likely indented a field too far than wrote a text with a colon.
 */
function opensWithKey(line: string, isKey: KeyTest): boolean {
  const word = /^\s*([a-z][\w.-]*):(?: |$)/.exec(line)?.[1]
  return word !== undefined && isKey(word)
}

/** A colon ends a key when a space, the line's end or (in brackets) a comma or closing bracket follows. */
function endsKey(line: string, i: number, inFlow: boolean): boolean {
  const next = line[i + 1]
  return next === undefined || next === ' ' || (inFlow && (next === ',' || next === '}' || next === ']'))
}

/**
 * The colons of one line that sit inside unquoted text rather than after a key. `inText` says the line
 * continues a text begun above it, so that nothing on it is a key. Quoted texts and comments are skipped.
 */
export function textColons(line: string, inText = false): TextColon[] {
  const found: TextColon[] = []
  let depth = 0
  let segment = inText ? -1 : (/^\s*/.exec(line)?.[0].length ?? 0)
  let key: string | null = null
  let valueStart = inText ? 0 : segment
  // Whether the next character that is not a space opens a value (where a quotation mark opens a quoted text).
  let atValue = !inText
  for (let i = segment < 0 ? 0 : segment; i < line.length; i++) {
    const c = line[i] ?? ''
    if (c === ' ') continue
    if (c === '#' && (i === 0 || line[i - 1] === ' ')) break
    if (atValue && (c === '"' || c === "'")) {
      i = closingQuote(line, i)
      atValue = false
      continue
    }
    if (atValue && c === '-' && line[i + 1] === ' ') {
      segment = i + 2
      valueStart = segment
      key = null
      continue
    }
    // A bracket opens a group only where a value starts: inside a text it is one more character.
    if (((c === '{' || c === '[') && (atValue || depth > 0)) || (c === ',' && depth > 0)) {
      if (c !== ',') depth++
      segment = i + 1
      valueStart = segment
      atValue = true
      continue
    }
    if ((c === '}' || c === ']') && depth > 0) {
      depth--
      continue
    }
    atValue = false
    if (c !== ':' || !endsKey(line, i, depth > 0)) continue
    const before = segment < 0 ? '' : line.slice(segment, i).trim()
    if (segment >= 0 && FIELD_LIKE.test(before)) {
      key = before.replace(/^["']|["']$/g, '')
      segment = -1
      valueStart = i + 1
      atValue = true
    } else found.push({ offset: i, key, valueStart, flow: depth > 0 })
  }
  return found
}

/** The offset just past the quotation mark that closes the one at `open` (or the line's end). */
function closingQuote(line: string, open: number): number {
  const q = line[open]
  for (let i = open + 1; i < line.length; i++) {
    if (q === '"' && line[i] === '\\') i++
    else if (line[i] === q) {
      if (q === "'" && line[i + 1] === "'") i++
      else return i
    }
  }
  return line.length
}

/** The column where a line's content starts (its indentation), or -1 for a blank or comment line. */
function indentOf(line: string): number {
  const m = /^( *)(\S)/.exec(line)
  return !m || m[2] === '#' ? -1 : (m[1]?.length ?? 0)
}

/** One unquoted text spread over lines, with the colons that make YAML misread it. */
export interface ColonText {
  /** The line (from 0) holding the field or list entry whose value the text is. */
  ownerLine: number
  key: string | null
  /** The text as written, its lines joined by spaces. */
  text: string
  /** Every colon inside the text, as [line from 0, offset in that line]. */
  colons: Array<[number, number]>
}

/**
 * The unquoted text that line `at` belongs to, if it has a colon in it: the text may start on that line
 * after a key, or on a line above it and continue on this one. Null when the line holds no such colon.
 */
export function colonTextAt(
  lines: readonly string[],
  at: number,
  isKey: KeyTest = () => true,
): ColonText | null {
  const line = lines[at] ?? ''
  // A colon found with no key before it on a line that is no list entry continues a text begun above.
  const own = textColons(line).find((c) => c.key !== null || /^\s*- /.test(line))
  let ownerLine = at
  let owner: TextColon | null = own ?? null
  if (!owner) {
    // The line may continue a text that starts above it, on a line indented less.
    const indent = indentOf(line)
    if (indent < 0 || opensWithKey(line, isKey) || !/:( |$)/.test(line)) return null
    let up = at - 1
    while (up >= 0 && (indentOf(lines[up] ?? '') < 0 || indentOf(lines[up] ?? '') >= indent)) up--
    if (up < 0) return null
    ownerLine = up
    owner = valueOpenedBy(lines[up] ?? '')
    if (!owner) return null
  }
  const keyColumn = ownerColumn(lines[ownerLine] ?? '')
  const first = (lines[ownerLine] ?? '').slice(owner.valueStart)
  // In brackets the text ends at the next comma or closing bracket after its colon.
  const end = owner.flow ? first.slice(owner.offset - owner.valueStart).search(/[,}\]]/) : -1
  const parts = [end < 0 ? first : first.slice(0, owner.offset - owner.valueStart + end)]
  const colons: Array<[number, number]> = textColons(lines[ownerLine] ?? '').map((c) => [ownerLine, c.offset])
  if (owner.flow) return withText(ownerLine, owner, parts, colons, at)
  for (let i = ownerLine + 1; i < lines.length; i++) {
    const next = lines[i] ?? ''
    const indent = indentOf(next)
    if (indent < 0) {
      if (next.trim() === '') continue
      break
    }
    if (indent <= keyColumn) break
    parts.push(next)
    for (const c of textColons(next, !opensWithKey(next, isKey))) colons.push([i, c.offset])
  }
  return withText(ownerLine, owner, parts, colons, at)
}

function withText(
  ownerLine: number,
  owner: TextColon,
  parts: string[],
  colons: Array<[number, number]>,
  at: number,
): ColonText | null {
  if (!colons.some(([l]) => l === at)) return null
  const text = parts
    .map((p) => p.replace(/\s+#.*$/, '').trim())
    .filter(Boolean)
    .join(' ')
  return { ownerLine, key: owner.key, text, colons }
}

/** The value a line opens for a text to continue below it: after its last key, or after a list's dash. */
function valueOpenedBy(line: string): TextColon | null {
  const key = /^(\s*(?:- +)*)([a-z][\w.-]*):(?: +|$)/.exec(line)
  if (key) return { offset: -1, key: key[2] ?? null, valueStart: key[0].length, flow: false }
  const dash = /^(\s*(?:- +)+)(?=[^\s"'#[{|>])/.exec(line)
  return dash ? { offset: -1, key: null, valueStart: dash[0].length, flow: false } : null
}

/** The column of a line's last key (or last dash): text continuing it must be indented further. */
function ownerColumn(line: string): number {
  const m = /^(\s*(?:- +)*)/.exec(line)
  const column = m?.[0].length ?? 0
  return /^\s*(?:- +)*[a-z][\w.-]*:/.test(line) ? column : Math.max(0, column - 2)
}

/** How long an example text may be before the middle of it is left out. */
const EXAMPLE_LENGTH = 70

/**
 * The line an author should write instead: the field (or the list entry) with its whole text in quotation
 * marks, shortened in the middle when long so that the first and last words still show.
 */
export function quotedExample(key: string | number | null, text: string): string {
  const shown = text.length > EXAMPLE_LENGTH ? `${wordsUpTo(text, 40)} … ${wordsFrom(text, 20)}` : text
  const quoted = /["\\]/.test(shown) ? `'${shown.replaceAll("'", "''")}'` : `"${shown}"`
  return typeof key === 'string' ? `${key}: ${quoted}` : `- ${quoted}`
}

/** The start of a text, about `length` characters of it, ending at a whole word. */
function wordsUpTo(text: string, length: number): string {
  const cut = text.lastIndexOf(' ', length)
  return text.slice(0, cut > length / 2 ? cut : length)
}

/** The end of a text, about `length` characters of it, starting at a whole word. */
function wordsFrom(text: string, length: number): string {
  const cut = text.indexOf(' ', text.length - length)
  return text.slice(cut > 0 && cut < text.length - length / 2 ? cut + 1 : text.length - length)
}

/** The fix for a text whose colon YAML misread, with the line to write instead. */
export function colonFix(key: string | number | null, text: string): string {
  return `Put the whole text in quotes, from its first word to its last: \`${quotedExample(key, text)}\`. A text with ": " in it always needs quotes (or \`>-\` with the text on the lines below).`
}
