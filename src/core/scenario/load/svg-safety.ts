import { decodeEntities, type SvgAttribute, type SvgToken, tokeniseSvg } from './svg-tokens.ts'

/**
 * What makes an SVG picture unsafe to carry in a scenario: anything that could run a script, load something
 * from elsewhere (a tracker, a stylesheet, another document) or expand into more than it says. The game only
 * ever draws the stage's picture as an image, where a browser runs no script anyway; the check is for every
 * other place a shared file may end up (an editor, a preview, a web page), and it is the same list the studio's
 * sanitiser (`src/core/studio/svg.ts`) removes. It reads tokens (`svg-tokens.ts`), never the text with patterns,
 * so that upper case, entities and stray whitespace hide nothing.
 */

/** One thing found, as written in the file (shortened), and whether removing it makes the picture safe. */
export interface SvgDanger {
  /** E.g. `<script>`, `onload="…"`, `href="https://…"`, `<!DOCTYPE>`. */
  what: string
  /** The token it is in. */
  token: number
  /** The attribute it is in, when it is one attribute of an element that may stay. */
  attribute?: string
  /**
   * `element`: the element and all it holds go; `attribute`: the attribute goes; `token`: the declaration,
   * processing instruction or comment goes; `whole`: nothing can be removed to make it safe.
   */
  remove: 'element' | 'attribute' | 'token' | 'whole'
}

/** Elements that run scripts, embed other documents or forms, or fetch media (in any namespace). */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'handler',
  'listener',
  'iframe',
  'frame',
  'frameset',
  'embed',
  'object',
  'applet',
  'portal',
  'base',
  'link',
  'meta',
  'audio',
  'video',
  'source',
  'track',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'img',
])
const ANIMATIONS = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor'])
const XHTML = 'http://www.w3.org/1999/xhtml'
/** Pictures an SVG may hold inside itself, as data: addresses: raster images only (no nested SVG). */
const RASTER_DATA = [
  'data:image/png',
  'data:image/jpeg',
  'data:image/jpg',
  'data:image/webp',
  'data:image/gif',
]
const SHOWN = 60

/** ASCII-only lower case: the same length as the text, so positions found in it hold in the text. */
const lowerAscii = (text: string) => text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32))
const lower = (text: string) => text.toLowerCase()
/** The text without whitespace and control characters, which browsers skip inside a URL's scheme. */
const compact = (text: string) => {
  let out = ''
  for (const c of text) if (c.charCodeAt(0) > 0x20) out += c
  return lower(out)
}
const localName = (name: string) => lower(name.slice(name.lastIndexOf(':') + 1))
const shorten = (text: string) => (text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text)

/**
 * Whether an address inside the picture stays inside it: a fragment (`#id`), nothing, or a raster image as a
 * data: address.
 */
export function isLocalReference(address: string): boolean {
  const a = compact(address)
  if (a === '' || a.startsWith('#')) return true
  return RASTER_DATA.some((p) => a.startsWith(p) && (a[p.length] === ';' || a[p.length] === ','))
}

/** The addresses in `url(…)` of CSS or an attribute value, quotes taken off. */
export function cssUrls(value: string): string[] {
  const low = lowerAscii(value)
  const out: string[] = []
  let at = low.indexOf('url(')
  while (at >= 0) {
    let j = at + 4
    while (j < value.length && value.charCodeAt(j) <= 0x20) j++
    const quote = value[j]
    let end: number
    let address: string
    if (quote === '"' || quote === "'") {
      end = value.indexOf(quote, j + 1)
      if (end < 0) end = value.length
      address = value.slice(j + 1, end)
    } else {
      end = value.indexOf(')', j)
      if (end < 0) end = value.length
      address = value.slice(j, end)
    }
    out.push(address.trim())
    at = low.indexOf('url(', end)
  }
  return out
}

/** CSS with its comments taken out (a comment between two tokens must not hide either). */
function withoutComments(css: string): string {
  let out = ''
  let i = 0
  while (i < css.length) {
    const start = css.indexOf('/*', i)
    if (start < 0) return out + css.slice(i)
    out += `${css.slice(i, start)} `
    const end = css.indexOf('*/', start + 2)
    if (end < 0) return out
    i = end + 2
  }
  return out
}

/** What is unsafe in a piece of CSS (a `<style>` element or a `style` attribute), or nothing. */
export function cssDanger(css: string): string | null {
  // A CSS escape can spell any word (`@\69mport`, `u\72l(`): pictures have no need of them.
  if (css.includes('\\')) return 'a CSS escape (\\)'
  const text = lower(withoutComments(css))
  for (const word of ['@import', 'expression(', '-moz-binding', 'behavior:', 'image-set(', 'src(']) {
    if (text.includes(word)) return word
  }
  const outside = cssUrls(text).find((a) => !isLocalReference(a))
  return outside === undefined ? null : `url(${shorten(outside)})`
}

