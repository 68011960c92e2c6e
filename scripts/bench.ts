/**
 * `npm run bench`: how fast the rules resolve Russia's responses and play whole games, on the seed scenario,
 * then a long fuzz run of the scenario loader (scripts/bench-fuzz.ts), which fails the bench if any input breaks it.
 * Prints a table and writes bench-results.json. Targets are printed beside the figures, never asserted in a
 * unit test (timings vary by machine).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { countPackages, forEachPackage, randomPackage } from '../src/core/rules/enumerate.ts'
import { resolvePackage } from '../src/core/rules/package.ts'
import { resolveResponse } from '../src/core/rules/response.ts'
import type { ScenarioIndex } from '../src/core/rules/scenario-index.ts'
import { createGameStore } from '../src/core/store.ts'
import { loadScenarioFile, PROJECT_ROOT } from '../src/node/scenario-files.ts'
import { printFuzz, runFuzz } from './bench-fuzz.ts'

const EXHAUSTIVE_CAP = 2_000_000
const SAMPLE = 200_000
const GAMES = Number(process.env.BENCH_GAMES ?? 200)
const TARGET_MS_PER_PACKAGE = 100

/** Resolves every legal package (or a sample, past the cap). With `timeEach`, also times each one alone. */
function resolveAll(index: ScenarioIndex, timeEach: boolean) {
  const total = countPackages(index, EXHAUSTIVE_CAP + 1)
  const exhaustive = total <= EXHAUSTIVE_CAP
  const verdicts = { accept: 0, demandRemoval: 0, reject: 0 }
  let worstNs = 0n
  let rng = 12345
  const resolveOne = (items: Parameters<typeof resolvePackage>[1]) => {
    const t0 = timeEach ? process.hrtime.bigint() : 0n
    const ctx = { items: resolvePackage(index, items), meters: {}, flags: [], round: 1 }
    const out = resolveResponse(index, ctx, 'normal', rng)
    if (timeEach) {
      const dt = process.hrtime.bigint() - t0
      if (dt > worstNs) worstNs = dt
    }
    rng = out.rng
    verdicts[out.response.verdict]++
  }
  const start = performance.now()
  let resolved = 0
  if (exhaustive) resolved = forEachPackage(index, resolveOne)
  else {
    let draw = 99
    for (; resolved < SAMPLE; resolved++) {
      const p = randomPackage(index, draw)
      draw = p.rng
      resolveOne(p.items)
    }
  }
  const ms = performance.now() - start
  return {
    packages: total > EXHAUSTIVE_CAP ? `>${EXHAUSTIVE_CAP}` : total,
    exhaustive,
    resolved,
    ms,
    worstMs: Number(worstNs) / 1e6,
    verdicts,
  }
}

function playGames(index: ScenarioIndex) {
  const seats = Object.fromEntries(index.proposers.map((s) => [s, 'computer' as const]))
  const endings: Record<string, number> = {}
  let commands = 0
  let rounds = 0
  const start = performance.now()
  for (let seed = 1; seed <= GAMES; seed++) {
    const store = createGameStore(index, { scenarioId: index.scenario.id, seats, seed, difficulty: 'normal' })
    store.getState().runComputers(10_000)
    const { game, log } = store.getState()
    if (game.phase !== 'ended') throw new Error(`Game with seed ${seed} did not end`)
    const id = game.ending?.id ?? 'none'
    endings[id] = (endings[id] ?? 0) + 1
    commands += log.length
    rounds += game.round
  }
  const ms = performance.now() - start
  return {
    games: GAMES,
    ms,
    gamesPerSecond: (GAMES / ms) * 1000,
    commandsPerGame: commands / GAMES,
    roundsPerGame: rounds / GAMES,
    endings,
  }
}

const loaded = loadScenarioFile(join(PROJECT_ROOT, 'scenarios/guarantees-2025.yaml'), { skipWarnings: true })
if (!loaded.index) throw new Error('The seed scenario does not load; run `npm test`.')
// The first pass runs while the JIT warms up; a game resolves one package at a time, long after that.
const passes = [
  resolveAll(loaded.index, true),
  resolveAll(loaded.index, false),
  resolveAll(loaded.index, false),
  resolveAll(loaded.index, false),
]
const cold = passes[0] as ReturnType<typeof resolveAll>
const responses = passes.slice(1).reduce((a, b) => (b.ms < a.ms ? b : a))
const timed = resolveAll(loaded.index, true)
responses.worstMs = Math.max(cold.worstMs, timed.worstMs)
const games = playGames(loaded.index)
const fuzz = runFuzz()
const perPackageUs = (responses.ms * 1000) / responses.resolved
const results = {
  date: new Date().toISOString(),
  node: process.version,
  scenario: loaded.index.scenario.id,
  responses: {
    ...responses,
    perSecond: Math.round((responses.resolved / responses.ms) * 1000),
    meanMicroseconds: perPackageUs,
  },
  games,
  loaderFuzz: fuzz,
  targets: {
    msPerPackage: TARGET_MS_PER_PACKAGE,
    worstPackageMet: responses.worstMs < TARGET_MS_PER_PACKAGE,
    allPackagesUnderTargetMs: responses.ms < TARGET_MS_PER_PACKAGE,
  },
}
writeFileSync(join(PROJECT_ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`)

const rows: Array<[string, string, string]> = [
  ['legal packages', String(responses.packages), responses.exhaustive ? 'all resolved' : `${SAMPLE} sampled`],
  [
    'responses resolved',
    String(responses.resolved),
    `${responses.ms.toFixed(0)} ms in all, warm (first, cold pass: ${cold.ms.toFixed(0)} ms)`,
  ],
  [
    'all packages in one pass',
    `${responses.ms.toFixed(1)} ms`,
    `target < ${TARGET_MS_PER_PACKAGE} ms: ${results.targets.allPackagesUnderTargetMs ? 'met' : 'MISSED'} (ratio ${(responses.ms / TARGET_MS_PER_PACKAGE).toFixed(2)})`,
  ],
  [
    'responses per second',
    results.responses.perSecond.toLocaleString('en'),
    `mean ${perPackageUs.toFixed(2)} µs`,
  ],
  [
    'slowest single response',
    `${responses.worstMs.toFixed(3)} ms`,
    `target < ${TARGET_MS_PER_PACKAGE} ms: ${results.targets.worstPackageMet ? 'met' : 'MISSED'} (×${(TARGET_MS_PER_PACKAGE / responses.worstMs).toFixed(0)} margin)`,
  ],
  [
    'verdicts',
    Object.entries(responses.verdicts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
    '',
  ],
  ['computer-played games', String(games.games), `${games.ms.toFixed(0)} ms in all`],
  [
    'games per second',
    games.gamesPerSecond.toFixed(1),
    `${games.commandsPerGame.toFixed(1)} commands, ${games.roundsPerGame.toFixed(1)} rounds a game`,
  ],
  [
    'endings',
    Object.entries(games.endings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
    '',
  ],
]
const w0 = Math.max(...rows.map((r) => r[0].length))
const w1 = Math.max(...rows.map((r) => r[1].length))
console.log(`Red Lines bench — ${results.scenario}, Node ${process.version}`)
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`)
if (!printFuzz(fuzz)) process.exitCode = 1
console.log('wrote bench-results.json')
