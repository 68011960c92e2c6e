import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { Effect } from '../core/scenario/schema/scenario.ts'
import { signed } from './debrief.ts'
import type { Words } from './index.ts'

/**
 * What an event changes, in words: one wording for the event's card at the top of the table, what screen
 * readers are told of it (client/render/event-news.ts), and the debrief's story and its exports (story.ts).
 * Names come from the index passed (the localised one on a screen, so they read as the screen shows them).
 */

const meterName = (index: ScenarioIndex, id: string) => index.meters.get(id)?.name ?? id
const flagName = (index: ScenarioIndex, id: string) =>
  index.scenario.flags.find((f) => f.id === id)?.name ?? id

/**
 * One effect of an event in words, with the names `index` gives (pass the localised index): "Escalation +5",
 * "Cohesion −2, give or take 1", "Escalation set to 40", "Discuss the guarantees in public: yes".
 */
export function effectText(words: Words, index: ScenarioIndex, effect: Effect): string {
  const { t } = words
  if ('setFlag' in effect) return t('event.setFlag', { flag: flagName(index, effect.setFlag) })
  if ('clearFlag' in effect) return t('event.clearFlag', { flag: flagName(index, effect.clearFlag) })
  const meter = meterName(index, effect.meter)
  if ('add' in effect) {
    const change = signed(words, effect.add)
    return effect.spread
      ? t('event.addSpread', { meter, change, spread: words.number(effect.spread) })
      : t('event.add', { meter, change })
  }
  if ('set' in effect) return t('event.set', { meter, value: words.number(effect.set) })
  return t('event.fromPackage', { meter })
}

/** The effects of the event `id` in words, one line each; none for an event `index` does not know. */
export function eventEffects(words: Words, index: ScenarioIndex, id: string): string[] {
  const event = index.scenario.events.find((e) => e.id === id)
  return (event?.effects ?? []).map((e) => effectText(words, index, e))
}
