import type { Instrument, Meter, Scenario, Side, Variant } from '../scenario/schema/scenario.ts'

/** Flags the engine raises itself; conditions may test them without declaring them. */
export const BUILT_IN_FLAGS = ['implemented-without-consent'] as const

/**
 * A scenario with lookup tables built once, so that the rules never search lists in their hot paths.
 * Everything here is derived from the scenario and never changes during a game.
 */
export interface ScenarioIndex {
  scenario: Scenario
  sides: Map<string, Side>
  proposers: string[]
  responder: string
  instruments: Map<string, Instrument>
  variants: Map<string, Map<string, Variant>>
  meters: Map<string, Meter>
  /** For each instrument, the instruments it cannot share a package with (made symmetric). */
  exclusions: Map<string, Set<string>>
  flags: Set<string>
  tags: Set<string>
}

/** Builds the lookup tables of a validated scenario. */
export function indexScenario(scenario: Scenario): ScenarioIndex {
  const instruments = new Map(scenario.instruments.map((i) => [i.id, i]))
  const exclusions = new Map<string, Set<string>>(scenario.instruments.map((i) => [i.id, new Set<string>()]))
  for (const i of scenario.instruments) {
    for (const other of i.excludes) {
      exclusions.get(i.id)?.add(other)
      exclusions.get(other)?.add(i.id)
    }
  }
  const responder = scenario.sides.find((s) => s.role === 'responder')
  return {
    scenario,
    sides: new Map(scenario.sides.map((s) => [s.id, s])),
    proposers: scenario.sides.filter((s) => s.role === 'proposer').map((s) => s.id),
    responder: responder?.id ?? '',
    instruments,
    variants: new Map(scenario.instruments.map((i) => [i.id, new Map(i.variants.map((v) => [v.id, v]))])),
    meters: new Map(scenario.meters.map((m) => [m.id, m])),
    exclusions,
    flags: new Set([...scenario.flags.map((f) => f.id), ...BUILT_IN_FLAGS]),
    tags: new Set(scenario.tags.map((t) => t.id)),
  }
}
