/**
 * `npm run bench` (second part): the game in headless Chromium, side by side with two reference pages that
 * this script builds itself: a bare Phaser 4 page (Phaser and one empty scene, bench/phaser-bare/) and a
 * plain HTML page with the title screen's text and no JavaScript. Figures:
 *
 * - initial JavaScript (gzip) loaded before the title screen is usable, against the bare Phaser page's;
 * - time until the title screen is usable (its first button present and focusable), against the plain
 *   page's first paint;
 * - long tasks over 50 ms (target: none) while a whole game is played through the page by accessible role and name
 *   (with the browser tests' helpers, tests/e2e/helpers.mjs, which follow the screens as they change);
 * - JS heap after that game (after a forced garbage collection), against the bare Phaser page's after load.
 *
 * Every build goes to a temporary folder and is served by a small static server on 127.0.0.1 that gzips
 * text files, as a web host would; nothing is fetched from outside this machine. Prints a table and merges
 * the figures into bench-results.json under "browser". Targets are reported, never asserted.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { CHROMIUM_PATH as CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const RUNS = Math.max(1, Number(process.env.BENCH_BROWSER_RUNS ?? 5))
/** A task longer than this delays the answer to a click past one frame budget (issue 12: none during games). */
const LONG_TASK_MS = 50
const TARGETS = { initialJsRatio: 1.3, usableRatio: 1.3, heapRatio: 2, longTasks: 0 }
const STEP_TIMEOUT_MS = 60_000
const GAME_TIMEOUT_MS = 300_000
const TOTAL_TIMEOUT_MS = 900_000

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json'])

function withTimeout(promise, ms, what) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Serves a folder on a random loopback port, gzipping text files; remembers each file's gzip size. */
async function serve(dir) {
  const gz = new Map()
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      if (path.endsWith('/')) path += 'index.html'
      const file = normalize(join(dir, path))
      if (!file.startsWith(normalize(dir) + sep)) throw new Error('outside')
      const body = await readFile(file)
      const ext = extname(file)
      const headers = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      }
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        if (!gz.has(path)) gz.set(path, gzipSync(body, { level: 6 }))
        const zipped = gz.get(path)
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': zipped.length })
        res.end(zipped)
        return
      }
      res.writeHead(200, { ...headers, 'content-length': body.length })
      res.end(body)
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found')
    }
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address()
  /** The gzip size of a served file, by URL (computed if it was not served gzipped). */
  const gzipSize = (url) => {
    const path = new URL(url).pathname
    if (!gz.has(path)) gz.set(path, gzipSync(readFileSync(join(dir, path)), { level: 6 }))
    return gz.get(path).length
  }
  return {
    base: `http://127.0.0.1:${port}/`,
    gzipSize,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}

/** The title screen's subtitle, read from the app so that the plain page shows the same words. */
function titleText() {
  const fallback = 'A role-play on negotiations and red lines'
  try {
    const app = readFileSync(join(ROOT, 'src/client/app.ts'), 'utf8')
    const match = app.match(/subtitle\.textContent\s*=\s*'([^']+)'/)
    return { title: 'Red Lines', subtitle: match?.[1] ?? fallback }
  } catch {
    return { title: 'Red Lines', subtitle: fallback }
  }
}

