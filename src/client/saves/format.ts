import { z } from 'zod'
import { GameRecordSchema, RECORD_FORMAT, RECORD_VERSION } from '../../core/record/format.ts'
import { scenarioHash as hashScenario } from '../../core/record/hash.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { PhaseSchema } from '../../core/rules/setup.ts'
import type { GameStore } from '../../core/store.ts'

/**
 * The stored shape of a saved game: a game record (core/record/format.ts: the same schema, the same version
 * chain and migrations, so a save is exported as it is) plus what the title screen shows of it. Each game
 * lives under its own key, `red-lines:game:<id>`, so that one damaged entry can never hide the others (there
 * is deliberately no index key to corrupt). Saves written before they were records (zustand persist's
 * envelope `{ state, version }`, and the single save of Red Lines 0.1) are read by old-formats.ts and
 * legacy.ts.
 */

/** Every saved game's key starts with this. */
export const SAVE_PREFIX = 'red-lines:game:'

/** The key of the single save written by Red Lines 0.1 (src/client/save.ts), imported by legacy.ts. */
export const LEGACY_KEY = 'red-lines:save:v1'

/** The storage key of a saved game. */
export const saveKey = (id: string): string => `${SAVE_PREFIX}${id}`

/** The id of a save key, or null for keys that are not saved games. */
export const idOfKey = (key: string): string | null =>
  key.startsWith(SAVE_PREFIX) ? key.slice(SAVE_PREFIX.length) : null

/**
 * The part of the Web Storage API that saves use. `localStorage` fits, and so does an in-memory object in
 * tests; nothing here touches the DOM.
 */
export interface SaveStorage {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** Where a game stands, as the title screen lists it without replaying it. */
export const SummarySchema = z.strictObject({
  round: z.number().int().min(1),
  phase: PhaseSchema,
  ending: z.strictObject({ id: z.string().min(1), title: z.string() }).optional(),
  /** The proposing sides played by people, in scenario order. */
  humans: z.array(z.string().min(1)),
})

/** What the title screen shows of a save: when it was written, and where the game stands. */
const TitleScreenSchema = SummarySchema.extend({
  /** Milliseconds since 1970 (from the clock the caller gives), updated at every write. */
  savedAt: z.number().finite().min(0),
})

/** A saved game at RECORD_VERSION: a game record plus what the title screen shows. */
export const SaveSchema = GameRecordSchema.extend({ titleScreen: TitleScreenSchema }).refine(
  (s) => s.scenario.id === s.setup.scenarioId,
  { message: 'the scenario named does not match the setup', path: ['scenario', 'id'] },
)

export type Save = z.infer<typeof SaveSchema>
export type SaveSummary = z.infer<typeof SummarySchema>

/** Where a game stands, for the title screen. */
export function summarize(index: ScenarioIndex, game: GameStore['game']): SaveSummary {
  const ending = game.ending && index.scenario.endings.find((e) => e.id === game.ending?.id)
  return {
    round: game.round,
    phase: game.phase,
    // Same rule as the page: a proposer without a seat is played by a person.
    humans: index.proposers.filter((s) => game.setup.seats[s] !== 'computer'),
    ...(game.ending ? { ending: { id: game.ending.id, title: ending?.title ?? game.ending.id } } : {}),
  }
}

/** The scenario's content hash (the one game records carry; the core computes it once per scenario). */
export function scenarioHash(index: ScenarioIndex): string {
  return hashScenario(index.scenario)
}

/** The scenario part of a save, as a game record names it. */
export const scenarioRef = (index: ScenarioIndex): Save['scenario'] => ({
  id: index.scenario.id,
  title: index.scenario.title,
  hash: scenarioHash(index),
})

/**
 * The save of a game store's game: its record (as exportRecord writes it, without the export time) and what
 * the title screen shows.
 */
export function toSave(index: ScenarioIndex, { setup, log, game }: GameStore, savedAt: number): Save {
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    scenario: scenarioRef(index),
    setup,
    log,
    titleScreen: { savedAt, ...summarize(index, game) },
  }
}
