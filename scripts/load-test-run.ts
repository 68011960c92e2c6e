/**
 * One run of the load test (see load-test.ts): server processes started as `npm run classroom --no-build`
 * would be (one, or two sharing a session through a throwaway redis-server), ROOMS rooms of four devices
 * playing whole games, optionally one flooding device per room, and the figures: honest devices' command
 * round trips, and each process's CPU and memory sampled from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Command } from '../src/core/rules/commands.ts'
import type { GameState } from '../src/core/rules/state.ts'
import { ClassroomClient, type ClassroomConnection } from '../src/net/client.ts'
import { PROJECT_ROOT } from '../src/node/scenario-files.ts'

/** What a run is: how many rooms, over how many processes, with a flooding device per room or not. */
export interface RunPlan {
  name: string
  rooms: number
  processes: 1 | 2
  flood: boolean
  thinkMs: number
  limitMs: number
  adminKey: string
  plan: (state: GameState, side: string) => Promise<Command | null>
}

/** A process's CPU (per cent of one core, mean and peak) and memory (RSS, MB, at start and peak). */
export interface Usage {
  label: string
  cpuSeconds: number
  cpuMean: number
  cpuPeak: number
  rssStartMb: number
  rssPeakMb: number
}

export interface RunResult {
  roundTrips: number[]
  finished: number
  refused: number
  lost: number
  errors: string[]
  stuck: string[]
  elapsed: number
  usage: Usage[]
  flood: { sent: number; refused: number } | null
  steps: Array<Record<string, { p50: number; p95: number; p99: number }>>
}

const SCENARIO = 'guarantees-2025'
const SIDES = ['ukraine', 'europe', 'us']
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const a = probe.address()
      probe.close(() => resolve(typeof a === 'object' && a ? a.port : 0))
    })
  })
}

