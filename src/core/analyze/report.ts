import { possessive } from '../text/possessive.ts'
import type { Analysis, Way } from './analysis.ts'
import type { Outlook } from './census.ts'
import {
  AFTERMATH_HEADING,
  aftermathLines,
  readingLines,
  readingsHeading,
  resolveHeading,
  resolveLines,
} from './report-uncertainty.ts'

/** Styles the report's headings; the command line makes them bold on a terminal, plain otherwise. */
export type Heading = (text: string) => string

const n = (x: number) => x.toLocaleString('en-GB')
const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '0%')
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`

const OUTLOOKS: Array<[Outlook, string]> = [
  ['reject', 'rejected by a red line'],
  ['demandRemoval', 'removals demanded by a red line'],
  ['acceptAlways', 'accepted whatever the dice'],
  ['acceptByChance', 'accepted or rejected by chance'],
  ['rejectAlways', 'rejected on its disposition'],
]

/** The analysis as a plain-text report, in sections with headings. */
export function formatAnalysis(a: Analysis, heading: Heading = (t) => t): string {
  const out: string[] = []
  const section = (title: string) => out.push('', heading(title))
  const m = a.method
  const who = a.scenario.responder
  out.push(heading(`Dry run of "${a.scenario.title}" (${a.scenario.id}), ${a.scenario.rounds} rounds`))

  section('Method')
  out.push(...methodLines(a))

  section(`${possessive(who, "'")} answers at the start (${n(a.answers.offers)} offers)`)
  const width = Math.max(...OUTLOOKS.map(([, label]) => label.length))
  for (const [key, label] of OUTLOOKS)
    out.push(
      `  ${label.padEnd(width)}  ${n(a.answers[key]).padStart(9)}  ${pct(a.answers[key], a.answers.offers).padStart(6)}`,
    )

  section('Red lines: packages that cross each at the start')
  for (const r of a.redLines) {
    const games = r.crossedInGames ? '' : '; never crossed in the explored games'
    const of = m.exhaustive ? '' : ' of the sample'
    out.push(
      `  ${r.id} (${r.kind}): ${plural(r.packages, 'package')}${of}, ${pct(r.packages, m.packages)}${games}`,
    )
    for (const e of r.examples) out.push(`      e.g. ${e.text}`)
  }

  section(resolveHeading(who))
  out.push(...resolveLines(a))

  section(AFTERMATH_HEADING)
  out.push(...aftermathLines(a))

  section(readingsHeading(who))
  out.push(...readingLines(a))

  section('Preferences and constraints at the start')
  out.push(...positionLines(a))

  section(`Instruments ${who} never accepts`)
  if (a.neverAccepted.length === 0) out.push(`  None: every instrument is in some package ${who} can accept.`)
  for (const x of a.neverAccepted) out.push(`  ${x.name}: ${x.reason}.`)

  section('Endings: the shortest way to each (fewest rounds)')
  for (const e of a.endings) {
    if (!e.way) {
      out.push(`  ${e.id} "${e.title}": not reached in the explored games`)
      continue
    }
    out.push(`  ${e.id} "${e.title}": reached in ${plural(e.way.rounds, 'round')} (seed ${e.way.seed})`)
    out.push(...steps(e.way))
  }

  section('Sides: can each come out ahead? (best score against par)')
  for (const s of a.sides) {
    const verdict = s.best === null ? 'no finished game' : s.canComeOutAhead ? 'yes' : 'NO'
    out.push(`  ${s.name}: ${verdict}; best ${s.best ?? '-'}, worst ${s.worst ?? '-'}, par ${s.par}`)
    if (s.bestWay) out.push(...steps(s.bestWay, `best game (seed ${s.bestWay.seed})`))
  }

  section('Events that never fired in the explored games')
  if (a.eventsNeverFired.length === 0)
    out.push(a.method.events ? '  None: every event fired in some game.' : '  The scenario has no events.')
  for (const e of a.eventsNeverFired) out.push(`  ${e.id} "${e.title}"`)

  section('Balance warnings')
  if (a.warnings.length === 0) out.push('  None.')
  for (const w of a.warnings) out.push(`  ${w.code}  ${w.message}.`)
  return `${out.join('\n')}\n`
}

/**
 * How the dry run was made, in words a teacher can check against the guide: which packages, which flag
 * settings, which situation the responder answers in, how the rules group packages, and how far the game search went.
 */
function methodLines(a: Analysis): string[] {
  const m = a.method
  const who = a.scenario.responder
  const lines = [
    m.exhaustive
      ? `  Packages tried: all ${n(m.packages)} that the proposers can table (each instrument left out, or put in by one of the sides that can offer it, in one of its variants if it has any; an empty package cannot be tabled).`
      : `  Packages tried: a seeded sample of ${n(m.packages)}; the scenario has more than ${n(m.sampleLimit)} packages, too many to try them all.`,
  ]
  if (m.settableFlags.length)
    lines.push(
      `  Each package tried with ${plural(m.flagSettings.length, 'setting')} of the flags the proposers control (${m.settableFlags.join(', ')}): ${plural(a.answers.offers, 'offer')} in all.`,
    )
  lines.push(
    `  ${possessive(who, "'")} answers below are to round 1, with the meters at their start, at ${m.difficulty} difficulty${a.resolve.some((r) => r.range) ? `, with every red line holding (what changes when one does not is under "${possessive(who, "'")} resolve")` : ''}.`,
    `  Packages ${possessive(who, "'")} rules treat alike: ${plural(m.classes, 'group')} (the packages of a group meet the same red lines, preferences, events and endings); ${n(m.sumClasses)} once the totals that effects read are counted too.`,
    `  Whole games: from each situation reached, one package of each group is tabled, then the proposers implement it or continue${a.aftermath ? '; a deal or guarantees imposed without consent are followed by the years after, played out for each package whose odds differ' : ''}; chance from seeds ${m.seeds.join(', ')}.`,
    `  ${plural(m.moves, 'move')} (a package tabled or a decision) in ${plural(m.games, 'finished game')}; situations played on, round by round: ${m.rounds.map((r) => `${n(r.played)} of ${n(r.states)}`).join(', ')}.`,
  )
  if (m.trimmed)
    lines.push(
      `  The search stopped at its budget of ${n(m.budget)} moves before playing on from every situation: "never" below means "not in the games explored", not "impossible".`,
    )
  return lines
}

/**
 * How far the softer positions reach: the packages each preference of the responder's applies to, the packages
 * that break each constraint of each proposing side, and what a breach costs in the games played.
 */
function positionLines(a: Analysis): string[] {
  const m = a.method
  const { preferences, constraints, constraintPenalty } = a.positions
  const of = m.exhaustive ? '' : ' of the sample'
  const flags = m.settableFlags.length ? ' (under some setting of the flags)' : ''
  const count = (packages: number) => `${plural(packages, 'package')}${of}, ${pct(packages, m.packages)}`
  const signed = (x: number) => (x > 0 ? `+${x}` : `${x}`)
  const who = a.scenario.responder
  const lines: string[] = []
  if (preferences.length === 0) lines.push(`  ${who} has no preferences.`)
  else {
    lines.push(
      `  ${possessive(who, "'")} preferences (the weight is added to its disposition when one applies): packages each applies to${flags}`,
    )
    for (const p of preferences) lines.push(`    ${p.id} (weight ${signed(p.weight)}): ${count(p.packages)}`)
  }
  if (constraints.length === 0) return [...lines, '  No proposing side has constraints.']
  for (const side of new Set(constraints.map((c) => c.sideName))) {
    lines.push(`  Constraints of ${side}: packages that break each${flags}`)
    for (const c of constraints.filter((x) => x.sideName === side))
      lines.push(`    ${c.id}: ${count(c.packages)}`)
  }
  lines.push(
    `  A side that endorses a package breaking its own constraint loses ${plural(constraintPenalty, 'point')} each time. The game search has every side endorse each package it tables, so these breaches weigh on the worst scores under Sides below.`,
  )
  return lines
}

function steps(way: Way, title?: string): string[] {
  return [...(title ? [`      ${title}:`] : []), ...way.steps.map((s) => `      ${s.text}`)]
}
