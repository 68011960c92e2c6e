import type { StoreApi } from 'zustand/vanilla'
import type { Command } from '../../core/rules/commands.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameSetup } from '../../core/rules/state.ts'
import { createGameStore, type GameStore } from '../../core/store.ts'
import { scenarioHash } from './format.ts'
import { replayFailed, type SaveProblem } from './problems.ts'

/** A rebuilt game store, or why the rules refused the log. */
export type Replayed = { ok: true; store: StoreApi<GameStore> } | { ok: false; problem: SaveProblem }

/**
 * Rebuilds a saved game through the game store itself, so the rules stay in one place: the store replays
 * the log and throws on the first command the rules refuse. `hash` is the scenario hash the save recorded,
 * used only to explain a failure.
 */
export function replaySaved(index: ScenarioIndex, setup: GameSetup, log: Command[], hash?: string): Replayed {
  try {
    return { ok: true, store: createGameStore(index, setup, log) }
  } catch (error) {
    return {
      ok: false,
      problem: replayFailed(error, hash !== undefined && hash !== scenarioHash(index), index),
    }
  }
}
