/**
 * `npm run balance`: every strategy player (src/core/balance/strategies.ts) plays every proposing side against
 * computer partners, at each difficulty, over many seeds, on each shipped scenario, in worker threads (one per
 * core). Prints per scenario and difficulty a table of how often each strategy comes out ahead, its mean
 * rounds, the endings and the aftermath's outcomes, and any stalled game; then the issue's targets for the
 * full scenario at normal difficulty, each met or MISSED. Writes balance-results.json. It is a bench: it exits
 * 0 when targets are missed, and 1 only when it could not run.
 *
 *   npm run balance -- [--seeds N] [--scenario FILE] [--difficulty D] [--strategy S] [--workers N] [--quick]
 *                      [--out FILE]
 *
 * --scenario, --difficulty and --strategy may be repeated or given as comma lists. --quick is the tuning
 * loop: normal difficulty, the full scenario, 100 seeds. --out writes the results elsewhere than
 * balance-results.json at the project root.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import type { GameResult } from '../src/core/balance/play.ts'
import { STRATEGY_IDS, type StrategyId } from '../src/core/balance/strategies.ts'
import { type CellFigures, measureTargets, summarise, type Target } from '../src/core/balance/summary.ts'
import { DIFFICULTIES } from '../src/core/rules/difficulty.ts'
import type { ScenarioIndex } from '../src/core/rules/scenario-index.ts'
import type { Difficulty } from '../src/core/rules/state.ts'
import { AFTERMATH_KINDS } from '../src/core/scenario/schema/uncertainty.ts'
import { loadScenarioFile, PROJECT_ROOT, shippedScenarioPaths } from '../src/node/scenario-files.ts'
import type { Job, JobDone } from './balance-worker.ts'

/** The scenario the issue's targets are set for. */
const FULL_SCENARIO = 'guarantees-2025.yaml'
/** Seeds per job: small enough that both workers stay busy to the end. */
const SEEDS_PER_JOB = 20
/** The size of a full run, for the estimate printed after a partial one. */
const FULL_RUN = { scenarios: 3, difficulties: 3, strategies: STRATEGY_IDS.length, sides: 3, seeds: 200 }

const { values } = parseArgs({
  options: {
    seeds: { type: 'string' },
    scenario: { type: 'string', multiple: true },
    difficulty: { type: 'string', multiple: true },
    strategy: { type: 'string', multiple: true },
    workers: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
})

function fail(message: string): never {
  console.error(`balance: ${message}`)
  process.exit(1)
}

const list = (given: string[] | undefined) => given?.flatMap((g) => g.split(',')).filter(Boolean)

function chosen<T extends string>(given: string[] | undefined, all: readonly T[], what: string): T[] {
  const picked = list(given)
  if (!picked) return [...all]
  for (const p of picked)
    if (!all.includes(p as T)) fail(`unknown ${what} "${p}" (one of: ${all.join(', ')})`)
  return picked as T[]
}

/** A scenario file as given, or by name under scenarios/. */
function scenarioPath(file: string): string {
  for (const path of [resolve(file), join(PROJECT_ROOT, 'scenarios', file)]) if (existsSync(path)) return path
  return fail(`no scenario file "${file}"`)
}

const quick = values.quick ?? false
const seedCount = Number(values.seeds ?? (quick ? 100 : 200))
if (!Number.isInteger(seedCount) || seedCount < 1) fail('--seeds takes a whole number above 0')
const files = quick
  ? [join(PROJECT_ROOT, 'scenarios', FULL_SCENARIO)]
  : (list(values.scenario)?.map(scenarioPath) ?? shippedScenarioPaths())
const difficulties: Difficulty[] = quick ? ['normal'] : chosen(values.difficulty, DIFFICULTIES, 'difficulty')
const strategies: StrategyId[] = chosen(values.strategy, STRATEGY_IDS, 'strategy')
const seeds = Array.from({ length: seedCount }, (_, i) => i + 1)
const workerCount = Math.max(1, Number(values.workers ?? availableParallelism()))

const scenarios = files.map((file) => {
  const loaded = loadScenarioFile(file, { skipWarnings: true })
  if (!loaded.index) fail(`${file} does not load: run \`npm run check -- ${file}\``)
  return { file, name: basename(file), index: loaded.index as ScenarioIndex }
})

const jobs: Job[] = []
const cells = new Map<string, { key: Omit<CellFigures, 'games'>; results: GameResult[] }>()
for (const { file, index } of scenarios)
  for (const difficulty of difficulties)
    for (const strategy of strategies)
      for (const side of index.proposers)
        for (let i = 0; i < seeds.length; i += SEEDS_PER_JOB)
          jobs.push({
            id: jobs.length,
            file,
            difficulty,
            strategy,
            side,
            seeds: seeds.slice(i, i + SEEDS_PER_JOB),
          })
const cellOf = (j: Job) => `${j.file}|${j.difficulty}|${j.strategy}|${j.side}`
const totalGames = jobs.reduce((s, j) => s + j.seeds.length, 0)

/** Runs every job on a pool of workers; returns each job's results by id. */
function runJobs(): Promise<GameResult[][]> {
  const out: GameResult[][] = []
  const url = new URL('./balance-worker.ts', import.meta.url).href
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}) })`
  let next = 0
  let done = 0
  let games = 0
  let reported = 0
  return new Promise((resolveAll, reject) => {
    const pool = Array.from(
      { length: Math.min(workerCount, jobs.length) },
      () => new Worker(boot, { eval: true }),
    )
    const feed = (worker: Worker) => {
      const job = jobs[next++]
      if (job) worker.postMessage(job)
      else void worker.terminate()
    }
    for (const worker of pool) {
      worker.on('message', (message: JobDone) => {
        out[message.id] = message.results
        games += message.results.length
        if (games * 10 >= (reported + 1) * totalGames) {
          reported = Math.floor((games * 10) / totalGames)
          console.error(
            `balance: ${games}/${totalGames} games (${((performance.now() - start) / 1000).toFixed(0)} s)`,
          )
        }
        if (++done === jobs.length) resolveAll(out)
        feed(worker)
      })
      worker.on('error', reject)
      feed(worker)
    }
  })
}

const start = performance.now()
const cpuStart = process.cpuUsage()
console.error(`balance: ${totalGames} games on ${Math.min(workerCount, jobs.length)} workers`)
const byJob = await runJobs()
const wallSeconds = (performance.now() - start) / 1000
// The whole process's CPU time, worker threads included: unlike the wall time, it does not depend on what
// else the machine is running.
const cpu = process.cpuUsage(cpuStart)
const cpuMsPerGame = (cpu.user + cpu.system) / 1000 / totalGames

for (const job of jobs) {
  const key = cellOf(job)
  const cell = cells.get(key) ?? {
    key: {
      scenario: basename(job.file),
      difficulty: job.difficulty,
      strategy: job.strategy,
      side: job.side,
    } as Omit<CellFigures, 'games'>,
    results: [],
  }
  cell.results.push(...(byJob[job.id] ?? []))
  cells.set(key, cell)
}
const figures: CellFigures[] = [...cells.values()].map(({ key, results }) => {
  const scenario = scenarios.find((s) => s.name === key.scenario)
  const endingIds = scenario?.index.scenario.endings.map((e) => e.id) ?? []
  return summarise(
    { scenario: key.scenario, difficulty: key.difficulty, strategy: key.strategy, side: key.side },
    results,
    endingIds,
  )
})

/** Prints rows as aligned columns: text columns to the left, figures to the right. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r))
}

const outcomeKeys = ['none', ...AFTERMATH_KINDS]
for (const { name, index } of scenarios)
  for (const difficulty of difficulties) {
    const here = figures.filter((f) => f.scenario === name && f.difficulty === difficulty)
    const endingIds = index.scenario.endings.map((e) => e.id)
    const outcomes = outcomeKeys.filter((k) => here.some((f) => (f.aftermath[k] ?? 0) > 0))
    console.log(`\n${name} — ${difficulty} — ${seedCount} seeds a cell (figures are % of the cell's games)`)
    printTable(
      ['strategy', 'side', 'ahead%', 'rounds', 'stalled', ...endingIds, ...outcomes.map((o) => `after:${o}`)],
      here.map((f) => [
        f.strategy,
        f.side,
        f.ahead.toFixed(1),
        f.meanRounds.toFixed(2),
        String(f.stalled),
        ...endingIds.map((id) => (f.endings[id] ?? 0).toFixed(1)),
        ...outcomes.map((o) => (f.aftermath[o] ?? 0).toFixed(1)),
      ]),
    )
    for (const f of here.filter((c) => c.stalled))
      for (const s of f.stalledGames)
        console.log(
          `  STALLED ${f.strategy}/${f.side} seed ${s.seed}: ${s.reason} in round ${s.round} (${s.phase})${s.detail ? `: ${s.detail}` : ''}`,
        )
  }

