import type { SaveStorage } from './format.ts'

/**
 * A SaveStorage kept in memory, for when the browser's storage cannot be opened (reading `localStorage`
 * throws when the site may not store data): the game is then played unsaved instead of not at all.
 */
export function createMemoryStorage(): SaveStorage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, String(value))
    },
    removeItem: (key) => {
      items.delete(key)
    },
  }
}

/** `localStorage` when it can be opened, otherwise a storage in memory (pass the getter, not the object). */
export function openStorage(get: () => SaveStorage): SaveStorage {
  try {
    const storage = get()
    storage.length // Safari and blocked cookies throw only when the storage is used.
    return storage
  } catch {
    return createMemoryStorage()
  }
}
