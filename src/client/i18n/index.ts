import {
  formatDate as formatDateIn,
  formatList as formatListIn,
  formatNumber as formatNumberIn,
  type MessageKey,
  type ParamsOf,
  translate,
  type Words,
  wordsIn,
} from '../../messages/index.ts'
import { getLanguage } from './language.ts'

/**
 * The interface's side of the shared message catalogue (src/messages): the same functions, in the
 * language the interface is shown in. The catalogue itself, its grammar and its types live there.
 */

export type { Language, MessageKey, Params, ParamsOf } from '../../messages/index.ts'
export {
  applyDocumentLanguage,
  getLanguage,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  onLanguageChange,
  setLanguage,
} from './language.ts'

/** Formats a number for the current language (e.g. 1,5 in Ukrainian, 1.5 in English). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return formatNumberIn(getLanguage(), value, options)
}

/** Formats a date (and, when asked, its time) for the current language. */
export function formatDate(date: Date | string, options?: Intl.DateTimeFormatOptions): string {
  return formatDateIn(getLanguage(), date, options)
}

/** Joins items in prose: "1, 2 and 4" in English, «1, 2 і 4» in Ukrainian. */
export function formatList(items: readonly string[]): string {
  return formatListIn(getLanguage(), items)
}

/**
 * The interface text for `key` in the current language, with `{name}` placeholders filled from `params`
 * (typed from the English text: a missing placeholder is a type error). A plural message picks its form
 * from `params.count` with the language's plural rules.
 */
export function t<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
  return translate(getLanguage(), key, ...params)
}

/** The catalogue in the current language, for the wording helpers shared with the server and the tools. */
export function words(): Words {
  return wordsIn(getLanguage())
}
