import type { Holds } from '../rules/resolve.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState } from '../rules/state.ts'
import type { RedLine } from '../scenario/schema/scenario.ts'

/**
 * What a computer-played side believes of the responder's resolve. It never sees the hidden draw: it starts
 * from its side's `outlook` (how its people read Russia, as the articles quote them), or the middle of the
 * range where the scenario gives no outlook, and learns only from the answers: a red line that held is
 * believed firm, one the responder let pass is believed soft.
 */

/** Belief in a red line that the responder was seen to let pass: soft, though it might hold next time. */
const SEEN_YIELD = 0.3
/** A side plans as though a red line will hold when it believes its firmness at least this. */
const HOLD_THRESHOLD = 0.5

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
    return response.yielded.includes(redLine.id) ? SEEN_YIELD : 1
  }
  const outlook = index.sides.get(side)?.outlook?.firmness
  return outlook ?? (range.low + range.high) / 2
}

/** The answer `side` expects: a crossed red line holds when it believes it firm enough. */
export function believedHolds(index: ScenarioIndex, state: GameState, side: string): Holds {
  return (redLine) => believedFirmness(index, state, side, redLine) >= HOLD_THRESHOLD
}
