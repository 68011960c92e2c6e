/**
 * `npm run load-test`: the classroom server under load, on loopback only, in three runs (load-test-run.ts):
 *
 * 1. `single`: one server process, LOAD_TEST_ROOMS rooms (default 50);
 * 2. `redis`: two server processes sharing one session through a throwaway redis-server (rooms kept in
 *    Redis), LOAD_TEST_REDIS_ROOMS rooms (default 100), the devices of each room asking one process or the
 *    other; skipped, saying so, without `redis-server`;
 * 3. `flood`: one process, LOAD_TEST_ROOMS rooms, each with a fifth device flooding the room with commands
 *    as fast as a socket may stay open.
 *
 * Each room has four honest devices (the instructor and three students, one per side) playing a whole game
 * with real commands, each student choosing its side's moves with the computer planner (in a worker
 * thread) and a human-like pause between them. Each run reports the honest devices' command round trip at
 * p50/p95/p99 (target p95 < 50 ms) and each process's CPU and memory. Bounded: each run stops after
 * LOAD_TEST_SECONDS (default 1.6 s a room, at least 100 s) whatever happens. Also: LOAD_TEST_RUNS (e.g. `redis,flood`),
 * LOAD_TEST_THINK_MS (mean pause, default 400), LOAD_TEST_DATA (where data folders go), CLASSROOM_FSYNC.
 */
import { spawnSync } from 'node:child_process'
import { Worker } from 'node:worker_threads'
import type { Command } from '../src/core/rules/commands.ts'
import type { GameState } from '../src/core/rules/state.ts'
import { type RunPlan, type RunResult, run } from './load-test-run.ts'

const ROOMS = Number(process.env.LOAD_TEST_ROOMS ?? 50)
const REDIS_ROOMS = Number(process.env.LOAD_TEST_REDIS_ROOMS ?? 100)
/**
 * Each run's bound: LOAD_TEST_SECONDS when given; otherwise 1.6 s a room, at least 100 s, because the test's
 * own planner (one worker thread choosing every student's moves) needs that long for 100 rooms to finish.
 */
const limitFor = (rooms: number) =>
  1000 * (process.env.LOAD_TEST_SECONDS ? Number(process.env.LOAD_TEST_SECONDS) : Math.max(100, 1.6 * rooms))
const THINK_MS = Number(process.env.LOAD_TEST_THINK_MS ?? 400)
const RUNS = (process.env.LOAD_TEST_RUNS ?? 'single,redis,flood').split(',')
const SCENARIO = 'guarantees-2025'
const TARGET_P95_MS = 50

/** The planner runs in a worker thread (load-test-planner.ts): this thread only sends and times. */
const planner = new Worker(
  `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./load-test-planner.ts', import.meta.url).href)}) })`,
  { eval: true, env: { ...process.env, LOAD_TEST_SCENARIO: SCENARIO } },
)
const plans = new Map<number, (command: Command | null) => void>()
let planId = 0
planner.on('message', ({ id, command }: { id: number; command: Command | null }) => {
  plans.get(id)?.(command)
  plans.delete(id)
})
function plan(state: GameState, side: string): Promise<Command | null> {
  const id = planId++
  return new Promise((resolve) => {
    plans.set(id, resolve)
    planner.postMessage({ id, state, side })
  })
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
const ms = (n: number) => n.toFixed(1)

function report(p: RunPlan, r: RunResult): boolean {
  const sorted = [...r.roundTrips].sort((a, b) => a - b)
  const p95 = percentile(sorted, 95)
  const where =
    p.processes === 2 ? 'two server processes sharing a session through Redis' : 'one server process'
  console.log(
    `\n[${p.name}] ${p.rooms} rooms × 4 devices${p.flood ? ' + 1 flooding device each' : ''}; ${where}; loopback`,
  )
  for (const s of r.stuck.slice(0, 5)) console.log(`  unfinished: ${s}`)
  console.log(
    `  games finished: ${r.finished}/${p.rooms} in ${r.elapsed.toFixed(1)} s${r.errors.length ? `; errors: ${r.errors.slice(0, 3).join(' | ')}` : ''}`,
  )
  console.log(
    `  honest commands: ${r.roundTrips.length} (${(r.roundTrips.length / r.elapsed).toFixed(0)}/s); refused by the rules: ${r.refused}; rate-limited or lost: ${r.lost}`,
  )
  if (r.flood)
    console.log(
      `  flood: ${r.flood.sent} messages sent, ${r.flood.refused} refusals received (a device past its allowance is told once a second)`,
    )
  console.log(
    `  honest round trip (ms): p50 ${ms(percentile(sorted, 50))}  p95 ${ms(p95)}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? 0)}  (target p95 < ${TARGET_P95_MS}: ${p95 < TARGET_P95_MS ? 'met' : 'NOT met'})`,
  )
  for (const u of r.usage)
    console.log(
      `  ${u.label}: CPU ${u.cpuSeconds.toFixed(1)} s, mean ${ms(u.cpuMean)}% of a core, peak ${ms(u.cpuPeak)}%; memory (RSS) ${u.rssStartMb.toFixed(0)} MB at start, peak ${u.rssPeakMb.toFixed(0)} MB`,
    )
  r.steps.forEach((steps, i) => {
    const step = (kind: string) => {
      const x = steps[kind]
      return x ? `${kind} p50 ${ms(x.p50)} p95 ${ms(x.p95)} p99 ${ms(x.p99)}` : `${kind} -`
    }
    console.log(
      `  inside server ${String.fromCharCode(65 + i)} (ms): ${['apply', 'save', 'views'].map(step).join('; ')}`,
    )
  })
  if (r.finished < p.rooms)
    console.log(
      `  ${p.rooms - r.finished} games were still under way when the run's bound stopped them (listed above; LOAD_TEST_SECONDS raises it): their round trips count, their endings do not`,
    )
  // A benchmark prints figures: it fails only on a fault (a command lost or broken), not on a slow machine.
  return r.errors.length === 0
}

const haveRedis = spawnSync('redis-server', ['--version']).status === 0
const durability =
  process.env.CLASSROOM_FSYNC === 'strict'
    ? 'strict (fsync before each answer)'
    : 'soon (fsync right after each answer)'
console.log(
  `Load test: think time ${THINK_MS} ms on average; durability ${durability}; each run bounded at ${limitFor(ROOMS) / 1000} s (${limitFor(REDIS_ROOMS) / 1000} s with ${REDIS_ROOMS} rooms)`,
)
let ok = true
const base = { thinkMs: THINK_MS, plan }
for (const name of RUNS) {
  const adminKey = `load-test-${Date.now()}-admin-key`
  const p: RunPlan | null =
    name === 'single'
      ? { ...base, limitMs: limitFor(ROOMS), name, rooms: ROOMS, processes: 1, flood: false, adminKey }
      : name === 'redis'
        ? {
            ...base,
            limitMs: limitFor(REDIS_ROOMS),
            name,
            rooms: REDIS_ROOMS,
            processes: 2,
            flood: false,
            adminKey,
          }
        : name === 'flood'
          ? { ...base, limitMs: limitFor(ROOMS), name, rooms: ROOMS, processes: 1, flood: true, adminKey }
          : null
  if (!p) throw new Error(`Unknown run "${name}" (single, redis, flood)`)
  if (p.processes === 2 && !haveRedis) {
    console.log(`\n[${name}] skipped: redis-server is not installed (apt-get install -y redis-server)`)
    continue
  }
  ok = report(p, await run(p)) && ok
}
await planner.terminate()
process.exit(ok ? 0 : 1)
