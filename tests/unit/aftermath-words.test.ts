import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '../../src/client/i18n/index.ts'
import { localisedIndex } from '../../src/client/i18n/scenario.ts'
import { eventText, stepAnnouncement, yearHeading } from '../../src/client/render/debrief/aftermath.ts'
import { buildDebrief } from '../../src/core/debrief/debrief.ts'
import { type AftermathEvent, aftermathSteps } from '../../src/core/debrief/reveal.ts'
import { createGameStore } from '../../src/core/store.ts'
import { loadScenarioFile } from '../../src/node/scenario-files.ts'
import { FIXTURES } from './helpers.ts'

afterEach(() => setLanguage('en'))

const loaded = loadScenarioFile(join(FIXTURES, 'aftermath.yaml'), { skipWarnings: true })
if (!loaded.index) throw new Error(JSON.stringify(loaded.problems))
const index = loaded.index

const events: Array<[AftermathEvent, number, string]> = [
  [{ what: 'test', happened: true, chance: 0.35 }, 1, 'Russia tests the guarantees. (a 35% chance of this)'],
  [
    { what: 'test', happened: false, chance: 0.3 },
    2,
    'Russia does not test the guarantees. (a 30% chance of this)',
  ],
  [{ what: 'respond', happened: true, chance: 0.7 }, 1, 'The guarantors respond. (a 70% chance of this)'],
  [
    { what: 'respond', happened: false, chance: 0.7 },
    1,
    'The guarantors do not respond. (a 70% chance of this)',
  ],
  [
    { what: 'confront', happened: true, chance: 0.21 },
    1,
    'The response turns into direct confrontation. (a 21% chance of this)',
  ],
  [
    { what: 'confront', happened: false, chance: 0.21 },
    3,
    'It stops short of direct confrontation. (a 21% chance of this)',
  ],
  [
    { what: 'confront', happened: true, chance: 0.25 },
    0,
    'Russia answers the guarantees imposed without its consent with direct confrontation. (a 25% chance of this)',
  ],
]

describe('the words of the years after', () => {
  it.each(events)('say what happened with the chance that applied: %j in year %i', (event, year, text) => {
    expect(eventText('Russia', event, year)).toBe(text)
  })

  it('are Ukrainian in Ukrainian, with the number written the Ukrainian way', () => {
    setLanguage('uk')
    for (const [event, year] of events) {
      const text = eventText('Росія', event, year)
      expect(text).not.toMatch(/[{}]|undefined|[a-z]{2,}/i)
    }
    expect(eventText('Росія', { what: 'test', happened: true, chance: 0.35 }, 1)).toBe(
      'Росія випробовує гарантії. (ймовірність цього: 35%)',
    )
    expect(yearHeading('Росія', 2)).toBe('Рік 2')
    expect(yearHeading('Росія', 0)).toBe('Відповідь на гарантії, запроваджені без згоди, — Росія')
  })

  it('announce each step: the intro, a year with its events, the outcome with its text', () => {
    const setup = {
      scenarioId: index.scenario.id,
      seats: { ukraine: 'human' as const, europe: 'computer' as const },
      seed: 9,
      difficulty: 'normal' as const,
    }
    const store = createGameStore(index, setup)
    store.getState().runComputers()
    store.getState().dispatch({ type: 'endorse', side: 'ukraine', payload: {} })
    store.getState().runComputers()
    const { game, log } = store.getState()
    const a = buildDebrief(index, setup, game, log).aftermath
    if (!a) throw new Error('no aftermath')
    const said = aftermathSteps(a).map((s) => stepAnnouncement(index, a, s))
    expect(said).toEqual([
      'The guarantees take effect. Three years follow.',
      'Year 1 Russia tests the guarantees. (a 35% chance of this) The guarantors do not respond. (a 70% chance of this)',
      'Outcome: A new attack. Russia tests the guarantees and nobody answers.',
    ])
    // In Ukrainian, the outcome's title and text come from the scenario's translations.
    setLanguage('uk')
    const uk = localisedIndex(index, 'uk')
    expect(stepAnnouncement(uk, a, { kind: 'outcome', outcome: 'attack' })).toBe(
      'Підсумок: Новий напад. Росія випробовує гарантії, і ніхто не відповідає.',
    )
    // So does the opening text, even when the debrief came from a classroom's server in English.
    expect(stepAnnouncement(uk, a, { kind: 'intro' })).toBe('Гарантії набирають чинності. Далі — три роки.')
  })
})
