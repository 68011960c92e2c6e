import type { Language } from './types.ts'

/**
 * Which language the interface is in: the saved choice, the browser's language, the switch and its
 * subscribers. It imports no catalogue, so the first, tiny script can set `<html lang>` and word its few
 * texts (`shell.ts`) before the rest of the game loads.
 */

/** The languages of the interface, each named in itself (for the language switch). */
export const LANGUAGES: readonly { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'uk', name: 'Українська' },
]

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'red-lines:language'

const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'uk'

/** Storage may be missing (Node, tests) or refuse access (private modes): the language then is not kept. */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** The saved choice, else Ukrainian when the browser's language is Ukrainian, else English. */
function initialLanguage(): Language {
  try {
    const saved = storage()?.getItem(LANGUAGE_STORAGE_KEY)
    if (isLanguage(saved)) return saved
  } catch {
    // An unreadable storage is the same as no choice made.
  }
  const browser = typeof navigator === 'undefined' ? '' : (navigator.language ?? '')
  return browser.toLowerCase().startsWith('uk') ? 'uk' : 'en'
}

let current: Language = initialLanguage()
const listeners = new Set<(language: Language) => void>()

/** The language the interface is shown in. */
export function getLanguage(): Language {
  return current
}

/**
 * Switches the interface language: remembers it, sets `<html lang>` and tells every subscriber (the app
 * re-renders its current screen). Setting the current language again does nothing.
 */
export function setLanguage(language: Language): void {
  if (language === current) return
  current = language
  try {
    storage()?.setItem(LANGUAGE_STORAGE_KEY, language)
  } catch {
    // A full or blocked storage only means the choice is not remembered.
  }
  applyDocumentLanguage()
  for (const listener of [...listeners]) listener(language)
}

/** Calls `listener` after every language switch; returns the function that stops it. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Sets `<html lang>` to the current language (a no-op outside a page). */
export function applyDocumentLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current
}
