import { textFields } from '../localise.ts'
import type { Scenario, Statement } from '../schema/scenario.ts'
import { articleText } from '../seed-title.ts'
import type { ParsedFile } from './parse.ts'
import { type Problem, shown } from './problems.ts'
import { normaliseForQuote } from './quotes.ts'

/**
 * Where a machine can help an author keep a scenario faithful to its articles (see "Fidelity" in the
 * authoring guide): words set in quotation marks must be the article's own, positions carry no numbers (the
 * conditions do), game rules say why they exist, and a red line's words must be as strong as the answer and
 * the certainty the game gives them. The rest (who said what, with what modality) a person checks.
 */
export function fidelityWarnings(
  parsed: ParsedFile,
  s: Scenario,
  seeds: Readonly<Record<string, string>>,
): Problem[] {
  // Normalised once: both the quotation-mark and the number checks compare passages with them.
  const articles = articlesAtHand(s, seeds)
  return [
    ...quoteMarkWarnings(parsed, s, articles),
    ...numberWarnings(parsed, s, articles),
    ...ruleWarnings(parsed, s),
  ]
}

/** Quotation marks in the texts people read: straight, curly and guillemets (not single quotes: apostrophes). */
const QUOTED =
  /"([^"\n]+)"|\u201c([^\u201d\n]+)\u201d|\u00ab([^\u00bb\n]+)\u00bb|\u201e([^\u201c\u201d\n]+)[\u201c\u201d]/g

/** The passages set in quotation marks in a text, each cut at ellipses (a cut quote checks piece by piece). */
export function quotedPassages(text: string): string[] {
  const out: string[] = []
  for (const match of text.matchAll(QUOTED)) {
    const inner = match.slice(1).find((group) => group !== undefined) ?? ''
    for (const piece of inner.split(/\u2026|\.\.\.|\[…\]|\[\.\.\.\]/)) {
      // A closing comma or full stop inside the marks belongs to the sentence, not to the quote.
      const words = piece.trim().replace(/[.,;:]+$/u, '')
      if (/\p{L}/u.test(words)) out.push(words)
    }
  }
  return out
}

/** The normalised texts of the scenario's articles that are at hand: those it carries, then the library's. */
function articlesAtHand(s: Scenario, seeds: Readonly<Record<string, string>>): string[] {
  return s.seeds.flatMap((seed) => {
    const text = articleText(s, seed.file, seeds)
    return text === undefined ? [] : [normaliseForQuote(text).toLowerCase()]
  })
}

function quoteMarkWarnings(parsed: ParsedFile, s: Scenario, articles: readonly string[]): Problem[] {
  // Away from its articles nothing can be compared (SEED_UNAVAILABLE says so already).
  if (articles.length === 0) return []
  const out: Problem[] = []
  for (const field of textFields(s))
    for (const passage of quotedPassages(field.text)) {
      const wanted = normaliseForQuote(passage).toLowerCase()
      if (!articles.some((a) => a.includes(wanted)))
        out.push(
          parsed.problem(
            'QUOTE_MARKS_NOT_VERBATIM',
            `"${shown(passage)}" is set in quotation marks in \`${field.path}\` but stands word for word in none of the scenario's articles`,
            field.at,
          ),
        )
    }
  return out
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December'

/**
 * What a number may legitimately be in a position sentence: a year, a day of a month, an article of a treaty,
 * a reference to a seed file, or a figure the articles themselves print (such as "40-km").
 */
const ALLOWED_NUMBERS = [
  new RegExp(`\\b(?:${MONTHS})\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+(?:${MONTHS})\\b`, 'g'),
  /\b(?:1[89]|20)\d\d\b/g,
  /\bArticle\s+\d+\b/gi,
  /\bfiles?\s+\d{3}(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)\d{3})*/gi,
]

/** The texts in which a side states its position: numbers there read as the side's words, not the game's. */
function positionFields(s: Scenario) {
  return textFields(s).filter((f) =>
    /^sides\.[^.]+\.(briefing|interests\.\d+|constraints\.[^.]+\.text|positions\.\d+\.text|outlook\.text)$/.test(
      f.path,
    ),
  )
}

