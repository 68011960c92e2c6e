/**
 * Cuts an article into the words and marks the quote finder's speaker searches walk. A token remembers what
 * those searches ask of it many times (lower case, capital, inside a quotation, first on its line), so that
 * each is worked out once.
 */

import type { Span } from './quote-spans.ts'
import { charClass, width } from './text-scan.ts'

/** A word or a single punctuation mark: offsets [s, e), its text `w`, lower-cased `lw` for words. */
export interface Tok {
  s: number
  e: number
  w: string
  lw: string
  word: boolean
  cap: boolean
  /** Inside a quotation: someone's words, never the article's attribution. */
  quoted: boolean
  /** The first token of its line. */
  line: boolean
}

/**
 * Splits the text into words ("Zelensky's", "U.S", "40-kilometer": letters and digits joined by an apostrophe,
 * period or hyphen) and single punctuation marks, each marked when it stands inside a quotation.
 */
export function tokenize(text: string, opaque: Span[]): Tok[] {
  const toks: Tok[] = []
  let k = 0
  let line = true
  for (let i = 0; i < text.length; ) {
    const kind = charClass(text, i)
    if (kind === 'space') {
      line ||= text.charCodeAt(i) === 10
      i++
      continue
    }
    let j = i + width(text, i)
    if (kind === 'word')
      while (j < text.length) {
        if (charClass(text, j) === 'word') j += width(text, j)
        else if (
          "'’.-".includes(text[j] as string) &&
          j + 1 < text.length &&
          charClass(text, j + 1) === 'word'
        )
          j += 2
        else break
      }
    while (k < opaque.length && (opaque[k] as Span).end <= i) k++
    const span = opaque[k]
    const w = text.slice(i, j)
    const c = text.charCodeAt(i)
    const word = kind === 'word'
    const cap = c < 128 ? c >= 65 && c <= 90 : word && /^\p{Lu}/u.test(w)
    const quoted = !!span && span.open < i && i < span.close
    toks.push({ s: i, e: j, w, lw: word ? w.toLowerCase() : w, word, cap, quoted, line })
    line = false
    i = j
  }
  return toks
}
