/**
 * The shape of the interface's message catalogue. English (`en.ts`) is the source of the keys; every other
 * language must give a message of the same kind for every key, so a missing translation is a type error.
 */

/** A message that depends on a count, one form per plural category of `Intl.PluralRules`. */
export interface PluralForms {
  zero?: string
  one?: string
  two?: string
  few?: string
  many?: string
  other: string
}

/** A message: plain text with `{name}` placeholders, or plural forms (the count is the `{count}` param). */
export type Message = string | PluralForms

/** The languages the interface is written in. */
export type Language = 'en' | 'uk'

/** Values put into a message's `{name}` placeholders; numbers are formatted for the current language. */
export type Params = Record<string, string | number>
