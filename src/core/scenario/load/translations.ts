import { translatablePaths } from '../localise.ts'
import type { Scenario } from '../schema/scenario.ts'
import type { ParsedFile } from './parse.ts'
import type { Problem } from './problems.ts'

/** How many missing text paths a TRANSLATION_MISSING warning names before it says "and N more". */
const LISTED = 5

/**
 * Checks `translations:` against the texts the scenario has: every key must name a translatable text (an
 * error otherwise, since the translation would never show), and each language is warned once about the
 * texts it lacks, with their count and the first few paths.
 */
export function checkTranslations(parsed: ParsedFile, scenario: Scenario): Problem[] {
  const translations = scenario.translations
  if (!translations) return []
  const out: Problem[] = []
  const paths = translatablePaths(scenario)
  const known = new Set(paths)
  for (const [language, table] of Object.entries(translations)) {
    if (language === scenario.language) {
      out.push(
        parsed.problemAtKey(
          'TRANSLATION_OF_OWN_LANGUAGE',
          `"${language}" is the scenario's own language, so these translations are never shown`,
          ['translations', language],
        ),
      )
      continue
    }
    for (const key of Object.keys(table))
      if (!known.has(key))
        out.push(
          parsed.problemAtKey('TRANSLATION_PATH_UNKNOWN', `"${key}" ${whyUnknown(key, known)}`, [
            'translations',
            language,
            key,
          ]),
        )
    const missing = paths.filter((p) => !Object.hasOwn(table, p))
    if (missing.length) {
      const more = missing.length > LISTED ? `, and ${missing.length - LISTED} more` : ''
      out.push(
        parsed.problemAtKey(
          'TRANSLATION_MISSING',
          `The "${language}" translation lacks ${missing.length} of the ${paths.length} texts: ${missing.slice(0, LISTED).join(', ')}${more}`,
          ['translations', language],
        ),
      )
    }
  }
  return out
}

/** Why a key names no text, as precisely as can be told. */
function whyUnknown(key: string, known: ReadonlySet<string>): string {
  const last = key.split('.').at(-1)
  if (last === 'quote')
    return 'is a quote: quotes stay in the words of their article and are never translated'
  const parent = key.split('.').slice(0, -1).join('.')
  const siblings = [...known].filter(
    (p) => p.startsWith(`${parent}.`) && !p.slice(parent.length + 1).includes('.'),
  )
  if (parent && siblings.length)
    return `names no translatable text; under "${parent}" there are ${siblings.map((s) => s.slice(parent.length + 1)).join(', ')}`
  return 'names no translatable text of this scenario'
}
