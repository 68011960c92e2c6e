import { en, type MessageKey } from './en.ts'
import type { Language, Message, Params } from './types.ts'
import { uk } from './uk.ts'

export type { MessageKey } from './en.ts'
export type { Language, Params } from './types.ts'

/** The languages of the interface, each named in itself (for the language switch). */
export const LANGUAGES: readonly { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'uk', name: 'Українська' },
]

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'red-lines:language'

const catalogues: Record<Language, Record<MessageKey, Message>> = { en, uk }

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
const pluralRules = new Map<Language, Intl.PluralRules>()
const numberFormats = new Map<Language, Intl.NumberFormat>()

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

/** Formats a number for the current language (e.g. 1,5 in Ukrainian, 1.5 in English). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  if (options) return new Intl.NumberFormat(current, options).format(value)
  let format = numberFormats.get(current)
  if (!format) {
    format = new Intl.NumberFormat(current, { maximumFractionDigits: 2 })
    numberFormats.set(current, format)
  }
  return format.format(value)
}

/** Formats a date (and, when asked, its time) for the current language. */
export function formatDate(date: Date | string, options?: Intl.DateTimeFormatOptions): string {
  const value = typeof date === 'string' ? new Date(date) : date
  if (Number.isNaN(value.getTime())) return String(date)
  return new Intl.DateTimeFormat(current, options ?? { dateStyle: 'long' }).format(value)
}

/** Joins items in prose: "1, 2 and 4" in English, «1, 2 і 4» in Ukrainian (no comma before the last). */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${t('common.listAnd')} ${items.at(-1)}`
}

function pluralCategory(count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(current)
  if (!rules) {
    rules = new Intl.PluralRules(current)
    pluralRules.set(current, rules)
  }
  return rules.select(count)
}

/** Fills `{name}` placeholders; a placeholder without a value stays as written, so a gap is visible. */
function interpolate(text: string, params: Params | undefined): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? formatNumber(value) : value
  })
}

/**
 * The interface text for `key` in the current language, with `{name}` placeholders filled from `params`.
 * A plural message picks its form from `params.count` with the language's plural rules.
 */
export function t(key: MessageKey, params?: Params): string {
  const message = catalogues[current][key] ?? en[key]
  if (typeof message === 'string') return interpolate(message, params)
  const count = Number(params?.count ?? 0)
  const form = message[pluralCategory(count)] ?? message.other
  return interpolate(form, params)
}
