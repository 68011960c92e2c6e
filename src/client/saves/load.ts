import type { StoreApi } from 'zustand/vanilla'
import type { Command } from '../../core/rules/commands.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameSetup } from '../../core/rules/state.ts'
import type { GameStore } from '../../core/store.ts'
import { t } from '../i18n/index.ts'
import { type SaveStorage, saveKey } from './format.ts'
import { corrupt, missing, type SaveProblem } from './problems.ts'
import { decodeSave } from './read.ts'
import { replaySaved } from './replay.ts'

/** A saved game rebuilt into a live game store, or why it cannot be. */
export type Loaded =
  | {
      ok: true
      id: string
      store: StoreApi<GameStore>
      index: ScenarioIndex
      setup: GameSetup
      log: Command[]
    }
  | { ok: false; id: string; problem: SaveProblem }

/**
 * Reads, checks and replays the saved game `id` through the game store. It writes nothing: call
 * persistGameStore on the result to keep saving it. Never throws.
 */
export function loadSave(
  storage: SaveStorage,
  id: string,
  resolveIndex: (scenarioId: string, hash?: string) => ScenarioIndex | undefined,
): Loaded {
  let raw: string | null
  try {
    raw = storage.getItem(saveKey(id))
  } catch (error) {
    return { ok: false, id, problem: corrupt(t('saves.detail.unreadable', { error: String(error) })) }
  }
  if (raw === null) return { ok: false, id, problem: missing(id) }
  const decoded = decodeSave(raw, { resolveIndex, savedAt: 0 })
  if (!decoded.ok) return { ok: false, id, problem: decoded.problem }
  const { save, index } = decoded
  const replayed = replaySaved(index, save.setup, save.log, save.scenario.hash)
  if (!replayed.ok) return { ok: false, id, problem: replayed.problem }
  const { setup, log } = replayed.store.getState()
  return { ok: true, id, store: replayed.store, index, setup, log }
}
