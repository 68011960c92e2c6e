/**
 * Guesses how a quotation commits its speaker (the scenario format's `modality`) from its words and the verb
 * that attributes it. A guess for a teacher to correct: "would", "could", "might" and "if" make it
 * conditional; "likely", "probably" or a verb such as "assessed" make it an assessment.
 */

import { ASSESS } from './speech-words.ts'
import type { StatementModality } from './statement-types.ts'

const CONDITIONAL = /\b(?:would|could|might|if)(?:n['’]t)?\b/i
const ASSESSMENT = /\b(?:likely|unlikely|probably|probable|assess(?:es|ed|ing|ment)?)\b/i

/** The modality of quotation `quote` attributed with verb `verb` (lower case, '' when none). */
export function quotationModality(quote: string, verb: string): StatementModality {
  if (CONDITIONAL.test(quote)) return 'conditional'
  return ASSESSMENT.test(quote) || ASSESS.has(verb) ? 'assessment' : 'asserted'
}
