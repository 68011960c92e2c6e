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
const yesNo = (b: boolean | null) => (b === null ? '' : b ? 'yes' : 'no')

/**
 * How the game was played, then the hidden draw revealed: the firmness of each red line with a range and
 * whether it held each time it was crossed, and the aftermath year by year with its odds.
 */
function revealed(debrief: Debrief): string[] {
  const rows = [
    '',
    csvRow([
      'Mode',
      debrief.mode === 'instructor'
        ? 'Instructor mode: the hidden parts (Backstage) were open during play'
        : 'Play',
    ]),
  ]
  if (debrief.resolve.length) {
    rows.push('', csvRow(['Red line', 'Resolve from', 'Resolve to', 'Firmness drawn', 'When crossed']))
    for (const r of debrief.resolve)
      rows.push(
        csvRow([
          r.title,
          r.low,
          r.high,
          r.firmness,
          r.answers.map((a) => `round ${a.round}: ${a.held ? 'held' : 'yielded'}`).join('; '),
        ]),
      )
  }
  const a = debrief.aftermath
  if (!a) return rows
  rows.push('', csvRow(['After the deal', a.title]))
  rows.push(
    csvRow([
      'Odds before the draw',
      `peace ${a.odds.peace.toFixed(2)}; deterred ${a.odds.deterred.toFixed(2)}; attack ${a.odds.attack.toFixed(2)}; confrontation ${a.odds.confrontation.toFixed(2)}`,
    ]),
  )
  rows.push(
    csvRow([
      'Year',
      'Tested',
      'Chance of a test',
      'Responded',
      'Chance of a response',
      'Confrontation',
      'Chance of confrontation',
    ]),
  )
  for (const y of a.years)
    rows.push(
      csvRow([
        y.year,
        y.year === 0 ? '' : yesNo(y.tested),
        y.chances.test,
        yesNo(y.responded),
        y.chances.respond,
        yesNo(y.confronted),
        y.chances.confront,
      ]),
    )
  return rows
}

/**
 * The debrief as CSV for a spreadsheet (RFC 4180, CRLF line ends): a header and one row per round (package,
 * verdict, red lines crossed, events, decision, each meter after the round); a blank line; then a header and
 * one row per side (score, par, whether it came out ahead, the lines of its score); then the mode the game
 * was played in, the hidden resolve revealed and the aftermath, each after a blank line.
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
  rows.push(...revealed(debrief))
  return `${rows.join('\r\n')}\r\n`
}
