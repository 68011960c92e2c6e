import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Scenario } from '../../src/core/scenario/schema/scenario.ts'
import type { ClassroomConnection } from '../../src/net/client.ts'
import { scenarioFor } from '../../src/net/view.ts'
import { leaksIn, ownWords, privateTexts, readableCorpus } from '../../src/server/leaks.ts'
import { loadSource, shippedScenarios } from '../../src/server/scenarios.ts'
import { startClassroomServer } from '../../src/server/server.ts'
import { tempDir, testServer, until } from './helpers.ts'
import { raw } from './raw.ts'

/**
 * Item 1 of issue 11: what each seat is sent is built by allow-list, in every language. Every shipped
 * scenario goes through every seat (each proposing side, and a student with no side) and no other side's
 * private text, in any language, is in what the seat receives: the scenario, every view of a game under
 * way, and every HTTP answer a student can get without a key.
 */
const shipped = [...shippedScenarios().values()].map((s) => {
  const scenario = loadSource(s).scenario
  if (!scenario) throw new Error(`${s.file} does not load`)
  return scenario
})
const proposers = (s: Scenario) => s.sides.filter((x) => x.role === 'proposer').map((x) => x.id)

describe('what each seat is sent of every shipped scenario', () => {
  it('has private texts in more than one language to hide (the test would prove nothing otherwise)', () => {
    for (const scenario of shipped) {
      const languages = new Set(privateTexts(scenario).map((t) => t.language))
      expect(languages.size, scenario.id).toBeGreaterThan(1)
      expect(privateTexts(scenario).filter((t) => ownWords(t.text).length > 0).length).toBeGreaterThan(20)
    }
  })

  it('holds no other side’s private text in any language, and all of the seat’s own', () => {
    for (const scenario of shipped) {
      const texts = privateTexts(scenario)
      for (const side of [...proposers(scenario), null]) {
        const sent = JSON.stringify(scenarioFor(scenario, { role: 'student', side }))
        expect(
          leaksIn(sent, texts, side, readableCorpus(scenario, side)),
          `${scenario.id} as ${side}`,
        ).toEqual([])
        // Its own texts come through, translations included (the allow-list keeps what the seat may read).
        const own = texts.filter((t) => t.side === side)
        for (const t of own)
          expect(sent, `${scenario.id}: ${t.path} (${t.language})`).toContain(
            JSON.stringify(t.text).slice(1, -1),
          )
      }
    }
  })
})

let t: Awaited<ReturnType<typeof testServer>>
const dist = tempDir('classroom-dist-')
beforeAll(async () => {
  mkdirSync(join(dist.path, 'assets'))
  writeFileSync(join(dist.path, 'index.html'), '<!doctype html><title>Red Lines</title>')
  writeFileSync(join(dist.path, 'assets', 'app-1234.js'), 'export {}')
  t = await testServer(dist.path)
})
afterAll(async () => {
  await t?.stop()
  dist.remove()
})

describe('a classroom server', () => {
  it('sends each seat of a game under way, on every shipped scenario, no other side’s private text', async () => {
    for (const [id, source] of shippedScenarios()) {
      const scenario = shipped.find((s) => s.id === id) as Scenario
      const texts = privateTexts(scenario)
      const created = await t.client.createRoom(t.server.adminKey, { scenario: { id } })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      const { code, instructorKey } = created.value
      const teacher = await t.client.join(code, { role: 'instructor', key: instructorKey })
      const seats: Array<{ side: string | null; c: ClassroomConnection; sent: string[] }> = []
      for (const side of [...proposers(scenario), null]) {
        const c = await t.client.join(code, { role: 'student', name: `${side ?? 'watcher'} ${source.file}` })
        const sent: string[] = []
        c.on('view', (v) => sent.push(JSON.stringify(v)))
        c.on('scenario', (s) => sent.push(JSON.stringify(s)))
        sent.push(JSON.stringify(c.scenario), JSON.stringify(c.view))
        seats.push({ side, c, sent })
        const seat = c.view?.you.role === 'student' ? c.view.you.seat : ''
        if (side) await teacher.request('assign', { seat, side })
      }
      await teacher.request('start', {})
      for (const s of seats) if (s.side) await s.c.command({ type: 'endorse', payload: {} })
      await until(() => seats.every((s) => s.sent.length > 3), 5000, 'views')
      for (const s of seats) {
        expect(
          leaksIn(s.sent.join('\n'), texts, s.side, readableCorpus(scenario, s.side)),
          `${id} as ${s.side}`,
        ).toEqual([])
        expect(s.sent.join('\n')).toContain(`"translations"`)
      }
      await Promise.all([teacher, ...seats.map((s) => s.c)].map((c) => c.leave()))
    }
  })

  it('gives a device without a key nothing of a shipped scenario’s private texts over HTTP', async () => {
    const all = shipped.flatMap(privateTexts)
    const answers = await Promise.all(
      [
        ['GET', '/'],
        ['GET', '/index.html'],
        ['GET', '/assets/app-1234.js'],
        ['GET', '/api/scenarios'],
        ['GET', '/api/rooms'],
        ['GET', '/api/stats'],
        ['GET', '/api/rooms/ABC234/export?format=json'],
        ['POST', '/matchmake/join/classroom'],
        ['POST', '/matchmake/joinOrCreate/classroom'],
        ['GET', '/scenarios/guarantees-2025.yaml'],
      ].map(([method, path]) =>
        raw(t.url, method ?? 'GET', path ?? '/', method === 'POST' ? {} : undefined, '127.0.0.5'),
      ),
    )
    for (const a of answers) expect(leaksIn(a.text, all)).toEqual([])
  })

  it('refuses to serve a build of the game that bundles the shipped scenarios, and says how to build it', async () => {
    const leaking = tempDir('classroom-leaky-')
    const data = tempDir('classroom-data-')
    const text = privateTexts(shipped[0] as Scenario).find((p) => ownWords(p.text).length > 0)?.text ?? ''
    writeFileSync(join(leaking.path, 'bundle.js'), `const s = ${JSON.stringify(text)}`)
    await expect(
      startClassroomServer({ port: 0, host: '127.0.0.1', dataDir: data.path, distDir: leaking.path }),
    ).rejects.toThrow(/--mode classroom/)
    leaking.remove()
    data.remove()
  })
})
