import { loadScenario } from '../../core/scenario/load/index.ts'
import type { Problem } from '../../core/scenario/load/problems.ts'
import type { Scenario } from '../../core/scenario/schema/scenario.ts'
import { parseArgs } from './args.ts'
import { articlesFolder, type Input, readArticles, readInput, unlistedArticles } from './inputs.ts'
import type { CliIo } from './io.ts'
import { formatProblemBlock, summaryLine } from './problem-text.ts'
import { scenarioSummary } from './scenario-summary.ts'

export const CHECK_USAGE = `Usage: npm run check -- [--json] [--articles DIR] FILE...

Checks scenario files and reports every problem with its place, the line concerned and a fix.
Relative paths are read from the folder you run npm in; quotes are checked against the articles in
the project's seeds/ folder, or in DIR with --articles.

  --json           print the problems as a JSON array, and nothing else, on standard output
  --articles DIR   check quotes against the articles (.txt) in DIR
  -h, --help       show this help

Exit status: 0 when no file has an error (warnings alone pass), 1 when some file has an error,
2 when the command is misused or a file cannot be read.
`

/** A problem as `--json` prints it. */
export interface JsonProblem {
  file: string
  line: number
  column: number
  endLine?: number
  severity: Problem['severity']
  code: string
  message: string
  fix: string
  path: string
}

export function toJsonProblem(p: Problem): JsonProblem {
  const endLine = (p as Problem & { endLine?: unknown }).endLine
  return {
    file: p.file,
    line: p.line,
    column: p.column,
    ...(typeof endLine === 'number' ? { endLine } : {}),
    severity: p.severity,
    code: p.code,
    message: p.message,
    fix: p.fix,
    path: p.path,
  }
}

/** Errors first, then warnings, each in the order of the file. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1)
  return [...problems].sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column)
}

/**
 * Every problem of one file that can be read, with the loader's own checks and the articles listed, and the
 * scenario when it loads.
 */
export function checkInput(
  input: Extract<Input, { error?: undefined }>,
  seeds: Readonly<Record<string, string>>,
  folder: string,
): { problems: Problem[]; scenario: Scenario | null } {
  if (input.problem) return { problems: [input.problem], scenario: null }
  const file = { shown: input.shown, text: input.text }
  const { problems, scenario } = loadScenario(input.text, { file: input.shown, seeds })
  return {
    problems: sortProblems([...problems, ...unlistedArticles(file, seeds, folder, problems)]),
    scenario,
  }
}

/** `npm run check`: returns the exit status. */
export function runCheck(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { switches: ['json', 'help'], values: ['articles'] })
  if (args.switches.has('help')) {
    io.out(CHECK_USAGE)
    return 0
  }
  const usage = (message: string) => {
    io.err(`check: ${message}\n\n${CHECK_USAGE}`)
    return 2
  }
  if (args.errors.length) return usage(args.errors.join(' '))
  if (args.files.length === 0) return usage('name at least one scenario file to check.')
  const folder = articlesFolder(args.values.get('articles'), io.cwd)
  const articles = readArticles(folder)
  if ('error' in articles) return usage(`the articles could not be read: ${articles.error}.`)
  let unreadable = false
  const checked: Array<{
    input: Input & { error?: undefined }
    problems: Problem[]
    scenario: Scenario | null
  }> = []
  for (const arg of args.files) {
    const input = readInput(arg, io.cwd)
    if (input.error !== undefined) {
      io.err(`check: cannot read ${arg}: ${input.error}.\n`)
      unreadable = true
      continue
    }
    checked.push({ input, ...checkInput(input, articles.seeds, folder) })
  }
  const all = checked.flatMap((c) => c.problems)
  const errors = all.filter((p) => p.severity === 'error').length
  if (args.switches.has('json')) io.out(`${JSON.stringify(all.map(toJsonProblem), null, 2)}\n`)
  else if (checked.length) {
    const blocks: string[] = []
    for (const { input, problems, scenario } of checked) {
      const options = { colour: io.colour, width: io.width }
      for (const p of problems) blocks.push(formatProblemBlock(p, input.text ?? null, options))
      const loads = problems.length ? `${input.shown} loads:` : `${input.shown}: no problems`
      if (scenario) blocks.push([loads, ...scenarioSummary(scenario)].join('\n'))
      else if (problems.length === 0) blocks.push(loads)
    }
    io.out(`${blocks.join('\n\n')}\n\n${summaryLine(errors, all.length - errors, checked.length)}\n`)
  }
  return unreadable ? 2 : errors ? 1 : 0
}
