/**
 * What can be wrong with a stored game, or with writing one. Each problem says what happened in the
 * player's words and what they can do about it, so the title screen can show it as it is.
 */

import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { ReplayError } from '../../core/store.ts'
import { t } from '../i18n/index.ts'
import { replayErrorText } from '../render/rule-texts.ts'

/** Why a saved game cannot be listed or resumed. */
export type SaveProblemCode = 'MISSING' | 'CORRUPT' | 'TOO_NEW' | 'UNKNOWN_SCENARIO' | 'REPLAY_FAILED'

/** Why a game could not be written (the game itself goes on). */
export type WriteProblemCode = 'QUOTA_EXCEEDED' | 'STORAGE_FAILED' | 'TOO_NEW'

/** A problem with its code, a message for the player, and a fix they can act on. */
export interface Problem<C extends string> {
  code: C
  message: string
  fix: string
  /** For REPLAY_FAILED: the 1-based number of the logged command the rules refused, when known. */
  command?: number
}

export type SaveProblem = Problem<SaveProblemCode>
export type WriteProblem = Problem<WriteProblemCode>

/** Carries a SaveProblem out of a migration, which can only return data or throw. */
export class SaveProblemError extends Error {
  constructor(readonly problem: SaveProblem) {
    super(problem.message)
    this.name = 'SaveProblemError'
  }
}

/** The stored data is not a saved game of any version this game knows. */
export const corrupt = (detail: string): SaveProblem => ({
  code: 'CORRUPT',
  message: t('saves.corrupt', { detail }),
  fix: t('saves.deleteFix'),
})

/** No save under that id (deleted meanwhile, perhaps in another tab). */
export const missing = (id: string): SaveProblem => ({
  code: 'MISSING',
  message: t('saves.missing', { id }),
  fix: t('saves.missingFix'),
})

/** The save was written by a newer Red Lines; it is never migrated down or overwritten. */
export const tooNew = (version: number, known: number): SaveProblem => ({
  code: 'TOO_NEW',
  message: t('saves.tooNew', { version, known }),
  fix: t('saves.tooNewFix'),
})

/** The save names a scenario this copy of the game does not ship (or that no longer loads). */
export const unknownScenario = (id: string, title: string): SaveProblem => ({
  code: 'UNKNOWN_SCENARIO',
  message: t('saves.unknownScenario', { title, id }),
  fix: t('saves.unknownScenarioFix', { id }),
})

/**
 * The rules refused a logged command: the log was altered, or the scenario changed since. The refusal is
 * worded in the interface's language with the names of `index`, the scenario the log was replayed on.
 */
export function replayFailed(error: unknown, scenarioChanged: boolean, index: ScenarioIndex): SaveProblem {
  const detail = replayErrorText(index, error)
  // The 1-based number of the refused command, for the player and for tests.
  const number = error instanceof ReplayError ? error.move : undefined
  const why = t(scenarioChanged ? 'saves.scenarioChanged' : 'saves.altered')
  return {
    code: 'REPLAY_FAILED',
    message: t('saves.replayFailed', { detail: detail.replace(/\.$/, ''), why }),
    fix: t('saves.deleteFix'),
    ...(number ? { command: number } : {}),
  }
}

/** Turns a storage exception into a WriteProblem; a full storage gets its own code and advice. */
export function writeFailed(error: unknown): WriteProblem {
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null
  const name = typeof e?.name === 'string' ? e.name : ''
  // Browsers disagree on how to say "full": the standard name, Firefox's old name, and legacy codes.
  const full =
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    e?.code === 22 ||
    e?.code === 1014
  if (full)
    return {
      code: 'QUOTA_EXCEEDED',
      message: t('saves.full'),
      fix: t('saves.fullFix'),
    }
  return {
    code: 'STORAGE_FAILED',
    message: t('saves.refused', { detail: typeof e?.message === 'string' ? e.message : String(error) }),
    fix: t('saves.refusedFix'),
  }
}

/** A write was refused because the key holds a save from a newer Red Lines. */
export const writeTooNew = (id: string): WriteProblem => ({
  code: 'TOO_NEW',
  message: t('saves.writeTooNew', { id }),
  fix: t('saves.writeTooNewFix'),
})
