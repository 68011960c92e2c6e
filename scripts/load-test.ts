/**
 * `npm run load-test`: a classroom server under load, on loopback only. It starts the server in a child
 * process (as `npm run classroom --no-build` would, with a temporary data folder), opens ROOMS rooms with
 * four devices each (the instructor and three students, one per side: Ukraine, Europe, the US) and plays
 * every game to its end with real commands, each student choosing its side's moves with the computer
 * planner of src/core/ai/ and a human-like pause between them. It reports the command round trip (request
 * sent to reply received) at p50/p95/p99 and the server's CPU and memory, sampled from /proc.
 *
 * Bounded: it stops after LOAD_TEST_SECONDS (default 100) whatever happens. Environment: LOAD_TEST_ROOMS
 * (default 50), LOAD_TEST_THINK_MS (mean pause between a student's commands, default 400), LOAD_TEST_DATA
 * (where the temporary data folder goes, default the system's temporary folder), CLASSROOM_FSYNC=strict.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { Command } from '../src/core/rules/commands.ts'
import type { GameState } from '../src/core/rules/state.ts'
import { ClassroomClient, type ClassroomConnection } from '../src/net/client.ts'
import { PROJECT_ROOT } from '../src/node/scenario-files.ts'

const ROOMS = Number(process.env.LOAD_TEST_ROOMS ?? 50)
const LIMIT_MS = Number(process.env.LOAD_TEST_SECONDS ?? 100) * 1000
const THINK_MS = Number(process.env.LOAD_TEST_THINK_MS ?? 400)
const SCENARIO = 'guarantees-2025'
const SIDES = ['ukraine', 'europe', 'us']
const ADMIN_KEY = `load-test-${Date.now()}-admin-key`
const TARGET_P95_MS = 50

const started = Date.now()
const deadline = started + LIMIT_MS
const roundTrips: number[] = []
let refused = 0
let failures = 0
const stuck: string[] = []

/** Where an unfinished game stood, to tell why it did not end. */
function describe(c: ClassroomConnection): string {
  const g = c.view?.game
  if (!g) return `${c.code}: no game`
  const open = g.requests.filter((r) => r.status === 'open').map((r) => `${r.from}->${r.to}:${r.instrument}`)
  return `${c.code}: round ${g.round} ${g.phase}, stances ${JSON.stringify(g.stances)}, votes ${JSON.stringify(g.votes)}, open requests ${open.join(' ') || 'none'}, last ${c.log
    .slice(-3)
    .map((e) => `${e.command.side}:${e.command.type}`)
    .join(', ')}`
}

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

function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}

/**
 * One student: plans when the game has changed, thinks a while, and sends the move unless the game moved
 * on meanwhile (then it plans again), measuring each round trip.
 */
async function play(student: ClassroomConnection, side: string): Promise<void> {
  let planned = -1
  while (Date.now() < deadline) {
    const view = student.view
    const game = view?.game
    if (!view || !game || view.status === 'ended' || game.phase === 'ended') return
    if (view.status !== 'running' || student.log.length === planned) {
      await pause(25)
      continue
    }
    planned = student.log.length
    const command = await plan(game, side)
    if (!command) continue
    await pause(THINK_MS * (0.5 + Math.random()))
    if (student.log.length !== planned) continue
    const sent = performance.now()
    const reply = await student.command({ type: command.type, payload: command.payload })
    roundTrips.push(performance.now() - sent)
    if (reply.ok) continue
    if (reply.error.code === 'RATE_LIMITED' || reply.error.code === 'NOT_CONNECTED') failures++
    else refused++
  }
}

async function room(client: ClassroomClient, n: number): Promise<boolean> {
  const created = await client.createRoom(ADMIN_KEY, {
    scenario: { id: SCENARIO },
    settings: { seed: 1000 + n },
  })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const { code, instructorKey } = created.value
  const teacher = await client.join(code, { role: 'instructor', key: instructorKey })
  const students = await Promise.all(
    SIDES.map((s) => client.join(code, { role: 'student', name: `${s}-${n}` })),
  )
  for (const [i, student] of students.entries()) {
    const seat = student.view?.you.role === 'student' ? student.view.you.seat : ''
    await teacher.request('assign', { seat, side: SIDES[i] ?? null })
  }
  await teacher.request('start', {})
  while (!students.every((s) => s.view?.game) && Date.now() < deadline) await pause(20)
  await Promise.all(students.map((s, i) => play(s, SIDES[i] ?? '')))
  const finished = teacher.view?.game?.phase === 'ended'
  if (!finished) stuck.push(describe(teacher))
  await Promise.all([teacher, ...students].map((c) => c.leave()))
  return finished
}

