import type { Debrief } from '../core/debrief/debrief.ts'
import type { ScoreLine } from '../core/rules/scoring.ts'
import type { Response } from '../core/rules/state.ts'
import type { MessageKey, Words } from './index.ts'

/**
 * The debrief's verdicts, outcome and score lines in words, from its data: for the browser (through
 * `client/view.ts` and `client/render/debrief/outcome-text.ts`, which give the names as the localised
 * scenario has them), the exports (CSV), the classroom server and the command-line tools.
 */

export const VERDICT_KEYS = {
  accept: 'verdict.accept',
  demandRemoval: 'verdict.demandRemoval',
  reject: 'verdict.reject',
} as const satisfies Record<Response['verdict'], MessageKey>

export const DECISION_KEYS = {
  implement: 'rounds.decision.implement',
  continue: 'rounds.decision.continue',
} as const satisfies Record<NonNullable<Debrief['timeline'][number]['decision']>, MessageKey>

/** The catalogue key for each kind of score line the catalogue words (a term is the scenario's label alone). */
export const SCORE_LINE_KEYS = {
  meter: 'score.meter',
  ending: 'score.ending',
  aftermath: 'score.aftermath',
  breaches: 'score.breaches',
} as const satisfies Record<Exclude<ScoreLine['kind'], 'term'>, MessageKey>

/**
 * The debrief's title: the ending's (the scenario's words); for a game the instructor stopped before any
 * ending, "Ended by the instructor in round 3"; else "The game goes on".
 */
export function outcomeTitle(
  words: Words,
  outcome: { title: string } | null | undefined,
  endedBy?: Debrief['endedBy'],
): string {
  if (outcome) return outcome.title
  if (endedBy?.by === 'instructor') return words.t('debrief.stopped', { round: endedBy.round })
  return words.t('debrief.goesOn')
}

/**
 * The ending's text followed by who came out ahead (`ahead`: their names), e.g. "… Came out ahead: Europe.";
 * for a game the instructor stopped, that it stopped and who was ahead then; says the game has not ended
 * while there is no ending.
 */
export function outcomeText(
  words: Words,
  outcome: { text: string } | null | undefined,
  ahead: readonly string[],
  endedBy?: Debrief['endedBy'],
): string {
  const summary = ahead.length
    ? words.t('debrief.cameOutAhead', { sides: words.list(ahead) })
    : words.t('debrief.noneAhead')
  if (outcome) return words.t('debrief.endingText', { text: outcome.text, summary })
  if (endedBy?.by === 'instructor') return words.t('debrief.stoppedText', { round: endedBy.round, summary })
  return words.t('debrief.notEnded')
}

/**
 * What ended a classroom game, in a few words for the exports and the dashboard: "Reached by the rules in
 * round 6", "Reached when the time for round 6 ran out", "Ended by the instructor in round 3"; empty when
 * nobody says (a game played alone, which only the rules end).
 */
export function endedByText(words: Words, endedBy: Debrief['endedBy']): string {
  if (!endedBy) return ''
  const { round } = endedBy
  if (endedBy.by === 'instructor') return words.t('debrief.stopped', { round })
  return words.t(endedBy.by === 'timer' ? 'endedBy.timer' : 'endedBy.rules', { round })
}

/** The ending as the exports give it: the ending's title, or that the instructor stopped the game, or "". */
export function endingCell(words: Words, debrief: Pick<Debrief, 'outcome' | 'endedBy'>): string {
  if (debrief.outcome) return debrief.outcome.title
  return debrief.endedBy ? outcomeTitle(words, null, debrief.endedBy) : ''
}

/**
 * The one-line verdict, e.g. "Russia rejects the package."; when the instructor overruled the rules, it
 * says so, with the rules' verdict and the instructor's reason.
 */
export function verdictText(
  words: Words,
  responder: string,
  response: {
    verdict: Response['verdict']
    overruled?: { verdict: Response['verdict']; reason: string } | null
  },
): string {
  const verdict = words.t(VERDICT_KEYS[response.verdict], { responder })
  const { overruled } = response
  if (!overruled) return words.t('verdict.sentence', { verdict })
  const rules = words.t(VERDICT_KEYS[overruled.verdict], { responder })
  return words.t('verdict.overruled', { verdict, rules, reason: overruled.reason })
}

/** A number with its sign, one decimal at most: "+5", "−2.5", "0". */
export function signed(words: Words, n: number): string {
  const r = Math.round(n * 10) / 10
  const text = words.number(Math.abs(r), { maximumFractionDigits: 1, useGrouping: false })
  return r > 0 ? `+${text}` : r < 0 ? `−${text}` : text
}

/** A meter line's change, "45 → 5"; null for the other kinds of line. */
export function scoreLineChange(words: Words, line: ScoreLine): string | null {
  if (line.kind !== 'meter') return null
  return words.t('score.change', { from: words.number(line.from), to: words.number(line.value) })
}

/**
 * What a score line counts, without its points: the scenario's label (`line.label`; a meter's with the change
 * it counts), or the catalogue's wording of its kind.
 */
export function scoreLineLabel(words: Words, line: ScoreLine): string {
  switch (line.kind) {
    case 'meter':
      return words.t(SCORE_LINE_KEYS.meter, { meter: line.label, change: scoreLineChange(words, line) ?? '' })
    case 'ending':
      return words.t(SCORE_LINE_KEYS.ending, { ending: line.label })
    case 'aftermath':
      return words.t(SCORE_LINE_KEYS.aftermath, { outcome: line.label })
    case 'breaches':
      return words.t(SCORE_LINE_KEYS.breaches, { count: line.count })
    default:
      return line.label
  }
}

/** A whole score line: "Ukraine's confidence 45 → 5: −20", "Ending: Deal: +5". */
export function scoreLineText(words: Words, line: ScoreLine): string {
  return words.t('score.line', { text: scoreLineLabel(words, line), points: signed(words, line.points) })
}
