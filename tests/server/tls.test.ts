import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/node/scenario-files.ts'
import { tempDir } from './helpers.ts'
import { freePort, kill, serverProcess } from './processes.ts'

/**
 * `npm run classroom` over TLS: given a certificate and its key, the server speaks HTTPS and WSS only,
 * prints https addresses, and a class plays a whole game through it. The certificate is made here, for
 * 127.0.0.1, with Debian's `openssl` (skipped, saying so, without it); nothing leaves the loopback.
 */
const haveOpenssl = spawnSync('openssl', ['version']).status === 0
if (!haveOpenssl)
  console.warn('Skipping the TLS test: openssl is not installed (apt-get install -y openssl).')

const dir = tempDir('classroom-tls-')
const children: ChildProcess[] = []
afterAll(async () => {
  for (const c of children) await kill(c, 'SIGTERM')
  dir.remove()
})

/** A self-signed certificate for 127.0.0.1 and localhost, valid for two days. */
function makeCertificate(): { cert: string; key: string } {
  const cert = join(dir.path, 'cert.pem')
  const key = join(dir.path, 'key.pem')
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2']
      .concat(['-keyout', key, '-out', cert, '-subj', '/CN=127.0.0.1'])
      .concat(['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']),
    { encoding: 'utf8' },
  )
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`)
  return { cert, key }
}

/** Runs tls-class.ts in a process that trusts `cert`; resolves with the JSON line it prints. */
function runClass(base: string, adminKey: string, cert: string): Promise<Record<string, unknown>> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'tests/server/tls-class.ts'), base, adminKey],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: cert },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  children.push(child)
  let out = ''
  let err = ''
  child.stdout?.on('data', (d) => {
    out += d
  })
  child.stderr?.on('data', (d) => {
    err += d
  })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? ''
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line))
      else reject(new Error(`The class over TLS failed (${code}):\n${out}\n${err}`))
    })
  })
}

describe.skipIf(!haveOpenssl)('the classroom server over TLS', () => {
  it('serves HTTPS and WSS with the certificate it is given, and a class plays a game to its debrief', async () => {
    const { cert, key } = makeCertificate()
    const port = await freePort()
    const adminKey = 'tls-test-admin-key-0123456789'
    const server = await serverProcess({
      PORT: String(port),
      CLASSROOM_DATA: join(dir.path, 'data'),
      CLASSROOM_ADMIN_KEY: adminKey,
      CLASSROOM_TLS_CERT: cert,
      CLASSROOM_TLS_KEY: key,
    })
    children.push(server.child)
    const base = `https://127.0.0.1:${port}`
    // It prints the https addresses.
    expect(server.output()).toContain(`Students open:   ${base}/`)
    expect(server.output()).toContain(`Instructor link: ${base}/#instructor=`)
    // Plain HTTP is not served, and a device that does not trust the certificate is refused by its own TLS.
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow()
    await expect(fetch(`${base}/api/health`)).rejects.toThrow()

    const result = await runClass(base, adminKey, cert)
    expect(result).toEqual({
      phase: 'ended',
      debrief: true,
      commands: expect.any(Number),
      lost: 0,
      csv: true,
    })
    expect(result.commands).toBeGreaterThan(5)
  }, 180_000)
})
