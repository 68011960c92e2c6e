/**
 * What the stage scripts (stage-checks, stage-shots) share: Vite serving the project for bench/stage-demo, and
 * Debian's Chromium started as the browser tests start it. `close()` stops both.
 */
import { chromium } from 'playwright-core'
import { createServer } from 'vite'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium.mjs'

export async function startDemo() {
  const root = new URL('..', import.meta.url).pathname
  const server = await createServer({
    root,
    logLevel: 'warn',
    configFile: false,
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
  })
  await server.listen()
  const url = `http://127.0.0.1:${server.httpServer.address().port}/bench/stage-demo/index.html`
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  return { url, browser, close: async () => Promise.allSettled([browser.close(), server.close()]) }
}
