import { z } from 'zod'
import { type Command, CommandSchema } from '../core/rules/commands.ts'
import type { GameSetup } from '../core/rules/state.ts'

/** The localStorage key of the saved game; the version changes whenever the saved shape does. */
export const SAVE_KEY = 'red-lines:save:v1'

const SaveSchema = z.object({
  version: z.literal(1),
  setup: z.object({
    scenarioId: z.string().min(1),
    seats: z.record(z.string(), z.enum(['human', 'computer'])),
    seed: z.number().int(),
    difficulty: z.enum(['easy', 'normal', 'hard']),
  }),
  log: z.array(CommandSchema),
})

/** What a save holds: enough to replay the game. */
export interface SavedGame {
  setup: GameSetup
  log: Command[]
}

/** The saved game, none, or why the stored data cannot be used. Never throws. */
export type SaveRead = { ok: true; saved: SavedGame | null } | { ok: false; error: string }

/** Reads and checks the saved game. */
export function readSave(): SaveRead {
  let raw: string | null
  try {
    raw = localStorage.getItem(SAVE_KEY)
  } catch {
    return { ok: true, saved: null }
  }
  if (raw === null) return { ok: true, saved: null }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return { ok: false, error: 'the saved data is not valid JSON' }
  }
  const parsed = SaveSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      error: `the saved data has the wrong shape (${issue?.path.join('.') || 'top'}: ${issue?.message})`,
    }
  }
  return { ok: true, saved: { setup: parsed.data.setup, log: parsed.data.log } }
}

/** Saves the game; a full or disabled storage is ignored (the game goes on unsaved). */
export function writeSave(saved: SavedGame): void {
  try {
    localStorage.setItem(SAVE_KEY, JSON.stringify({ version: 1, setup: saved.setup, log: saved.log }))
  } catch {
    // Storage may be full or disabled: the game goes on without a save.
  }
}

/** Forgets the saved game. */
export function clearSave(): void {
  try {
    localStorage.removeItem(SAVE_KEY)
  } catch {
    // Nothing to do when storage is unavailable.
  }
}
