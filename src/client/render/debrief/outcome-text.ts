import type { Debrief } from '../../../core/debrief/debrief.ts'
import { scoreLineWords } from '../../../core/debrief/score-lines.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import type { ScoreLine } from '../../../core/rules/scoring.ts'
import type { AftermathKind } from '../../../core/scenario/schema/uncertainty.ts'
import { formatList, formatNumber, type MessageKey, t } from '../../i18n/index.ts'
import { meterName, nameOf } from '../../view.ts'
import { signed } from './chart-math.ts'

/** The catalogue key for each kind of score line that the interface words itself. */
export const SCORE_LINE_KEYS: Record<Exclude<ScoreLine['kind'], 'term'>, MessageKey> = {
  meter: 'score.meter',
  ending: 'score.ending',
  aftermath: 'score.aftermath',
  breaches: 'score.breaches',
}

const endingOf = (index: ScenarioIndex, id: string | undefined) =>
  id === undefined ? undefined : index.scenario.endings.find((e) => e.id === id)

/** The ending's title as `index` words it, or "The game goes on" while there is none. */
export function endingTitle(index: ScenarioIndex, game: { ending?: { id: string } | null }): string {
  return endingOf(index, game.ending?.id)?.title ?? t('debrief.goesOn')
}

/** The debrief's title: the ending's as `index` words it (else as the debrief has it), or "The game goes on". */
export function outcomeTitle(index: ScenarioIndex, debrief: Pick<Debrief, 'outcome'>): string {
  const { outcome } = debrief
  if (!outcome) return t('debrief.goesOn')
  return endingOf(index, outcome.id)?.title ?? outcome.title
}

/** The ending's text alone, as `index` words it (before the scores are out). */
export function endingText(index: ScenarioIndex, debrief: Pick<Debrief, 'outcome'>): string {
  const { outcome } = debrief
  if (!outcome) return t('debrief.notEnded')
  return endingOf(index, outcome.id)?.text ?? outcome.text
}

/**
 * The ending's text followed by who came out ahead, named as `index` names them (the debrief's own text
 * when `index` does not know the ending); says the game has not ended while there is no ending.
 */
export function outcomeText(index: ScenarioIndex, debrief: Pick<Debrief, 'outcome' | 'scores'>): string {
  const { outcome } = debrief
  if (!outcome) return t('debrief.notEnded')
  const ending = endingOf(index, outcome.id)
  if (!ending) return outcome.text
  const ahead = debrief.scores.filter((s) => s.ahead).map((s) => nameOf(index, s.side))
  const summary = ahead.length
    ? t('debrief.cameOutAhead', { sides: formatList(ahead) })
    : t('debrief.noneAhead')
  return t('debrief.endingText', { text: ending.text, summary })
}

/** An aftermath outcome's title as `index` words it (its translation), else `fallback` or the kind. */
export function aftermathTitle(index: ScenarioIndex, outcome: AftermathKind, fallback?: string): string {
  return index.scenario.aftermath?.outcomes[outcome]?.title ?? fallback ?? outcome
}

/**
 * What a score line counts, in the interface's language and without its points: a term's label as `index`
 * words it (the scenario's translation), a meter by its name, the ending and the aftermath by their
 * titles, or the count of breaches. Falls back to the line's own label when `index` lacks the term (a
 * classroom device sees part of a scenario).
 */
export function scoreLineLabel(index: ScenarioIndex, side: string, line: ScoreLine): string {
  switch (line.kind) {
    case 'term':
    case 'meter': {
      const label = index.scenario.scoring[side]?.terms[line.term]?.label
      if (label) return label
      return line.kind === 'term' ? line.label : meterName(index, line.meter)
    }
    case 'ending':
      return t(SCORE_LINE_KEYS.ending, { ending: endingOf(index, line.ending)?.title ?? line.ending })
    case 'aftermath':
      return t(SCORE_LINE_KEYS.aftermath, { outcome: aftermathTitle(index, line.outcome) })
    case 'breaches':
      return t(SCORE_LINE_KEYS.breaches, { count: line.count })
    default:
      return (line as ScoreLine).label
  }
}

/** A meter line's change, "45 → 5"; null for the other kinds of line. */
export function scoreLineChange(line: ScoreLine): string | null {
  const { change } = scoreLineWords(line)
  return change ? t('score.change', { from: formatNumber(change.from), to: formatNumber(change.to) }) : null
}

/**
 * A whole line of a side's score in the interface's language, its label, the change it counts and its
 * points with their sign: "Ukraine's confidence 45 → 5: −20", "Ending: Deal: +5".
 */
export function scoreLineText(index: ScenarioIndex, side: string, line: ScoreLine): string {
  const label = scoreLineLabel(index, side, line)
  const change = scoreLineChange(line)
  const text = change ? t(SCORE_LINE_KEYS.meter, { meter: label, change }) : label
  return t('score.line', { text, points: signed(scoreLineWords(line).points) })
}
