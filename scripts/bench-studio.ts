/**
 * `npm run bench` (third part): the scenario studio (#studio) in headless Chromium, on the largest shipped
 * scenario (scenarios/guarantees-2025.yaml with its articles written in, as a teacher's exported file carries
 * them) opened as a draft. Side by side in the same run, taken in turns so that a busy machine slows both:
 *
 * - the check after a change: the studio's check worker running the core's `checkDraft` (its own figure,
 *   timed in the worker around that call) against the same call on the same text in this process;
 * - the dry run: the dry-run worker's `dryRunDraft` with the studio's budget against the same call here;
 * - typing: about 60 characters typed into the scenario's title at a person's pace (80–120 ms a key), with the
 *   long tasks the page ran from the first key until the check and the dry run of the last text came back.
 *   A Chromium trace of the same stretch says how much of the longest task was the page's own work, and the
 *   machine's load average is printed beside it: on a shared machine a task is long when the page waits
 *   for a processor, not only when it works.
 *
 * Uses dist/ when it is newer than every source, else builds the game into a temporary folder
 * (BENCH_STUDIO_BUILD=1 always builds; BENCH_STUDIO_DIST=folder uses a build of one's own, to compare two
 * versions of the studio). BENCH_STUDIO_TRACE=file.json keeps the typing's trace. Prints a table and writes
 * bench-studio-results.json. Targets are reported, never asserted.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { LIVE_BUDGET } from '../src/client/studio/check-protocol.ts'
import { scenarioFileName } from '../src/client/studio/editor.ts'
import { checkDraft, dryRunDraft } from '../src/core/studio/draft-checks.ts'
import { selfContained } from '../src/core/studio/self-contained.ts'
import { getAt, openDocument, setAt, toText } from '../src/core/studio/yaml-doc.ts'
import { PROJECT_ROOT, readSeeds } from '../src/node/scenario-files.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium.mjs'
import {
  lastSeq,
  longTasksSince,
  nextTiming,
  openDraft,
  serve,
  traceTasks,
  watchLongTasks,
} from './bench-studio-page.ts'
import { report, type StudioResults, spread } from './bench-studio-report.ts'

const CHECKS = Number(process.env.BENCH_STUDIO_CHECKS ?? 15)
const DRY_RUNS = Number(process.env.BENCH_STUDIO_DRY_RUNS ?? 5)
const TYPED = ' and the dam upstream, written at the pace of a person typing'
const TARGETS = { checkRatio: 1.5, dryRunRatio: 1.5, longTasks: 0 }
const LONG_TASK_MS = 50
const CHECK_TIMEOUT_MS = 120_000
const DRY_RUN_TIMEOUT_MS = 600_000

const timed = (fn: () => unknown) => {
  const started = performance.now()
  fn()
  return performance.now() - started
}

/** dist/ when it was built after every file it is built from changed; else null. */
function freshDist(): string | null {
  const dist = join(PROJECT_ROOT, 'dist')
  const built = join(dist, 'index.html')
  if (process.env.BENCH_STUDIO_BUILD === '1' || !existsSync(built)) return null
  const builtAt = statSync(built).mtimeMs
  const newer = (path: string): boolean => {
    const stat = statSync(path)
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt
    return readdirSync(path).some((name) => newer(join(path, name)))
  }
  const sources = ['src', 'seeds', 'scenarios', 'index.html', 'stage.html', 'vite.config.ts', 'package.json']
  return sources.some((s) => existsSync(join(PROJECT_ROOT, s)) && newer(join(PROJECT_ROOT, s))) ? null : dist
}

