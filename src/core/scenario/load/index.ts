import { indexScenario, type ScenarioIndex } from '../../rules/scenario-index.ts'
import { type Scenario, ScenarioSchema } from '../schema/scenario.ts'
import { crossCheck } from './cross-check.ts'
import { fidelityWarnings } from './fidelity.ts'
import { type ParsedFile, parseScenarioText } from './parse.ts'
import type { Problem } from './problems.ts'
import { checkQuotes } from './quotes.ts'
import { SalvageSchema, salvage } from './salvage.ts'
import { stageImageProblems } from './stage-image.ts'
import { checkTranslations } from './translations.ts'
import { issuesToProblems } from './validate.ts'
import { upgrade } from './version.ts'
import { suspiciousThings } from './warnings.ts'

export interface LoadOptions {
  /** The file name shown in problems. */
  file?: string
  /** The seed articles' texts by file name, to check quotes against. */
  seeds?: Readonly<Record<string, string>>
  /** Skip the slower reachability warnings (the game does; the checker does not). */
  skipWarnings?: boolean
}

/** The result of loading: the scenario when there is no error, and every problem found, errors first. */
export interface LoadResult {
  scenario: Scenario | null
  index: ScenarioIndex | null
  problems: Problem[]
}

/**
 * Loads a scenario from YAML text: parse with positions, check the format version (refuse newer, migrate
 * older), validate against the schema, cross-check ids, check quotes against their articles, then warn
 * about suspicious things. Reports every problem at once and never throws, whatever the input.
 */
export function loadScenario(text: string, options: LoadOptions = {}): LoadResult {
  const file = options.file ?? 'scenario.yaml'
  try {
    return load(text, file, options)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return {
      scenario: null,
      index: null,
      problems: [
        {
          severity: 'error',
          code: 'YAML_SYNTAX',
          message: `The file could not be read: ${message}`,
          fix: 'Check the file is a YAML scenario; if it is, report this message to the developers.',
          file,
          line: 1,
          column: 1,
          path: '',
        },
      ],
    }
  }
}

function load(text: string, file: string, options: LoadOptions): LoadResult {
  const fail = (problems: Problem[]): LoadResult => ({
    scenario: null,
    index: null,
    problems: sortProblems(problems),
  })
  const parsed = parseScenarioText(text, file)
  if (parsed.problems.length) return fail(parsed.problems)
  const raw = parsed.data
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail([
      parsed.problem(
        'NOT_A_MAPPING',
        'The file does not hold a group of fields (`key: value` lines at the left margin)',
      ),
    ])
  const upgraded = upgrade(parsed, raw as Record<string, unknown>)
  if (!upgraded.data) return fail(upgraded.problems)
  const result = ScenarioSchema.safeParse(upgraded.data)
  if (!result.success)
    return fail([
      // Issues describe the migrated data; their positions still come from the file as written.
      ...issuesToProblems({ ...parsed, data: upgraded.data }, result.error.issues, parsed.data),
      ...checkSalvage(parsed, upgraded.data, result.error.issues, options),
    ])
  const scenario = result.data
  const problems = [
    ...crossCheck(parsed, scenario),
    ...checkTranslations(parsed, scenario),
    ...checkQuotes(parsed, scenario, options.seeds ?? {}),
    ...stageImageProblems(parsed, scenario),
  ]
  if (problems.some((p) => p.severity === 'error')) return fail(problems)
  if (!options.skipWarnings)
    problems.push(
      ...suspiciousThings(parsed, scenario),
      ...fidelityWarnings(parsed, scenario, options.seeds ?? {}),
    )
  return { scenario, index: indexScenario(scenario), problems: sortProblems(problems) }
}

/** Cross-checks what survives of a document that failed the schema, so that every problem shows at once. */
function checkSalvage(
  parsed: ParsedFile,
  data: Record<string, unknown>,
  issues: Parameters<typeof salvage>[2],
  options: LoadOptions,
): Problem[] {
  const rest = salvage(parsed, data, issues)
  const reparsed = rest && SalvageSchema.safeParse(rest.data)
  if (!rest || !reparsed?.success) return []
  return [
    ...crossCheck(rest.parsed, reparsed.data, rest),
    ...checkQuotes(rest.parsed, reparsed.data, options.seeds ?? {}),
  ]
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      a.line - b.line ||
      a.column - b.column,
  )
}
