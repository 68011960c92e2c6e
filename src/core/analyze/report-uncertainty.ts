import { possessive } from '../text/possessive.ts'
import type { AftermathGroup, Odds, OddsAcross } from './aftermath-odds.ts'
import { good } from './aftermath-odds.ts'
import type { Analysis } from './analysis.ts'
import type { Outlook } from './census.ts'
import type { Source } from './resolve.ts'

/**
 * The report's sections on what format 3 added: Russia's hidden resolve, the aftermath's odds, and how each
 * proposing side reads Russia and argues (see resolve.ts and aftermath-odds.ts for how they are worked out).
 */

/** The headings of the three sections, as the report prints them, for a responding side named `responder`. */
export const resolveHeading = (responder: string) =>
  `${possessive(responder, "'")} resolve: how firmly each red line holds`
export const AFTERMATH_HEADING = 'The aftermath: the odds of each outcome, by package'
export const readingsHeading = (responder: string) => `How each side reads ${responder}, and what it argues`

const n = (x: number) => x.toLocaleString('en-GB')
const percent = (x: number) => `${(100 * x).toFixed(1).replace(/\.0$/, '')}%`
/** Quotes are cut to this many characters in the report; the file has them whole. */
const QUOTE_SHOWN = 110

const ANSWERS: Array<[Outlook, string]> = [
  ['reject', 'rejected by a red line'],
  ['demandRemoval', 'removals demanded'],
  ['acceptAlways', 'accepted whatever the dice'],
  ['acceptByChance', 'accepted or rejected by chance'],
  ['rejectAlways', 'rejected on its disposition'],
]

const answers = (counts: Record<Outlook, number>) =>
  ANSWERS.filter(([key]) => counts[key] > 0)
    .map(([key, label]) => `${n(counts[key])} ${label}`)
    .join(', ') || 'none'

const source = (s: Source) =>
  `${s.seed}: "${s.quote.length > QUOTE_SHOWN ? `${s.quote.slice(0, QUOTE_SHOWN - 1)}…` : s.quote}"`

/** Each red line's range, why and from where, and what it changes in Russia's answers at the start. */
export function resolveLines(a: Analysis): string[] {
  if (a.resolve.length === 0) return ['  The scenario has no red lines.']
  if (a.resolve.every((r) => !r.range))
    return ['  No red line has a resolve range: every red line always holds when a package crosses it.']
  const lines = [
    "  A firmness is drawn per game between each range's ends (seeded, hidden from players); each time a package crosses the red line, it holds with that probability and otherwise only warns. Answers are to the offers at the start that cross it.",
  ]
  for (const r of a.resolve) {
    const range = r.range
      ? `firmness drawn between ${r.range.low} and ${r.range.high}`
      : 'always holds (no resolve range)'
    lines.push(`  ${r.id} (${r.kind}): ${range}`)
    if (r.rationale) lines.push(`      why: ${r.rationale}`)
    for (const s of r.sources) lines.push(`      source ${source(s)}`)
    if (r.offers === 0) {
      lines.push('      no offer crosses it at the start')
      continue
    }
    lines.push(`      ${n(r.offers)} offers cross it; if it holds: ${answers(r.ifHolds)}`)
    if (r.ifYields) lines.push(`      if ${a.scenario.responder} lets it pass: ${answers(r.ifYields)}`)
  }
  return lines
}

const oddsText = (o: Odds) =>
  `peace ${percent(o.peace)} · deterred ${percent(o.deterred)} · attack ${percent(o.attack)} · confrontation ${percent(o.confrontation)}`

const groupLine = (g: AftermathGroup, odds: OddsAcross, passes: boolean) => {
  const spread =
    good(odds.low) === good(odds.high)
      ? ''
      : ` (${percent(good(odds.low))} at the low end of the ranges, ${percent(good(odds.high))} at the high end)`
  const alike = g.packages > 1 ? ` (and ${n(g.packages - 1)} more alike)` : ''
  const pass =
    passes && g.passes !== null
      ? `; its red lines let it through ${percent(g.passes)} of the time, a deal that holds ${percent(g.passes * good(odds.middle))}`
      : ''
  return [
    `    ${oddsText(odds.middle)}; peace or deterred ${percent(good(odds.middle))}${spread}${pass}`,
    `      e.g. ${g.text}${alike}`,
  ]
}

/** The aftermath's odds for the best and worst packages, agreed and imposed. */
export function aftermathLines(a: Analysis): string[] {
  const s = a.aftermath
  if (!s) return ['  The scenario has no aftermath: the game ends when the negotiation does.']
  const lines = [
    `  After a deal, or guarantees imposed without consent, ${s.years === 1 ? '1 year is' : `${s.years} years are`} played out. The odds are exact (every branch of the years), in the opening situation, with the red lines a package crosses at the middle of their resolve ranges.`,
    `  ${n(s.groups)} groups of packages with different odds; ${a.scenario.responder} may accept ${n(s.dealGroups)} of them at the start with its red lines holding, and ${n(s.yieldGroups)} more only if it lets a red line pass.`,
  ]
  const list = (title: string, groups: AftermathGroup[], imposed: boolean) => {
    lines.push(`  ${title}:`)
    if (groups.length === 0) lines.push('    none')
    for (const g of groups) {
      const odds = imposed ? g.imposed : g.deal
      if (odds) lines.push(...groupLine(g, odds, !imposed))
    }
  }
  list('Agreed: the best odds of peace or a deterred attack', s.bestDeals, false)
  list('Agreed: the worst odds of an attack or confrontation', s.worstDeals, false)
  list(
    `Agreed only if ${a.scenario.responder} lets a red line pass: the best chances of a deal that holds`,
    s.bestIfYields,
    false,
  )
  list('Imposed without consent: the best odds of peace or a deterred attack', s.bestImposed, true)
  list('Imposed without consent: the worst odds of an attack or confrontation', s.worstImposed, true)
  return lines
}

/** Each proposing side's reading of Russia (its outlook) and its positions, as computer players use them. */
export function readingLines(a: Analysis): string[] {
  if (a.readings.every((r) => !r.outlook && r.positions.length === 0))
    return [
      '  No proposing side has an outlook or positions: computer players take the middle of each resolve range, and give generic reasons.',
    ]
  const lines: string[] = []
  for (const r of a.readings) {
    if (r.outlook) {
      const text = r.outlook.text ? `: ${r.outlook.text}` : ''
      lines.push(
        `  ${r.name}: expects ${possessive(a.scenario.responder, "'")} firmness ${r.outlook.firmness} of the way up each resolve range${text}`,
      )
      for (const s of r.outlook.sources) lines.push(`      source ${source(s)}`)
    } else lines.push(`  ${r.name}: no outlook (its computer players take the middle of each resolve range)`)
    if (r.positions.length === 0) lines.push('      no positions (its computer players give generic reasons)')
    for (const p of r.positions)
      lines.push(`      ${p.stance === 'want' ? 'wants' : 'resists'} ${p.about.join(', ')}: ${p.text}`)
  }
  return lines.length ? lines : ['  No proposing side.']
}
