import type { Change } from '../../../core/debrief/changes.ts'
import type { Prediction } from '../../../core/debrief/predict.ts'
import type { WhatIfAlternative } from '../../../core/debrief/what-if.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import type { ResponseKind } from '../../../core/scenario/schema/conditions.ts'
import {
  alternativeText as alternativeWords,
  basisText as basisWords,
  chanceText as chanceWords,
  changeText as changeWords,
} from '../../../messages/what-if.ts'
import { words } from '../../i18n/index.ts'

/**
 * The what-if in the interface's language. The wording lives once, in the shared catalogue
 * (src/messages/what-if.ts); these bind it to the interface's language. Pass the localised index, so that
 * names read as the screen shows them.
 */

export {
  CHANGE_KEYS,
  DID_KEYS,
  PHRASE_KEYS,
  RATHER_THAN_KEYS,
  REASON_KEYS,
  WOULD_HAVE_KEYS,
} from '../../../messages/what-if.ts'

/** A change as a list item, e.g. "Read Article 5-style clause as “could” instead". */
export function changeText(index: ScenarioIndex, change: Change): string {
  return changeWords(words(), index, change)
}

/**
 * The finding in one sentence, e.g. "Without the Multinational reassurance force, Russia would have
 * accepted the package rather than rejecting it: the red line ‘Peskov: …’ would no longer apply."
 */
export function alternativeText(
  index: ScenarioIndex,
  before: Pick<Prediction, 'verdict'>,
  alt: Pick<WhatIfAlternative, 'changes' | 'after' | 'reasons'>,
): string {
  return alternativeWords(words(), index, before, alt)
}

/** Says that chance turned the answer the game gave away from the one the red lines and preferences give. */
export function chanceText(index: ScenarioIndex, actual: ResponseKind, predicted: ResponseKind): string {
  return chanceWords(words(), index, actual, predicted)
}

/** What every what-if is computed from, said under the findings. */
export function basisText(index: ScenarioIndex): string {
  return basisWords(words(), index)
}
