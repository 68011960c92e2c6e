/**
 * `npm run classroom`: builds the game (vite build) and serves it with the classroom rooms on one port,
 * then prints the address students open and the instructor's link.
 *
 * Environment: PORT (default 2567), HOST (default all interfaces), CLASSROOM_DATA (where rooms are kept,
 * default `.classroom-data/`), CLASSROOM_ADMIN_KEY (the session's admin key; by default one is made and
 * kept in the data folder), CLASSROOM_TLS_CERT and CLASSROOM_TLS_KEY (PEM files: serve HTTPS and WSS; or
 * --cert FILE --key FILE), REDIS_URL (several processes as one session, rooms kept in Redis, see README),
 * PUBLIC_HOST (the address devices reach this process at, when the LAN address found is not the right one),
 * PUBLIC_URL (this process's whole address as devices reach it, e.g. a reverse proxy's https address:
 * printed, and with Redis where devices are sent for its rooms),
 * CLASSROOM_FSYNC=strict (flush each room file to the disk before answering, not right after: safe from
 * power cuts too, at the cost of a disk flush in every command's round trip), CLASSROOM_TRUST_PROXY=1
 * (behind a reverse proxy: each device's address from X-Forwarded-For), CLASSROOM_JOIN_BURST (joins one
 * address may make at once; the load test raises it, as all its devices share one address).
 * Options: --no-build serves the `dist/classroom/` already built (or no game files at all when there is none).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PROJECT_ROOT } from '../src/node/scenario-files.ts'
import { lanAddress } from '../src/server/join-base.ts'
import { startClassroomServer } from '../src/server/server.ts'

/** The value after `--name` on the command line, or the environment variable, or undefined. */
function setting(name: string, env: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? process.argv[at + 1] : process.env[env]
}

const port = Number(process.env.PORT ?? 2567)
const certFile = setting('cert', 'CLASSROOM_TLS_CERT')
const keyFile = setting('key', 'CLASSROOM_TLS_KEY')
if (Boolean(certFile) !== Boolean(keyFile)) {
  console.error(
    'HTTPS needs both a certificate and its key: --cert FILE --key FILE (or CLASSROOM_TLS_CERT and CLASSROOM_TLS_KEY).',
  )
  process.exit(2)
}
const tls = certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : undefined
const scheme = tls ? 'https' : 'http'
const dataDir = resolve(process.env.CLASSROOM_DATA ?? join(PROJECT_ROOT, '.classroom-data'))
// The classroom's own build, without the shipped scenarios' files (see src/server/classroom-build.ts).
const distDir = join(PROJECT_ROOT, 'dist', 'classroom')

if (!process.argv.includes('--no-build')) {
  const vite = join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js')
  const built = spawnSync(process.execPath, [vite, 'build', '--mode', 'classroom', '--outDir', distDir], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const lan = lanAddress()
// The address devices use: the interface listened on when it is a single one, else the LAN address.
const host = process.env.HOST
const publicHost = process.env.PUBLIC_HOST ?? (host && host !== '0.0.0.0' && host !== '::' ? host : lan)
// With Redis, the address other processes send devices to for this process's rooms (and devices fail over to).
const publicUrl = process.env.PUBLIC_URL ?? `${scheme}://${publicHost ?? '127.0.0.1'}:${port}`
const server = await startClassroomServer({
  port,
  ...(host ? { host } : {}),
  dataDir,
  distDir: existsSync(distDir) ? distDir : null,
  ...(process.env.CLASSROOM_ADMIN_KEY ? { adminKey: process.env.CLASSROOM_ADMIN_KEY } : {}),
  ...(process.env.REDIS_URL ? { redis: { url: process.env.REDIS_URL, publicUrl } } : {}),
  ...(tls ? { tls } : {}),
  durability: process.env.CLASSROOM_FSYNC === 'strict' ? 'strict' : 'soon',
  trustProxy: process.env.CLASSROOM_TRUST_PROXY === '1',
  ...(process.env.CLASSROOM_JOIN_BURST
    ? { guardLimits: { burst: Number(process.env.CLASSROOM_JOIN_BURST), pendingPerRoom: 1000 } }
    : {}),
  handleSignals: true,
  // What students open, printed below and handed to the dashboard for its join links and QR codes.
  ...(publicHost ? { publicHost } : {}),
  ...(process.env.PUBLIC_URL ? { publicUrl: process.env.PUBLIC_URL } : {}),
})
// What devices open (behind a reverse proxy, PUBLIC_URL: the proxy's https address, not this port).
const base = server.joinBase
console.log(`Red Lines classroom server on port ${server.port}${tls ? ' (HTTPS and WSS)' : ''}`)
console.log(`  Students open:   ${base}/`)
console.log(`  Instructor link: ${base}/#instructor=${server.adminKey}   (keep it to yourself)`)
if (!publicHost) console.log('  No network address found: only this computer can reach the server.')
console.log(
  `  Rooms kept in ${process.env.REDIS_URL ? `Redis (this process: ${server.process})` : dataDir} (${server.restored.rooms} restored${server.restored.failed.length ? `, ${server.restored.failed.length} could not be` : ''})`,
)
if (!existsSync(distDir))
  console.log('  No dist/classroom/ folder: the game itself is not served (run without --no-build).')
console.log('READY')
