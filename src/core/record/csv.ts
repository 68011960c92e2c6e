import { DECISION_KEYS, endedByText, endingCell, scoreLineText, verdictText } from '../../messages/debrief.ts'
import { type Words, wordsIn } from '../../messages/index.ts'
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

/**
 * The debrief as CSV for a spreadsheet (RFC 4180, CRLF line ends), worded in `words`' language (English by
 * default, for the tools): a header and one row per round (package, verdict, red lines crossed, events,
 * decision, each meter after the round); a blank line; then a header and one row per side (score, par,
 * whether it came out ahead, the lines of its score); then the mode the game was played in and its ending,
 * the hidden resolve revealed and the aftermath, each after a blank line. Names come from the debrief (the scenario's
 * words); every other word comes from the catalogue.
 */
export function debriefToCsv(debrief: Debrief, words: Words = wordsIn('en')): string {
  const { t } = words
  const yesNo = (b: boolean | null) => (b === null ? '' : t(b ? 'csv.yes' : 'csv.no'))
  const rows: string[] = []
  rows.push(
    csvRow([
      t('csv.round'),
      t('csv.package'),
      t('csv.verdict'),
      t('csv.redLines'),
      t('csv.events'),
      t('csv.decision'),
      ...debrief.meters.map((m) => m.name),
    ]),
  )
  const responder = debrief.responder.name
  for (const r of debrief.timeline) {
    rows.push(
      csvRow([
        r.round,
        r.package
          ? r.package.map((i) => t('csv.item', { item: i.name, side: i.backerName })).join('; ')
          : t('csv.noPackage'),
        r.verdict
          ? verdictText(words, responder, {
              verdict: r.verdict,
              overruled: r.overruled
                ? { verdict: r.overruled.rulesVerdict, reason: r.overruled.reason }
                : null,
            })
          : '',
        r.redLines.map((x) => x.title).join('; '),
        r.events.map((e) => (e.injected ? t('csv.injected', { event: e.title }) : e.title)).join('; '),
        r.decision ? t(DECISION_KEYS[r.decision]) : '',
        ...debrief.meters.map((m) => r.meters[m.id] ?? null),
      ]),
    )
  }
  rows.push('')
  rows.push(csvRow([t('csv.side'), t('csv.score'), t('csv.par'), t('csv.ahead'), t('csv.scoreLines')]))
  for (const s of debrief.scores)
    rows.push(
      csvRow([
        s.name,
        s.total,
        s.par,
        yesNo(s.ahead),
        s.lines.map((l) => scoreLineText(words, l)).join('; '),
      ]),
    )
  rows.push(...revealed(debrief, words, yesNo))
  return `${rows.join('\r\n')}\r\n`
}

/**
 * How the game was played, then the hidden draw revealed: the firmness of each red line with a range and
 * whether it held each time it was crossed, and the aftermath year by year with its odds.
 */
function revealed(debrief: Debrief, words: Words, yesNo: (b: boolean | null) => string): string[] {
  const { t } = words
  const by = debrief.outcome ? endedByText(words, debrief.endedBy) : ''
  const rows = [
    '',
    csvRow([t('csv.mode'), t(debrief.mode === 'instructor' ? 'csv.mode.instructor' : 'csv.mode.play')]),
    // The ending (or that the instructor stopped the game), and what ended it where a classroom says so.
    csvRow([t('csv.ending'), endingCell(words, debrief), ...(by ? [by] : [])]),
  ]
  if (debrief.resolve.length) {
    rows.push(
      '',
      csvRow([
        t('csv.redLine'),
        t('csv.resolveFrom'),
        t('csv.resolveTo'),
        t('csv.firmness'),
        t('csv.whenCrossed'),
      ]),
    )
    for (const r of debrief.resolve)
      rows.push(
        csvRow([
          r.title,
          r.low,
          r.high,
          r.firmness,
          r.answers.map((a) => t(a.held ? 'csv.held' : 'csv.yielded', { round: a.round })).join('; '),
        ]),
      )
  }
  const a = debrief.aftermath
  if (!a) return rows
  rows.push('', csvRow([t('csv.afterDeal'), a.title]))
  rows.push(
    csvRow([
      t('csv.odds'),
      t('csv.oddsValue', {
        peace: a.odds.peace.toFixed(2),
        deterred: a.odds.deterred.toFixed(2),
        attack: a.odds.attack.toFixed(2),
        confrontation: a.odds.confrontation.toFixed(2),
      }),
    ]),
  )
  rows.push(
    csvRow([
      t('csv.year'),
      t('csv.tested'),
      t('csv.testChance'),
      t('csv.responded'),
      t('csv.respondChance'),
      t('csv.confronted'),
      t('csv.confrontChance'),
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
