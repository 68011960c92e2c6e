import type { Scenario } from '../schema/scenario.ts'
import type { ParsedFile } from './parse.ts'
import type { DocPath, Problem } from './problems.ts'

/** Characters that count as the same when a quote is compared with its article. */
const SINGLE_QUOTES = "'\u2018\u2019\u201a\u2032"
const DOUBLE_QUOTES = '"\u201c\u201d\u201e\u2033\u00ab\u00bb'
const DASHES = '-\u2013\u2014'
const escapeClass = (chars: string) => chars.replace(/[-\]\\^]/g, '\\$&')

/**
 * Normalises text for comparing a quote with its article: typographic quotes and apostrophes become straight
 * ones, dashes become hyphens, and every run of white space becomes one space.
 */
export function normaliseForQuote(text: string): string {
  return text
    .replace(new RegExp(`[${escapeClass(SINGLE_QUOTES)}]`, 'g'), "'")
    .replace(new RegExp(`[${escapeClass(DOUBLE_QUOTES)}]`, 'g'), '"')
    .replace(new RegExp(`[${escapeClass(DASHES)}]`, 'g'), '-')
    .replace(/\s+/g, ' ')
    .trim()
}

function charPattern(ch: string): string {
  for (const chars of [SINGLE_QUOTES, DOUBLE_QUOTES, DASHES])
    if (chars.includes(ch)) return `[${escapeClass(chars)}]`
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/**
 * Where `quote` stands in `text` (start inclusive, end exclusive) by the same rules as the quote check, or
 * null when it does not: what the game highlights when a student opens the source of a quote.
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const words = quote.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return null
  const source = words.map((w) => [...w].map(charPattern).join('')).join('\\s+')
  const match = new RegExp(source, 'u').exec(text)
  return match ? { start: match.index, end: match.index + match[0].length } : null
}

/** Finds every `{ seed, quote }` in the scenario with its path in the file (translations hold none). */
export function collectQuotes(scenario: Scenario): Array<{ seed: string; quote: string; path: DocPath }> {
  const found: Array<{ seed: string; quote: string; path: DocPath }> = []
  const walk = (node: unknown, path: DocPath): void => {
    if (Array.isArray(node))
      node.forEach((x, i) => {
        walk(x, [...path, i])
      })
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>
      if (typeof record.seed === 'string' && typeof record.quote === 'string')
        found.push({ seed: record.seed, quote: record.quote, path })
      for (const [key, value] of Object.entries(record))
        if (path.length || key !== 'translations') walk(value, [...path, key])
    }
  }
  walk(scenario, [])
  return found
}

/**
 * Checks that every quote stands word for word in the seed article it cites. Seeds whose text is not at
 * hand give one warning each instead, so that a scenario opened away from its articles still loads.
 */
export function checkQuotes(
  parsed: ParsedFile,
  scenario: Scenario,
  seeds: Readonly<Record<string, string>>,
): Problem[] {
  const out: Problem[] = []
  const normalised = new Map<string, string>()
  const missing = new Set<string>()
  for (const { seed, quote, path } of collectQuotes(scenario)) {
    if (!scenario.seeds.some((s) => s.file === seed)) continue
    const text = seeds[seed]
    if (text === undefined) {
      if (!missing.has(seed))
        out.push(
          parsed.problem(
            'SEED_UNAVAILABLE',
            `The article "${seed}" is not available, so its quotes were not checked`,
            [...path, 'seed'],
          ),
        )
      missing.add(seed)
      continue
    }
    let article = normalised.get(seed)
    if (article === undefined) {
      article = normaliseForQuote(text)
      normalised.set(seed, article)
    }
    if (!article.includes(normaliseForQuote(quote))) {
      const shown = quote.length > 60 ? `${quote.slice(0, 57)}...` : quote
      out.push(
        parsed.problem('QUOTE_NOT_FOUND', `The quote "${shown}" does not stand word for word in ${seed}`, [
          ...path,
          'quote',
        ]),
      )
    }
  }
  return out
}
