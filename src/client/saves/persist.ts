import type { StoreApi } from 'zustand/vanilla'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameStore } from '../../core/store.ts'
import { type SaveStorage, saveKey, toSave } from './format.ts'
import { type WriteProblem, writeFailed, writeTooNew } from './problems.ts'
import { isTooNew } from './read.ts'

/** Options of persistGameStore. */
export interface PersistGameOptions {
  storage: SaveStorage
  /** The save's id: from newSaveId for a new game, or the id a save was loaded from. */
  id: string
  /** The scenario the game store plays (for the title screen and the scenario's title and hash). */
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

/** Whether `key` holds a save from a newer Red Lines; unreadable storage holds none. */
function holdsNewer(storage: SaveStorage, key: string): boolean {
  try {
    const raw = storage.getItem(key)
    return raw !== null && isTooNew(raw)
  } catch {
    return false
  }
}

/**
 * Saves a game store after every command it applies, under `red-lines:game:<id>`, as its game record plus
 * what the title screen shows (format.ts). The game store stays the only holder of the rules and of the
 * state; this only writes it out whenever its log grows. Write failures are reported, never thrown, so the
 * game goes on unsaved. A key holding a save from a newer Red Lines is never overwritten.
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

  if (holdsNewer(storage, key)) {
    report(writeTooNew(id))
    return { id, key, error: () => error, save: () => error, stop: () => {} }
  }

  const save = () => {
    if (stopped) return error
    try {
      storage.setItem(key, JSON.stringify(toSave(index, store.getState(), now())))
      error = null
    } catch (e) {
      // A full storage must not turn into an exception inside the game store's dispatch.
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
