/**
 * The classroom server as the browser test runs it, in a child process of its own so that the test can kill
 * it outright (SIGKILL) and start it again on the same data folder: `node --import tsx
 * tests/e2e/classroom-server.ts PORT DATA_DIR DIST_DIR`. Prints `READY <port> <admin key>` once it listens.
 */
import { startClassroomServer } from '../../src/server/server.ts'

const [port, dataDir, distDir] = process.argv.slice(2)
if (!port || !dataDir || !distDir) {
  console.error('usage: classroom-server.ts PORT DATA_DIR DIST_DIR')
  process.exit(2)
}
const server = await startClassroomServer({ port: Number(port), host: '127.0.0.1', dataDir, distDir })
if (server.restored.failed.length) console.error('rooms not restored:', server.restored.failed)
console.log(`READY ${server.port} ${server.adminKey} ${server.restored.rooms}`)
