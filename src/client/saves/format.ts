import { z } from 'zod'
import { scenarioHash as hashScenario } from '../../core/record/hash.ts'
import { CommandSchema } from '../../core/rules/commands.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameState } from '../../core/rules/state.ts'

/**
 * The stored shape of a saved game. Each game lives under its own key, `red-lines:game:<id>`, so that one
 * damaged entry can never hide the others (there is deliberately no index key to corrupt). The value is
 * zustand persist's envelope, `{ state, version }`, with `state` a SaveState.
 */

/**
 * The save format this version writes. Bump it, and add MIGRATIONS[old], whenever SaveState changes.
 * Format 2 allows the setup's `mode`, so that an older game reports a save with one as too new, not damaged.
 */
export const SAVE_VERSION = 2

/** Every saved game's key starts with this. */
export const SAVE_PREFIX = 'red-lines:game:'

/** The key of the single save written by Red Lines 0.1 (src/client/save.ts), imported as format 0. */
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

export const SetupSchema = z.strictObject({
  scenarioId: z.string().min(1),
  seats: z.record(z.string(), z.enum(['human', 'computer'])),
  seed: z.number().int(),
  difficulty: z.enum(['easy', 'normal', 'hard']),
  /** Absent in play mode (and in every save written before modes existed). */
  mode: z.enum(['play', 'instructor']).optional(),
})

/** What the title screen shows of a save without replaying it. */
export const SummarySchema = z.strictObject({
  round: z.number().int().min(1),
  phase: z.enum(['negotiating', 'deciding', 'ended']),
  ending: z.strictObject({ id: z.string().min(1), title: z.string() }).optional(),
  /** The proposing sides played by people, in scenario order. */
  humans: z.array(z.string().min(1)),
})

/** A saved game at SAVE_VERSION: enough to replay it, plus what lists it. */
export const SaveStateSchema = z
  .strictObject({
    /** Milliseconds since 1970 (from the clock the caller gives), updated at every write. */
    savedAt: z.number().finite().min(0),
    scenario: z.strictObject({
      id: z.string().min(1),
      title: z.string(),
      /** A hash of the scenario the game was played with, to explain a replay that fails after an edit. */
      hash: z.string().optional(),
    }),
    setup: SetupSchema,
    log: z.array(CommandSchema),
    summary: SummarySchema,
  })
  .refine((s) => s.scenario.id === s.setup.scenarioId, {
    message: 'the scenario named does not match the setup',
    path: ['scenario', 'id'],
  })

/** zustand persist's envelope around the state. */
export const EnvelopeSchema = z.strictObject({ state: z.unknown(), version: z.number().int().min(0) })

export type SaveState = z.infer<typeof SaveStateSchema>
export type SaveSummary = z.infer<typeof SummarySchema>

/** The summary of a game in progress, for the title screen. */
export function summarize(index: ScenarioIndex, game: GameState): SaveSummary {
  const ending = game.ending && index.scenario.endings.find((e) => e.id === game.ending?.id)
  return {
    round: game.round,
    phase: game.phase,
    // Same rule as the page: a proposer without a seat is played by a person.
    humans: index.proposers.filter((s) => game.setup.seats[s] !== 'computer'),
    ...(game.ending ? { ending: { id: game.ending.id, title: ending?.title ?? game.ending.id } } : {}),
  }
}

const hashes = new WeakMap<ScenarioIndex, string>()

/** The scenario's content hash (the same one game records carry), computed once per index. */
export function scenarioHash(index: ScenarioIndex): string {
  const known = hashes.get(index)
  if (known) return known
  const hash = hashScenario(index.scenario)
  hashes.set(index, hash)
  return hash
}

/** The scenario part of a save. */
export const scenarioRef = (index: ScenarioIndex): SaveState['scenario'] => ({
  id: index.scenario.id,
  title: index.scenario.title,
  hash: scenarioHash(index),
})
