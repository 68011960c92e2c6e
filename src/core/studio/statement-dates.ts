/**
 * Finds the date of a statement for the quote finder: the dates an article gives as dates ("December 10",
 * "on Wednesday", "2025-12-10", "in March 2024"), never relative ones ("last week"), and of those the first
 * in the statement's own sentences, else the first in its paragraph. Dates inside quotations are someone's
 * words, not the article's dating of them, and are passed over.
 */

import type { Span } from './quote-spans.ts'
import { paragraphRanges } from './sentences.ts'
import { first, indexAt } from './text-scan.ts'

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.'
const DATE = new RegExp(
  [
    `\\b(\\d{4}-\\d{2}-\\d{2})\\b`,
    `\\b(\\d{1,2} (?:${MONTHS})(?:,? \\d{4})?)(?![\\p{L}\\p{N}])`,
    `\\b((?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?)\\b`,
    `\\b(?:[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Ss]ince|[Bb]y) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b`,
    `\\b[Ii]n ((?:${MONTHS})(?: \\d{4})?)\\b`,
  ].join('|'),
  'gu',
)

/** Every date the text gives, in order (relative ones such as "last week" are not dates). */
function findDates(text: string): Array<{ at: number; value: string }> {
  const out: Array<{ at: number; value: string }> = []
  for (const match of text.matchAll(DATE)) {
    const value = match.slice(1).find((group) => group !== undefined) as string
    out.push({ at: (match.index ?? 0) + match[0].indexOf(value), value })
  }
  return out
}

/**
 * Reads the dates of `text` once and answers, for the statement whose sentences run over [a, b), the date
 * that dates it, or undefined. `opaque` holds the text's outermost quotations.
 */
export function statementDates(text: string, opaque: Span[]): (a: number, b: number) => string | undefined {
  const paragraphs = paragraphRanges(text)
  const dates = findDates(text)
  const quoted = (at: number) => {
    const span = opaque[indexAt(opaque, at, (q) => q.open)]
    return !!span && at > span.open && at < span.end
  }
  const dateIn = (a: number, b: number) => {
    let k = Math.max(
      0,
      indexAt(dates, a, (d) => d.at),
    )
    for (let tries = 0; k < dates.length && tries < 50; k++, tries++) {
      const d = dates[k] as { at: number; value: string }
      if (d.at < a) continue
      if (d.at >= b) return undefined
      if (!quoted(d.at)) return d.value
    }
    return undefined
  }
  return (a: number, b: number) => {
    const own = dateIn(a, b)
    if (own) return own
    const p = paragraphs[indexAt(paragraphs, a, first)]
    return p ? dateIn(p[0], p[1]) : undefined
  }
}