/** Starts a child process and resolves once `ready` appears in its output. */
async function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: string,
): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      out += d
      if (out.includes(ready)) resolve()
    })
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}): ${out}`)))
  })
  return child
}

/** CPU ticks (user + system) and resident memory of a process, from /proc. */
function sample(pid: number): { ticks: number; rssKb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return { ticks: Number(fields[11]) + Number(fields[12]), rssKb: Number(rss?.[1] ?? 0) }
  } catch {
    return null
  }
}

/** Samples a process every half second until stopped; then its usage over the run. */
function sampler(label: string, pid: number): () => Usage {
  const samples: Array<{ at: number; ticks: number; rssKb: number }> = []
  const take = () => {
    const s = sample(pid)
    if (s) samples.push({ at: performance.now(), ...s })
  }
  take()
  const timer = setInterval(take, 500)
  return () => {
    clearInterval(timer)
    const hz = 100 // USER_HZ on Linux
    const cpu = samples
      .slice(1)
      .map(
        (s, i) =>
          ((s.ticks - (samples[i]?.ticks ?? s.ticks)) / hz / ((s.at - (samples[i]?.at ?? s.at)) / 1000)) *
          100,
      )
    return {
      label,
      cpuSeconds: ((samples.at(-1)?.ticks ?? 0) - (samples[0]?.ticks ?? 0)) / hz,
      cpuMean: cpu.reduce((a, b) => a + b, 0) / Math.max(1, cpu.length),
      cpuPeak: Math.max(0, ...cpu),
      rssStartMb: (samples[0]?.rssKb ?? 0) / 1024,
      rssPeakMb: Math.max(0, ...samples.map((s) => s.rssKb)) / 1024,
    }
  }
}

/** Where an unfinished game stood, to tell why it did not end. */
function describe(c: ClassroomConnection): string {
  const g = c.view?.game
  if (!g) return `${c.code}: no game`
  return `${c.code}: round ${g.round} ${g.phase}, stances ${JSON.stringify(g.stances)}, votes ${JSON.stringify(g.votes)}, last ${c.log
    .slice(-3)
    .map((e) => `${e.command.side}:${e.command.type}`)
    .join(', ')}`
}

/** Plays one run; resolves with its figures. */
export async function run(p: RunPlan): Promise<RunResult> {
  const deadline = Date.now() + p.limitMs
  const children: ChildProcess[] = []
  const meters: Array<() => Usage> = []
  const dataDirs: string[] = []
  let redisUrl: string | null = null
  if (p.processes === 2) {
    const port = await freePort()
    const redis = await start(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      process.env,
      'Ready to accept connections',
    )
    children.push(redis)
    meters.push(sampler('redis-server', redis.pid ?? 0))
    redisUrl = `redis://127.0.0.1:${port}`
  }
  const bases: string[] = []
  for (let i = 0; i < p.processes; i++) {
    const port = await freePort()
    const dataDir = mkdtempSync(join(process.env.LOAD_TEST_DATA ?? tmpdir(), 'red-lines-load-'))
    dataDirs.push(dataDir)
    const env = {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CLASSROOM_DATA: dataDir,
      CLASSROOM_ADMIN_KEY: p.adminKey,
      // Every device of the load test shares one address: let them all join at once.
      CLASSROOM_JOIN_BURST: '10000',
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    }
    const args = ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/classroom.ts'), '--no-build']
    const child = await start(process.execPath, args, env, 'READY')
    children.push(child)
    meters.push(sampler(`server ${String.fromCharCode(65 + i)}`, child.pid ?? 0))
    bases.push(`http://127.0.0.1:${port}`)
  }

  const roundTrips: number[] = []
  const stuck: string[] = []
  const counts = { refused: 0, lost: 0, floodSent: 0, floodRefused: 0 }

  /** One student: plans when the game has changed, thinks a while, and sends the move unless the game moved on. */
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
      const command = await p.plan(game, side)
      if (!command) continue
      await pause(p.thinkMs * (0.5 + Math.random()))
      if (student.log.length !== planned) continue
      const sent = performance.now()
      const reply = await student.command(command)
      roundTrips.push(performance.now() - sent)
      if (reply.ok) continue
      if (reply.error.code === 'RATE_LIMITED' || reply.error.code === 'NOT_CONNECTED') counts.lost++
      else counts.refused++
    }
  }

  /**
   * A flooding device: a student without a side sending commands as fast as Colyseus lets a socket stay
   * open (80 a second, under its cap of 100), each one refused (its seat's allowance, then NOT_SEATED).
   */
  function flood(device: ClassroomConnection): () => void {
    device.on('error', () => {
      counts.floodRefused++
    })
    const timer = setInterval(() => {
      if (device.status !== 'connected') return
      for (let i = 0; i < 2; i++) {
        device.send('command', { command: { type: 'endorse', payload: {} } })
        counts.floodSent++
      }
    }, 25)
    return () => clearInterval(timer)
  }

  /** Creates a room through one process or the other (Colyseus places it on the process with the fewest). */
  async function create(n: number) {
    const client = new ClassroomClient(bases[n % bases.length] ?? '')
    const created = await client.createRoom(p.adminKey, {
      scenario: { id: SCENARIO },
      settings: { seed: 1000 + n },
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    return { client, n, ...created.value }
  }

  async function room({
    client,
    n,
    code,
    instructorKey,
  }: Awaited<ReturnType<typeof create>>): Promise<boolean> {
    const teacher = await client.join(code, { role: 'instructor', key: instructorKey })
    const students = await Promise.all(
      SIDES.map((s) => client.join(code, { role: 'student', name: `${s}-${n}` })),
    )
    for (const [i, student] of students.entries()) {
      const seat = student.view?.you.role === 'student' ? student.view.you.seat : ''
      await teacher.request('assign', { seat, side: SIDES[i] ?? null })
    }
    const flooder = p.flood ? await client.join(code, { role: 'student', name: `flood-${n}` }) : null
    await teacher.request('start', {})
    const stop = flooder ? flood(flooder) : () => {}
    while (!students.every((s) => s.view?.game) && Date.now() < deadline) await pause(20)
    await Promise.all(students.map((s, i) => play(s, SIDES[i] ?? '')))
    stop()
    const finished = teacher.view?.game?.phase === 'ended'
    if (!finished) stuck.push(describe(teacher))
    await Promise.all([teacher, ...students, ...(flooder ? [flooder] : [])].map((c) => c.leave()))
    return finished
  }

  const t0 = performance.now()
  // One after the other, as instructors do: created all at once, every room would go to the same process,
  // each process counting the others' rooms only once created.
  const created: Array<Awaited<ReturnType<typeof create>>> = []
  for (let n = 0; n < p.rooms; n++) created.push(await create(n))
  const results = await Promise.allSettled(created.map(room))
  const elapsed = (performance.now() - t0) / 1000
  const usage = meters.map((m) => m())
  const steps = await Promise.all(
    bases.map(async (base) => {
      const res = await fetch(`${base}/api/stats`, { headers: { Authorization: `Bearer ${p.adminKey}` } })
      return ((await res.json()) as { steps: RunResult['steps'][number] }).steps
    }),
  )
  // The servers first, and only once they are gone Redis, which they still use while shutting down.
  for (const child of children.reverse()) {
    const gone = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await Promise.race([gone, pause(10_000)])
  }
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
  return {
    roundTrips,
    finished: results.filter((r) => r.status === 'fulfilled' && r.value).length,
    refused: counts.refused,
    lost: counts.lost,
    errors: results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : [])),
    stuck,
    elapsed,
    usage,
    flood: p.flood ? { sent: counts.floodSent, refused: counts.floodRefused } : null,
    steps,
  }
}
