import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameStore } from '../../core/store.ts'
import {
  SAVE_VERSION,
  type SaveState,
  SaveStateSchema,
  type SaveStorage,
  saveKey,
  scenarioRef,
  summarize,
} from './format.ts'
import { migrateSave } from './migrations.ts'
import { type WriteProblem, writeFailed, writeTooNew } from './problems.ts'

/** Options of persistGameStore. */
export interface PersistGameOptions {
  storage: SaveStorage
  /** The save's id: from newSaveId for a new game, or the id a save was loaded from. */
  id: string
  /** The scenario the game store plays (for the summary and the scenario's title and hash). */
  index: ScenarioIndex
  /** The clock for `savedAt`; tests pass a counter. Default Date.now. */
  now?: () => number
  /** Called when writing starts failing (storage full or refused); not again until a write succeeds. */
  onError?: (problem: WriteProblem) => void
}

/** A game being saved. */
export interface SaveHandle {
  readonly id: string
  readonly key: string
  /** Why the last write failed, or null when it succeeded (or nothing was written yet). */
  error(): WriteProblem | null
  /** Writes the game now (it is also written after every command); returns the problem, if any. */
  save(): WriteProblem | null
  /** Stops saving: call it when leaving the game for the title screen, and before deleting its save. */
  stop(): void
}

/** The format version stored under `key`, or null when there is none or it cannot be read. */
function storedVersion(storage: SaveStorage, key: string): number | null {
  try {
    const raw = storage.getItem(key)
    const version = raw === null ? null : (JSON.parse(raw) as { version?: unknown } | null)?.version
    return typeof version === 'number' ? version : null
  } catch {
    return null
  }
}

/**
 * Saves a game store after every command it applies, under `red-lines:game:<id>`. The game store stays the
 * only holder of the rules and of the state; this adapter keeps a small zustand store of what is saved
 * (setup, log, summary) behind zustand's `persist` middleware, refreshed from a subscription whenever the
 * log grows. Write failures are reported, never thrown, so the game goes on unsaved. A key holding a save
 * from a newer Red Lines is never overwritten.
 */
export function persistGameStore(store: StoreApi<GameStore>, options: PersistGameOptions): SaveHandle {
  const { storage, id, index, now = Date.now, onError } = options
  const key = saveKey(id)
  let error: WriteProblem | null = null
  let stopped = false
  const report = (problem: WriteProblem) => {
    if (error?.code !== problem.code) onError?.(problem)
    error = problem
  }

  const version = storedVersion(storage, key)
  if (version !== null && version > SAVE_VERSION) {
    report(writeTooNew(id))
    return { id, key, error: () => error, save: () => error, stop: () => {} }
  }

  // persist calls setItem synchronously inside setState; catching here keeps a full storage from turning
  // into an exception inside the game store's dispatch.
  const guarded: StateStorage<void> = {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => {
      try {
        storage.setItem(name, value)
        error = null
      } catch (e) {
        report(writeFailed(e))
      }
    },
    removeItem: (name) => {
      try {
        storage.removeItem(name)
      } catch (e) {
        report(writeFailed(e))
      }
    },
  }
  const record = (): SaveState => {
    const { setup, log, game } = store.getState()
    return { savedAt: now(), scenario: scenarioRef(index), setup, log, summary: summarize(index, game) }
  }
  const saved = createStore<SaveState>()(
    persist(record, {
      name: key,
      version: SAVE_VERSION,
      storage: createJSONStorage(() => guarded),
      // Only the saved fields, whatever else a later version puts in this store; never the derived state.
      partialize: ({ savedAt, scenario, setup, log, summary }) => ({
        savedAt,
        scenario,
        setup,
        log,
        summary,
      }),
      // Used only if someone calls `persist.rehydrate()`: the same chain that loadSave runs.
      migrate: (state, from) =>
        SaveStateSchema.parse(
          migrateSave(state, from, {
            resolveIndex: (scenarioId) => (scenarioId === index.scenario.id ? index : undefined),
            savedAt: now(),
          }),
        ),
      // Reading goes through loadSave, which checks a save before any store exists; the game store, not
      // storage, is the source of truth from then on.
      skipHydration: true,
    }),
  )

  const save = () => {
    if (stopped) return error
    try {
      saved.setState(record(), true)
    } catch (e) {
      report(writeFailed(e))
    }
    return error
  }
  save()
  const unsubscribe = store.subscribe((state, previous) => {
    // Refusals and warnings change the store too, but only a longer log changes the game.
    if (state.log !== previous.log) save()
  })
  return {
    id,
    key,
    error: () => error,
    save,
    stop: () => {
      stopped = true
      unsubscribe()
    },
  }
}
