import type { Debrief } from '../../../core/debrief/debrief.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import type { ScoreLine } from '../../../core/rules/scoring.ts'
import { formatList, formatNumber, type MessageKey, t } from '../../i18n/index.ts'
import { meterName, nameOf } from '../../view.ts'

/** The catalogue key for each kind of score line that the interface words itself. */
export const SCORE_LINE_KEYS: Record<Exclude<ScoreLine['kind'], 'term'>, MessageKey> = {
  meter: 'score.meter',
  ending: 'score.ending',
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

/**
 * A line of a side's score in the interface's language: a term's label as `index` words it (the scenario's
 * translation), a meter by its name and value, the ending by its title, or the count of breaches. Falls
 * back to the line's own label when `index` lacks the term (a classroom device sees part of a scenario).
 */
export function scoreLineText(index: ScenarioIndex, side: string, line: ScoreLine): string {
  switch (line.kind) {
    case 'term':
    case 'meter': {
      const label = index.scenario.scoring[side]?.terms[line.term]?.label
      if (label) return label
      if (line.kind === 'term') return line.label
      return t(SCORE_LINE_KEYS.meter, {
        meter: meterName(index, line.meter),
        value: formatNumber(line.value),
      })
    }
    case 'ending':
      return t(SCORE_LINE_KEYS.ending, { ending: endingOf(index, line.ending)?.title ?? line.ending })
    case 'breaches':
      return t(SCORE_LINE_KEYS.breaches, { count: line.count })
    default:
      return (line as ScoreLine).label
  }
}
