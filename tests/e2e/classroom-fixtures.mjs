/**
 * The classroom for browser tests: the game built as `npm run classroom` serves it (once per worker, shared by
 * every spec that plays in rooms), and a classroom server in a child process (tests/e2e/classroom-server.ts) on
 * a free port with a data folder of its own, which a test may kill and start again as a crash would.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect, ROOT } from './fixtures.mjs'
import { freePort } from './ports.mjs'

const SERVER_SCRIPT = fileURLToPath(new URL('classroom-server.ts', import.meta.url))
const PROJECT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The classroom server in a child process: `start()` resolves once it listens (with its admin key and the
 * number of rooms it restored); `kill()` sends SIGKILL, as a crash or a pulled plug would, and waits for the
 * process to be gone.
 */
function classroomServer(port, dataDir, distDir, publicUrl) {
  let child = null
  const log = []
  return {
    log,
    start() {
      return new Promise((resolve, reject) => {
        const args = [SERVER_SCRIPT, String(port), dataDir, distDir, ...(publicUrl ? [publicUrl] : [])]
        child = spawn(process.execPath, ['--import', 'tsx', ...args], {
          cwd: PROJECT,
          env: { ...process.env, E2E_ROOT: ROOT },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
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

/** The browser tests' `test` with `classroomDist` (worker-scoped) and `classroom` (a server per test). */
export const classroomTest = base.extend({
  /**
   * The address the server reports students open (its PUBLIC_URL); null: the loopback address it listens on.
   * A spec sets it with `test.use({ classroomPublicUrl: '…' })`.
   */
  classroomPublicUrl: [null, { option: true }],
  /** The game built as `npm run classroom` serves it, once per worker. */
  classroomDist: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'red-lines-classroom-dist-'))
      const vite = join(ROOT, 'node_modules/vite/bin/vite.js')
      const result = spawnSync(
        process.execPath,
        [vite, 'build', '--mode', 'classroom', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
        { cwd: ROOT, encoding: 'utf8' },
      )
      if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`)
      await use(dir)
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  /**
   * A classroom server on a free port and a data folder of its own, killed after the test; `errors` collects
   * what the test's devices report (checked to be empty after the test, attached with the server's log if it
   * failed).
   */
  classroom: async ({ classroomDist, classroomPublicUrl }, use, testInfo) => {
    const data = mkdtempSync(join(tmpdir(), 'red-lines-classroom-data-'))
    const server = classroomServer(await freePort(), data, classroomDist, classroomPublicUrl)
    const errors = []
    try {
      const first = await server.start()
      await use({ server, errors, base: `http://127.0.0.1:${first.port}`, adminKey: first.adminKey })
    } finally {
      await server.kill()
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('classroom-server.log', {
          body: server.log.join(''),
          contentType: 'text/plain',
        })
        await testInfo.attach('page-errors.txt', { body: errors.join('\n'), contentType: 'text/plain' })
      }
      rmSync(data, { recursive: true, force: true })
    }
    expect(errors, 'errors in the pages').toEqual([])
  },
})

/** A student opens a room's join link, joins with `name`, and waits in the room's lobby. */
export async function joinByLink(page, link, name) {
  await page.goto(link)
  await page.getByRole('textbox', { name: 'Your display name' }).fill(name)
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for the game to start' })).toBeVisible()
}
