/**
 * The load test's planner, in a worker thread (see load-test.ts): it chooses a student's next command with
 * the computer planner of src/core/ai/, off the thread that measures round trips, so that planning never
 * delays the reading of a reply.
 */
import { setPriority } from 'node:os'
import { join } from 'node:path'
import { parentPort } from 'node:worker_threads'
import { nextComputerCommand } from '../src/core/ai/computer-player.ts'
import type { Command } from '../src/core/rules/commands.ts'
import type { GameState } from '../src/core/rules/state.ts'
import { loadScenarioFile, PROJECT_ROOT } from '../src/node/scenario-files.ts'

const { index } = loadScenarioFile(
  join(PROJECT_ROOT, 'scenarios', `${process.env.LOAD_TEST_SCENARIO}.yaml`),
  {
    skipWarnings: true,
  },
)
if (!index) throw new Error('The scenario does not load.')
const scenario = index

/** The next command a student of `side` sends: the planner's move for that side, as if it played it alone. */
function moveFor(state: GameState, side: string): Command | null {
  const seats = Object.fromEntries(
    scenario.proposers.map((s) => [s, s === side ? 'computer' : 'human'] as const),
  )
  const command = nextComputerCommand(scenario, { ...state, setup: { ...state.setup, seats } })
  if (command && command.side === side) return command
  // Everyone has spoken and someone objects: with only humans at the table, someone has to close the round.
  const spoken = scenario.proposers.every((s) => state.stances[s])
  const objection = scenario.proposers.some((s) => state.stances[s]?.kind === 'object')
  if (state.phase === 'negotiating' && spoken && objection) return { type: 'endRound', side, payload: {} }
  return null
}

// Planning stands for the students' thinking, which costs the server nothing: on Linux this lowers only
// this thread's priority, so that the server (and the thread timing it) get the processor first.
try {
  setPriority(19)
} catch {
  // Not allowed here: planning then simply competes with the rest.
}

parentPort?.on('message', ({ id, state, side }: { id: number; state: GameState; side: string }) => {
  parentPort?.postMessage({ id, command: moveFor(state, side) })
})
