/**
 * A seeded pseudo-random generator (mulberry32). Its whole state is one 32-bit number kept in the game
 * state, so a saved game, a replayed log and a test with a fixed seed all draw the same numbers.
 */
export interface Draw {
  /** A number in [0, 1). */
  value: number
  /** The generator state to keep for the next draw. */
  next: number
}

/** Draws one number from the generator state `state`. */
export function draw(state: number): Draw {
  const next = (state + 0x6d2b79f5) >>> 0
  let t = next
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, next }
}

/** Draws a whole number in [-spread, +spread]. */
export function drawSpread(state: number, spread: number): { value: number; next: number } {
  const d = draw(state)
  return { value: Math.floor(d.value * (2 * spread + 1)) - spread, next: d.next }
}

/** Turns any number (such as a seed typed by a teacher) into a valid generator state. */
export function seedState(seed: number): number {
  return (Math.trunc(seed) ^ 0x9e3779b9) >>> 0
}
