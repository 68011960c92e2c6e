/**
 * `npm run check -- FILE...`: checks scenario files and prints every problem with its line, a caret under
 * the column and a fix (or, with --json, the problems as JSON). See src/node/cli/check.ts.
 */
import { runCheck } from '../src/node/cli/check.ts'
import { processIo } from '../src/node/cli/io.ts'

process.exitCode = runCheck(process.argv.slice(2), processIo())
