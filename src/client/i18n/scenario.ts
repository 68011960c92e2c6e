import { indexScenario, type ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { localiseScenario } from '../../core/scenario/localise.ts'
import { type Child, h } from '../dom.ts'
import { getLanguage, type Language } from './index.ts'
import { QUOTE_LANGUAGE } from './parts.ts'

const cache = new WeakMap<ScenarioIndex, Map<Language, ScenarioIndex>>()

/**
 * The scenario index to show in `language` (by default the interface's): the scenario's texts translated
 * where its file's `translations` block gives them, the scenario's own texts elsewhere. Ids, numbers and
 * quotes are the same, so the rules give the same answers on either index; the game itself (its store, its
 * save and its exports) keeps the index as loaded, and only what is shown goes through here. Built once per
 * scenario and language.
 */
export function localisedIndex(index: ScenarioIndex, language: Language = getLanguage()): ScenarioIndex {
  let byLanguage = cache.get(index)
  if (!byLanguage) {
    byLanguage = new Map()
    cache.set(index, byLanguage)
  }
  let shown = byLanguage.get(language)
  if (!shown) {
    const scenario = localiseScenario(index.scenario, language)
    shown = scenario === index.scenario ? index : indexScenario(scenario)
    byLanguage.set(language, shown)
  }
  return shown
}

/**
 * The language of what the engine writes itself (a computer partner's reasons, which quote the scenario's own
 * positions): English, whatever the interface's language.
 */
export const ENGINE_LANGUAGE = 'en'

const baseOf = (language: string) => language.split('-')[0] ?? language

/**
 * `{ lang }` for an element whose text is in `textLanguage` (a quote or an article title in the language of
 * its article, an engine message in English), when that differs from the interface's; else no attribute
 * (WCAG 3.1.2: a screen reader then reads the part with the right voice).
 */
export function langAttr(textLanguage: string | undefined): { lang?: string } {
  if (!textLanguage || baseOf(textLanguage) === baseOf(getLanguage())) return {}
  return { lang: textLanguage }
}

/**
 * A sentence of the interface's language with `part` (a text in `textLanguage`, e.g. an article's title) in
 * it: the part becomes a `<span lang>` when its language differs from the interface's, the rest stays text.
 */
export function withForeignPart(sentence: string, part: string, textLanguage: string | undefined): Child {
  const attr = langAttr(textLanguage)
  const at = part ? sentence.indexOf(part) : -1
  if (!attr.lang || at < 0) return sentence
  return [sentence.slice(0, at), h('span', attr, part), sentence.slice(at + part.length)]
}

/**
 * A scenario's title as a room shows it: translated when the room's scenario is at hand (`index`) and has a
 * translation; otherwise as the server gave it, in the scenario's own language (for a room known only by its
 * summary, which does not say: the articles' language, as in every shipped scenario). `language` is the
 * title's language when it may differ from the interface's, for `langAttr`.
 */
export function shownTitle(
  title: string,
  index?: ScenarioIndex,
): { text: string; language: string | undefined } {
  if (!index) return { text: title, language: QUOTE_LANGUAGE }
  const text = localisedIndex(index).scenario.title
  return { text, language: text === index.scenario.title ? index.scenario.language : undefined }
}
