import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PROJECT_ROOT } from '../../src/node/scenario-files.ts'
import { testServer } from './helpers.ts'
import { freePort } from './processes.ts'

/**
 * The container image and the compose file, checked as far as they can be without building (no container
 * registry is reachable here): the start command, the ports, the data volume and the health check agree
 * with each other and with what the server reads; the health check script is run against a live server.
 */
const dockerfile = readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8')
const compose = parse(readFileSync(join(PROJECT_ROOT, 'compose.yaml'), 'utf8')) as {
  services: Record<string, Record<string, unknown>>
  volumes: Record<string, unknown>
}

/** The arguments of the Dockerfile's last instruction `name` (JSON form), or its text. */
function instruction(name: string): string {
  const line = dockerfile
    .split('\n')
    .filter((l) => l.startsWith(`${name} `))
    .at(-1)
  if (!line) throw new Error(`No ${name} in the Dockerfile`)
  return line.slice(name.length + 1).trim()
}

function env(): Record<string, string> {
  const pairs = dockerfile
    .split('\n')
    .filter((l) => l.startsWith('ENV '))
    .flatMap((l) => l.slice(4).trim().split(/\s+/))
  return Object.fromEntries(pairs.map((p) => p.split('=') as [string, string]))
}

const START = ['node', '--import', 'tsx', 'scripts/classroom.ts', '--no-build']

describe('the Dockerfile', () => {
  it('starts the classroom server on the port it exposes, keeps data in its volume and checks its health', () => {
    expect(JSON.parse(instruction('CMD'))).toEqual(START)
    expect(existsSync(join(PROJECT_ROOT, 'scripts/classroom.ts'))).toBe(true)
    expect(instruction('FROM')).toMatch(/^node:20\b/)
    expect(instruction('EXPOSE')).toBe(env().PORT)
    expect(JSON.parse(instruction('VOLUME'))).toEqual([env().CLASSROOM_DATA])
    expect(env().HOST).toBe('0.0.0.0')
    expect(instruction('HEALTHCHECK')).toMatch(/CMD \["node", "scripts\/healthcheck.mjs"\]$/)
    // It builds the classroom's game (without the shipped scenarios), where `--no-build` serves it from.
    expect(dockerfile).toContain('build --mode classroom --outDir dist/classroom')
    expect(instruction('USER')).toBe('node')
    const ignored = readFileSync(join(PROJECT_ROOT, '.dockerignore'), 'utf8').split('\n')
    for (const path of ['node_modules', '.classroom-data', 'dist', '.git']) expect(ignored).toContain(path)
  })
})

describe('the compose file', () => {
  it('runs Redis with its data kept, and classroom processes sharing it, each on its own port and volume', () => {
    const { redis, ...rest } = compose.services
    expect(redis?.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']))
    expect(redis?.volumes).toEqual(['redis-data:/data'])
    expect((redis?.healthcheck as { test: string[] } | undefined)?.test).toEqual(['CMD', 'redis-cli', 'ping'])
    const classrooms = Object.values(rest)
    expect(classrooms.length).toBeGreaterThanOrEqual(1)
    const ports = new Set<string>()
    for (const service of classrooms) {
      const environment = service.environment as Record<string, string>
      expect(service.build).toBe('.')
      expect(service.command).toEqual(START)
      expect(service.ports).toEqual([`${environment.PORT}:${environment.PORT}`])
      ports.add(environment.PORT as string)
      expect(environment.REDIS_URL).toBe('redis://redis:6379')
      expect(environment.PUBLIC_URL).toContain(`:${environment.PORT}`)
      expect(environment.CLASSROOM_ADMIN_KEY).toMatch(/^\$\{CLASSROOM_ADMIN_KEY:\?/)
      const volume = (service.volumes as string[])[0] ?? ''
      expect(volume.endsWith(':/data')).toBe(true)
      expect(Object.keys(compose.volumes)).toContain(volume.split(':')[0])
      expect(service.depends_on).toEqual({ redis: { condition: 'service_healthy' } })
      expect((service.healthcheck as { test: string[] }).test).toEqual([
        'CMD',
        'node',
        'scripts/healthcheck.mjs',
      ])
    }
    expect(ports.size).toBe(classrooms.length)
  })
})

describe('the health check script', () => {
  let server: Awaited<ReturnType<typeof testServer>>
  beforeAll(async () => {
    server = await testServer()
  })
  afterAll(() => server.stop())

  // Run asynchronously: the server answering it is in this very process.
  const check = (port: number) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/healthcheck.mjs')], {
        env: { ...process.env, PORT: String(port), CLASSROOM_TLS_CERT: '' },
        stdio: 'ignore',
        timeout: 10_000,
      })
      child.once('exit', (code) => resolve(code))
    })

  it('passes while the server answers, and fails when nothing listens', async () => {
    expect(await check(server.server.port)).toBe(0)
    expect(await check(await freePort())).toBe(1)
  })
})
