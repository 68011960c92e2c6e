/**
 * Splits an article into sentences and paragraphs for the quote finder. A sentence never ends inside a
 * quotation, nor after an abbreviation or an initial ("Gen.", "J.", "U.S."), so that a speaker's sentence
 * keeps the quotation it attributes.
 */

import type { Span } from './quote-spans.ts'
import { charClass, isSpace } from './text-scan.ts'

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen col lt sgt capt gov sen rep st jr sr vs etc inc ltd co corp no jan feb mar apr jun jul aug sep sept oct nov dec fig approx'.split(
    ' ',
  ),
)

/** Splits the text into sentences (start and end offsets, trimmed), never inside a quotation. */
export function sentences(text: string, opaque: Span[]): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let from = 0
  const push = (a: number, b: number) => {
    while (a < b && isSpace(text[a])) a++
    while (b > a && isSpace(text[b - 1])) b--
    if (b > a) out.push([a, b])
  }
  // Whether a sentence may start at `at` (after spaces): a capital, a digit or an opening mark.
  const startsSentence = (at: number) => {
    let m = at
    while (text[m] === ' ' || text[m] === '\t' || text[m] === '\u00a0') m++
    const c = text[m]
    return c === undefined || c === '\n' || /[\p{Lu}\p{N}“„«"‘'(]/u.test(c)
  }
  let k = 0
  for (let i = 0; i < text.length; i++) {
    const span = opaque[k]
    if (span && span.open === i) {
      k++
      i = span.end - 1
      let last = span.close - 1
      while (last > span.open && isSpace(text[last])) last--
      if ('.!?…'.includes(text[last] as string) && span.end > span.close && startsSentence(span.end)) {
        push(from, span.end)
        from = span.end
      }
      continue
    }
    const code = text.charCodeAt(i)
    if (code !== 10 && code !== 46 && code !== 33 && code !== 63 && code !== 0x2026) continue
    const c = text[i] as string
    if (c === '\n') {
      push(from, i)
      from = i + 1
    } else {
      let j = i + 1
      while (j < text.length && ')]”’"\'»'.includes(text[j] as string)) j++
      if (j < text.length && !isSpace(text[j])) continue
      if (!startsSentence(j)) continue
      if (c === '.' && isAbbreviation(text, i)) continue
      push(from, j)
      from = j
      i = j - 1
    }
  }
  push(from, text.length)
  return out
}

/** Whether the period at `dot` ends an abbreviation or an initial ("Mr.", "Gen.", "J.", "U.S.") rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let b = dot
  while (b > 0 && dot - b < 8 && charClass(text, b - 1) === 'word') b--
  const word = text.slice(b, dot)
  return (word.length === 1 && /\p{Lu}/u.test(word)) || ABBREVIATIONS.has(word.toLowerCase())
}

/** Paragraphs: between blank lines when the text has them, else its lines. */
export function paragraphRanges(text: string): Array<[number, number]> {
  const separator = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n/g : /\n/g
  const out: Array<[number, number]> = []
  let from = 0
  for (const m of text.matchAll(separator)) {
    out.push([from, m.index ?? 0])
    from = (m.index ?? 0) + m[0].length
  }
  out.push([from, text.length])
  return out
}
