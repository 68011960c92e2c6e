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
  /** The text of each shipped scenario file by file name, as it was loaded. */
  texts: Record<string, string>
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1)

const byBaseName = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(files).map(([path, text]) => [baseName(path), text]))

/** The texts of the files in `scenarios/` by file name. Nothing is fetched: Vite inlines them as raw text. */
export function scenarioTexts(): Record<string, string> {
  return byBaseName(
    import.meta.glob<string>('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }),
  )
}

/**
 * The text of the authors' template (`scenarios/template/new-scenario.yaml`), or '' in the classroom build,
 * which leaves it out like the shipped files: the template reuses some of their texts.
 */
export function templateText(): string {
  const files = import.meta.glob<string>('/scenarios/template/*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  })
  return Object.values(files)[0] ?? ''
}

/** Loads one scenario file against the seed articles (the reachability warnings are left to the checker). */
export function loadEntry(file: string, text: string, seeds: Record<string, string>): ScenarioEntry {
  const result = loadScenario(text, { file, seeds, skipWarnings: true })
  return { file, index: result.index, problems: result.problems }
}

/**
 * The scenario offered first (and chosen by default) on the set-up screen: the whole negotiation. The shorter
 * moments (late August, December) and any other file follow by file name.
 */
export const FEATURED_SCENARIO_FILE = 'guarantees-2025.yaml'

const featuredFirst = (a: string, b: string) =>
  Number(b === FEATURED_SCENARIO_FILE) - Number(a === FEATURED_SCENARIO_FILE) || a.localeCompare(b)

/**
 * Loads every scenario shipped in `scenarios/` (or the texts given) against the articles in `seeds/`.
 * The featured scenario comes first, then the others by file name; broken ones keep their problems.
 */
export function loadCatalogue(texts: Record<string, string> = scenarioTexts()): Catalogue {
  const seeds = byBaseName(
    import.meta.glob<string>('/seeds/*.txt', { query: '?raw', import: 'default', eager: true }),
  )
  const scenarios = Object.keys(texts)
    .sort(featuredFirst)
    .map((file) => loadEntry(file, texts[file] ?? '', seeds))
  return { scenarios, seeds, texts }
}

/** The scenarios that loaded, by scenario id. */
export function playable(catalogue: Catalogue): ScenarioIndex[] {
  return catalogue.scenarios.flatMap((s) => (s.index ? [s.index] : []))
}

type FilesListener = (texts: Record<string, string>) => void

/**
 * Calls `listener` with the new texts of `scenarios/` whenever a file there is saved, added or removed while
 * the development server runs (`npm start`): Vite replaces this module in place instead of reloading the
 * page. Does nothing in a built game. The listeners live in `import.meta.hot.data`, which every version of
 * this module shares, so that they outlive the replaced module.
 */
export function onScenarioFilesChange(listener: FilesListener): void {
  const hot = import.meta.hot
  if (!hot) return
  hot.data.listeners ??= []
  ;(hot.data.listeners as FilesListener[]).push(listener)
}

// Written out as `import.meta.hot.accept`, which is how Vite finds that this module takes its own updates.
if (import.meta.hot) {
  import.meta.hot.accept((next) => {
    const texts = (next as { scenarioTexts?: () => Record<string, string> } | undefined)?.scenarioTexts?.()
    if (!texts) return import.meta.hot?.invalidate('scenarios.ts changed shape: reloading the page')
    for (const listener of (import.meta.hot?.data.listeners ?? []) as FilesListener[]) listener(texts)
  })
}
