import { type SaveStorage, saveKey } from './format.ts'
import { type WriteProblem, writeFailed } from './problems.ts'

const ID_LENGTH = 6

const isFree = (storage: SaveStorage, id: string): boolean => {
  try {
    return storage.getItem(saveKey(id)) === null
  } catch {
    return true // unreadable storage: any id will do, since nothing can be written either
  }
}

/**
 * A new save id not used in `storage`: six base-36 characters drawn from `random` (pass a seeded one in
 * tests; Math.random by default). Starting a fresh game always takes a new id, so no save is ever
 * overwritten by another game.
 */
export function newSaveId(storage: SaveStorage, random: () => number = Math.random): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = random()
    const n = Number.isFinite(r) ? Math.floor(Math.abs(r) * 36 ** ID_LENGTH) % 36 ** ID_LENGTH : 0
    const id = n.toString(36).padStart(ID_LENGTH, '0')
    if (isFree(storage, id)) return id
  }
  // A random source that keeps repeating itself (a constant in a test): count instead, which always ends.
  for (let n = 1; ; n++) if (isFree(storage, `game-${n}`)) return `game-${n}`
}

/** Deletes a saved game (also a broken or too-new one, when the player asks). Never throws. */
export function deleteSave(storage: SaveStorage, id: string): WriteProblem | null {
  try {
    storage.removeItem(saveKey(id))
    return null
  } catch (error) {
    return writeFailed(error)
  }
}
