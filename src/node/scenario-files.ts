import { readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type LoadOptions, type LoadResult, loadScenario } from '../core/scenario/load/index.ts'

/** The project's root folder, found from this file's place. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Reads every `.txt` article in a folder, by file name. */
export function readSeeds(folder = join(PROJECT_ROOT, 'seeds')): Record<string, string> {
  const seeds: Record<string, string> = {}
  for (const name of readdirSync(folder))
    if (name.endsWith('.txt')) seeds[name] = readFileSync(join(folder, name), 'utf8')
  return seeds
}

/** The shipped scenario files, as paths. */
export function shippedScenarioPaths(): string[] {
  const folder = join(PROJECT_ROOT, 'scenarios')
  return readdirSync(folder)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(folder, n))
}

/** Loads a scenario file from disk (Node only), checking its quotes against `seeds` (the project's by default). */
export function loadScenarioFile(path: string, options: Omit<LoadOptions, 'file'> = {}): LoadResult {
  return loadScenario(readFileSync(path, 'utf8'), {
    file: basename(path),
    seeds: options.seeds ?? readSeeds(),
    ...options,
  })
}
