/**
 * The messages between the studio's page and its checking workers (check-worker.ts). The page starts two:
 * one checks the newest text after each change, the other works out the dry run of the newest text that
 * loads, so that a long dry run never holds up the problems of the next keystroke (and a dry run overtaken by
 * a newer text is stopped, its worker replaced). Each worker gets the library's articles once, then texts
 * with a rising number; its answers carry the number of the text they are about, so the page drops any that
 * a newer text has made stale.
 */
import type { Analysis } from '../../core/analyze/analysis.ts'
import type { Problem } from '../../core/scenario/load/problems.ts'

/** The dry run's budget of moves while typing: small, so that it follows the text within a second or two. */
export const LIVE_BUDGET = 4_000

/**
 * The User Timing names under which the page keeps how long the newest check and dry run took in their
 * worker (`performance.getEntriesByName`; only the newest of each is kept). Their `detail` gives the number
 * of the text and its length in characters. The browser's profiler shows them, and `npm run bench`
 * (scripts/bench-studio.ts) reads them to set them beside the same work in Node.
 */
export const TIMINGS = { check: 'studio:check', dryRun: 'studio:dry-run' } as const

/** From the page to a worker: the library, a text to check, or a text (that loads) to dry-run. */
export type ToWorker =
  | { type: 'library'; seeds: Record<string, string> }
  | { type: 'check' | 'dryRun'; seq: number; text: string; file: string }

/** What the checker found in one text. */
export interface Checked {
  type: 'checked'
  seq: number
  /** Every problem, errors first, worded as the checker words them. */
  problems: Problem[]
  /** Whether the scenario loads (no errors): the dry run is asked for only then. */
  loads: boolean
  /** How long the check took in the worker (milliseconds): the core's `checkDraft`, timed around that call. */
  ms: number
}

/** The dry run of one text that loads (or why there is none). */
export interface DryRun {
  type: 'dryRun'
  seq: number
  /** The analysis, or null when it failed or the text does not load (then `error` says why). */
  analysis: Analysis | null
  error?: string
  /** The responding side's name as the game uses it in running text (its short name, else its name). */
  responder: string
  /** How long the dry run took in the worker (milliseconds): the core's `dryRunDraft`, timed around that call. */
  ms: number
}

/** From the worker to the page. */
export type FromWorker = Checked | DryRun
