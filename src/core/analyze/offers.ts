import type { ConditionContext } from '../rules/conditions.ts'
import type { PackageItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { contextFor, type Difficulty, type GameState, newGame } from '../rules/state.ts'

/**
 * What the proposers put before Russia in a round: a package, and the flags they may raise or lower
 * themselves (such as holding the talks in public). The analysis tries every package with each setting.
 */
export interface Offer {
  items: readonly PackageItem[]
  /** The proposer-settable flags raised for this offer; the other settable flags are lowered. */
  flags: readonly string[]
}

/** Past this many proposer-settable flags, the analysis tries a few settings instead of every one. */
export const MAX_FLAGS_FOR_EVERY_SETTING = 3

/** The flags a proposing side may raise or lower during the talks. */
export function settableFlags(index: ScenarioIndex): string[] {
  return index.scenario.flags
    .filter((f) => f.settableBy.some((s) => index.proposers.includes(s)))
    .map((f) => f.id)
}

/**
 * The flag settings tried with each package: every combination of the settable flags when there are at
 * most MAX_FLAGS_FOR_EVERY_SETTING of them; otherwise all lowered, all raised, and each raised alone.
 */
export function flagSettings(index: ScenarioIndex): string[][] {
  const flags = settableFlags(index)
  if (flags.length <= MAX_FLAGS_FOR_EVERY_SETTING) {
    const out: string[][] = []
    for (let mask = 0; mask < 1 << flags.length; mask++) out.push(flags.filter((_, i) => mask & (1 << i)))
    return out
  }
  return [[], flags, ...flags.map((f) => [f])]
}

/** The state with the settable flags set as `raised` says (other flags untouched). */
export function withFlags(index: ScenarioIndex, state: GameState, raised: readonly string[]): GameState {
  const settable = new Set(settableFlags(index))
  const kept = state.flags.filter((f) => !settable.has(f))
  return { ...state, flags: [...kept, ...raised] }
}

/** A game at its start, every side played by hand: what the analysis plays from. */
export function openingState(index: ScenarioIndex, seed: number, difficulty: Difficulty): GameState {
  const seats = Object.fromEntries(index.proposers.map((s) => [s, 'human' as const]))
  return newGame(index, { scenarioId: index.scenario.id, seats, seed, difficulty })
}

/** The condition context of an offer tabled in `state`. */
export function offerContext(index: ScenarioIndex, state: GameState, offer: Offer): ConditionContext {
  return contextFor(index, withFlags(index, state, offer.flags), offer.items)
}
