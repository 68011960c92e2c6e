import { type ComponentChildren, h } from 'preact'
import { getLanguage } from './language.ts'

/**
 * Language of parts (WCAG 3.1.2) for quotations: the scenarios quote their articles verbatim, in English, and
 * their Ukrainian translations keep those quotations («…») in English inside Ukrainian sentences. A screen
 * reader reads such a part with the right voice only when it carries `lang`. Every text the view shows goes
 * through `markQuotedParts` (see `h` in dom.ts): when the interface is not in English, each quotation written
 * in Latin script (no Cyrillic, at least one word) becomes a `<span lang="en">`, the quotation marks outside.
 * In English nothing is done, so the cost is one comparison per element.
 */

/** The language of the quoted articles (every seed of the shipped scenarios is English). */
export const QUOTE_LANGUAGE = 'en'

const QUOTED = /(«)([^«»]+)(»)|(“)([^“”]+)(”)|(")([^"]+)(")/g
const CYRILLIC = /[\u0400-\u04FF]/
const LATIN_WORD = /[A-Za-z]{2,}/
const ANY_QUOTE = /[«“"]/

/** `text` with each quotation in Latin script as a `<span lang>`; the text itself when it has none. */
export function markQuotes(text: string, language = QUOTE_LANGUAGE): string | ComponentChildren[] {
  if (!ANY_QUOTE.test(text)) return text
  const out: ComponentChildren[] = []
  let last = 0
  for (const m of text.matchAll(QUOTED)) {
    const open = m[1] ?? m[4] ?? m[7] ?? ''
    const inner = m[2] ?? m[5] ?? m[8] ?? ''
    if (CYRILLIC.test(inner) || !LATIN_WORD.test(inner)) continue
    const at = (m.index ?? 0) + open.length
    out.push(text.slice(last, at), h('span', { lang: language }, inner))
    last = at + inner.length
  }
  if (last === 0) return text
  out.push(text.slice(last))
  return out
}

/** An element's children with the quotations of their texts marked, in an interface not in English. */
export function markQuotedParts(children: ComponentChildren): ComponentChildren {
  if (getLanguage() === QUOTE_LANGUAGE) return children
  if (typeof children === 'string') return markQuotes(children)
  if (Array.isArray(children) && children.some((c) => typeof c === 'string'))
    return children.map((c) => (typeof c === 'string' ? markQuotes(c) : c))
  return children
}
