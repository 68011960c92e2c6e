import type { Debrief } from '../debrief/debrief.ts'

/** Characters that make a spreadsheet read a cell as a formula (with tab and carriage return, per OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One CSV field by RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. Text
 * that starts like a formula gets a leading single quote, so that a spreadsheet shows it instead of running
 * it (CSV injection: a record can be edited by anyone before it reaches the teacher). Numbers are written
 * as numbers, since a negative score is not a formula and must stay a number in the spreadsheet.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  let text = String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV record. */
export function csvRow(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return values.map(csvField).join(',')
}

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`)

/**
 * The debrief as CSV for a spreadsheet (RFC 4180, CRLF line ends): a header and one row per round (package,
 * verdict, red lines crossed, events, decision, each meter after the round); a blank line; then a header and
 * one row per side (score, par, whether it came out ahead, the lines of its score).
 */
export function debriefToCsv(debrief: Debrief): string {
  const rows: string[] = []
  rows.push(
    csvRow([
      'Round',
      'Package',
      'Verdict',
      'Red lines crossed',
      'Events',
      'Decision',
      ...debrief.meters.map((m) => m.name),
    ]),
  )
  for (const r of debrief.timeline) {
    rows.push(
      csvRow([
        r.round,
        r.package ? r.package.map((i) => `${i.name} (${i.backerName})`).join('; ') : 'No package tabled',
        r.verdictLine ?? '',
        r.redLines.map((x) => x.title).join('; '),
        r.events.map((e) => (e.injected ? `${e.title} (brought in by the instructor)` : e.title)).join('; '),
        r.decision ?? '',
        ...debrief.meters.map((m) => r.meters[m.id] ?? null),
      ]),
    )
  }
  rows.push('')
  rows.push(csvRow(['Side', 'Score', 'Par', 'Ahead', 'Score lines']))
  for (const s of debrief.scores)
    rows.push(
      csvRow([
        s.name,
        s.total,
        s.par,
        s.ahead ? 'yes' : 'no',
        s.lines.map((l) => `${l.label}: ${signed(l.points)}`).join('; '),
      ]),
    )
  return `${rows.join('\r\n')}\r\n`
}
