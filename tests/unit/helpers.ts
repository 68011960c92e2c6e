import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { loadScenarioFile, PROJECT_ROOT } from '../../src/node/scenario-files.ts'

export const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures')
export const FIXTURE_SEEDS = { 'harbour.txt': readFileSync(join(FIXTURES, 'seeds/harbour.txt'), 'utf8') }

/** The small made-up scenario of the tests, loaded and indexed. */
export function harbour(): ScenarioIndex {
  const result = loadScenario(readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8'), { seeds: FIXTURE_SEEDS })
  if (!result.index) throw new Error(JSON.stringify(result.problems))
  return result.index
}

/** The seed scenario shipped with the game, loaded and indexed. */
export function seedScenario(): ScenarioIndex {
  const result = loadScenarioFile(join(PROJECT_ROOT, 'scenarios/guarantees-2025.yaml'), {
    skipWarnings: true,
  })
  if (!result.index) throw new Error(JSON.stringify(result.problems, null, 1))
  return result.index
}

/** A scenario file under `scenarios/` (e.g. `december.yaml`), loaded with every check and indexed. */
export function scenarioFile(file: string): ScenarioIndex {
  const result = loadScenarioFile(join(PROJECT_ROOT, 'scenarios', file))
  if (!result.index) throw new Error(JSON.stringify(result.problems, null, 1))
  return result.index
}
