import { monitorEventLoopDelay } from 'node:perf_hooks'

/** The last this-many timings of each kind are kept for the percentiles. */
const KEEP = 5000

const timings: Record<string, number[]> = {}
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()

/** Records how long one step of handling a message took, in milliseconds (e.g. "apply", "save", "views"). */
export function recordTiming(kind: string, ms: number): void {
  const list = timings[kind] ?? []
  timings[kind] = list
  list.push(ms)
  if (list.length > KEEP) list.splice(0, list.length - KEEP)
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

/**
 * The server's own figures, for `GET /api/stats` (admin key) and the load test: CPU time and memory of
 * the process, the event loop's delay, and percentiles of each recorded step, in milliseconds.
 */
export function serverStats() {
  const steps = Object.fromEntries(
    Object.entries(timings).map(([kind, list]) => {
      const sorted = [...list].sort((a, b) => a - b)
      return [
        kind,
        {
          count: list.length,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
        },
      ]
    }),
  )
  const cpu = process.cpuUsage()
  const memory = process.memoryUsage()
  return {
    uptimeSeconds: process.uptime(),
    cpuSeconds: { user: cpu.user / 1e6, system: cpu.system / 1e6 },
    memoryMB: { rss: memory.rss / 2 ** 20, heapUsed: memory.heapUsed / 2 ** 20 },
    eventLoopDelayMs: {
      p50: loopDelay.percentile(50) / 1e6,
      p99: loopDelay.percentile(99) / 1e6,
      max: loopDelay.max / 1e6,
    },
    steps,
  }
}
