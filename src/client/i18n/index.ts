import { possessive } from '../../core/text/possessive.ts'
import { en, type MessageKey } from './en.ts'
import { getLanguage } from './language.ts'
import type { Language, Message, Params } from './types.ts'
import { uk } from './uk.ts'

export type { MessageKey } from './en.ts'
export {
  applyDocumentLanguage,
  getLanguage,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  onLanguageChange,
  setLanguage,
} from './language.ts'
export type { Language, Params } from './types.ts'

const catalogues: Record<Language, Record<MessageKey, Message>> = { en, uk }
const pluralRules = new Map<Language, Intl.PluralRules>()
const numberFormats = new Map<Language, Intl.NumberFormat>()

/** Formats a number for the current language (e.g. 1,5 in Ukrainian, 1.5 in English). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  if (options) return new Intl.NumberFormat(getLanguage(), options).format(value)
  let format = numberFormats.get(getLanguage())
  if (!format) {
    format = new Intl.NumberFormat(getLanguage(), { maximumFractionDigits: 2 })
    numberFormats.set(getLanguage(), format)
  }
  return format.format(value)
}

/** Formats a date (and, when asked, its time) for the current language. */
export function formatDate(date: Date | string, options?: Intl.DateTimeFormatOptions): string {
  const value = typeof date === 'string' ? new Date(date) : date
  if (Number.isNaN(value.getTime())) return String(date)
  return new Intl.DateTimeFormat(getLanguage(), options ?? { dateStyle: 'long' }).format(value)
}

/** Joins items in prose: "1, 2 and 4" in English, «1, 2 і 4» in Ukrainian (no comma before the last). */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${t('common.listAnd')} ${items.at(-1)}`
}

function pluralCategory(count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(getLanguage())
  if (!rules) {
    rules = new Intl.PluralRules(getLanguage())
    pluralRules.set(getLanguage(), rules)
  }
  return rules.select(count)
}

/**
 * Fills `{name}` placeholders; a placeholder without a value stays as written, so a gap is visible. An
 * English possessive written `{name}’s` (or `{name}'s`) is made from the value, never by appending: a name
 * ending in a plural "s" takes the apostrophe alone ("European governments’ briefing").
 */
function interpolate(text: string, params: Params | undefined): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}(?:(['’])s\b)?/g, (whole, name: string, apostrophe?: string) => {
    const value = params[name]
    if (value === undefined) return whole
    const shown = typeof value === 'number' ? formatNumber(value) : value
    return apostrophe ? possessive(shown, apostrophe) : shown
  })
}

/**
 * The interface text for `key` in the current language, with `{name}` placeholders filled from `params`.
 * A plural message picks its form from `params.count` with the language's plural rules.
 */
export function t(key: MessageKey, params?: Params): string {
  const message = catalogues[getLanguage()][key] ?? en[key]
  if (typeof message === 'string') return interpolate(message, params)
  const count = Number(params?.count ?? 0)
  const form = message[pluralCategory(count)] ?? message.other
  return interpolate(form, params)
}
