import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { MAX_FILE_BYTES, parseScenarioText } from '../../core/scenario/load/parse.ts'
import { PROBLEM_CODES, type Problem } from '../../core/scenario/load/problems.ts'
import { PROJECT_ROOT, readSeeds } from '../scenario-files.ts'

/** A scenario file named on the command line: its text, or why it could not be read. */
export type Input =
  | { shown: string; path: string; text: string; problem?: undefined; error?: undefined }
  | { shown: string; path: string; problem: Problem; text?: undefined; error?: undefined }
  | { shown: string; path: string; error: string; text?: undefined; problem?: undefined }

/** Past this many bytes a file cannot hold a scenario of MAX_FILE_BYTES characters, and is not read at all. */
const MAX_BYTES = 4 * MAX_FILE_BYTES

/** Reads a file named as the user typed it, from the folder the user was in. */
export function readInput(arg: string, cwd: string): Input {
  const path = resolve(cwd, arg)
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) return { shown: arg, path, error: `${path} is a folder, not a scenario file` }
    if (stat.size > MAX_BYTES) {
      const [severity, fix] = PROBLEM_CODES.FILE_TOO_LARGE
      const message = `The file has ${stat.size} bytes; the limit is ${MAX_FILE_BYTES} characters`
      const problem: Problem = {
        severity,
        code: 'FILE_TOO_LARGE',
        message,
        fix,
        file: arg,
        line: 1,
        column: 1,
        path: '',
      }
      return { shown: arg, path, problem }
    }
    return { shown: arg, path, text: readFileSync(path, 'utf8') }
  } catch (e) {
    return { shown: arg, path, error: describeFsError(e, path) }
  }
}

function describeFsError(e: unknown, path: string): string {
  const code = (e as { code?: string }).code
  if (code === 'ENOENT') return `there is no file ${path}`
  if (code === 'EACCES' || code === 'EPERM') return `${path} may not be read (permission denied)`
  return `${path} could not be read (${e instanceof Error ? e.message : String(e)})`
}

/** The folder of seed articles: the project's `seeds/` unless `--articles` names another. */
export function articlesFolder(option: string | undefined, cwd: string): string {
  return option ? resolve(cwd, option) : join(PROJECT_ROOT, 'seeds')
}

/** The articles of a folder by file name, or why they could not be read. */
export function readArticles(folder: string): { seeds: Record<string, string> } | { error: string } {
  try {
    return { seeds: readSeeds(folder) }
  } catch (e) {
    return { error: describeFsError(e, folder) }
  }
}

/**
 * Problems for articles listed under `seeds:` that are neither in the folder nor carried in the file under
 * `text:`, besides those the loader already reports (it reports only articles that some quote cites). Reads
 * the list as written, whether each entry is a file name or a mapping with `file:`.
 */
export function unlistedArticles(
  input: { shown: string; text: string },
  seeds: Readonly<Record<string, string>>,
  folder: string,
  reported: readonly Problem[],
): Problem[] {
  const parsed = parseScenarioText(input.text, input.shown)
  if (parsed.problems.length) return []
  const data = parsed.data as { seeds?: unknown } | null
  const list = data && typeof data === 'object' && Array.isArray(data.seeds) ? data.seeds : []
  const out: Problem[] = []
  list.forEach((entry: unknown, i) => {
    const name = typeof entry === 'string' ? entry : (entry as { file?: unknown } | null)?.file
    // An article whose text the scenario carries needs no folder (format 4).
    const carried = typeof (entry as { text?: unknown } | null)?.text === 'string'
    if (typeof name !== 'string' || name in seeds || carried) return
    const already = reported.some((p) => p.code === 'SEED_UNAVAILABLE' && p.message.includes(`"${name}"`))
    if (already) return
    const path = typeof entry === 'string' ? ['seeds', i] : ['seeds', i, 'file']
    out.push(
      parsed.problem(
        'SEED_UNAVAILABLE',
        `The article "${name}" listed under seeds is not in ${folder}`,
        path,
      ),
    )
  })
  return out
}
