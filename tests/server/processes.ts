import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll } from 'vitest'
import type { ClassroomConnection } from '../../src/net/client.ts'
import { PROJECT_ROOT } from '../../src/node/scenario-files.ts'
import { tempDir } from './helpers.ts'

/** A free TCP port on the loopback interface (the OS picks it; it is released at once for the caller). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** A classroom server in its own process (`scripts/classroom.ts --no-build`), resolved once it is ready. */
export async function serverProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/classroom.ts'), '--no-build'],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  child.stdout?.on('data', (d) => {
    out += d
  })
  child.stderr?.on('data', (d) => {
    out += d
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${out}`)), 30_000)
    const check = () => {
      if (out.includes('READY')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The server exited (${code}):\n${out}`))
    })
  })
  child.removeAllListeners('exit')
  return { child, output: () => out }
}

/** Stops a process (SIGKILL by default, as a crash would) and waits for it to be gone. */
export function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

/** Whether Debian's `redis-server` is installed (`.ci/run` installs it); Redis tests are skipped, saying so, when not. */
export const haveRedis = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0

/** A throwaway redis-server on a free loopback port, keeping nothing on disk; resolved once it accepts connections. */
export async function startRedis(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  child.stdout?.on('data', (d) => {
    out += d
  })
  const end = Date.now() + 10_000
  while (!out.includes('Ready to accept connections')) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`redis-server did not start:\n${out}`)
    await new Promise((r) => setTimeout(r, 20))
  }
  return { child, url: `redis://127.0.0.1:${port}` }
}

/**
 * What a test of two server processes sharing a session through Redis sets up, torn down after its tests:
 * the connections left, the Redis client closed, the processes stopped (last started first), the folders
 * removed. `prefix` names the two data folders.
 */
export function twoProcessSession(prefix: string) {
  const dirs = [tempDir(`${prefix}-a-`), tempDir(`${prefix}-b-`)]
  const processes: ChildProcess[] = []
  const connections: ClassroomConnection[] = []
  let redis: Redis | null = null
  afterAll(async () => {
    for (const c of connections) await c.leave()
    redis?.disconnect()
    for (const p of processes.reverse()) await kill(p, 'SIGTERM')
    for (const d of dirs) d.remove()
  })
  /** A client of the session's Redis, closed with the rest. */
  const connectRedis = (url: string): Redis => {
    redis = new Redis(url)
    return redis
  }
  return { dirs, processes, connections, connectRedis }
}
