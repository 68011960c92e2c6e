/**
 * What can be wrong with a stored game, or with writing one. Each problem says what happened in the
 * player's words and what they can do about it, so the title screen can show it as it is.
 */

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

const DELETE = 'Delete this saved game, or start a new game; your other saved games are not affected.'

/** The stored data is not a saved game of any version this game knows. */
export const corrupt = (detail: string): SaveProblem => ({
  code: 'CORRUPT',
  message: `This saved game is damaged: ${detail}.`,
  fix: DELETE,
})

/** No save under that id (deleted meanwhile, perhaps in another tab). */
export const missing = (id: string): SaveProblem => ({
  code: 'MISSING',
  message: `There is no saved game "${id}" any more.`,
  fix: 'Choose another saved game, or start a new game.',
})

/** The save was written by a newer Red Lines; it is never migrated down or overwritten. */
export const tooNew = (version: number, known: number, needs?: string): SaveProblem => ({
  code: 'TOO_NEW',
  message: `This saved game was written by a newer version of Red Lines (save format ${version}; this version reads formats up to ${known}). It is left untouched.`,
  fix: `Open it with ${needs ? `Red Lines ${needs} or later` : 'a newer version of Red Lines'}, or start a new game here.`,
})

/** The save names a scenario this copy of the game does not ship (or that no longer loads). */
export const unknownScenario = (id: string, title: string): SaveProblem => ({
  code: 'UNKNOWN_SCENARIO',
  message: `This saved game was played with the scenario "${title}" (${id}), which is not available in this version.`,
  fix: `Add the scenario "${id}" back, or delete this saved game.`,
})

/** The rules refused a logged command: the log was altered, or the scenario changed since. */
export function replayFailed(error: unknown, scenarioChanged: boolean): SaveProblem {
  const detail = error instanceof Error ? error.message : String(error)
  // The store names the refused command as "Command N of the log"; keep N for the player and for tests.
  const number = /Command (\d+) of the log/.exec(detail)?.[1]
  const why = scenarioChanged
    ? ' The scenario has changed since this game was saved.'
    : ' The saved moves may have been altered.'
  return {
    code: 'REPLAY_FAILED',
    message: `This saved game cannot be replayed: ${detail.replace(/\.$/, '')}.${why}`,
    fix: DELETE,
    ...(number ? { command: Number(number) } : {}),
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
      message: 'The browser has no room left to save this game. The game goes on, but it is not saved.',
      fix: 'Delete some saved games from the title screen to make room; the next move is then saved again.',
    }
  return {
    code: 'STORAGE_FAILED',
    message: `The browser refused to save this game (${typeof e?.message === 'string' ? e.message : String(error)}). The game goes on, but it is not saved.`,
    fix: 'Allow this site to store data (private windows may not), then make a move to save again.',
  }
}

/** A write was refused because the key holds a save from a newer Red Lines. */
export const writeTooNew = (id: string): WriteProblem => ({
  code: 'TOO_NEW',
  message: `The saved game "${id}" was written by a newer version of Red Lines, so it is not overwritten. This game is not saved.`,
  fix: 'Start a new game, which is saved under a new name.',
})
