/**
 * A worker of `npm run balance` (scripts/balance.ts): plays the games of each job it is sent (one strategy on
 * one side, one scenario and difficulty, a block of seeds) and posts their results back.
 */
import { parentPort } from 'node:worker_threads'
import { type GameResult, playGame } from '../src/core/balance/play.ts'
import { STRATEGIES, type StrategyId } from '../src/core/balance/strategies.ts'
import type { ScenarioIndex } from '../src/core/rules/scenario-index.ts'
import type { Difficulty } from '../src/core/rules/state.ts'
import { loadScenarioFile } from '../src/node/scenario-files.ts'

/** One block of games to play. */
export interface Job {
  id: number
  file: string
  difficulty: Difficulty
  strategy: StrategyId
  side: string
  seeds: number[]
}

/** What a worker posts back for a job. */
export interface JobDone {
  id: number
  results: GameResult[]
}

const loaded = new Map<string, ScenarioIndex>()

function scenario(file: string): ScenarioIndex {
  let index = loaded.get(file)
  if (!index) {
    const result = loadScenarioFile(file, { skipWarnings: true })
    if (!result.index) throw new Error(`${file} does not load: run \`npm run check -- ${file}\``)
    index = result.index
    loaded.set(file, index)
  }
  return index
}

parentPort?.on('message', (job: Job) => {
  const index = scenario(job.file)
  const strategy = STRATEGIES[job.strategy]
  const results = job.seeds.map(
    (seed) => playGame(index, { strategy, side: job.side, seed, difficulty: job.difficulty }).result,
  )
  parentPort?.postMessage({ id: job.id, results } satisfies JobDone)
})
