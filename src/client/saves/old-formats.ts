import { z } from 'zod'
import { RECORD_FORMAT } from '../../core/record/format.ts'
import { CommandSchema } from '../../core/rules/commands.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { GameSetupSchema } from '../../core/rules/setup.ts'
import { t } from '../i18n/index.ts'
import { SummarySchema, scenarioRef, summarize } from './format.ts'
import { corrupt, SaveProblemError, tooNew, unknownScenario } from './problems.ts'
import { replaySaved } from './replay.ts'

/**
 * Saves written before a save was a game record: zustand persist's envelope `{ state, version }` under a game
 * key, in the formats of Red Lines 0.1 to 0.3, and the single save of Red Lines 0.1 under its own key. Each
 * is read as the record of the same version (envelope format n ≥ 1 held what record version n holds), then
 * takes the records' own migrations; the next write stores it as a record. Storage is never rewritten on
 * reading alone, and a save that cannot be read is reported, never deleted.
 */

/** The last envelope format: 0 (0.1's single save), 1 (0.2) and 2 (0.3, with the setup's mode). */
export const LAST_ENVELOPE_VERSION = 2

/** What reading an old save may need besides the data. */
export interface LegacyContext {
  /** The scenario a save names; `hash` (when the save recorded one) tells versions of one scenario apart. */
  resolveIndex: (scenarioId: string, hash?: string) => ScenarioIndex | undefined
  /** The time to record for formats that stored none. */
  savedAt: number
}

/** zustand persist's envelope around an old save's state. */
export const EnvelopeSchema = z.strictObject({ state: z.unknown(), version: z.number().int().min(0) })

const V0Schema = z.strictObject({ setup: GameSetupSchema, log: z.array(CommandSchema) })

const V1Schema = z.strictObject({
  savedAt: z.number().finite().min(0),
  scenario: z.strictObject({ id: z.string().min(1), title: z.string(), hash: z.string().optional() }),
  setup: GameSetupSchema,
  log: z.array(CommandSchema),
  summary: SummarySchema,
})

const HASH = /^[0-9a-f]{8}$/

/**
 * An old envelope's state as a save at the record version of the same number (format 0 becomes a record of
 * version 1, replayed once for its title screen and its scenario's hash). Throws a SaveProblemError when it
 * cannot be read: too new, damaged, or its scenario is unknown.
 */
export function fromEnvelope(
  state: unknown,
  version: number,
  context: LegacyContext,
): Record<string, unknown> {
  if (version > LAST_ENVELOPE_VERSION) throw new SaveProblemError(tooNew(version, LAST_ENVELOPE_VERSION))
  if (version === 0) {
    const parsed = V0Schema.safeParse(state)
    if (!parsed.success) throw new SaveProblemError(corrupt(t('saves.detail.oldIncomplete')))
    const { setup, log } = parsed.data
    const index = context.resolveIndex(setup.scenarioId)
    if (!index) throw new SaveProblemError(unknownScenario(setup.scenarioId, setup.scenarioId))
    const replayed = replaySaved(index, setup, log)
    if (!replayed.ok) throw new SaveProblemError(replayed.problem)
    const game = replayed.store.getState().game
    const titleScreen = { savedAt: context.savedAt, ...summarize(index, game) }
    return { format: RECORD_FORMAT, version: 1, scenario: scenarioRef(index), setup, log, titleScreen }
  }
  const parsed = V1Schema.safeParse(state)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new SaveProblemError(
      corrupt(
        t('saves.detail.wrongShape', { at: issue?.path.join('.') || 'top', problem: issue?.message ?? '' }),
      ),
    )
  }
  const { savedAt, scenario, setup, log, summary } = parsed.data
  // Saves before 0.3 may name no hash; a record always does: the scenario's own, as the save was played on it.
  let hash = scenario.hash && HASH.test(scenario.hash) ? scenario.hash : undefined
  if (!hash) {
    const index = context.resolveIndex(scenario.id)
    if (!index) throw new SaveProblemError(unknownScenario(scenario.id, scenario.title))
    hash = scenarioRef(index).hash
  }
  return {
    format: RECORD_FORMAT,
    version,
    scenario: { id: scenario.id, title: scenario.title, hash },
    setup,
    log,
    titleScreen: { savedAt, ...summary },
  }
}
