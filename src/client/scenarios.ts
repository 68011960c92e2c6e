import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import { loadScenario } from '../core/scenario/load/index.ts'
import type { Problem } from '../core/scenario/load/problems.ts'

/** One shipped scenario file: its index when it loaded, and its problems otherwise. */
export interface ScenarioEntry {
  file: string
  index: ScenarioIndex | null
  problems: Problem[]
}

/** Everything the page plays from: the scenarios and the seed articles, bundled as text at build time. */
export interface Catalogue {
  scenarios: ScenarioEntry[]
  /** Seed article texts by file name, e.g. `000_8be765a56510407b.txt`. */
  seeds: Record<string, string>
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1)

const byBaseName = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(files).map(([path, text]) => [baseName(path), text]))

/**
 * Loads every scenario shipped in `scenarios/` against the articles in `seeds/`. Nothing is fetched: Vite
 * inlines the files as raw text. Scenarios are sorted by file name; broken ones keep their problems.
 */
export function loadCatalogue(): Catalogue {
  const scenarioTexts = byBaseName(
    import.meta.glob<string>('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }),
  )
  const seeds = byBaseName(
    import.meta.glob<string>('/seeds/*.txt', { query: '?raw', import: 'default', eager: true }),
  )
  const scenarios = Object.keys(scenarioTexts)
    .sort()
    .map((file) => {
      const result = loadScenario(scenarioTexts[file] ?? '', { file, seeds, skipWarnings: true })
      return { file, index: result.index, problems: result.problems }
    })
  return { scenarios, seeds }
}

/** The scenarios that loaded, by scenario id. */
export function playable(catalogue: Catalogue): ScenarioIndex[] {
  return catalogue.scenarios.flatMap((s) => (s.index ? [s.index] : []))
}
