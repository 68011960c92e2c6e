import type { Analysis, Way } from './analysis.ts'
import type { Outlook } from './census.ts'

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
  out.push(heading(`Dry run of "${a.scenario.title}" (${a.scenario.id}), ${a.scenario.rounds} rounds`))

  section('Method')
  out.push(
    m.exhaustive
      ? `  All ${n(m.packages)} packages that can be tabled (every legal package but the empty one).`
      : `  A seeded sample of ${n(m.packages)} packages: the scenario has more than ${n(m.sampleLimit)} legal packages, so not all were tried.`,
  )
  if (m.settableFlags.length)
    out.push(
      `  Each tried with ${plural(m.flagSettings.length, 'setting')} of the flags the proposers set: ${m.settableFlags.join(', ')}.`,
    )
  out.push(
    `  Russia's answers: the opening situation (round 1, meters at their start), difficulty ${m.difficulty}.`,
    `  The rules tell ${plural(m.classes, 'class', 'classes')} of packages apart (${n(m.sumClasses)} counting the sums effects read).`,
    `  Game search: every class tabled from each state kept, then implement or continue; chance from seeds ${m.seeds.join(', ')}.`,
    `  ${n(m.moves)} moves, ${n(m.games)} finished games; states played per round: ${m.rounds.map((r) => `${r.played}/${r.states}`).join(', ')}.`,
  )
  if (m.trimmed)
    out.push(
      `  Not every state was played on (budget ${n(m.budget)} moves): "never" below means "not in the explored games".`,
    )

  section(`Russia's answers at the start (${n(a.answers.offers)} offers)`)
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

  section('Instruments Russia never accepts')
  if (a.neverAccepted.length === 0) out.push('  None: every instrument is in some package Russia can accept.')
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

function steps(way: Way, title?: string): string[] {
  return [...(title ? [`      ${title}:`] : []), ...way.steps.map((s) => `      ${s.text}`)]
}
