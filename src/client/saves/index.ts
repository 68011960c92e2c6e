/**
 * Saved games: several at once, each under its own key, written after every command as the game's record
 * plus what the title screen shows, and read back with every problem (damaged, too new, unknown scenario,
 * unreplayable) reported instead of thrown. Nothing here touches the DOM: pass `localStorage`, or any
 * SaveStorage.
 */
export {
  LEGACY_KEY,
  SAVE_PREFIX,
  type SaveStorage,
  type SaveSummary,
  saveKey,
  scenarioHash,
} from './format.ts'
export { importLegacySave, type LegacyImport, type LegacyOptions } from './legacy.ts'
export { type Loaded, loadSave } from './load.ts'
export { createMemoryStorage, openStorage } from './memory.ts'
export { fromEnvelope } from './old-formats.ts'
export { type PersistGameOptions, persistGameStore, type SaveHandle } from './persist.ts'
export type { SaveProblem, SaveProblemCode, WriteProblem, WriteProblemCode } from './problems.ts'
export { type ListOptions, listSaves, pickScenario, type SaveEntry } from './read.ts'
export { deleteSave, newSaveId } from './slots.ts'