/** The scenario as the bench edits it: its text, the text with a changed title, and its file name. */
function scenarioTexts(library: Record<string, string>) {
  const raw = readFileSync(join(PROJECT_ROOT, 'scenarios/guarantees-2025.yaml'), 'utf8')
  const { text, embedded } = selfContained(raw, library)
  const opened = openDocument(text)
  if (!opened.ok || embedded.length === 0)
    throw new Error('guarantees-2025.yaml did not open with its articles')
  const title = String(getAt(opened.doc, ['title']))
  const other = `${title}!`
  // What the studio's title box writes (the same edit, through the same document code).
  const changed = toText(setAt(opened.doc, ['title'], other))
  const file = scenarioFileName(getAt(opened.doc, []))
  return { doc: opened.doc, text, changed, title, other, file, embedded }
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(
      `bench-studio: no Chromium at ${CHROMIUM_PATH}; install it with "apt-get install -y chromium".`,
    )
    return 1
  }
  const library = readSeeds()
  const s = scenarioTexts(library)
  // Node's turn warms up first, as the page's workers do on the draft's first check and dry run.
  for (let i = 0; i < 2; i++) checkDraft(s.text, s.file, library)
  dryRunDraft(s.text, s.file, library, LIVE_BUDGET)

  let dir = process.env.BENCH_STUDIO_DIST || freshDist()
  let tmp: string | null = null
  if (!dir) {
    tmp = mkdtempSync(join(tmpdir(), 'red-lines-bench-studio-'))
    dir = tmp
    console.log('bench-studio: building the game…')
    const { build } = await import('vite')
    await build({ root: PROJECT_ROOT, logLevel: 'error', build: { outDir: dir, emptyOutDir: true } })
  } else console.log(`bench-studio: using the build in ${dir}`)
  const server = await serve(dir)
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const loadBefore = loadavg()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.addInitScript(watchLongTasks)
    await openDraft(page, server.base, 'guarantees-2025.yaml', s.text)
    // The draft's first check and dry run warm the workers up.
    let checkSeq = (await nextTiming(page, 'check', 0, s.text.length, CHECK_TIMEOUT_MS)).seq
    let drySeq = (await nextTiming(page, 'dryRun', 0, s.text.length, DRY_RUN_TIMEOUT_MS)).seq
    const titleBox = page.getByRole('textbox', { name: 'Title', exact: true })
    let current = s.title
    /** One change of the title, to the other of the two texts; the text the studio now holds. */
    const flip = async () => {
      current = current === s.title ? s.other : s.title
      await titleBox.fill(current)
      return current === s.title ? s.text : s.changed
    }

    console.log(`bench-studio: ${CHECKS} checks, each in the worker and then in Node…`)
    const checks = { worker: [] as number[], node: [] as number[] }
    for (let i = -2; i < CHECKS; i++) {
      const text = await flip()
      const inWorker = await nextTiming(page, 'check', checkSeq, text.length, CHECK_TIMEOUT_MS)
      checkSeq = inWorker.seq
      const inNode = timed(() => checkDraft(text, s.file, library))
      if (i < 0) continue
      checks.worker.push(inWorker.ms)
      checks.node.push(inNode)
    }

    console.log(
      `bench-studio: ${DRY_RUNS} dry runs (budget ${LIVE_BUDGET}), each in the worker and then in Node…`,
    )
    const dryRuns = { worker: [] as number[], node: [] as number[] }
    // A newer text ends a running dry run and its worker: the first run warms up whichever worker runs now.
    for (let i = -1; i < DRY_RUNS; i++) {
      const text = await flip()
      const inWorker = await nextTiming(page, 'dryRun', drySeq, text.length, DRY_RUN_TIMEOUT_MS)
      drySeq = inWorker.seq
      const inNode = timed(() => dryRunDraft(text, s.file, library, LIVE_BUDGET))
      if (i < 0) continue
      dryRuns.worker.push(inWorker.ms)
      dryRuns.node.push(inNode)
    }
    checkSeq = await lastSeq(page, 'check')

    console.log(`bench-studio: typing ${TYPED.length} characters into the title…`)
    await titleBox.click()
    await page.keyboard.press('End')
    await page.waitForTimeout(1000)
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] })
    const from = await page.evaluate(() => performance.now())
    let rng = 20_251
    for (const key of TYPED) {
      await page.keyboard.type(key)
      rng = (rng * 1_103_515_245 + 12_345) % 2_147_483_648
      await page.waitForTimeout(80 + (rng % 41))
    }
    const typedText = toText(setAt(s.doc, ['title'], `${current}${TYPED}`))
    const typedMs = (await page.evaluate(() => performance.now())) - from
    await nextTiming(page, 'check', checkSeq, typedText.length, CHECK_TIMEOUT_MS)
    await nextTiming(page, 'dryRun', drySeq, typedText.length, DRY_RUN_TIMEOUT_MS)
    await page.getByText('Saved on this device.').first().waitFor()
    await page.waitForTimeout(500)
    const settledMs = (await page.evaluate(() => performance.now())) - from
    const tasks = await longTasksSince(page, from)
    const traced = await browser.stopTracing()
    // Kept on request, to open in the browser's profiler (DevTools, Performance, "Load profile").
    if (process.env.BENCH_STUDIO_TRACE) writeFileSync(process.env.BENCH_STUDIO_TRACE, traced)
    const trace = traceTasks(traced, LONG_TASK_MS)
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`)
    const loadAfter = loadavg()

    const check = { worker: spread(checks.worker), node: spread(checks.node) }
    const dry = { worker: spread(dryRuns.worker), node: spread(dryRuns.node) }
    const over = tasks.filter((t) => t.duration > LONG_TASK_MS)
    const results: StudioResults = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      node: process.version,
      scenario: {
        file: 'scenarios/guarantees-2025.yaml',
        chars: s.text.length,
        articlesWrittenIn: s.embedded,
      },
      machine: {
        processors: availableParallelism(),
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadAfter,
      },
      check: { ...check, ratio: check.worker.median / check.node.median, target: TARGETS.checkRatio },
      dryRun: {
        budget: LIVE_BUDGET,
        ...dry,
        ratio: dry.worker.median / dry.node.median,
        target: TARGETS.dryRunRatio,
      },
      typing: {
        characters: TYPED.length,
        typedMs,
        watchedMs: settledMs,
        longTasksOverBound: over.length,
        longTaskBoundMs: LONG_TASK_MS,
        longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
        longTasks: tasks,
        trace,
        target: TARGETS.longTasks,
      },
    }
    report(results)
    writeFileSync(join(PROJECT_ROOT, 'bench-studio-results.json'), `${JSON.stringify(results, null, 2)}\n`)
    console.log('wrote bench-studio-results.json')
    return 0
  } finally {
    await browser.close().catch(() => {})
    await server.close()
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  }
}

try {
  process.exitCode = await main()
} catch (error) {
  console.error(`bench-studio failed: ${error instanceof Error ? error.stack : error}`)
  process.exitCode = 1
}
