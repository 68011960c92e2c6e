/**
 * The load test's planner, in a worker thread (see load-test.ts): it chooses a student's next command with
 * the computer planner of src/core/ai/, off the thread that measures round trips, so that planning never
 * delays the reading of a reply.
 */
import { setPriority } from 'node:os'
import { join } from 'node:path'
import { parentPort } from 'node:worker_threads'
import type { GameState } from '../src/core/rules/state.ts'
import { loadScenarioFile, PROJECT_ROOT } from '../src/node/scenario-files.ts'
import { moveFor } from './load-test-moves.ts'

const { index } = loadScenarioFile(
  join(PROJECT_ROOT, 'scenarios', `${process.env.LOAD_TEST_SCENARIO}.yaml`),
  {
    skipWarnings: true,
  },
)
if (!index) throw new Error('The scenario does not load.')
const scenario = index

// Planning stands for the students' thinking, which costs the server nothing: on Linux this lowers only
// this thread's priority, so that the server (and the thread timing it) get the processor first.
try {
  setPriority(19)
} catch {
  // Not allowed here: planning then simply competes with the rest.
}

parentPort?.on('message', ({ id, state, side }: { id: number; state: GameState; side: string }) => {
  parentPort?.postMessage({ id, command: moveFor(scenario, state, side) })
})