async function buildAll(tmp) {
  const { build } = await import('vite')
  const quiet = { logLevel: 'error', clearScreen: false }
  const game = join(tmp, 'game')
  const bare = join(tmp, 'bare')
  const plain = join(tmp, 'plain')
  await build({
    ...quiet,
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    build: { outDir: game, emptyOutDir: true },
  })
  await build({
    ...quiet,
    root: join(ROOT, 'bench/phaser-bare'),
    configFile: false,
    build: { outDir: bare, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  })
  const stage = join(tmp, 'stage')
  await build({
    ...quiet,
    root: ROOT,
    configFile: false,
    build: {
      outDir: stage,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4000,
      // The demo page and the stage's own page, which the demo loads in a frame.
      rolldownOptions: { input: [join(ROOT, 'bench/stage-demo/index.html'), join(ROOT, 'stage.html')] },
    },
  })
  const { title, subtitle } = titleText()
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>${title}</title>
  </head>
  <body>
    <header><h1>${title}</h1><p>${subtitle}</p></header>
  </body>
</html>
`
  const { mkdirSync } = await import('node:fs')
  mkdirSync(plain, { recursive: true })
  writeFileSync(join(plain, 'index.html'), html)
  return { game, bare, plain, stage }
}

/** Registered before any page script: long tasks, and the moment the first button becomes usable. */
function initScript() {
  const bench = { longTasks: [], usable: null }
  window.__bench = bench
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  const usable = () => {
    const button = document.querySelector('button')
    if (!button || button.disabled || button.tabIndex < 0) return false
    if (!button.getClientRects().length || getComputedStyle(button).visibility === 'hidden') return false
    bench.usable = performance.now()
    return true
  }
  const observer = new MutationObserver(() => {
    if (usable()) observer.disconnect()
  })
  observer.observe(document, { childList: true, subtree: true, attributes: true })
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** JS resources the page loaded, with the time each finished. */
const scriptEntries = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\.m?js(\?|$)/.test(new URL(e.name).pathname))
      .map((e) => ({ url: e.name, end: e.responseEnd })),
  )

/** Runs `fn` on a fresh page of a fresh context (1280×800), closing the context whatever happens. */
async function withPage(browser, fn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    return await fn(page, context)
  } finally {
    await context.close().catch(() => {})
  }
}

/** Long tasks seen: how many exceed the target's bound, how many in all, and the longest. */
function taskFigures(tasks) {
  return {
    longTasksOverBound: tasks.filter((t) => t.duration > LONG_TASK_MS).length,
    longTasks: tasks.length,
    longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
  }
}

async function heapAfterGc(context, page) {
  const cdp = await context.newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN
  } finally {
    await cdp.detach().catch(() => {})
  }
}

/** The game's title screen: when it is usable, and which JS it needed by then. */
async function measureGameLoad(browser, server) {
  return withPage(browser, async (page) => {
    await page.addInitScript(initScript)
    await page.goto(server.base, { waitUntil: 'load' })
    await page.waitForFunction(() => window.__bench.usable !== null)
    const usable = await page.evaluate(() => window.__bench.usable)
    const paint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    )
    const before = (await scriptEntries(page)).filter((e) => e.end <= usable)
    // Let whatever loads after the first screen (the stage, once the app mounts it) arrive too.
    await page.waitForLoadState('networkidle').catch(() => {})
    await page.waitForTimeout(1000)
    const all = await scriptEntries(page)
    const size = (entries) => entries.reduce((sum, e) => sum + server.gzipSize(e.url), 0)
    return {
      usableMs: usable,
      firstContentfulPaintMs: paint,
      initialJsGzip: size(before),
      initialJsFiles: before.map((e) => new URL(e.url).pathname),
      allJsGzip: size(all),
      allJsFiles: all.map((e) => new URL(e.url).pathname),
    }
  })
}

async function measurePlain(browser, server) {
  return withPage(browser, async (page) => {
    await page.goto(server.base, { waitUntil: 'load' })
    await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0)
    return await page.evaluate(() => {
      const paints = performance.getEntriesByType('paint')
      const fcp = paints.find((p) => p.name === 'first-contentful-paint') ?? paints[0]
      return fcp.startTime
    })
  })
}

async function measureBare(browser, server) {
  return withPage(browser, async (page, context) => {
    await page.goto(server.base, { waitUntil: 'load' })
    await page.waitForFunction(() => document.body.dataset.ready === 'true')
    await page.waitForTimeout(1000)
    const scripts = await scriptEntries(page)
    return {
      jsGzip: scripts.reduce((sum, e) => sum + server.gzipSize(e.url), 0),
      jsFiles: scripts.map((e) => new URL(e.url).pathname),
      heap: await heapAfterGc(context, page),
    }
  })
}

/** How to play through the page: the browser tests' helpers, kept in step with the screens. */
async function players() {
  const helpers = await import('../tests/e2e/helpers.mjs')
  for (const name of ['openSetup', 'startGame', 'playToEnd', 'endingHeading'])
    if (typeof helpers[name] !== 'function') throw new Error(`tests/e2e/helpers.mjs has no ${name}()`)
  return helpers
}

/** Plays a whole solo game through the page; long tasks during it, and the heap afterwards. */
async function measureGame(browser, server, seed, { stallRounds = 0 } = {}) {
  const { openSetup, startGame, playToEnd, endingHeading } = await players()
  return withPage(browser, async (page, context) => {
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.addInitScript(initScript)
    await openSetup(page, server.base)
    const from = await page.evaluate(() => performance.now())
    const t0 = Date.now()
    await startGame(page, { seed })
    const steps = await withTimeout(
      playToEnd(page, { maxSteps: 300, stallRounds }),
      GAME_TIMEOUT_MS,
      'playing a game',
    )
    // The save's title screen says which round the game ended in (one saved game per bench page).
    const rounds = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('red-lines:game:'))
      return key ? (JSON.parse(localStorage.getItem(key) ?? '{}').titleScreen?.round ?? 0) : 0
    })
    await endingHeading(page).waitFor()
    const ms = Date.now() - t0
    await page.waitForTimeout(500)
    const tasks = (await page.evaluate(() => window.__bench.longTasks)).filter((t) => t.start >= from)
    const heap = await heapAfterGc(context, page)
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`)
    return {
      seed,
      rounds,
      steps,
      ms,
      ...taskFigures(tasks),
      heap,
    }
  })
}

