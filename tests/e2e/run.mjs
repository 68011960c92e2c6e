/**
 * Browser end-to-end tests: starts the Vite dev server on a free local port, drives Debian's Chromium through
 * playwright-core, runs every case in cases.mjs in a fresh browser context, prints "ok - name" or
 * "not ok - name" per case and a closing line "e2e: N passed, M failed", and exits 1 on any failure.
 * Screenshots go to test-results/screenshots/. Nothing is fetched from outside this machine.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { createServer } from 'vite'
import { cases } from './cases.mjs'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs'
import { freePort, printFailure } from './ports.mjs'

/** The project served; E2E_ROOT may point at a copy holding other scenarios (e.g. the test fixtures). */
const root = process.env.E2E_ROOT || fileURLToPath(new URL('../..', import.meta.url))
const shots = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const CASE_TIMEOUT_MS = 180_000
const only = process.argv[2]

function withTimeout(promise, ms, what) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function main() {
  mkdirSync(shots, { recursive: true })
  for (const file of readdirSync(shots)) if (file.endsWith('.png')) rmSync(`${shots}${file}`)
  const executablePath = CHROMIUM_PATH
  if (!existsSync(executablePath)) {
    console.error(`e2e: no Chromium at ${executablePath}; install it with "apt-get install -y chromium".`)
    console.log('e2e: 0 passed, 1 failed')
    return 1
  }
  let server
  let browser
  let passed = 0
  let failed = 0
  try {
    const port = await freePort()
    server = await createServer({
      root,
      logLevel: 'warn',
      clearScreen: false,
      cacheDir: fileURLToPath(new URL('../../node_modules/.vite-e2e', import.meta.url)),
      server: {
        host: '127.0.0.1',
        port,
        strictPort: true,
        hmr: false,
        watch: null,
        fs: { strict: !process.env.E2E_ROOT },
      },
      optimizeDeps: { include: ['zustand/vanilla', 'zod', 'yaml'] },
    })
    await server.listen()
    const base = `http://127.0.0.1:${port}/`
    browser = await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
    })
    for (const testCase of cases) {
      if (only && !testCase.name.includes(only)) continue
      // A case may ask for another device (a tablet's viewport and touch screen); the default is a laptop.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        ...testCase.context,
      })
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      const pageErrors = []
      page.on('pageerror', (error) => pageErrors.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`)
      })
      const shot = async (name, options = {}) => {
        await page.screenshot({ path: `${shots}${name}.png`, ...options })
      }
      try {
        await withTimeout(testCase.run({ page, base, shot }), CASE_TIMEOUT_MS, testCase.name)
        if (pageErrors.length) throw new Error(`errors in the page:\n${pageErrors.join('\n')}`)
        passed += 1
        console.log(`ok - ${testCase.name}`)
      } catch (error) {
        failed += 1
        printFailure(testCase.name, error)
        await shot(`FAILED-${testCase.name.replace(/[^a-z0-9]+/gi, '-')}`, { fullPage: true }).catch(() => {})
      } finally {
        await context.close().catch(() => {})
      }
    }
  } catch (error) {
    failed += 1
    printFailure('e2e setup', error)
  } finally {
    await browser?.close().catch(() => {})
    await server?.close().catch(() => {})
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`)
  return failed > 0 || passed === 0 ? 1 : 0
}

process.exitCode = await main()
