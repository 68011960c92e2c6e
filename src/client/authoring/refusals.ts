import type { StoreApi } from 'zustand/vanilla'
import type { Refusal } from '../../core/rules/apply.ts'
import type { GameStore } from '../../core/store.ts'

/** A command the rules refused, placed in the log: it came after `afterMove` applied commands. */
export interface PlacedRefusal {
  afterMove: number
  command: unknown
  refusal: Refusal
}

const KEEP = 200

/**
 * Follows a game store's refusals (a refused command changes nothing but the store's short list of them)
 * and notes how long the log was at each, so the backstage can show them among the applied commands.
 * Refusals are not saved: after a reload only the new ones are known. Returns the reader and the stop.
 */
export function trackRefusals(store: StoreApi<GameStore>): {
  refused: () => readonly PlacedRefusal[]
  stop: () => void
} {
  let placed: PlacedRefusal[] = []
  const stop = store.subscribe((state, previous) => {
    if (state.refusals === previous.refusals) return
    const known = new Set(previous.refusals)
    const fresh = state.refusals.filter((r) => !known.has(r))
    const afterMove = state.log.length
    placed = [...placed, ...fresh.map((r) => ({ afterMove, command: r.command, refusal: r.refusal }))].slice(
      -KEEP,
    )
  })
  return { refused: () => placed, stop }
}