/**
 * The Phaser stage on its own page (bench/stage-demo: the scenario, a store and the stage, no app), through a
 * whole computer-played game one command at a time: what mounting the stage will add to the game.
 */
async function measureStage(browser, server) {
  return withPage(browser, async (page, context) => {
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.addInitScript(initScript)
    await page.goto(`${server.base}bench/stage-demo/index.html`, { waitUntil: 'load' })
    await page.waitForFunction(() => document.body.dataset.ready === 'true')
    const readyMs = await page.evaluate(() => performance.now())
    const from = readyMs
    let commands = 0
    for (let i = 0; i < 400; i++) {
      const n = await page.evaluate(() => window.demo.step(1).length)
      if (!n) break
      commands += n
      await page.waitForTimeout(60)
    }
    await page.waitForTimeout(1500)
    const ended = await page.evaluate(() => window.demo.store.getState().game.phase === 'ended')
    const tasks = (await page.evaluate(() => window.__bench.longTasks)).filter((t) => t.start >= from)
    const renderer = await page.evaluate(() => {
      // The stage draws in its own frame (stage.html).
      const frame = document.querySelector('iframe.stage-canvas')
      const canvas = frame?.contentDocument?.querySelector('canvas')
      return canvas
        ? canvas.getContext('webgl2') || canvas.getContext('webgl')
          ? 'WebGL'
          : 'canvas'
        : 'none'
    })
    const heap = await heapAfterGc(context, page)
    if (errors.length) throw new Error(`errors in the stage demo: ${errors.join('; ')}`)
    return {
      readyMs,
      commands,
      ended,
      renderer,
      ...taskFigures(tasks),
      heap,
    }
  })
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`
const MB = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
const ms = (x) => `${x.toFixed(0)} ms`
const verdict = (ratio, target) =>
  `${ratio.toFixed(2)}× (target ≤ ${target}×: ${ratio <= target ? 'met' : 'MISSED'})`

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `bench-browser: no Chromium at ${CHROMIUM}; install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    )
    return 1
  }
  const { chromium } = await import('playwright-core')
  const tmp = mkdtempSync(join(tmpdir(), 'red-lines-bench-'))
  const servers = []
  let browser
  try {
    console.log('bench-browser: building the game and the reference pages…')
    const dirs = await withTimeout(buildAll(tmp), 300_000, 'building')
    const game = await serve(dirs.game)
    const bare = await serve(dirs.bare)
    const plain = await serve(dirs.plain)
    const stage = await serve(dirs.stage)
    servers.push(game, bare, plain, stage)
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const version = browser.version()
    console.log(
      `bench-browser: Chromium ${version}, ${RUNS} loads of each page, then ${(process.env.BENCH_BROWSER_SEEDS ?? '1,2,3').split(',').length} whole games`,
    )

    const loads = []
    const plains = []
    const bares = []
    for (let i = 0; i < RUNS; i++) {
      loads.push(await measureGameLoad(browser, game))
      plains.push(await measurePlain(browser, plain))
      bares.push(await measureBare(browser, bare))
    }
    const seeds = (process.env.BENCH_BROWSER_SEEDS ?? '1,2,3').split(',').map(Number)
    const games = []
    for (const seed of seeds) games.push(await measureGame(browser, game, seed))
    // A long game as well: the first five rounds end without a package, so all six rounds are played.
    games.push(await measureGame(browser, game, seeds[0], { stallRounds: 5 }))
    const played = {
      seeds,
      rounds: games.map((g) => g.rounds),
      steps: games.reduce((n, g) => n + g.steps, 0),
      ms: games.reduce((n, g) => n + g.ms, 0),
      longTasksOverBound: games.reduce((n, g) => n + g.longTasksOverBound, 0),
      longTasks: games.reduce((n, g) => n + g.longTasks, 0),
      longestTaskMs: Math.max(...games.map((g) => g.longestTaskMs)),
      heap: Math.max(...games.map((g) => g.heap)),
    }
    const staged = await measureStage(browser, stage)

    const first = loads[0]
    const usableMs = median(loads.map((l) => l.usableMs))
    const plainPaintMs = median(plains)
    const gameFcp = loads.map((l) => l.firstContentfulPaintMs).filter((x) => x !== null)
    const bareJs = median(bares.map((b) => b.jsGzip))
    const bareHeap = median(bares.map((b) => b.heap))
    const initialJs = median(loads.map((l) => l.initialJsGzip))
    const allJs = median(loads.map((l) => l.allJsGzip))
    const results = {
      date: new Date().toISOString(),
      chromium: version,
      runs: RUNS,
      initialJs: {
        gameGzipBytes: initialJs,
        gameFiles: first.initialJsFiles,
        barePhaserGzipBytes: bareJs,
        barePhaserFiles: bares[0].jsFiles,
        ratio: initialJs / bareJs,
        target: TARGETS.initialJsRatio,
        met: initialJs / bareJs <= TARGETS.initialJsRatio,
      },
      allJsAfterLoad: {
        gameGzipBytes: allJs,
        gameFiles: first.allJsFiles,
        ratio: allJs / bareJs,
      },
      titleScreenUsable: {
        gameMs: usableMs,
        gameSamplesMs: loads.map((l) => l.usableMs),
        gameFirstContentfulPaintMs: gameFcp.length ? median(gameFcp) : null,
        plainFirstPaintMs: plainPaintMs,
        plainSamplesMs: plains,
        ratio: usableMs / plainPaintMs,
        target: TARGETS.usableRatio,
        met: usableMs / plainPaintMs <= TARGETS.usableRatio,
      },
      games: {
        seeds: played.seeds,
        roundsPerGame: played.rounds,
        clicks: played.steps,
        ms: played.ms,
        longTasksOverBound: played.longTasksOverBound,
        longTaskBoundMs: LONG_TASK_MS,
        longTasks: played.longTasks,
        longestTaskMs: played.longestTaskMs,
        perGame: games,
      },
      stageDemo: {
        note: 'bench/stage-demo: scenario, store and Phaser stage without the app, a computer game one command every 60 ms',
        renderer: staged.renderer,
        readyMs: staged.readyMs,
        commands: staged.commands,
        ended: staged.ended,
        longTasksOverBound: staged.longTasksOverBound,
        longestTaskMs: staged.longestTaskMs,
        heapAfterGameBytes: staged.heap,
        heapRatioToBarePhaser: staged.heap / bareHeap,
      },
      heap: {
        gameAfterGameBytes: played.heap,
        barePhaserAfterLoadBytes: bareHeap,
        ratio: played.heap / bareHeap,
        target: TARGETS.heapRatio,
        met: played.heap / bareHeap <= TARGETS.heapRatio,
      },
    }

    const rows = [
      ['figure', 'game', 'reference', 'ratio'],
      [
        'initial JS, gzip (before usable)',
        kB(initialJs),
        `bare Phaser ${kB(bareJs)}`,
        verdict(results.initialJs.ratio, TARGETS.initialJsRatio),
      ],
      [
        'all JS after load, gzip',
        kB(allJs),
        `bare Phaser ${kB(bareJs)}`,
        `${results.allJsAfterLoad.ratio.toFixed(2)}×`,
      ],
      [
        'title screen usable (median)',
        ms(usableMs),
        `plain page first paint ${ms(plainPaintMs)}`,
        verdict(results.titleScreenUsable.ratio, TARGETS.usableRatio),
      ],
      [
        `long tasks > ${LONG_TASK_MS} ms, ${games.length} games (rounds ${played.rounds.join(', ')})`,
        String(played.longTasksOverBound),
        `target ${TARGETS.longTasks}; longest ${ms(played.longestTaskMs)}`,
        `${played.steps} steps, ${(played.ms / 1000).toFixed(1)} s (seeds ${seeds.join(', ')})`,
      ],
      [
        'JS heap after a game (after GC)',
        MB(played.heap),
        `bare Phaser after load ${MB(bareHeap)}`,
        verdict(results.heap.ratio, TARGETS.heapRatio),
      ],
      [
        `stage demo: long tasks > ${LONG_TASK_MS} ms`,
        String(staged.longTasksOverBound),
        `longest ${ms(staged.longestTaskMs)}; ${staged.renderer}, ready at ${ms(staged.readyMs)}`,
        `${staged.commands} commands${staged.ended ? ' to the ending' : ''}`,
      ],
      [
        'stage demo: JS heap after its game',
        MB(staged.heap),
        `bare Phaser after load ${MB(bareHeap)}`,
        `${results.stageDemo.heapRatioToBarePhaser.toFixed(2)}× (informative)`,
      ],
    ]
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
    console.log(`Red Lines browser bench — Chromium ${version}, median of ${RUNS} loads`)
    for (const [i, row] of rows.entries()) {
      console.log(
        row
          .map((cell, c) => cell.padEnd(widths[c]))
          .join('  ')
          .trimEnd(),
      )
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
    }
    console.log(`initial JS files: ${first.initialJsFiles.join(', ') || 'none'}`)

    const file = join(ROOT, 'bench-results.json')
    let merged = {}
    if (existsSync(file)) {
      try {
        merged = JSON.parse(readFileSync(file, 'utf8'))
      } catch {
        console.warn('bench-browser: bench-results.json was not valid JSON; writing it afresh')
      }
    }
    merged.browser = results
    writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`)
    console.log('merged into bench-results.json under "browser"')
    return 0
  } finally {
    await browser?.close().catch(() => {})
    await Promise.all(servers.map((s) => s.close().catch(() => {})))
    rmSync(tmp, { recursive: true, force: true })
  }
}

try {
  process.exitCode = await withTimeout(main(), TOTAL_TIMEOUT_MS, 'the browser bench')
} catch (error) {
  console.error(`bench-browser failed: ${error?.stack ?? error}`)
  process.exitCode = 1
}
// Anything left (a hung browser after a timeout) must not keep the process alive.
setTimeout(() => process.exit(process.exitCode ?? 1), 2000).unref()
