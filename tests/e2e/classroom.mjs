/**
 * Browser test of classroom rooms: builds the game once (vite build into a temporary folder), starts the
 * classroom server in a child process on a free loopback port with a temporary data folder, and plays a
 * whole game with an instructor and three students in four browser contexts (one of them a tablet), and a
 * fourth student who arrives late and shares a side. Midway a student reloads, and the server is killed
 * outright (SIGKILL) and started again on the same data folder; the game goes on to the debrief. Prints "ok - name" or "not ok - name" and a closing line
 * "classroom: N passed, M failed"; exits 1 on any failure. Screenshots go to test-results/screenshots/.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs'
import { classroomGame } from './classroom-game.mjs'
import { freePort, printFailure } from './ports.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const shots = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const TIMEOUT_MS = 300_000

/**
 * The classroom server in a child process: `start()` resolves once it listens (with its admin key);
 * `kill()` sends SIGKILL, as a crash or a pulled plug would, and waits for the process to be gone.
 */
function classroomServer(port, dataDir, distDir) {
  let child = null
  const log = []
  return {
    log,
    start() {
      return new Promise((resolve, reject) => {
        child = spawn(
          process.execPath,
          ['--import', 'tsx', join(root, 'tests/e2e/classroom-server.ts'), String(port), dataDir, distDir],
          { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
        )
        const timer = setTimeout(
          () => reject(new Error('the classroom server did not start in 30 s')),
          30_000,
        )
        let out = ''
        child.stdout.on('data', (chunk) => {
          out += chunk
          log.push(String(chunk))
          const ready = /READY (\d+) (\S+) (\d+)/.exec(out)
          if (ready) {
            clearTimeout(timer)
            resolve({ port: Number(ready[1]), adminKey: ready[2], restored: Number(ready[3]) })
          }
        })
        child.stderr.on('data', (chunk) => log.push(String(chunk)))
        child.on('exit', (code) => {
          clearTimeout(timer)
          reject(new Error(`the classroom server exited with ${code}:\n${log.join('')}`))
        })
      })
    },
    kill() {
      const dying = child
      child = null
      if (!dying || dying.exitCode !== null) return Promise.resolve()
      return new Promise((resolve) => {
        dying.removeAllListeners('exit')
        dying.on('exit', () => resolve())
        dying.kill('SIGKILL')
      })
    },
  }
}

/** Builds the game as `npm run classroom` serves it, into `outDir`. */
function build(outDir) {
  const vite = join(root, 'node_modules/vite/bin/vite.js')
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--mode', 'classroom', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`)
}

/** Console errors a dropped connection causes by design while the server is down (the page retries). */
const EXPECTED_OFFLINE =
  /WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource|Failed to fetch|NetworkError/i

async function main() {
  mkdirSync(shots, { recursive: true })
  for (const file of readdirSync(shots)) if (file.startsWith('FAILED-classroom-')) rmSync(`${shots}${file}`)
  const temp = mkdtempSync(join(tmpdir(), 'red-lines-classroom-'))
  const dist = join(temp, 'dist')
  const data = join(temp, 'data')
  let server = null
  let browser = null
  let passed = 0
  let failed = 0
  const timings = {}
  const name =
    'an instructor and four students (one late) play a whole game in rooms, through a reload and a server crash'
  try {
    let t0 = Date.now()
    build(dist)
    timings.build = Date.now() - t0
    const port = await freePort()
    server = classroomServer(port, data, dist)
    t0 = Date.now()
    const first = await server.start()
    timings.serverStart = Date.now() - t0
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    const errors = []
    const pages = []
    const watch = (page, who) => {
      pages.push({ page, who })
      page.setDefaultTimeout(15_000)
      page.on('pageerror', (error) => errors.push(`${who}: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error' && !EXPECTED_OFFLINE.test(message.text()))
          errors.push(`${who}: console: ${message.text()}`)
      })
    }
    const shot = (page, file, options = {}) => page.screenshot({ path: `${shots}${file}.png`, ...options })
    t0 = Date.now()
    try {
      await withTimeout(
        classroomGame({
          browser,
          base: `http://127.0.0.1:${port}`,
          adminKey: first.adminKey,
          watch,
          shot,
          server,
          timings,
        }),
        TIMEOUT_MS,
      )
      if (errors.length) throw new Error(`errors in the pages:\n${errors.join('\n')}`)
      passed += 1
      console.log(`ok - ${name}`)
    } catch (error) {
      failed += 1
      printFailure(name, error)
      if (errors.length) console.log(`  page errors:\n    ${errors.join('\n    ')}`)
      console.log(`  server log:\n    ${server.log.join('').split('\n').slice(-30).join('\n    ')}`)
      for (const { page, who } of pages)
        await page
          .screenshot({ path: `${shots}FAILED-classroom-${who.replace(/\W+/g, '-')}.png`, fullPage: true })
          .catch(() => {})
    }
    timings.game = Date.now() - t0
    console.log(`# timings (ms): ${JSON.stringify(timings)}`)
  } catch (error) {
    failed += 1
    printFailure('classroom setup', error)
  } finally {
    await browser?.close().catch(() => {})
    await server?.kill().catch(() => {})
    rmSync(temp, { recursive: true, force: true })
  }
  console.log(`classroom: ${passed} passed, ${failed} failed`)
  return failed > 0 || passed === 0 ? 1 : 0
}

function withTimeout(promise, ms) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

process.exitCode = await main()
