import { describe, expect, it } from 'vitest'
import { redLinesTouching } from '../../src/core/rules/touching.ts'
import { seedScenario } from './helpers.ts'

const index = seedScenario()
const ids = (instrument: string, variant?: string) =>
  redLinesTouching(index, instrument, variant).map((r) => r.id)

describe('red lines an instrument touches, as a side can know them', () => {
  it('lists the red lines that name the instrument or its tags', () => {
    expect(ids('reassurance-force')).toEqual([
      'no-european-peacekeepers',
      'hostile-measures',
      'no-foreign-intervention',
      'european-units-targeted',
    ])
    expect(ids('asset-seizure')).toEqual(['hostile-measures', 'no-asset-confiscation'])
    expect(ids('nato-membership')).toEqual(['no-nato'])
  })

  it('tells the two readings of the Article 5-style clause apart', () => {
    expect(ids('article5-style-clause', 'shall')).toEqual(['no-foreign-intervention'])
    expect(ids('article5-style-clause', 'could')).toEqual([])
  })

  it('lists nothing for options no red line names', () => {
    expect(ids('elections-in-ukraine')).toEqual([])
  })
})
