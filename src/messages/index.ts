import { possessive } from '../core/text/possessive.ts'
import { en, type MessageKey } from './en.ts'
import type { Language, Message, Params, PluralForms } from './types.ts'
import { uk } from './uk.ts'

/**
 * The one message catalogue of Red Lines, shared by the browser, the classroom server, the command-line
 * tools and the exports. The rules engine and the server give codes and parameters only; this module
 * words them in a language. It is pure (no DOM, no Node): the browser's `client/i18n` supplies the
 * interface's current language, the server and the tools pass theirs.
 */

export { possessive } from '../core/text/possessive.ts'
export type { MessageKey } from './en.ts'
export type { Language, Message, Params, PluralForms } from './types.ts'

/** Every language the catalogue is written in. */
export const LANGUAGE_CODES: readonly Language[] = ['en', 'uk']

/** True for a language the catalogue has. */
export const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'uk'

const catalogues: Record<Language, Record<MessageKey, Message>> = { en, uk }

/** The names of the `{name}` placeholders in a text. */
type PlaceholdersOf<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never

/** The placeholders of a message: its text's, or every plural form's and `count`. */
type MessagePlaceholders<M> = M extends string
  ? PlaceholdersOf<M>
  : M extends PluralForms
    ? PlaceholdersOf<M[keyof M]> | 'count'
    : never

/** Every key's placeholders, worked out once for the whole catalogue (cheaper than at every call). */
type Placeholders = { [K in MessageKey]: MessagePlaceholders<(typeof en)[K]> }

/** The placeholders of the message `K`, from its English text. */
export type PlaceholderOf<K extends MessageKey> = Placeholders[K]

/**
 * The parameters the message `K` needs: one value for each of its placeholders (more may be given). A key
 * without placeholders takes none, or any. A key typed only as `MessageKey` (chosen at run time) takes any
 * parameters, since which placeholders it has is not known.
 */
export type ParamsOf<K extends MessageKey> = [MessageKey] extends [K]
  ? [params?: Params]
  : K extends MessageKey
    ? [PlaceholderOf<K>] extends [never]
      ? [params?: Params]
      : [params: { [P in PlaceholderOf<K>]: string | number } & Params]
    : never

/** The locale whose rules word a language's numbers and lists ("a, b and c" in English, no serial comma). */
const LOCALE: Record<Language, string> = { en: 'en-GB', uk: 'uk' }

const pluralRules = new Map<Language, Intl.PluralRules>()
const numberFormats = new Map<Language, Intl.NumberFormat>()
const listFormats = new Map<Language, Intl.ListFormat>()

function cached<T>(cache: Map<Language, T>, language: Language, make: () => T): T {
  let value = cache.get(language)
  if (!value) {
    value = make()
    cache.set(language, value)
  }
  return value
}

/** Formats a number for `language` (1,5 in Ukrainian, 1.5 in English; at most two decimals by default). */
export function formatNumber(language: Language, value: number, options?: Intl.NumberFormatOptions): string {
  if (options) return new Intl.NumberFormat(language, options).format(value)
  return cached(
    numberFormats,
    language,
    () => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }),
  ).format(value)
}

/** Formats a date (and, when asked, its time) for `language`; a text that is not a date stays as it is. */
export function formatDate(
  language: Language,
  date: Date | string,
  options?: Intl.DateTimeFormatOptions,
): string {
  const value = typeof date === 'string' ? new Date(date) : date
  if (Number.isNaN(value.getTime())) return String(date)
  return new Intl.DateTimeFormat(language, options ?? { dateStyle: 'long' }).format(value)
}

/** Joins items in prose with `Intl.ListFormat`: "1, 2 and 4" in English, «1, 2 і 4» in Ukrainian. */
export function formatList(language: Language, items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return cached(
    listFormats,
    language,
    () => new Intl.ListFormat(LOCALE[language], { type: 'conjunction', style: 'long' }),
  ).format(items)
}

function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  return cached(pluralRules, language, () => new Intl.PluralRules(language)).select(count)
}

/**
 * Fills `{name}` placeholders; a placeholder without a value stays as written, so a gap is visible. An
 * English possessive written `{name}’s` (or `{name}'s`) is made from the value, never by appending: a name
 * ending in a plural "s" takes the apostrophe alone ("European governments’ briefing").
 */
function interpolate(language: Language, text: string, params: Params | undefined): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}(?:(['’])s\b)?/g, (whole, name: string, apostrophe?: string) => {
    const value = params[name]
    if (value === undefined) return whole
    const shown = typeof value === 'number' ? formatNumber(language, value) : value
    return apostrophe ? possessive(shown, apostrophe) : shown
  })
}

/**
 * The text of `key` in `language`, with `{name}` placeholders filled from the parameters (English where the
 * language lacks the key). A plural message picks its form from `params.count` with the language's plural
 * rules. The parameters are typed from the English text, so a missing placeholder is a type error.
 */
export function translate<K extends MessageKey>(language: Language, key: K, ...args: ParamsOf<K>): string {
  const params = args[0] as Params | undefined
  const message: Message = catalogues[language][key] ?? en[key]
  if (typeof message === 'string') return interpolate(language, message, params)
  const count = Number(params?.count ?? 0)
  const form = message[pluralCategory(language, count)] ?? message.other
  return interpolate(language, form, params)
}

/** A catalogue bound to one language: what the wording helpers take, so each side supplies its language. */
export interface Words {
  language: Language
  t: <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string
  list: (items: readonly string[]) => string
  number: (value: number, options?: Intl.NumberFormatOptions) => string
}

/** The catalogue in `language`, as `Words`. */
export function wordsIn(language: Language): Words {
  return {
    language,
    t: (key, ...params) => translate(language, key, ...params),
    list: (items) => formatList(language, items),
    number: (value, options) => formatNumber(language, value, options),
  }
}
