import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState } from '../rules/state.ts'

/**
 * A memo for what computer players work out about a situation. What a package is worth, how Russia would
 * answer it and what a side would most like depend on the situation (meters, flags, round, history), not on
 * stances or requests, so every decision of a round can share the answers. The meters object is replaced
 * whenever a meter moves, so keying on it (weakly) lets old situations be collected; the caller's key names
 * the rest of the situation.
 */
export function situationCache<T>(): (index: ScenarioIndex, state: GameState) => Map<string, T> {
  const byIndex = new WeakMap<ScenarioIndex, WeakMap<object, Map<string, T>>>()
  return (index, state) => {
    let byMeters = byIndex.get(index)
    if (!byMeters) {
      byMeters = new WeakMap()
      byIndex.set(index, byMeters)
    }
    let cache = byMeters.get(state.meters)
    if (!cache) {
      cache = new Map()
      byMeters.set(state.meters, cache)
    }
    return cache
  }
}

/** The parts of a situation, besides its meters, that a package's worth depends on, with the package. */
export function situationKey(state: GameState, packageKey: string): string {
  return `${state.round}|${state.phase}|${state.history.length}|${state.breaches.length}|${state.flags.join(',')}|${packageKey}`
}
