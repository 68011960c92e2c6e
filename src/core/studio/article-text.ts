/**
 * Turns an article a teacher pastes into the studio (plain text, HTML from a saved page or the clipboard, or
 * Markdown) into the plain text a scenario carries, with its title, outlet, date and address where the paste
 * gives them. Pure string code without a DOM: every scan moves forward (indexOf, or one character at a time)
 * and every regular expression is free of nested or overlapping repetition, so hostile input costs linear
 * time. The article's words are kept exactly, quote marks and apostrophes included, because the scenario's
 * quotes are later checked word for word against this text (`findQuote` in scenario/load/quotes.ts).
 */

/** The three kinds of paste the studio reads. */
export type ArticleKind = 'text' | 'html' | 'markdown'

/** An article as pasted: its plain text (paragraphs separated by one blank line) and what the paste tells of it. */
export interface PastedArticle {
  text: string
  title?: string
  outlet?: string
  /** As YYYY-MM-DD when the page gives a machine-readable date, else as the page words it. */
  date?: string
  /** Only an http(s) address, as the scenario format accepts. */
  url?: string
  kind: ArticleKind
}

/**
 * Reads a pasted article. `kind` says what the paste is; `auto` (the default) decides from its content:
 * HTML when it is made of tags, Markdown when it has headings, links, fences or bold, else plain text.
 * The title stays in the text too: it is part of what was pasted, and a headline may be quoted.
 */
export function articleFromPaste(input: string, kind: ArticleKind | 'auto' = 'auto'): PastedArticle {
  const source = input.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n')
  const chosen = kind === 'auto' ? detectKind(source) : kind
  if (chosen === 'html') return { ...htmlArticle(source), kind: 'html' }
  if (chosen === 'markdown') {
    const { text, title } = markdownArticle(source)
    return { text, ...(title ? { title } : {}), kind: 'markdown' }
  }
  const text = tidy(source)
  const title = plainTitle(text)
  return { text, ...(title ? { title } : {}), kind: 'text' }
}

const KNOWN_TAG =
  /<\/?(?:html|head|body|p|div|span|br|a|h[1-6]|ul|ol|li|article|section|main|meta|title|strong|em|b|i|table|tr|td|blockquote|img|script|style|nav|header|footer|figure|time|link)\b[^<>]*>/gi

