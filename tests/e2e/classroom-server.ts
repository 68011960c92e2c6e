/**
 * The classroom server as the browser test runs it, in a child process of its own so that the test can kill
 * it outright (SIGKILL) and start it again on the same data folder: `node --import tsx
 * tests/e2e/classroom-server.ts PORT DATA_DIR DIST_DIR [PUBLIC_URL]` (PUBLIC_URL: the address the server reports
 * students open, as `npm run classroom` takes it; by default the loopback address it listens on). Prints `READY <port> <admin key> <rooms restored>`
 * once it listens. The server is E2E_ROOT's (the project under test), by default this project's.
 */
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const [port, dataDir, distDir, publicUrl] = process.argv.slice(2)
if (!port || !dataDir || !distDir) {
  console.error('usage: classroom-server.ts PORT DATA_DIR DIST_DIR')
  process.exit(2)
}
const root = process.env.E2E_ROOT || fileURLToPath(new URL('../..', import.meta.url))
const { startClassroomServer } = (await import(
  pathToFileURL(join(root, 'src/server/server.ts')).href
)) as typeof import('../../src/server/server.ts')
const server = await startClassroomServer({
  port: Number(port),
  host: '127.0.0.1',
  dataDir,
  distDir,
  ...(publicUrl ? { publicUrl } : {}),
})
if (server.restored.failed.length) console.error('rooms not restored:', server.restored.failed)
console.log(`READY ${server.port} ${server.adminKey} ${server.restored.rooms}`)
