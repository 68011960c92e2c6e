import type { DocPath } from './load/problems.ts'
import type { Scenario } from './schema/scenario.ts'
import { SCENARIO_TEXTS, type TextShape } from './schema/text-paths.ts'

/** One readable text of a scenario: its text path (`sides.ukraine.name`), its place in the data, its text. */
export interface TextField {
  path: string
  /** Where the text stands in the scenario's data (and in its file), e.g. `['sides', 0, 'name']`. */
  at: DocPath
  text: string
}

/**
 * Every translatable text of a scenario, in the order of the format (sections as the schema lists them,
 * elements as the file lists them), named by its text path (see `schema/text-paths.ts` for the rules).
 * Optional texts that are absent have no path: there is nothing to translate.
 */
export function textFields(scenario: Scenario): TextField[] {
  const out: TextField[] = []
  collect(scenario, SCENARIO_TEXTS, '', [], out)
  return out
}

/** The text paths of every translatable text of a scenario, in the order of `textFields`. */
export function translatablePaths(scenario: Scenario): string[] {
  return textFields(scenario).map((f) => f.path)
}

/**
 * The scenario with its readable texts in `language` where `translations` gives them, and in the scenario's
 * own language where it does not. Quotes, ids and numbers are never changed. Returns the scenario itself
 * when `language` is the scenario's own (or no translation exists for it); otherwise a copy, leaving the
 * original untouched. A regional code falls back to its language (`uk-UA` uses `uk`). Localise the scenario
 * as loaded, not an already localised copy: the copy keeps the original's `language`, which remains the
 * language of its quotes.
 */
export function localiseScenario(scenario: Scenario, language: string): Scenario {
  const table = translationsFor(scenario, language)
  if (!table) return scenario
  const copy = structuredClone(scenario)
  for (const field of textFields(scenario)) {
    const translated = Object.hasOwn(table, field.path) ? table[field.path] : undefined
    if (translated !== undefined) setAt(copy, field.at, translated)
  }
  return copy
}

/** The translations to use for `language`, or null when the scenario's own texts serve. */
function translationsFor(scenario: Scenario, language: string): Readonly<Record<string, string>> | null {
  const base = language.split('-')[0] ?? language
  if (language === scenario.language || base === scenario.language) return null
  const all = scenario.translations ?? {}
  const table = Object.hasOwn(all, language)
    ? all[language]
    : Object.hasOwn(all, base)
      ? all[base]
      : undefined
  return table ?? null
}

function collect(node: unknown, shape: TextShape, prefix: string, at: DocPath, out: TextField[]): void {
  const record = asRecord(node)
  if (!record) return
  const name = (key: string | number) => (prefix ? `${prefix}.${key}` : String(key))
  // The record's own key order (the schema's, for loaded data) puts sections in the order of the format.
  for (const [key, value] of Object.entries(record)) {
    if (shape.texts?.includes(key) && typeof value === 'string')
      out.push({ path: name(key), at: [...at, key], text: value })
    else if (shape.textLists?.includes(key) && Array.isArray(value))
      value.forEach((text, i) => {
        if (typeof text === 'string') out.push({ path: name(`${key}.${i}`), at: [...at, key, i], text })
      })
    else if (shape.objects && Object.hasOwn(shape.objects, key))
      collect(value, shape.objects[key] ?? {}, name(key), [...at, key], out)
    else if (shape.lists && Object.hasOwn(shape.lists, key) && Array.isArray(value)) {
      const inner = shape.lists[key] ?? {}
      value.forEach((element, i) => {
        const id = asRecord(element)?.id
        collect(element, inner, name(`${key}.${typeof id === 'string' ? id : i}`), [...at, key, i], out)
      })
    } else if (shape.maps && Object.hasOwn(shape.maps, key)) {
      const inner = shape.maps[key] ?? {}
      for (const [id, element] of Object.entries(asRecord(value) ?? {}))
        collect(element, inner, name(`${key}.${id}`), [...at, key, id], out)
    }
  }
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/** Writes `value` at `at` in plain data that has every step of the path (it came from `textFields`). */
function setAt(data: unknown, at: DocPath, value: string): void {
  let node = data as Record<string | number, unknown>
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = at[at.length - 1]
  if (last !== undefined) node[last] = value
}