/** Guesses what a paste is; conservative, since reading plain text as HTML or Markdown would change its words. */
export function detectKind(source: string): ArticleKind {
  const head = source.trimStart()
  if (/^<(?:!doctype\s+html|html)\b/i.test(head)) return 'html'
  let tags = 0
  KNOWN_TAG.lastIndex = 0
  while (tags < 4 && KNOWN_TAG.exec(source)) tags++
  if ((head.startsWith('<') && tags >= 1) || tags >= 4) return 'html'
  const markdown =
    /^ {0,3}#{1,6}[ \t]+\S/m.test(source) ||
    /^ {0,3}(?:```|~~~)/m.test(source) ||
    /\[[^[\]\n]+\]\([^()\s]+\)/.test(source) ||
    /\*\*[^*\n]+\*\*/.test(source)
  return markdown ? 'markdown' : 'text'
}

/** Trailing spaces off every line, runs of blank lines down to one, no blank lines at either end. */
function tidy(text: string): string {
  const out: string[] = []
  for (const raw of text.replace(/[\u00ad\u200b\ufeff]/g, '').split('\n')) {
    const line = raw.trimEnd()
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue
    out.push(line)
  }
  while (out.length && out[out.length - 1] === '') out.pop()
  return out.join('\n')
}

/**
 * A plain text's title: its first line when that is clearly a headline (under 150 characters, two words or
 * more, no final period or comma, followed by a blank line). A first line of category labels run together
 * ("Eastern EuropeFeaturedNATO…", as a saved page gives them) is passed over for the next paragraph's.
 */
function plainTitle(text: string): string | undefined {
  const lines = text.split('\n', 200)
  let at = 0
  if (/\p{Ll}\p{Lu}\S*\p{Ll}\p{Lu}/u.test(lines[0] ?? '') && lines[1] === '') at = 2
  const line = (lines[at] ?? '').trim()
  const headline =
    line.length > 0 &&
    line.length < 150 &&
    /\S\s+\S/.test(line) &&
    !/[.,;:]$/.test(line) &&
    lines[at + 1] === '' &&
    (lines[at + 2] ?? '') !== ''
  return headline ? line : undefined
}

// ---------------------------------------------------------------------------------------------- entities

/** The Latin-1 entity names, in code-point order from U+00A0. */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
/** The other names HTML pages use in running text, as name:code point in hexadecimal. */
const OTHER_ENTITIES =
  'amp:26 lt:3c gt:3e quot:22 apos:27 OElig:152 oelig:153 Scaron:160 scaron:161 Yuml:178 fnof:192 circ:2c6 tilde:2dc ensp:2002 emsp:2003 thinsp:2009 zwnj:200c zwj:200d lrm:200e rlm:200f ndash:2013 mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c rdquo:201d bdquo:201e dagger:2020 Dagger:2021 bull:2022 hellip:2026 permil:2030 prime:2032 Prime:2033 lsaquo:2039 rsaquo:203a euro:20ac trade:2122 minus:2212 nbhy:2011 hyphen:2010'
const ENTITIES = new Map<string, number>(
  OTHER_ENTITIES.split(' ').map((pair) => {
    const [name, hex] = pair.split(':') as [string, string]
    return [name, Number.parseInt(hex, 16)]
  }),
)
LATIN1.split(' ').forEach((name, i) => {
  ENTITIES.set(name, 0xa0 + i)
})
/** Names a browser reads even without the closing semicolon. */
const BARE = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp'])
/** What browsers make of character references 0x80–0x9F: Windows-1252, as old pages mean them. */
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
]
const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g

/** Decodes named and numeric character references the way a browser shows them. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string, semi?: string) => {
    if (name !== undefined) {
      const code = ENTITIES.get(name)
      return code !== undefined && (semi || BARE.has(name)) ? String.fromCodePoint(code) : whole
    }
    let code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16)
    if (code >= 0x80 && code <= 0x9f) code = CP1252[code - 0x80] ?? code
    const bad = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)
    return String.fromCodePoint(bad ? 0xfffd : code)
  })
}

// -------------------------------------------------------------------------------------------------- HTML

const set = (words: string) => new Set(words.split(' '))
/** Elements whose content is never article text; skipped to their end tag without parsing. */
const RAW = set('script style noscript template textarea iframe xmp noembed noframes svg math select object')
/** Page furniture: dropped with everything inside, nesting counted. */
const HIDDEN = set('nav header footer aside button dialog menu')
const BLOCK = set(
  'address article blockquote body center details dir div dl fieldset figcaption figure form h1 h2 h3 h4 h5 h6 hgroup hr html legend main ol p pre section summary table ul',
)
const LINE = set('li dt dd tr option caption')
const DATE_META = set(
  'article:published_time datepublished date dc.date dc.date.issued pubdate publish-date publish_date sailthru.date parsely-pub-date og:published_time',
)

interface Tag {
  name: string
  closing: boolean
  selfClosing: boolean
  attrs: Map<string, string>
  end: number
}

/** Reads the tag that starts at `at` (`<` then a letter or `/`); attribute values are decoded. */
function readTag(html: string, at: number): Tag {
  let i = at + 1
  const closing = html[i] === '/'
  if (closing) i++
  const nameStart = i
  while (i < html.length && /[A-Za-z0-9:-]/.test(html[i] as string)) i++
  const name = html.slice(nameStart, i).toLowerCase()
  const attrs = new Map<string, string>()
  let selfClosing = false
  while (i < html.length) {
    const c = html[i] as string
    if (c === '>') return { name, closing, selfClosing, attrs, end: i + 1 }
    if (c === '/' || /\s/.test(c)) {
      selfClosing = c === '/'
      i++
      continue
    }
    const keyStart = i
    while (i < html.length && !/[\s=>/]/.test(html[i] as string)) i++
    const key = html.slice(keyStart, Math.max(i, keyStart + 1)).toLowerCase()
    if (i === keyStart) i++
    while (i < html.length && /\s/.test(html[i] as string)) i++
    let value = ''
    if (html[i] === '=') {
      i++
      while (i < html.length && /\s/.test(html[i] as string)) i++
      const quote = html[i]
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1)
        const stop = close < 0 ? html.length : close
        value = html.slice(i + 1, stop)
        i = stop + 1
      } else {
        const valueStart = i
        while (i < html.length && !/[\s>]/.test(html[i] as string)) i++
        value = html.slice(valueStart, i)
      }
      selfClosing = false
    }
    if (!attrs.has(key)) attrs.set(key, decodeEntities(value))
  }
  return { name, closing, selfClosing, attrs, end: html.length }
}

/** Where the raw-text element `name` ends: the index after its end tag, or the end of the input. */
function endOfRaw(html: string, name: string, from: number): { content: string; end: number } {
  let at = from
  for (;;) {
    const next = html.indexOf('</', at)
    if (next < 0) return { content: html.slice(from), end: html.length }
    const after = html[next + 2 + name.length] ?? '>'
    if (html.slice(next + 2, next + 2 + name.length).toLowerCase() === name && /[\s/>]/.test(after)) {
      const close = html.indexOf('>', next)
      return { content: html.slice(from, next), end: close < 0 ? html.length : close + 1 }
    }
    at = next + 2
  }
}

/** Attribute values come decoded from `readTag`; raw text is decoded here. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
const oneLine = (raw: string) => squash(decodeEntities(raw))
const webAddress = (url: string | undefined) =>
  url && url.length <= 2000 && /^https?:\/\/\S+$/.test(url.trim()) ? url.trim() : undefined

/** An ISO date-time becomes its date; anything else is kept as the page words it. */
function pageDate(value: string | undefined): string | undefined {
  const date = value?.trim()
  if (!date) return undefined
  return /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : date.slice(0, 60)
}

/** Walks the page once: text out of the body, title, outlet, date and address out of the head. */
function walkHtml(html: string, hideFurniture: boolean) {
  const out: string[] = []
  let pending = 0
  let space = false
  let hidden = 0
  let pre = 0
  let skipped = false
  const meta = { title: '', ogTitle: '', h1: '', outlet: '', date: '', time: '', canonical: '', ogUrl: '' }
  let inH1 = false
  let h1Text = ''
  const flush = () => {
    if (out.length) {
      if (pending) out.push(pending === 2 ? '\n\n' : '\n')
      else if (space) out.push(' ')
    }
    pending = 0
    space = false
  }
  const put = (raw: string) => {
    const chunk = decodeEntities(raw)
    if (inH1) h1Text += chunk
    if (hidden > 0) {
      skipped ||= /\S/.test(chunk)
      return
    }
    if (pre > 0) {
      if (chunk) flush()
      if (chunk) out.push(chunk)
      return
    }
    const text = chunk.replace(/\s+/g, ' ')
    if (!text) return
    const core = text.trim()
    if (text[0] === ' ') space = true
    if (!core) return
    flush()
    out.push(core)
    space = text.endsWith(' ')
  }
  const brk = (n: number) => {
    if (hidden === 0) pending = Math.min(2, Math.max(pending, n))
  }
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      put(html.slice(i))
      break
    }
    if (lt > i) put(html.slice(i, lt))
    const next = html[lt + 1] ?? ''
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4)
      i = close < 0 ? html.length : close + 3
    } else if (next === '!' || next === '?' || (next === '/' && !/[A-Za-z]/.test(html[lt + 2] ?? ''))) {
      const close = html.indexOf('>', lt)
      i = close < 0 ? html.length : close + 1
    } else if (!/[A-Za-z/]/.test(next)) {
      put('<')
      i = lt + 1
    } else {
      const tag = readTag(html, lt)
      i = tag.end
      const { name, attrs } = tag
      if (tag.closing) {
        if (HIDDEN.has(name) && hideFurniture && hidden > 0) hidden--
        if (name === 'pre' && pre > 0) pre--
        if (name === 'h1' && inH1) {
          inH1 = false
          meta.h1 ||= oneLine(h1Text)
        }
      } else if (name === 'title' || RAW.has(name)) {
        const raw = endOfRaw(html, name, i)
        if (name === 'title') meta.title ||= oneLine(raw.content)
        i = raw.end
      } else if (name === 'meta') {
        const key = (attrs.get('property') ?? attrs.get('name') ?? attrs.get('itemprop') ?? '').toLowerCase()
        const content = attrs.get('content') ?? ''
        if (key === 'og:title' || key === 'twitter:title') meta.ogTitle ||= squash(content)
        else if (key === 'og:site_name' || key === 'application-name') meta.outlet ||= squash(content)
        else if (key === 'og:url') meta.ogUrl ||= content
        else if (DATE_META.has(key)) meta.date ||= content
      } else if (name === 'link') {
        if ((attrs.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))
          meta.canonical ||= attrs.get('href') ?? ''
      } else if (name === 'time') {
        if (hidden === 0) meta.time ||= attrs.get('datetime') ?? ''
      } else if (name === 'h1' && !meta.h1) {
        inH1 = true
        h1Text = ''
      } else if (HIDDEN.has(name) && hideFurniture && !tag.selfClosing) hidden++
      else if (name === 'pre') pre++
      if (name === 'br') brk(pending + 1)
      else if (BLOCK.has(name)) brk(2)
      else if (LINE.has(name)) brk(1)
      else if ((name === 'td' || name === 'th') && !tag.closing) space = true
    }
  }
  return { text: tidy(out.join('')), meta, skipped }
}

/** Reads an HTML page or fragment; page furniture (menus, headers, footers) is left out when there is more. */
function htmlArticle(html: string): Omit<PastedArticle, 'kind'> {
  let walked = walkHtml(html, true)
  if (!walked.text && walked.skipped) walked = walkHtml(html, false)
  const { meta } = walked
  const outlet = meta.outlet || undefined
  const title = meta.ogTitle || stripOutlet(meta.title, outlet) || meta.h1 || undefined
  const date = pageDate(meta.date) ?? pageDate(meta.time)
  const url = webAddress(meta.canonical) ?? webAddress(meta.ogUrl)
  return {
    text: walked.text,
    ...(title ? { title } : {}),
    ...(outlet ? { outlet } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
  }
}

/** "Dam talks stall | The Valley Times" becomes "Dam talks stall" when the outlet is "The Valley Times". */
function stripOutlet(title: string, outlet: string | undefined): string {
  if (!outlet || !title) return title
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' · ', ' :: ']) {
    if (title.endsWith(`${sep}${outlet}`)) return title.slice(0, -(sep.length + outlet.length)).trim()
    if (title.startsWith(`${outlet}${sep}`)) return title.slice(outlet.length + sep.length).trim()
  }
  return title
}

// ---------------------------------------------------------------------------------------------- Markdown

/** Backslash-escaped and code characters hide in the Private Use Area while the inline rules run. */
const hide = (c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0))
const SPECIAL = /[*_[\]()!~`<>\\#&]/g

/** One paragraph's inline Markdown to plain text: links keep their words, images go, emphasis marks go. */
function inline(text: string): string {
  const plain = text
    .replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => hide(c))
    .replace(/`([^`]+)`/g, (_, code: string) => code.replace(SPECIAL, hide))
    .replace(/!\[[^[\]]*\]\([^()\s]*(?:\s+"[^"]*")?\)/g, '\ue100')
    .replace(/!\[[^[\]]*\]\[[^[\]]*\]/g, '\ue100')
    .replace(/( ?)\ue100+( ?)/g, (_, before: string, after: string) => (before && after ? ' ' : ''))
    .replace(/\[([^[\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^<>\s]+)>/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/~~([^~]+)~~/g, '$1')
    .replace(/\*([^*\s](?:[^*]*[^*\s])?)\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\p{N}_])/gu, '$1$2')
  return decodeEntities(plain).replace(/[\ue000-\ue07f]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xe000),
  )
}

/** An ATX heading's text ("## Text ##" gives "Text"), or undefined when the line is not one. */
function atxHeading(line: string): { level: number; text: string } | undefined {
  const t = line.trimStart()
  if (line.length - t.length > 3 || !t.startsWith('#')) return undefined
  let level = 0
  while (t[level] === '#') level++
  if (level > 6 || (t[level] !== undefined && t[level] !== ' ' && t[level] !== '\t')) return undefined
  let text = t.slice(level).trim()
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  if (end === 0 || text[end - 1] === ' ') text = text.slice(0, end).trimEnd()
  return { level, text }
}

const isRule = (t: string, chars: string) =>
  t.length >= 3 && [...t].every((c) => c === t[0]) && chars.includes(t[0] ?? '')

/** A line without its blockquote marks ("> > text" gives "text"), found in one pass. */
function unquote(line: string): string {
  let at = 0
  for (;;) {
    let i = at
    while (i < at + 3 && line[i] === ' ') i++
    if (line[i] !== '>') return line.slice(at)
    at = line[i + 1] === ' ' ? i + 2 : i + 1
  }
}

/** Reads Markdown line by line: paragraphs joined into one line each, list items one per line, code kept. */
function markdownArticle(source: string): { text: string; title?: string } {
  const out: string[] = []
  let para: string[] = []
  let title: string | undefined
  let fence = ''
  const endPara = () => {
    if (para.length) out.push(inline(para.join(' ')))
    para = []
  }
  const heading = (level: number, text: string) => {
    endPara()
    const plain = inline(text)
    if (level === 1 && title === undefined && plain) title = plain
    out.push('', plain, '')
  }
  for (const raw of source.split('\n')) {
    if (fence) {
      if (raw.trim().startsWith(fence) && raw.trim().replaceAll(fence[0] as string, '') === '') {
        fence = ''
        out.push('')
      } else out.push(raw)
      continue
    }
    const line = unquote(raw)
    const t = line.trim()
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    const atx = atxHeading(line)
    const squeezed = t.replaceAll(' ', '')
    const item = /^([-*+]|\d{1,9}[.)])[ \t]+/.exec(t)
    if (fenceMark) {
      endPara()
      fence = fenceMark[1] as string
      out.push('')
    } else if (!t) {
      endPara()
      out.push('')
    } else if (atx) heading(atx.level, atx.text)
    else if (para.length && isRule(t, '=')) heading(1, para.splice(0).join(' '))
    else if (para.length && isRule(t, '-')) heading(2, para.splice(0).join(' '))
    else if (isRule(squeezed, '-*_')) {
      endPara()
      out.push('')
    } else if (/^\[[^[\]]+\]:\s*\S/.test(t)) endPara()
    else if (/^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/.test(t)) continue
    else if (item) {
      endPara()
      para.push(item[1] && /\d/.test(item[1]) ? t : t.slice(item[0].length))
    } else if (t.startsWith('|')) {
      endPara()
      out.push(inline(t.replace(/^\|/, '').replace(/\|$/, '').trim()))
    } else {
      para.push(t.replace(/\\$/, ''))
      if (/(?: {2}|\\)$/.test(line)) endPara()
    }
  }
  endPara()
  return { text: tidy(out.join('\n')), ...(title ? { title } : {}) }
}
