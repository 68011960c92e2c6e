/**
 * Saved games: several at once, each under its own key, written after every command through zustand's
 * persist middleware, and read back with every problem (damaged, too new, unknown scenario, unreplayable)
 * reported instead of thrown. Nothing here touches the DOM: pass `localStorage`, or any SaveStorage.
 */
export {
  LEGACY_KEY,
  SAVE_PREFIX,
  SAVE_VERSION,
  type SaveState,
  type SaveStorage,
  type SaveSummary,
  saveKey,
  scenarioHash,
} from './format.ts'
export { importLegacySave, type LegacyImport, type LegacyOptions } from './legacy.ts'
export { type Loaded, loadSave } from './load.ts'
export { createMemoryStorage, openStorage } from './memory.ts'
export { GAME_VERSION_FOR_SAVE, MIGRATIONS, type MigrationContext, type SaveMigration } from './migrations.ts'
export { type PersistGameOptions, persistGameStore, type SaveHandle } from './persist.ts'
export type { SaveProblem, SaveProblemCode, WriteProblem, WriteProblemCode } from './problems.ts'
export { type ListOptions, listSaves, pickScenario, type SaveEntry } from './read.ts'
export { deleteSave, newSaveId } from './slots.ts'