const full = figures.filter((f) => f.scenario === FULL_SCENARIO)
const fullIndex = scenarios.find((s) => s.name === FULL_SCENARIO)?.index
const targets: Target[] = fullIndex
  ? measureTargets(
      full,
      fullIndex.scenario.endings.map((e) => e.id),
    )
  : []
console.log(`\nTargets (${FULL_SCENARIO}, normal difficulty; the last compares easy with hard)`)
if (!fullIndex) console.log('  not measured: the full scenario was not in this run')
for (const t of targets)
  console.log(`  ${t.met === null ? 'not run' : t.met ? 'met    ' : 'MISSED '}  ${t.target}: ${t.measured}`)

const stalled = figures.reduce((s, f) => s + f.stalled, 0)
const gamesPerSecond = totalGames / wallSeconds
const fullGames =
  FULL_RUN.scenarios * FULL_RUN.difficulties * FULL_RUN.strategies * FULL_RUN.sides * FULL_RUN.seeds
const workersUsed = Math.min(workerCount, jobs.length)
console.log(
  `\n${totalGames} games in ${wallSeconds.toFixed(1)} s (wall) on ${workersUsed} workers: ${gamesPerSecond.toFixed(1)} games/s; CPU ${cpuMsPerGame.toFixed(0)} ms a game`,
)
console.log(
  `a full run (${fullGames} games) would take ≈ ${(fullGames / gamesPerSecond / 60).toFixed(0)} min if its games cost what these did (≈ ${((fullGames * cpuMsPerGame) / 1000 / workersUsed / 60).toFixed(0)} min on ${workersUsed} idle cores); use --quick to tune`,
)
console.log(stalled ? `STALLED games: ${stalled} (a bug: see the lines above)` : 'no stalled games')

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}
const results = {
  date: new Date().toISOString(),
  commit: git(['rev-parse', 'HEAD']),
  uncommittedChanges: (git(['status', '--porcelain']) ?? '') !== '',
  node: process.version,
  options: { quick, scenarios: scenarios.map((s) => s.name), difficulties, strategies, workers: workerCount },
  seeds,
  games: totalGames,
  wallSeconds,
  gamesPerSecond,
  cpuMsPerGame,
  stalled,
  cells: figures,
  targets,
}
const out = values.out ? resolve(values.out) : join(PROJECT_ROOT, 'balance-results.json')
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
console.log(`wrote ${out}`)
