import { indexScenario, type ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { localiseScenario } from '../../core/scenario/localise.ts'
import { getLanguage, type Language } from './index.ts'

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
