import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { type LoadResult, loadScenario } from '../core/scenario/load/index.ts'
import { readSeeds, shippedScenarioPaths } from '../node/scenario-files.ts'

/** A scenario as a room keeps it: the YAML text and the file name its problems are reported against. */
export interface ScenarioSource {
  file: string
  text: string
}

let seeds: Record<string, string> | undefined
let shipped: Map<string, ScenarioSource & { title: string }> | undefined
const loaded = new Map<string, LoadResult>()

/**
 * Loads a room's scenario with the game's own loader (quotes checked against the seed articles), once per
 * distinct text: fifty rooms on one scenario parse it once, and restoring them after a restart is quick.
 */
export function loadSource(source: ScenarioSource): LoadResult {
  const key = `${source.file}\u0000${source.text}`
  let result = loaded.get(key)
  if (!result) {
    seeds ??= readSeeds()
    result = loadScenario(source.text, { file: source.file, seeds, skipWarnings: true })
    loaded.set(key, result)
  }
  return result
}

/** The scenarios shipped with the game, by id (each read and loaded once). */
export function shippedScenarios(): Map<string, ScenarioSource & { title: string }> {
  if (!shipped) {
    shipped = new Map()
    for (const path of shippedScenarioPaths()) {
      const source = { file: basename(path), text: readFileSync(path, 'utf8') }
      const { scenario } = loadSource(source)
      if (scenario) shipped.set(scenario.id, { ...source, title: scenario.title })
    }
  }
  return shipped
}
