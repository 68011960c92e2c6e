/**
 * A small XML tokeniser for the SVG pictures a scenario may carry as its stage (see `svg-safety.ts`). It reads
 * the text once from left to right with `indexOf` and character tests, never a backtracking pattern, so a
 * hostile file of any shape costs time in proportion to its length. It is strict where a lenient reading could
 * hide something (unquoted attributes, a stray `<`, tags that do not nest): such a file is refused as a whole.
 */

/** An attribute as written (`raw`, between its quotes) and as an XML parser reads it (`value`). */
export interface SvgAttribute {
  name: string
  raw: string
  quote: '"' | "'"
  value: string
  /** Entity references in the value that XML does not define without a DOCTYPE (`&nbsp;`, `&x;`). */
  unknown: string[]
}

export type SvgToken =
  | { kind: 'text'; raw: string }
  | { kind: 'cdata'; raw: string }
  | { kind: 'comment' }
  | { kind: 'pi'; target: string; raw: string }
  | { kind: 'declaration'; raw: string }
  | { kind: 'start'; name: string; attributes: SvgAttribute[]; selfClosing: boolean }
  | { kind: 'end'; name: string }

export type Tokenised = { ok: true; tokens: SvgToken[] } | { ok: false; error: string }

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Whether `c` ends a name: whitespace, or one of the characters that follow a name in a tag. */
const endsName = (c: string | undefined): boolean =>
  c === undefined || c === '>' || c === '/' || c === '=' || c === '"' || c === "'" || c === '<' || isSpace(c)

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\r' || c === '\t'

/**
 * The text of XML character data as a parser reads it: character references and the five predefined entities
 * decoded. References XML does not define are left as written and listed in `unknown`.
 */
export function decodeEntities(raw: string): { value: string; unknown: string[] } {
  if (!raw.includes('&')) return { value: raw, unknown: [] }
  let value = ''
  const unknown: string[] = []
  let i = 0
  while (i < raw.length) {
    const amp = raw.indexOf('&', i)
    if (amp < 0) {
      value += raw.slice(i)
      break
    }
    value += raw.slice(i, amp)
    // A reference is short: look for its ";" nearby only, so that a text of "&"s costs no more than its length.
    const near = raw.slice(amp, amp + 42).indexOf(';')
    const semi = near < 0 ? -1 : amp + near
    // A lone "&" (ill-formed XML) is kept as written and listed.
    if (semi < 0) {
      unknown.push('&')
      value += '&'
      i = amp + 1
      continue
    }
    const name = raw.slice(amp + 1, semi)
    const decoded = decodeReference(name)
    if (decoded === null) {
      unknown.push(`&${name};`)
      value += raw.slice(amp, semi + 1)
    } else value += decoded
    i = semi + 1
  }
  return { value, unknown }
}

function decodeReference(name: string): string | null {
  if (name.startsWith('#')) {
    const hex = name[1] === 'x' || name[1] === 'X'
    const digits = name.slice(hex ? 2 : 1)
    if (!digits || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null
    const code = Number.parseInt(digits, hex ? 16 : 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null
  }
  return PREDEFINED[name] ?? null
}

/** Reads an SVG (XML) text into tokens, or says where it is not well-formed. */
export function tokeniseSvg(text: string): Tokenised {
  const tokens: SvgToken[] = []
  const open: string[] = []
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const fail = (what: string): Tokenised => ({ ok: false, error: `${what} at character ${i}` })
  while (i < text.length) {
    const lt = text.indexOf('<', i)
    if (lt !== i) {
      const end = lt < 0 ? text.length : lt
      tokens.push({ kind: 'text', raw: text.slice(i, end) })
      i = end
      continue
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4)
      if (end < 0) return fail('an unclosed comment')
      tokens.push({ kind: 'comment' })
      i = end + 3
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9)
      if (end < 0) return fail('an unclosed CDATA section')
      tokens.push({ kind: 'cdata', raw: text.slice(i + 9, end) })
      i = end + 3
    } else if (text.startsWith('<!', i)) {
      const end = declarationEnd(text, i + 2)
      if (end < 0) return fail('an unclosed declaration')
      tokens.push({ kind: 'declaration', raw: text.slice(i, end + 1) })
      i = end + 1
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2)
      if (end < 0) return fail('an unclosed processing instruction')
      const body = text.slice(i + 2, end)
      let n = 0
      while (n < body.length && !isSpace(body[n])) n++
      tokens.push({ kind: 'pi', target: body.slice(0, n), raw: text.slice(i, end + 2) })
      i = end + 2
    } else if (text[i + 1] === '/') {
      let j = i + 2
      while (!endsName(text[j])) j++
      const name = text.slice(i + 2, j)
      while (isSpace(text[j])) j++
      if (!name || text[j] !== '>') return fail('a malformed end tag')
      if (open.pop() !== name) return fail(`an end tag </${name}> that closes nothing open`)
      tokens.push({ kind: 'end', name })
      i = j + 1
    } else {
      const tag = readStartTag(text, i)
      if (typeof tag === 'string') return fail(tag)
      if (open.length === 0 && tokens.some((t) => t.kind === 'start'))
        return fail('a second top-level element')
      tokens.push(tag.token)
      if (!tag.token.selfClosing) open.push(tag.token.name)
      i = tag.end
    }
  }
  if (open.length) return fail(`an unclosed <${open[open.length - 1]}>`)
  return { ok: true, tokens }
}

/** The index of the `>` that ends a declaration begun before `from`: quotes and `[…]` may hold a `>`. */
function declarationEnd(text: string, from: number): number {
  let depth = 0
  let quote: string | null = null
  for (let j = from; j < text.length; j++) {
    const c = text[j]
    if (quote) {
      if (c === quote) quote = null
    } else if (c === '"' || c === "'") quote = c
    else if (c === '[') depth++
    else if (c === ']') depth = Math.max(0, depth - 1)
    else if (c === '>' && depth === 0) return j
  }
  return -1
}

type StartTag = { token: Extract<SvgToken, { kind: 'start' }>; end: number }

function readStartTag(text: string, at: number): StartTag | string {
  let j = at + 1
  while (!endsName(text[j])) j++
  const name = text.slice(at + 1, j)
  if (!name) return 'a "<" that starts no tag'
  const attributes: SvgAttribute[] = []
  for (;;) {
    const before = j
    while (isSpace(text[j])) j++
    const c = text[j]
    if (c === undefined) return `an unclosed <${name}>`
    if (c === '>') return { token: { kind: 'start', name, attributes, selfClosing: false }, end: j + 1 }
    if (c === '/') {
      if (text[j + 1] !== '>') return `a stray "/" in <${name}>`
      return { token: { kind: 'start', name, attributes, selfClosing: true }, end: j + 2 }
    }
    if (j === before) return `attributes run together in <${name}>`
    const from = j
    while (!endsName(text[j])) j++
    const attribute = text.slice(from, j)
    if (!attribute) return `a malformed attribute in <${name}>`
    while (isSpace(text[j])) j++
    if (text[j] !== '=') return `the attribute ${attribute} of <${name}> has no value`
    j++
    while (isSpace(text[j])) j++
    const quote = text[j]
    if (quote !== '"' && quote !== "'") return `the value of ${attribute} in <${name}> is not in quotes`
    const close = text.indexOf(quote, j + 1)
    if (close < 0) return `the value of ${attribute} in <${name}> is not closed`
    const raw = text.slice(j + 1, close)
    if (raw.includes('<')) return `a "<" in the value of ${attribute} in <${name}>`
    attributes.push({ name: attribute, raw, quote, ...decodeEntities(raw) })
    j = close + 1
  }
}
