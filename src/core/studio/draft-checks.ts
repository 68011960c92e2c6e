import { type Analysis, analyzeScenario } from '../analyze/analysis.ts'
import { loadScenario } from '../scenario/load/index.ts'
import type { Problem } from '../scenario/load/problems.ts'

/**
 * The studio's two checks of a draft's text, as its workers run them after each change
 * (src/client/studio/check-worker.ts) and as `npm run bench` runs them in Node beside the worker's figures
 * (scripts/bench-studio.ts): one function each, so that both time exactly the same work.
 */

/** What the checker found in a draft. */
export interface DraftCheck {
  /** Every problem, errors first, worded as the checker words them. */
  problems: Problem[]
  /** Whether the scenario loads (no errors): the dry run is worked out only then. */
  loads: boolean
}

/**
 * The full check of a draft, with every check and warning (what the command line's checker reports):
 * `file` names the file in the problems, `library` holds the articles of the game's library by file name, for
 * quotes of articles the draft does not carry itself.
 */
export function checkDraft(
  text: string,
  file: string,
  library: Readonly<Record<string, string>>,
): DraftCheck {
  const result = loadScenario(text, { file, seeds: library })
  return { problems: result.problems, loads: result.index !== null }
}

/** The dry run of a draft, or why there is none. */
export interface DraftDryRun {
  /** The analysis, or null when the draft does not load or the analysis failed (`error` says why). */
  analysis: Analysis | null
  error?: string
  /** The responding side's name as the game uses it in running text (its short name, else its name). */
  responder: string
}

/**
 * The dry run of a draft: loaded without the warnings (the checker's business), then analysed with `budget`
 * moves of the game search. Never throws: a failure of the analysis comes back as its `error`.
 */
export function dryRunDraft(
  text: string,
  file: string,
  library: Readonly<Record<string, string>>,
  budget: number,
): DraftDryRun {
  const { index } = loadScenario(text, { file, seeds: library, skipWarnings: true })
  const side = index?.scenario.sides.find((s) => s.role === 'responder')
  const responder = side?.shortName ?? side?.name ?? ''
  if (!index) return { analysis: null, error: 'the scenario does not load', responder }
  try {
    return { analysis: analyzeScenario(index, { budget }), responder }
  } catch (e) {
    return { analysis: null, error: e instanceof Error ? e.message : String(e), responder }
  }
}
