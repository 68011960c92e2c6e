import type { Command } from '../core/rules/commands.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { GameState } from '../core/rules/state.ts'

/** The reason logged for a side that had not spoken when the round's time ran out. */
export const TIME_UP_REASON = 'The time for this round ran out before this side endorsed the package.'

/**
 * When a round's timer runs out, the round ends, with the sides' own commands (attributed to the timer in
 * the log), so the rules and the record stay the same as in any game:
 *
 * - while negotiating: a package every side endorses is tabled (the agreement stands and Russia answers);
 *   otherwise each side that has not spoken objects, and the round ends with no package tabled (if all had
 *   endorsed an empty package, the first side objects for the timer);
 * - while deciding after Russia's answer: each side that has not voted votes to continue negotiating.
 *
 * This returns the next such command, or null once nothing is left to do in this phase. The caller applies
 * them one by one until the round number changes or the game ends.
 */
export function timeUpCommand(index: ScenarioIndex, state: GameState): Command | null {
  const sides = index.proposers
  const first = sides[0]
  if (!first) return null
  if (state.phase === 'deciding') {
    const side = sides.find((s) => !state.votes[s])
    return side ? { type: 'decide', side, payload: { choice: 'continue' } } : null
  }
  if (state.phase !== 'negotiating') return null
  if (state.package.length && sides.every((s) => state.stances[s]?.kind === 'endorse'))
    return { type: 'table', side: first, payload: {} }
  const silent = sides.find((s) => !state.stances[s])
  if (silent) return { type: 'object', side: silent, payload: { reason: TIME_UP_REASON } }
  if (!sides.some((s) => state.stances[s]?.kind === 'object'))
    return { type: 'object', side: first, payload: { reason: TIME_UP_REASON } }
  return { type: 'endRound', side: first, payload: {} }
}
