/**
 * Reads single HTML tags for the page walker (html-article.ts): a tag's name and attributes, and the end of
 * a raw-text element (script, style…) whose content is skipped unparsed. Each scan moves forward only.
 */

import { decodeEntities } from './html-entities.ts'

/** A start or end tag: its lower-case name, its decoded attributes, and the index after its `>`. */
export interface Tag {
  name: string
  closing: boolean
  selfClosing: boolean
  attrs: Map<string, string>
  end: number
}

/** Reads the tag that starts at `at` (`<` then a letter or `/`); attribute values are decoded. */
export function readTag(html: string, at: number): Tag {
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
export function endOfRaw(html: string, name: string, from: number): { content: string; end: number } {
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
