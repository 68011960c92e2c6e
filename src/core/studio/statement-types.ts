/**
 * The shapes the quote finder (quote-finder.ts) hands the scenario studio, in a file of their own so that the
 * finder's parts can share them without importing the finder.
 */

/** How a statement's words commit its speaker (the scenario format's `modality`). */
export type StatementModality = 'asserted' | 'conditional' | 'reported' | 'assessment'

/** A statement the studio may offer: `text.slice(start, end) === quote`. */
export interface StatementSuggestion {
  quote: string
  start: number
  end: number
  speaker?: { name: string; office?: string }
  /** As the article words it ("December 10", "Wednesday", "2025-12-10"); never a relative "last week". */
  date?: string
  modality: StatementModality
  /** True for words in quotation marks; false for a sentence that reports them. */
  direct: boolean
}

/** Who a statement is attributed to: a name, and the office the article gives them where it does. */
export type Speaker = NonNullable<StatementSuggestion['speaker']>
