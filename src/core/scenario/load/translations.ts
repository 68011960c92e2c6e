import { LIMITS } from '../limits.ts'
import { translatablePaths } from '../localise.ts'
import type { Scenario } from '../schema/scenario.ts'
import type { ParsedFile } from './parse.ts'
import { type Problem, shown } from './problems.ts'

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
  const languages = Object.keys(translations).length
  if (languages > LIMITS.sections.translations)
    return [
      parsed.problem(
        'LIST_TOO_LONG',
        `"translations" has ${languages} languages; the limit is ${LIMITS.sections.translations}`,
        ['translations'],
      ),
    ]
  const out: Problem[] = []
  const paths = translatablePaths(scenario)
  const known = new Set(paths)
  const children = childrenByParent(paths)
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
          parsed.problemAtKey('TRANSLATION_PATH_UNKNOWN', `"${shown(key)}" ${whyUnknown(key, children)}`, [
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

/** The last steps of the text paths under each parent path: `sides.north` → `name`, `briefing`. */
function childrenByParent(paths: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const path of paths) {
    const cut = path.lastIndexOf('.')
    const parent = cut < 0 ? '' : path.slice(0, cut)
    const list = out.get(parent) ?? []
    list.push(path.slice(cut + 1))
    out.set(parent, list)
  }
  return out
}

/** Why a key names no text, as precisely as can be told. */
function whyUnknown(key: string, children: ReadonlyMap<string, string[]>): string {
  const steps = key.split('.')
  if (steps.at(-1) === 'quote')
    return 'is a quote: quotes stay in the words of their article and are never translated'
  const parent = steps.slice(0, -1).join('.')
  const siblings = parent ? children.get(parent) : undefined
  if (siblings) return `names no translatable text; under "${parent}" there are ${siblings.join(', ')}`
  return 'names no translatable text of this scenario'
}
