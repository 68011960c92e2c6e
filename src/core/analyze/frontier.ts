import type { GameState } from '../rules/state.ts'

/**
 * What of a state matters for the rest of a game: two states that agree on it play on identically (the
 * package on the table, stances and the record of past rounds are replaced or only read by the score).
 */
export function stateKey(state: GameState): string {
  // Meters are always written in the scenario's order (newGame creates them so and effects copy them).
  const meters = Object.values(state.meters).join(',')
  const flags = [...state.flags].sort().join(',')
  const events = [...state.firedEvents].sort().join(',')
  return `${state.round}|${state.phase}|${meters}|${flags}|${events}|${state.rng}`
}

/**
 * Picks at most `cap` states to play on from, so that the search stays within its budget while still
 * covering the extremes: first, for each meter, the state where it is lowest and the one where it is
 * highest (endings are mostly thresholds on meters); then one state per distinct set of flags and fired
 * events; then states evenly spread over the rest, in the order they were found. Deterministic.
 */
export function pickDiverse<T extends { state: GameState }>(
  nodes: readonly T[],
  cap: number,
  meters: readonly string[],
): T[] {
  if (nodes.length <= cap) return [...nodes]
  const chosen = new Set<number>()
  const take = (i: number) => {
    if (chosen.size < cap) chosen.add(i)
  }
  const value = (i: number, meter: string) => nodes[i]?.state.meters[meter] ?? 0
  for (const meter of meters) {
    let low = 0
    let high = 0
    for (let i = 1; i < nodes.length; i++) {
      if (value(i, meter) < value(low, meter)) low = i
      if (value(i, meter) > value(high, meter)) high = i
    }
    take(low)
    take(high)
  }
  const kinds = new Set<string>()
  nodes.forEach((n, i) => {
    const kind = JSON.stringify([[...n.state.flags].sort(), [...n.state.firedEvents].sort()])
    if (kinds.has(kind)) return
    kinds.add(kind)
    take(i)
  })
  const left = cap - chosen.size
  for (let k = 0; k < left; k++) take(Math.floor((k * nodes.length) / left))
  for (let i = 0; chosen.size < cap && i < nodes.length; i++) take(i)
  return [...chosen].sort((a, b) => a - b).map((i) => nodes[i] as T)
}
