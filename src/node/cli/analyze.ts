import { analyzeScenario, DEFAULT_BUDGET, DEFAULT_SEEDS } from '../../core/analyze/analysis.ts'
import { formatAnalysis } from '../../core/analyze/report.ts'
import { DIFFICULTIES } from '../../core/rules/difficulty.ts'
import type { Difficulty } from '../../core/rules/state.ts'
import { loadScenario } from '../../core/scenario/load/index.ts'
import { parseArgs } from './args.ts'
import { sortProblems, toJsonProblem } from './check.ts'
import { articlesFolder, readArticles, readInput } from './inputs.ts'
import type { CliIo } from './io.ts'
import { formatProblemBlock, paint, summaryLine } from './problem-text.ts'

export const ANALYZE_USAGE = `Usage: npm run analyze -- [--json] [--difficulty easy|normal|hard] [--seeds 1,2,3]
                          [--budget N] [--articles DIR] FILE

A dry run of a scenario before class: the responding side's answer to every package (red lines crossed, instruments
never accepted), then a search over whole games with the real rules and fixed seeds of chance (the
shortest way to each ending, whether each side can come out ahead, events that never fire), and
warnings about balance.

  --json            print the analysis as JSON, and nothing else, on standard output
  --difficulty D    the game's difficulty (default normal)
  --seeds 1,2,3     the seeds of chance the games are played with (default ${DEFAULT_SEEDS.join(',')})
  --budget N        most moves the game search plays (default ${DEFAULT_BUDGET})
  --articles DIR    check quotes against the articles (.txt) in DIR instead of seeds/
  -h, --help        show this help

Exit status: 0 once the file loads, 1 when it does not (its problems are printed as by npm run check),
2 when the command is misused or the file cannot be read.
`

/** `npm run analyze`: returns the exit status. */
export function runAnalyze(argv: readonly string[], io: CliIo, now: () => number = () => 0): number {
  const args = parseArgs(argv, {
    switches: ['json', 'help'],
    values: ['difficulty', 'seeds', 'budget', 'articles'],
  })
  if (args.switches.has('help')) {
    io.out(ANALYZE_USAGE)
    return 0
  }
  const usage = (message: string) => {
    io.err(`analyze: ${message}\n\n${ANALYZE_USAGE}`)
    return 2
  }
  if (args.errors.length) return usage(args.errors.join(' '))
  if (args.files.length !== 1) return usage('name exactly one scenario file to analyse.')
  const difficulty = (args.values.get('difficulty') ?? 'normal') as Difficulty
  if (!DIFFICULTIES.includes(difficulty)) return usage(`--difficulty is one of ${DIFFICULTIES.join(', ')}.`)
  const seeds = (args.values.get('seeds') ?? DEFAULT_SEEDS.join(',')).split(',').map(Number)
  if (seeds.some((s) => !Number.isInteger(s)))
    return usage('--seeds is a list of whole numbers, such as 1,2,3.')
  const budget = Number(args.values.get('budget') ?? DEFAULT_BUDGET)
  if (!Number.isInteger(budget) || budget < 1)
    return usage('--budget is a whole number of moves, such as 25000.')
  const articles = readArticles(articlesFolder(args.values.get('articles'), io.cwd))
  if ('error' in articles) return usage(`the articles could not be read: ${articles.error}.`)
  const input = readInput(args.files[0] ?? '', io.cwd)
  if (input.error !== undefined) {
    io.err(`analyze: cannot read ${input.shown}: ${input.error}.\n`)
    return 2
  }
  const json = args.switches.has('json')
  const started = now()
  // The reachability warnings are skipped: the analysis itself answers them, at length.
  const loaded = input.problem
    ? { index: null, problems: [input.problem] }
    : loadScenario(input.text, { file: input.shown, seeds: articles.seeds, skipWarnings: true })
  if (!loaded.index) {
    const problems = sortProblems(loaded.problems)
    const errors = problems.filter((p) => p.severity === 'error').length
    if (json)
      io.out(
        `${JSON.stringify({ file: input.shown, loaded: false, problems: problems.map(toJsonProblem) }, null, 2)}\n`,
      )
    else {
      const blocks = problems.map((p) =>
        formatProblemBlock(p, input.text ?? null, { colour: io.colour, width: io.width }),
      )
      io.out(
        `${blocks.join('\n\n')}\n\n${summaryLine(errors, problems.length - errors, 1)}\nThe file does not load, so it cannot be analysed.\n`,
      )
    }
    return 1
  }
  const analysis = analyzeScenario(loaded.index, { difficulty, seeds, budget })
  if (json) {
    io.out(`${JSON.stringify({ file: input.shown, loaded: true, ...analysis }, null, 2)}\n`)
    return 0
  }
  io.out(formatAnalysis(analysis, (t) => paint(t, 'bold', io.colour)))
  const warnings = loaded.problems.length
  if (warnings)
    io.out(
      `\nThe loader reported ${warnings === 1 ? 'a warning' : `${warnings} warnings`}: npm run check -- ${input.shown}\n`,
    )
  const seconds = (now() - started) / 1000
  if (seconds > 0) io.out(`\nAnalysed in ${seconds.toFixed(1)} s.\n`)
  return 0
}
