import type { RuleWarning } from '../../core/rules/constraints.ts'
import type { Refusal } from '../../core/rules/refusals.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { ReplayError } from '../../core/store.ts'
import { refusalText as refusalWords, warningText as warningWords } from '../../messages/rules.ts'
import { t, words } from '../i18n/index.ts'
import { localisedIndex } from '../i18n/scenario.ts'

/** The wording of the rules' codes lives in the shared catalogue (src/messages/rules.ts). */
export { PHASE_KEYS, REFUSAL_KEYS, WARNING_KEYS } from '../../messages/rules.ts'

/**
 * A refusal in the interface's language, worded from its code and parameters, with the names `index` shows
 * (pass the localised index). Ids the scenario does not know are shown as they are.
 */
export function refusalText(index: ScenarioIndex, refusal: Pick<Refusal, 'code' | 'params'>): string {
  return refusalWords(words(), index, refusal)
}

/** A warning in the interface's language, e.g. the constraint a package breaks, in the scenario's words. */
export function warningText(index: ScenarioIndex, warning: RuleWarning): string {
  return warningWords(words(), index, warning)
}

/**
 * Why a game's log did not replay, in the interface's language: the move the rules refused and why (names
 * as the screen shows them, from the scenario `index` the log was replayed on); any other error as it is.
 */
export function replayErrorText(index: ScenarioIndex, error: unknown): string {
  if (error instanceof ReplayError)
    return t('replay.refused', {
      move: error.move,
      reason: refusalText(localisedIndex(index), error.refusal),
    })
  return error instanceof Error ? error.message : String(error)
}
