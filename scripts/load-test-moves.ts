/**
 * A student's next move for the load test and the server tests that play whole games: the computer
 * planner's move for that side (src/core/ai/), as if it played alone at a table of humans. Pure: the
 * planner worker of the load test and the tests call it alike.
 */
import { nextComputerCommand } from '../src/core/ai/computer-player.ts'
import type { Command } from '../src/core/rules/commands.ts'
import type { ScenarioIndex } from '../src/core/rules/scenario-index.ts'
import type { GameState } from '../src/core/rules/state.ts'

/** The next command a student of `side` sends, or null when it has nothing to do now. */
export function moveFor(scenario: ScenarioIndex, state: GameState, side: string): Command | null {
  const seats = Object.fromEntries(
    scenario.proposers.map((s) => [s, s === side ? 'computer' : 'human'] as const),
  )
  const command = nextComputerCommand(scenario, { ...state, setup: { ...state.setup, seats } })
  if (command && command.side === side) return command
  // Everyone has spoken and someone objects: with only humans at the table, someone has to close the round.
  const spoken = scenario.proposers.every((s) => state.stances[s])
  const objection = scenario.proposers.some((s) => state.stances[s]?.kind === 'object')
  if (state.phase === 'negotiating' && spoken && objection) return { type: 'endRound', side, payload: {} }
  // A request to this side the planner leaves waiting (a trade it cannot settle) would hold the table for
  // ever: a student answers it, no.
  const open = state.requests.findIndex((r) => r.status === 'open' && r.to === side)
  if (state.phase === 'negotiating' && open >= 0)
    return { type: 'decline', side, payload: { request: open, reason: 'Not now.' } }
  // A side whose planner has nothing to add still speaks, as a student would, so that the round can end:
  // otherwise a table of such sides waits on each other for ever.
  if (state.phase === 'negotiating' && !state.stances[side])
    return { type: 'object', side, payload: { reason: 'Not this package.' } }
  return null
}
