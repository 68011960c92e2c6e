import type { Holds } from '../rules/resolve.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState } from '../rules/state.ts'
import type { RedLine } from '../scenario/schema/scenario.ts'

/**
 * What a computer-played side believes of the responder's resolve. It never sees the hidden draw: it starts
 * from its side's `outlook` (where in each red line's range its people expect Russia's firmness to lie, as
 * the articles quote them; the middle where the scenario gives none), and learns only from the answers: a
 * red line that held is believed as firm as its range allows, one the responder let pass as soft.
 */

/** How firm `side` believes `redLine` to be, from 0 (a bluff) to 1. */
export function believedFirmness(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  redLine: RedLine,
): number {
  const range = redLine.resolve
  if (!range) return 1
  for (let i = state.history.length - 1; i >= 0; i--) {
    const response = state.history[i]?.response
    if (!response?.redLines.includes(redLine.id)) continue
    // Seen to hold: believed as firm as its range allows; seen to give way: as soft as it allows.
    return response.yielded.includes(redLine.id) ? range.low : range.high
  }
  const outlook = index.sides.get(side)?.outlook?.firmness ?? 0.5
  return range.low + (Math.max(range.high, range.low) - range.low) * outlook
}

/** The answer `side` fears most: every crossed red line holds. */
export const allHold: Holds = () => true
/** The answer `side` hopes for: every crossed red line with a range gives way. */
export const rangedYield: Holds = (redLine) => !redLine.resolve
