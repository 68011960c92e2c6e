/**
 * `npm run analyze -- FILE`: a dry run of every branch of a scenario before class (see
 * src/core/analyze/analysis.ts for what it finds and src/node/cli/analyze.ts for the options).
 */
import { runAnalyze } from '../src/node/cli/analyze.ts'
import { processIo } from '../src/node/cli/io.ts'

process.exitCode = runAnalyze(process.argv.slice(2), processIo(), () => performance.now())