/** CPU ticks (user + system) and resident memory of a process, from /proc. */
function sample(pid: number): { ticks: number; rssKb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return { ticks, rssKb: Number(rss?.[1] ?? 0) }
  } catch {
    return null
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const a = probe.address()
      probe.close(() => resolve(typeof a === 'object' && a ? a.port : 0))
    })
  })
}

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/classroom.ts'), '--no-build'],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        CLASSROOM_DATA: dataDir,
        CLASSROOM_ADMIN_KEY: ADMIN_KEY,
        // Every device of the load test shares one address: let them all join at once.
        CLASSROOM_JOIN_BURST: '10000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let out = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += d
      if (out.includes('READY')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`The server exited (${code}): ${out}`)))
  })
  return child
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
const ms = (n: number) => n.toFixed(1)

// LOAD_TEST_DATA puts the rooms' files elsewhere, e.g. /dev/shm to leave the disk out of the figures.
const dataDir = mkdtempSync(join(process.env.LOAD_TEST_DATA ?? tmpdir(), 'red-lines-load-'))
const port = await freePort()
const server = await startServer(port, dataDir)
const pid = server.pid ?? 0
const first = sample(pid)
const samples: Array<{ at: number; ticks: number; rssKb: number }> = []
const sampler = setInterval(() => {
  const s = sample(pid)
  if (s) samples.push({ at: performance.now(), ...s })
}, 500)
const t0 = performance.now()
const client = new ClassroomClient(`http://127.0.0.1:${port}`)
const results = await Promise.allSettled(Array.from({ length: ROOMS }, (_, n) => room(client, n)))
const elapsed = (performance.now() - t0) / 1000
clearInterval(sampler)
const stats = (await (
  await fetch(`http://127.0.0.1:${port}/api/stats`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` } })
).json()) as {
  eventLoopDelayMs: { p50: number; p99: number; max: number }
  steps: Record<string, { count: number; p50: number; p95: number; p99: number }>
}
await planner.terminate()
server.kill('SIGTERM')
rmSync(dataDir, { recursive: true, force: true })

const finished = results.filter((r) => r.status === 'fulfilled' && r.value).length
for (const s of stuck.slice(0, 5)) console.log(`  unfinished: ${s}`)
const errors = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []))
const sorted = [...roundTrips].sort((a, b) => a - b)
const p95 = percentile(sorted, 95)
const hz = 100 // USER_HZ on Linux
const cpu = samples.slice(1).map((s, i) => {
  const prev = samples[i] ?? s
  return ((s.ticks - prev.ticks) / hz / ((s.at - prev.at) / 1000)) * 100
})
const used = samples.at(-1) && first ? ((samples.at(-1)?.ticks ?? 0) - first.ticks) / hz : 0
const durability =
  process.env.CLASSROOM_FSYNC === 'strict'
    ? 'strict (fsync before each answer)'
    : 'soon (fsync right after each answer)'
console.log(
  `Load test: ${ROOMS} rooms × 4 clients (the instructor + 3 students, one per side), loopback, server in a child process`,
)
console.log(
  `  room files in ${dataDir}: written before each answer; durability ${durability}; think time ${THINK_MS} ms on average`,
)
console.log(
  `  games finished: ${finished}/${ROOMS} in ${elapsed.toFixed(1)} s${errors.length ? `; errors: ${errors.slice(0, 3).join(' | ')}` : ''}`,
)
console.log(
  `  commands: ${roundTrips.length} (${(roundTrips.length / elapsed).toFixed(0)}/s); refused by the rules: ${refused}; rate-limited or lost: ${failures}`,
)
console.log(
  `  command round trip (ms): p50 ${ms(percentile(sorted, 50))}  p95 ${ms(p95)}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? 0)}  (target p95 < ${TARGET_P95_MS}: ${p95 < TARGET_P95_MS ? 'met' : 'NOT met'})`,
)
console.log(
  `  server CPU: ${used.toFixed(1)} s in all, mean ${ms(cpu.reduce((a, b) => a + b, 0) / Math.max(1, cpu.length))}% of one core, peak ${ms(Math.max(0, ...cpu))}%`,
)
console.log(
  `  server memory (RSS): ${((first?.rssKb ?? 0) / 1024).toFixed(0)} MB at start, peak ${(Math.max(0, ...samples.map((s) => s.rssKb)) / 1024).toFixed(0)} MB`,
)
const step = (kind: string) => {
  const x = stats.steps[kind]
  return x ? `${kind} p50 ${ms(x.p50)} p95 ${ms(x.p95)} p99 ${ms(x.p99)}` : `${kind} -`
}
console.log(`  inside the server (ms): ${['apply', 'save', 'views'].map(step).join('; ')}`)
console.log(
  `  server event loop delay (ms): p50 ${ms(stats.eventLoopDelayMs.p50)} p99 ${ms(stats.eventLoopDelayMs.p99)} max ${ms(stats.eventLoopDelayMs.max)}`,
)
process.exit(finished === ROOMS && errors.length === 0 ? 0 : 1)
