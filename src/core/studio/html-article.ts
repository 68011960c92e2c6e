/**
 * Reads a pasted HTML page or fragment without a DOM: the article's text out of the body (blocks become
 * paragraphs, page furniture is left out), and its title, outlet, date and address out of the head's
 * metadata. One forward walk over the page; raw-text elements are skipped to their end tag.
 */

import { decodeEntities } from './html-entities.ts'
import { endOfRaw, readTag } from './html-tags.ts'
import type { PastedArticle } from './pasted-article.ts'
import { tidy } from './plain-text.ts'

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
export function htmlArticle(html: string): Omit<PastedArticle, 'kind'> {
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
