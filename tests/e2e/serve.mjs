/**
 * The Vite development server the browser tests run against (started by playwright.config.ts as its
 * webServer): `node tests/e2e/serve.mjs` serves E2E_ROOT (by default this project) on 127.0.0.1:E2E_PORT, with
 * neither hot reload nor file watching, so that an edit made while the tests run never reloads a page.
 */
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createServer } from 'vite'

const root = process.env.E2E_ROOT || fileURLToPath(new URL('../..', import.meta.url))
const rootKey = createHash('sha1').update(root).digest('hex').slice(0, 10)
const port = Number(process.env.E2E_PORT)
if (!port) {
  console.error('serve.mjs: set E2E_PORT to the port to listen on')
  process.exit(2)
}

const server = await createServer({
  root,
  logLevel: 'warn',
  clearScreen: false,
  // A cache of pre-bundled dependencies per served root: two runs on different copies (whose dependencies may
  // differ) never rebuild each other's cache under a page that is loading from it.
  cacheDir: fileURLToPath(new URL(`../../node_modules/.vite-e2e-${rootKey}`, import.meta.url)),
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
console.log(`serve.mjs: ${root} on http://127.0.0.1:${port}/`)
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    server.close().finally(() => process.exit(0))
  })
