import { z } from 'zod'
import { CommandSchema } from '../../core/rules/commands.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { SAVE_VERSION, SetupSchema, scenarioRef, summarize } from './format.ts'
import { corrupt, SaveProblemError, tooNew, unknownScenario } from './problems.ts'
import { replaySaved } from './replay.ts'

/** What a migration may need besides the data: format 0 holds no summary, which only a replay gives. */
export interface MigrationContext {
  /** The scenario a save names; `hash` (when the save recorded one) tells versions of one scenario apart. */
  resolveIndex: (scenarioId: string, hash?: string) => ScenarioIndex | undefined
  /** The time to record for formats that stored none. */
  savedAt: number
}

/**
 * A migration turns the state of one save format into the next, as plain data; it throws a
 * SaveProblemError when the data cannot be upgraded. They run in order up to SAVE_VERSION, both when a save
 * is read and from zustand persist's `migrate`, and are tested with fixtures of the older format.
 */
export type SaveMigration = (state: unknown, context: MigrationContext) => Record<string, unknown>

const V0Schema = z.strictObject({ setup: SetupSchema, log: z.array(CommandSchema) })

/**
 * MIGRATIONS[n] upgrades format n to n + 1. Format 0 is the single save of Red Lines 0.1 (`{ setup, log }`
 * under `red-lines:save:v1`): format 1 adds the scenario's title and the summary, found by replaying it.
 */
export const MIGRATIONS: Record<number, SaveMigration> = {
  0: (state, { resolveIndex, savedAt }) => {
    const parsed = V0Schema.safeParse(state)
    if (!parsed.success) throw new SaveProblemError(corrupt('the saved game of Red Lines 0.1 is incomplete'))
    const { setup, log } = parsed.data
    const index = resolveIndex(setup.scenarioId)
    if (!index) throw new SaveProblemError(unknownScenario(setup.scenarioId, setup.scenarioId))
    const replayed = replaySaved(index, setup, log)
    if (!replayed.ok) throw new SaveProblemError(replayed.problem)
    const game = replayed.store.getState().game
    return { savedAt, scenario: scenarioRef(index), setup, log, summary: summarize(index, game) }
  },
  // Format 2 only allows a `mode` in the setup; a save of format 1 has none: it was played in play mode.
  1: (state) => state as Record<string, unknown>,
}

/** The version of Red Lines that first writes each save format, for the "too new" message. */
export const GAME_VERSION_FOR_SAVE: Record<number, string> = { 0: '0.1', 1: '0.2', 2: '0.3' }

/**
 * Runs the migrations from `version` up to SAVE_VERSION. Throws SaveProblemError when one cannot, and for a
 * format newer than this game: such a save is never migrated down.
 */
export function migrateSave(state: unknown, version: number, context: MigrationContext): unknown {
  if (version > SAVE_VERSION)
    throw new SaveProblemError(tooNew(version, SAVE_VERSION, GAME_VERSION_FOR_SAVE[version]))
  let current = state
  for (let v = version; v < SAVE_VERSION; v++) {
    const migrate = MIGRATIONS[v]
    if (!migrate) throw new SaveProblemError(corrupt(`no migration from save format ${v} is known`))
    current = migrate(current, context)
  }
  return current
}