/** What is unsafe in an attribute of an element named `element`, or nothing. */
function attributeDanger(element: string, a: SvgAttribute): string | null {
  const name = localName(a.name)
  const shown = `${a.name}="${shorten(a.value)}"`
  if (a.unknown.length) return `${a.unknown[0]} in ${a.name}`
  if (name.startsWith('on')) return shown
  const value = compact(a.value)
  if (['javascript:', 'vbscript:', 'data:text/html', 'data:application'].some((s) => value.includes(s)))
    return shown
  if ((name === 'href' || name === 'src') && !isLocalReference(a.value)) return shown
  if (name === 'style') {
    const css = cssDanger(a.value)
    if (css) return `style="${css}"`
  } else if (cssUrls(a.value).some((u) => !isLocalReference(u))) return shown
  if (ANIMATIONS.has(element) && name === 'attributename') {
    const target = localName(a.value.trim())
    if (target === 'href' || target === 'src' || target.startsWith('on') || target === 'style')
      return `<${element} ${shown}>`
  }
  return null
}

/**
 * Everything unsafe in an SVG's tokens. A picture with none is safe to show anywhere; the sanitiser removes each
 * the way its `remove` says.
 */
export function svgDangers(tokens: readonly SvgToken[]): SvgDanger[] {
  const found: SvgDanger[] = []
  /** The namespace prefixes in force, innermost last, and the elements open. */
  const scopes: Array<Map<string, string>> = [new Map()]
  const open: string[] = []
  /** The `<style>` element open (its token) and its text so far: CDATA or a comment may split a word. */
  let style: { token: number; css: string } | null = null
  for (const [index, token] of tokens.entries()) {
    const danger = (what: string, remove: SvgDanger['remove'], attribute?: string): void => {
      found.push({ what, token: index, remove, ...(attribute ? { attribute } : {}) })
    }
    switch (token.kind) {
      case 'declaration': {
        danger(lower(token.raw).includes('entity') ? '<!ENTITY>' : '<!DOCTYPE>', 'token')
        continue
      }
      case 'pi': {
        const target = lower(token.target)
        if (target !== 'xml') {
          danger(`<?${token.target}?>`, 'token')
          continue
        }
        const encoding = /encoding\s*=\s*["']([^"']*)["']/i.exec(token.raw)?.[1]
        if (encoding && !['utf-8', 'utf8', 'us-ascii'].includes(lower(encoding.trim())))
          danger(`encoding="${shorten(encoding)}"`, 'token')
        continue
      }
      case 'text':
      case 'cdata': {
        const { value, unknown } =
          token.kind === 'text' ? decodeEntities(token.raw) : { value: token.raw, unknown: [] }
        if (unknown.length) {
          danger(unknown[0] as string, 'whole')
          continue
        }
        if (open.length === 0 && value.trim()) {
          danger('text outside the picture', 'whole')
          continue
        }
        if (style) style.css += value
        continue
      }
      case 'end':
        if (style && localName(token.name) === 'style') {
          const css = cssDanger(style.css)
          if (css) found.push({ what: `<style> with ${css}`, token: style.token, remove: 'element' })
          style = null
        }
        open.pop()
        scopes.pop()
        continue
      case 'start': {
        // A new scope only where an element declares namespaces: deep nesting under many prefixes stays cheap.
        const outer = scopes[scopes.length - 1] ?? new Map<string, string>()
        const declares = token.attributes.filter((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:'))
        const scope = declares.length ? new Map(outer) : outer
        for (const a of declares) scope.set(a.name === 'xmlns' ? '' : a.name.slice(6), a.value)
        const colon = token.name.indexOf(':')
        const namespace = scope.get(colon < 0 ? '' : token.name.slice(0, colon))
        const name = localName(token.name)
        if (open.length === 0 && name !== 'svg') danger(`<${token.name}> instead of <svg>`, 'whole')
        if (FORBIDDEN_ELEMENTS.has(name) || namespace === XHTML) danger(`<${token.name}>`, 'element')
        for (const a of token.attributes) {
          const what = attributeDanger(name, a)
          if (!what) continue
          // An animation of a link or a handler goes whole; any other attribute goes alone.
          if (what.startsWith('<')) danger(what, 'element')
          else danger(what, 'attribute', a.name)
        }
        if (!token.selfClosing) {
          open.push(token.name)
          scopes.push(scope)
          if (name === 'style') style = { token: index, css: '' }
        }
        continue
      }
      case 'comment':
        continue
    }
  }
  return found
}

/** The result of checking an SVG's text: well-formed or not, and what in it is unsafe. */
export type SvgCheck = { ok: false; error: string } | { ok: true; tokens: SvgToken[]; dangers: SvgDanger[] }

/** Reads and checks an SVG's text. */
export function checkSvgText(text: string): SvgCheck {
  const read = tokeniseSvg(text)
  if (!read.ok) return read
  if (!read.tokens.some((t) => t.kind === 'start')) return { ok: false, error: 'there is no <svg> element' }
  return { ok: true, tokens: read.tokens, dangers: svgDangers(read.tokens) }
}
