import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { LEGACY_KEY, type SaveStorage, saveKey } from './format.ts'
import { loadSave } from './load.ts'
import { persistGameStore } from './persist.ts'
import { type SaveProblem, type WriteProblem, writeFailed } from './problems.ts'
import { newSaveId } from './slots.ts'

/** Options of importLegacySave. */
export interface LegacyOptions {
  resolveIndex: (scenarioId: string) => ScenarioIndex | undefined
  /** The id to import under; by default a new one from newSaveId. */
  id?: string
  random?: () => number
  now?: () => number
}

/** What became of the old single save: its new id, and why it cannot be played, if it cannot. */
export interface LegacyImport {
  /** The id it is now saved under, or null when it could not be written (the old key is then kept). */
  id: string | null
  problem: SaveProblem | WriteProblem | null
}

/**
 * Moves the single save of Red Lines 0.1 (`red-lines:save:v1`, `{ version: 1, setup, log }`) into the list
 * of saved games, then removes the old key. It is stored as envelope format 0, the path any old save takes;
 * when it is playable it is rewritten as a record at once. A damaged one is moved as it is, so the title
 * screen explains it and the player can delete it. Returns null when there is no old save. Call it once at
 * start-up, before listSaves. Never throws.
 */
export function importLegacySave(storage: SaveStorage, options: LegacyOptions): LegacyImport | null {
  let raw: string | null
  try {
    raw = storage.getItem(LEGACY_KEY)
  } catch {
    return null
  }
  if (raw === null) return null
  let value = raw
  try {
    const doc = JSON.parse(raw) as { setup?: unknown; log?: unknown } | null
    if (typeof doc === 'object' && doc !== null && 'setup' in doc && 'log' in doc)
      value = JSON.stringify({ state: { setup: doc.setup, log: doc.log }, version: 0 })
  } catch {
    // Not JSON: moved as it is, and listed as damaged.
  }
  const id = options.id ?? newSaveId(storage, options.random)
  try {
    storage.setItem(saveKey(id), value)
  } catch (error) {
    return { id: null, problem: writeFailed(error) }
  }
  try {
    storage.removeItem(LEGACY_KEY)
  } catch {
    // The copy is made; a stale old key is imported again next time, under another id, which is harmless.
  }
  const loaded = loadSave(storage, id, options.resolveIndex)
  if (!loaded.ok) return { id, problem: loaded.problem }
  const handle = persistGameStore(loaded.store, {
    storage,
    id,
    index: loaded.index,
    ...(options.now ? { now: options.now } : {}),
  })
  handle.stop()
  return { id, problem: handle.error() }
}
