import type { Scenario } from '../schema/scenario.ts'
import { articleText } from '../seed-title.ts'
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
export function collectQuotes(scenario: object): Array<{ seed: string; quote: string; path: DocPath }> {
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
 * Checks that every quote stands word for word in the article it cites: the text the scenario carries for it,
 * or else the article of the game's library (`library`, by file name). A cited article whose text is in
 * neither is an error, once per article: a quote nobody can check is never played.
 */
export function checkQuotes(
  parsed: ParsedFile,
  scenario: Pick<Scenario, 'seeds'>,
  library: Readonly<Record<string, string>>,
): Problem[] {
  const out: Problem[] = []
  const normalised = new Map<string, string>()
  const missing = new Set<string>()
  for (const { seed, quote, path } of collectQuotes(scenario)) {
    const index = scenario.seeds.findIndex((s) => s.file === seed)
    if (index < 0) continue
    const text = articleText(scenario, seed, library)
    if (text === undefined) {
      if (!missing.has(seed))
        out.push(
          parsed.problem(
            'SEED_UNAVAILABLE',
            `The article "${seed}" has no text in the scenario and is not one of the game's library, so its quotes cannot be checked`,
            ['seeds', index, 'file'],
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
    const wanted = normaliseForQuote(quote)
    if (!article.includes(wanted)) {
      const shown = quote.length > 60 ? `${quote.slice(0, 57)}...` : quote
      const near = nearestPassage(article, wanted)
      const hint = near
        ? `; the closest passage reads "${near.passage}", differing at \`${near.quoteWord}\` where the article has \`${near.articleWord}\``
        : ''
      out.push(
        parsed.problem(
          'QUOTE_NOT_FOUND',
          `The quote "${shown}" does not stand word for word in ${seed}${hint}`,
          [...path, 'quote'],
        ),
      )
    }
  }
  return out
}

/** Words shown on each side of the first difference in the closest passage. */
const CONTEXT_WORDS = 4

/**
 * Where a quote that is not in the article comes closest to it: the longest run of its first words that
 * stands in the article (or, when even its first word does not, of its last words), the passage there and
 * the first word that differs. Both texts are normalised. Found by halving, with `includes` on each try, so
 * it stays fast on long articles. Null when no two words of the quote stand together in the article.
 */
export function nearestPassage(
  article: string,
  quote: string,
): { passage: string; quoteWord: string; articleWord: string } | null {
  const words = quote.split(' ')
  const longest = (piece: (n: number) => string): number => {
    let low = 0
    let high = words.length
    while (low < high) {
      const mid = Math.ceil((low + high) / 2)
      if (article.includes(piece(mid))) low = mid
      else high = mid - 1
    }
    return low
  }
  const head = longest((n) => words.slice(0, n).join(' '))
  const tail = longest((n) => words.slice(words.length - n).join(' '))
  if (Math.max(head, tail) < 2) return null
  const texts = article.split(' ')
  if (head >= tail) {
    const at = wordIndex(article, words.slice(0, head).join(' '))
    const differs = at + head
    const from = Math.max(at, differs - CONTEXT_WORDS)
    return {
      passage: `${from > 0 ? '…' : ''}${texts.slice(from, differs + CONTEXT_WORDS).join(' ')}…`,
      quoteWord: words[head] ?? '',
      articleWord: texts[differs] ?? '',
    }
  }
  const at = wordIndex(article, words.slice(words.length - tail).join(' '))
  const differs = at - 1
  return {
    passage: `…${texts.slice(Math.max(0, differs - CONTEXT_WORDS + 1), at + CONTEXT_WORDS).join(' ')}…`,
    quoteWord: words[words.length - tail - 1] ?? '',
    articleWord: texts[differs] ?? '',
  }
}

/** The number of the word where `piece` starts in the normalised `text` (words split on single spaces). */
function wordIndex(text: string, piece: string): number {
  const offset = text.indexOf(piece)
  return offset <= 0 ? 0 : text.slice(0, offset).split(' ').length - 1
}
