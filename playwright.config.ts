/**
 * The browser end-to-end tests (`npm run e2e`): Playwright Test on Debian's Chromium (never a downloaded
 * browser), one worker, no retries, a trace and a screenshot kept for each failed test. Every screen's
 * screenshot is written to test-results/screenshots/ as well (see tests/e2e/fixtures.mjs).
 *
 * The game is served by the Vite development server (tests/e2e/serve.mjs) on a free loopback port; E2E_ROOT
 * makes it serve another copy of the project (e.g. `E2E_ROOT=scratch/base npx playwright test`). The
 * classroom test builds the game and starts its own classroom server, which it kills and restarts mid-game
 * (see tests/e2e/classroom.spec.mjs).
 */
import { resolve } from 'node:path'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/chromium.mjs'
import { freePort } from './tests/e2e/ports.mjs'

// The config is read again in each worker process, which inherits this process's environment: the port is
// chosen once, here, and the root made absolute for every process alike.
process.env.E2E_PORT ||= String(await freePort())
if (process.env.E2E_ROOT) process.env.E2E_ROOT = resolve(process.env.E2E_ROOT)
const port = Number(process.env.E2E_PORT)

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  outputDir: 'test-results/',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  timeout: 180_000,
  // Generous for a shared machine of two cores; a control that does not answer still fails, never retried.
  expect: { timeout: 30_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node tests/e2e/serve.mjs',
    url: `http://127.0.0.1:${port}/`,
    env: { E2E_PORT: String(port), ...(process.env.E2E_ROOT ? { E2E_ROOT: process.env.E2E_ROOT } : {}) },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
