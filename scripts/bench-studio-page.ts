/**
 * The browser half of `scripts/bench-studio.ts`: the built game served from a folder on 127.0.0.1, the studio
 * driven through its page by role and accessible name (as a teacher would use it), the figures its workers
 * leave in the page's performance timeline read back, and a Chromium trace read for how much of each long task
 * the page's main thread spent working (the rest is time the machine gave to other programs).
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { Page } from 'playwright-core'
import { TIMINGS } from '../src/client/studio/check-protocol.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

/** Serves `dir` on a random loopback port (nothing is fetched from outside this machine). */
export async function serve(dir: string): Promise<{ base: string; close: () => Promise<void> }> {
  const root = normalize(dir)
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      if (path.endsWith('/')) path += 'index.html'
      const file = normalize(join(root, path))
      if (!file.startsWith(root + sep)) throw new Error('outside the folder')
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found')
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Installed before any page script: every long task the page runs, from its start. */
export function watchLongTasks(): void {
  const seen: Array<{ start: number; duration: number }> = []
  ;(window as unknown as { __longTasks: typeof seen }).__longTasks = seen
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long task API: the figure is then missing, which the report shows as no tasks seen.
  }
}

/** The long tasks the page ran since `from` (its own clock). */
export function longTasksSince(
  page: Page,
  from: number,
): Promise<Array<{ start: number; duration: number }>> {
  return page.evaluate(
    (t) =>
      (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks.filter(
        (e) => e.start >= t,
      ),
    from,
  )
}

/** A worker's figure as the studio keeps it (checker.ts, `TIMINGS`). */
export interface Timing {
  seq: number
  chars: number
  ms: number
}

/** The newest figure under `name`, or null. */
function newest(page: Page, name: string): Promise<Timing | null> {
  return page.evaluate((n) => {
    const entry = performance.getEntriesByName(n).at(-1) as PerformanceMeasure | undefined
    const detail = entry?.detail as { seq: number; chars: number } | undefined
    return entry && detail ? { seq: detail.seq, chars: detail.chars, ms: entry.duration } : null
  }, name)
}

/** Waits for a figure of `kind` newer than `after` about a text of `chars` characters. */
export async function nextTiming(
  page: Page,
  kind: keyof typeof TIMINGS,
  after: number,
  chars: number,
  timeoutMs: number,
): Promise<Timing> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const t = await newest(page, TIMINGS[kind])
    if (t && t.seq > after && t.chars === chars) return t
    if (Date.now() > until)
      throw new Error(`no ${kind} figure for a text of ${chars} characters in ${timeoutMs} ms`)
    await page.waitForTimeout(25)
  }
}

/** The newest figure of `kind`'s text number, or 0 before the first. */
export async function lastSeq(page: Page, kind: keyof typeof TIMINGS): Promise<number> {
  return (await newest(page, TIMINGS[kind]))?.seq ?? 0
}

/** Opens the studio on a new draft made from `text`, as a teacher opens a scenario file they were sent. */
export async function openDraft(page: Page, base: string, name: string, text: string): Promise<void> {
  await page.goto(`${base}#studio`)
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'From a scenario file…' }).click(),
  ])
  await chooser.setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) })
  await page.getByRole('heading', { level: 2, name: /^Scenario studio:/ }).waitFor()
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/** The main thread's tasks in a trace: how many, the longest by the clock, and the most work in one. */
export interface TraceTasks {
  tasks: number
  overBoundByClock: number
  overBoundByWork: number
  longestByClockMs: number
  mostWorkMs: number
}

/**
 * Reads a Chromium trace (categories `toplevel` and `devtools.timeline`) for the page's main thread: each task
 * by the clock (`dur`, what the long task API sees) and by the thread's own CPU time (`tdur`, the work done).
 */
export function traceTasks(trace: Buffer, boundMs: number): TraceTasks {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const threads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const byThread = new Map<string, TraceEvent[]>()
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`
    if (e.ph !== 'X' || !threads.has(thread) || !/(^|::)RunTask$/.test(e.name)) continue
    byThread.set(thread, [...(byThread.get(thread) ?? []), e])
  }
  // The page's renderer is the busiest one (a spare renderer may be there, idle).
  const busiest = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? []
  // Tasks nest (a scheduler's task around the task it runs): only the outermost count.
  const tasks: TraceEvent[] = []
  for (const e of busiest.sort((a, b) => a.ts - b.ts)) {
    const last = tasks.at(-1)
    if (!last || e.ts >= last.ts + (last.dur ?? 0)) tasks.push(e)
  }
  const clock = tasks.map((e) => (e.dur ?? 0) / 1000)
  const work = tasks.map((e) => (e.tdur ?? 0) / 1000)
  return {
    tasks: tasks.length,
    overBoundByClock: clock.filter((ms) => ms > boundMs).length,
    overBoundByWork: work.filter((ms) => ms > boundMs).length,
    longestByClockMs: Math.max(0, ...clock),
    mostWorkMs: Math.max(0, ...work),
  }
}
