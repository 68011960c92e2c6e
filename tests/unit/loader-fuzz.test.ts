import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readSeeds } from '../../src/node/scenario-files.ts'
import {
  aliasBombs,
  arbitraryText,
  deepNesting,
  hugeInputs,
  loadAndCheck,
  mutatedScenario,
  SEED_SCENARIO,
  SMALL_SCENARIOS,
  yamlish,
} from './fuzz-inputs.ts'
import { FIXTURE_SEEDS } from './helpers.ts'

// The long run (over 100,000 inputs, with timings) is in `npm run bench`; these keep every kind of input
// in the unit suite at a few thousand runs.
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort()
function holds(text: string, seeds: Readonly<Record<string, string>> = FIXTURE_SEEDS, skipWarnings = false) {
  expect(loadAndCheck(text, seeds, skipWarnings), text.slice(0, 200)).toBeNull()
}

describe('fuzzing the loader: whatever the input, it returns problems with places and fixes', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        holds(text)
      }),
      { numRuns: 1500 },
    )
  })

  it('on YAML-ish documents', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        holds(text)
      }),
      { numRuns: 1500 },
    )
  })

  it('on small real scenarios cut, garbled or with a value replaced (every warning checked)', () => {
    fc.assert(
      fc.property(mutatedScenario(SMALL_SCENARIOS), (text) => {
        holds(text)
      }),
      { numRuns: 400 },
    )
  })

  it('on the seed scenario cut, garbled or with a value replaced', () => {
    const seeds = readSeeds()
    fc.assert(
      fc.property(mutatedScenario([SEED_SCENARIO]), (text) => {
        holds(text, seeds, true)
      }),
      { numRuns: 40 },
    )
  })

  it('on deep nesting and alias bombs', () => {
    fc.assert(
      fc.property(fc.oneof(deepNesting, aliasBombs), (text) => {
        holds(text)
      }),
      { numRuns: 100 },
    )
  })

  it('on inputs near the size, token and node limits', () => {
    for (const [, text] of hugeInputs()) holds(text)
  })

  it('and no input has touched Object.prototype', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
