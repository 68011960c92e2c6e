import { z } from 'zod'
import { SAVE_PREFIX, type SaveStorage } from '../saves/index.ts'

/**
 * The texts of scenario files opened from disk that saved games were played with. A save names its scenario
 * by id and hash only; a shipped scenario is always bundled, but an opened file is not, so its text is kept
 * under `red-lines:scenario-file:<hash>` (one key per version, shared by every game played on it) for the
 * saves to be resumed after a reload. A text that no save needs any more is removed.
 */

/** Every stored scenario text's key starts with this. */
export const SCENARIO_FILE_PREFIX = 'red-lines:scenario-file:'

const StoredSchema = z.strictObject({
  /** The name the file had when it was opened, e.g. `my-scenario.yaml`. */
  file: z.string().min(1),
  text: z.string(),
  /** Milliseconds since 1970 when it was stored. */
  storedAt: z.number().finite(),
})

/** A stored scenario text with the hash it is stored under. */
export type StoredScenario = z.infer<typeof StoredSchema> & { hash: string }

const keysWith = (storage: SaveStorage, prefix: string): string[] => {
  const keys: string[] = []
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      if (key?.startsWith(prefix)) keys.push(key)
    }
  } catch {
    // Storage that cannot be read holds nothing for us.
  }
  return keys
}

/**
 * Stores an opened file's text under its scenario hash (the same text is stored once). Returns the error
 * when storage refuses (full, or disabled), so the player can be told the game will not survive a reload.
 */
export function storeScenarioText(
  storage: SaveStorage,
  hash: string,
  file: string,
  text: string,
  now = Date.now(),
): unknown {
  const key = SCENARIO_FILE_PREFIX + hash
  try {
    if (storage.getItem(key) !== null) return null
    storage.setItem(key, JSON.stringify({ file, text, storedAt: now }))
    return null
  } catch (error) {
    return error ?? new Error('storage refused')
  }
}

/** Every well-formed stored scenario text; damaged entries are skipped (the saves needing them explain it). */
export function readStoredScenarios(storage: SaveStorage): StoredScenario[] {
  const found: StoredScenario[] = []
  for (const key of keysWith(storage, SCENARIO_FILE_PREFIX)) {
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(storage.getItem(key) ?? 'null'))
      if (parsed.success) found.push({ ...parsed.data, hash: key.slice(SCENARIO_FILE_PREFIX.length) })
    } catch {
      // Not JSON: skipped, and removed by the next prune if no save names its hash.
    }
  }
  return found.sort((a, b) => a.storedAt - b.storedAt || (a.hash < b.hash ? -1 : 1))
}

/** The scenario hashes that saved games name, read leniently: a damaged save simply names none. */
export function hashesInSaves(storage: SaveStorage): Set<string> {
  const hashes = new Set<string>()
  for (const key of keysWith(storage, SAVE_PREFIX)) {
    try {
      type Named = { scenario?: { hash?: unknown } }
      // A save is a game record; one written before (an envelope) names its scenario in its `state`.
      const doc = JSON.parse(storage.getItem(key) ?? 'null') as (Named & { state?: Named }) | null
      const hash = doc?.scenario?.hash ?? doc?.state?.scenario?.hash
      if (typeof hash === 'string') hashes.add(hash)
    } catch {
      // A damaged save is explained on the title screen; it keeps no scenario text alive.
    }
  }
  return hashes
}

/**
 * Removes the stored texts that no saved game names (after a save is deleted, or left from a game never
 * played). `keep` lists hashes to spare anyway, such as the game being started. Returns how many went.
 */
export function pruneStoredScenarios(storage: SaveStorage, keep: Iterable<string> = []): number {
  const needed = hashesInSaves(storage)
  for (const hash of keep) needed.add(hash)
  let removed = 0
  for (const key of keysWith(storage, SCENARIO_FILE_PREFIX)) {
    if (needed.has(key.slice(SCENARIO_FILE_PREFIX.length))) continue
    try {
      storage.removeItem(key)
      removed += 1
    } catch {
      // Left for the next prune.
    }
  }
  return removed
}
