import { asRecord } from './forms/context.ts'

/**
 * The language the scenario's own texts are written in (its `language`, such as `en`), for the `lang` of the
 * parts of the studio that show them (article titles, speakers' names), whatever the interface's language.
 */
export function scenarioLanguage(data: unknown): string {
  const language = asRecord(data).language
  return typeof language === 'string' && /^[a-z]{2}(-[A-Z]{2})?$/.test(language) ? language : 'en'
}
