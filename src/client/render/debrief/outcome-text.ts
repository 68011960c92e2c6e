import type { Debrief } from '../../../core/debrief/debrief.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import type { ScoreLine } from '../../../core/rules/scoring.ts'
import type { AftermathKind } from '../../../core/scenario/schema/uncertainty.ts'
import {
  outcomeTitle as outcomeTitleWords,
  outcomeText as outcomeWords,
  scoreLineChange as scoreLineChangeWords,
  scoreLineLabel as scoreLineLabelWords,
  scoreLineText as scoreLineTextWords,
} from '../../../messages/debrief.ts'
import { t, words } from '../../i18n/index.ts'
import { meterName, nameOf } from '../../view.ts'

/**
 * The debrief's outcome and score lines in the interface's language. The wording lives once, in the shared
 * catalogue (src/messages/debrief.ts); these give it the names as `index` has them (pass the localised
 * index: the scenario's translations) and the interface's language.
 */

export { SCORE_LINE_KEYS } from '../../../messages/debrief.ts'

const endingOf = (index: ScenarioIndex, id: string | undefined) =>
  id === undefined ? undefined : index.scenario.endings.find((e) => e.id === id)

/** The ending's title as `index` words it, or "The game goes on" while there is none. */
export function endingTitle(index: ScenarioIndex, game: { ending?: { id: string } | null }): string {
  return outcomeTitleWords(words(), endingOf(index, game.ending?.id))
}

/**
 * The debrief's title: the ending's as `index` words it (else as the debrief has it), "Ended by the
 * instructor in round 3" for a classroom game stopped before any ending, or "The game goes on".
 */
export function outcomeTitle(index: ScenarioIndex, debrief: Pick<Debrief, 'outcome' | 'endedBy'>): string {
  const { outcome } = debrief
  return outcomeTitleWords(words(), outcome && (endingOf(index, outcome.id) ?? outcome), debrief.endedBy)
}

/**
 * The debrief's heading: "Ending: Deal", or, for a game the instructor stopped before any ending, "Ended by
 * the instructor in round 3" on its own.
 */
export function outcomeHeading(index: ScenarioIndex, debrief: Pick<Debrief, 'outcome' | 'endedBy'>): string {
  const title = outcomeTitle(index, debrief)
  return !debrief.outcome && debrief.endedBy ? title : t('debrief.heading', { title })
}

/** The ending's text alone, as `index` words it (before the scores are out). */
export function endingText(index: ScenarioIndex, debrief: Pick<Debrief, 'outcome'>): string {
  const { outcome } = debrief
  if (!outcome) return outcomeWords(words(), null, [])
  return endingOf(index, outcome.id)?.text ?? outcome.text
}

/**
 * The ending's text followed by who came out ahead, named as `index` names them (the debrief's own text
 * when `index` does not know the ending); for a classroom game the instructor stopped, that it stopped and
 * who was ahead then; says the game has not ended while there is no ending.
 */
export function outcomeText(
  index: ScenarioIndex,
  debrief: Pick<Debrief, 'outcome' | 'scores' | 'endedBy'>,
): string {
  const { outcome } = debrief
  const ahead = debrief.scores.filter((s) => s.ahead).map((s) => nameOf(index, s.side))
  if (!outcome) return outcomeWords(words(), null, ahead, debrief.endedBy)
  const ending = endingOf(index, outcome.id)
  if (!ending) return outcome.text
  return outcomeWords(words(), ending, ahead)
}

/** "The time for round 6 ran out; the rules then ended the game." when the round timer brought the ending. */
export function timeUpNote(debrief: Pick<Debrief, 'endedBy'>): string | null {
  const by = debrief.endedBy
  return by?.by === 'timer' ? t('debrief.timeUp', { round: by.round }) : null
}

/** An aftermath outcome's title as `index` words it (its translation), else `fallback` or the kind. */
export function aftermathTitle(index: ScenarioIndex, outcome: AftermathKind, fallback?: string): string {
  return index.scenario.aftermath?.outcomes[outcome]?.title ?? fallback ?? outcome
}

/**
 * The line with its label in the scenario's words as `index` gives them: a term's label (its translation),
 * a meter by its name, the ending and the aftermath by their titles. Falls back to the line's own label when
 * `index` lacks the term (a classroom device sees part of a scenario).
 */
function labelled(index: ScenarioIndex, side: string, line: ScoreLine): ScoreLine {
  switch (line.kind) {
    case 'term':
    case 'meter': {
      const label = index.scenario.scoring[side]?.terms[line.term]?.label
      if (label) return { ...line, label }
      return line.kind === 'term' ? line : { ...line, label: meterName(index, line.meter) }
    }
    case 'ending':
      return { ...line, label: endingOf(index, line.ending)?.title ?? line.ending }
    case 'aftermath':
      return { ...line, label: aftermathTitle(index, line.outcome) }
    default:
      return line
  }
}

/**
 * What a score line counts, in the interface's language and without its points or its change: a term's or a
 * meter's label, the ending and the aftermath by their titles, or the count of breaches.
 */
export function scoreLineLabel(index: ScenarioIndex, side: string, line: ScoreLine): string {
  const shown = labelled(index, side, line)
  return shown.kind === 'meter' ? shown.label : scoreLineLabelWords(words(), shown)
}

/** A meter line's change, "45 → 5"; null for the other kinds of line. */
export function scoreLineChange(line: ScoreLine): string | null {
  return scoreLineChangeWords(words(), line)
}

/**
 * A whole line of a side's score in the interface's language, its label, the change it counts and its
 * points with their sign: "Ukraine's confidence 45 → 5: −20", "Ending: Deal: +5".
 */
export function scoreLineText(index: ScenarioIndex, side: string, line: ScoreLine): string {
  return scoreLineTextWords(words(), labelled(index, side, line))
}