function numberWarnings(parsed: ParsedFile, s: Scenario, articles: readonly string[]): Problem[] {
  const out: Problem[] = []
  for (const field of positionFields(s)) {
    let text = field.text
    for (const passage of quotedPassages(text)) text = text.replace(passage, ' ')
    for (const pattern of ALLOWED_NUMBERS) text = text.replace(pattern, ' ')
    const numbers = (text.match(/[^\s()]*\d[^\s()]*/g) ?? [])
      .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, ''))
      .filter((token) => !(/[\p{L}-]/u.test(token) && articles.some((a) => a.includes(token.toLowerCase()))))
    if (numbers.length)
      out.push(
        parsed.problem(
          'NUMBER_IN_POSITION',
          `\`${field.path}\` says ${numbers.map((n) => `"${n}"`).join(', ')}: a number in a side's own words reads as its stated position`,
          field.at,
        ),
      )
  }
  return out
}

const WEAK_MODALITIES = new Set(['conditional', 'assessment'])

/** Whether every statement is conditional or an analyst's assessment, so that "will" says more than they do. */
const allHedged = (statements: readonly Statement[]) =>
  statements.length > 0 &&
  statements.every((x) => x.modality !== undefined && WEAK_MODALITIES.has(x.modality))

function ruleWarnings(parsed: ParsedFile, s: Scenario): Problem[] {
  const out: Problem[] = []
  const english = s.language.split('-')[0] === 'en'
  s.sides.forEach((side, i) => {
    side.constraints.forEach((c, j) => {
      const at = ['sides', i, 'constraints', j]
      if (c.gameRule && !c.rationale)
        out.push(
          parsed.problem(
            'GAME_RULE_WITHOUT_RATIONALE',
            `Constraint "${c.id}" of "${side.id}" is a game rule with no \`rationale\``,
            at,
          ),
        )
      if (!c.gameRule && c.source.length === 0)
        out.push(
          parsed.problem(
            'CONSTRAINT_UNSOURCED',
            `Constraint "${c.id}" of "${side.id}" cites no passage and is not marked as a game rule`,
            at,
          ),
        )
    })
  })
  s.preferences.forEach((p, i) => {
    if (p.gameRule && !p.rationale)
      out.push(
        parsed.problem(
          'GAME_RULE_WITHOUT_RATIONALE',
          `Preference "${p.id}" is a game rule with no \`rationale\``,
          ['preferences', i],
        ),
      )
    if (english && /\bwill\b/i.test(p.title) && allHedged(p.stated))
      out.push(hedged(parsed, `Preference "${p.id}"`, ['preferences', i, 'title']))
  })
  const officials = new Set(
    s.actors.filter((a) => a.kind === 'official').map((a) => `${a.side ?? ''}\u0000${a.id}`),
  )
  s.redLines.forEach((r, i) => {
    if (!r.rationale)
      out.push(
        parsed.problem(
          'RED_LINE_RATIONALE_MISSING',
          `Red line "${r.id}" does not say why it has severity ${r.severity} and a "${r.response.kind}" answer`,
          ['redLines', i],
        ),
      )
    if (english && /\bwill\b/i.test(r.title) && allHedged(r.stated))
      out.push(hedged(parsed, `Red line "${r.id}"`, ['redLines', i, 'title']))
    if (r.response.kind === 'reject' && !r.stated.some((x) => officials.has(`${r.owner}\u0000${x.speaker}`)))
      out.push(
        parsed.problem(
          'RED_LINE_STRONGER_THAN_ITS_SPEAKERS',
          `Red line "${r.id}" rejects the package outright, but none of its statements comes from an official of "${r.owner}"`,
          ['redLines', i, 'response', 'kind'],
        ),
      )
  })
  return out
}

function hedged(parsed: ParsedFile, what: string, at: Array<string | number>): Problem {
  return parsed.problem(
    'MODALITY_STRONGER',
    `${what} says "will", but every statement it rests on is conditional or an assessment`,
    at,
  )
}
