import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildDebrief } from '../../src/core/debrief/debrief.ts'
import { csvField, debriefToCsv } from '../../src/core/record/csv.ts'
import { MIGRATIONS, RECORD_VERSION, upgradeRecord } from '../../src/core/record/format.ts'
import { fnv1a32, scenarioHash } from '../../src/core/record/hash.ts'
import { exportRecord, parseRecord, recordToJson } from '../../src/core/record/record.ts'
import { indexScenario, type ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import type { GameSetup, Seat } from '../../src/core/rules/state.ts'
import { createGameStore } from '../../src/core/store.ts'
import { harbour, seedScenario } from './helpers.ts'

const index = seedScenario()
const town = harbour()
const scenarios = new Map<string, ScenarioIndex>([
  [index.scenario.id, index],
  [town.scenario.id, town],
])
const resolve = (id: string) => scenarios.get(id)

const setup: GameSetup = {
  scenarioId: index.scenario.id,
  seats: Object.fromEntries(index.proposers.map((s) => [s, 'computer' as Seat])),
  seed: 5,
  difficulty: 'hard',
}
const store = createGameStore(index, setup)
store.getState().runComputers(5000)
const { game, log } = store.getState()
const json = recordToJson(exportRecord(index, setup, log, new Date('2026-03-01T10:00:00Z')))

/** The exported record, changed by `edit`, as text. */
function tampered(edit: (record: Record<string, unknown> & { log: unknown[] }) => void): string {
  const record = JSON.parse(json)
  edit(record)
  return JSON.stringify(record)
}

describe('the game record', () => {
  it('rebuilds the same game and the same debrief after export, JSON and import', () => {
    const parsed = parseRecord(json, resolve)
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.record.exportedAt).toBe('2026-03-01T10:00:00.000Z')
    expect(parsed.index).toBe(index)
    expect(parsed.state).toEqual(game)
    expect(buildDebrief(parsed.index, parsed.setup, parsed.state, parsed.log)).toEqual(
      buildDebrief(index, setup, game, log),
    )
  })

  it('is versioned, names its scenario, and leaves out the export time unless given one', () => {
    const record = exportRecord(index, setup, log)
    expect(record).toMatchObject({ format: 'red-lines-game', version: RECORD_VERSION })
    expect(record.scenario).toEqual({
      id: index.scenario.id,
      title: index.scenario.title,
      hash: scenarioHash(index.scenario),
    })
    expect('exportedAt' in record).toBe(false)
    expect(recordToJson(record).endsWith('}\n')).toBe(true)
  })

  it('refuses a log whose moves the rules refuse, naming the move', () => {
    const text = tampered((r) => {
      r.log.unshift({ type: 'add', side: 'us', payload: { instrument: 'reassurance-force' } })
    })
    const parsed = parseRecord(text, resolve)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.code).toBe('LOG_REFUSED')
    expect(parsed.error.message).toMatch(/Command 1 of the log was refused: NOT_YOUR_INSTRUMENT/)
    expect(parsed.error.fix).toBeTruthy()
  })

  it('refuses a malformed command, or any unknown field, as a damaged record', () => {
    for (const text of [
      tampered((r) => {
        r.log[0] = { type: 'add', side: 'us' }
      }),
      tampered((r) => {
        r.extra = 1
      }),
    ]) {
      const parsed = parseRecord(text, resolve)
      expect(parsed.ok ? 'ok' : parsed.error.code).toBe('INVALID_RECORD')
    }
  })

  it('refuses a record whose scenario file has changed since, naming both titles', () => {
    const edited = { ...index.scenario, title: 'Red Lines, revised' }
    const parsed = parseRecord(json, () => indexScenario(edited))
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.code).toBe('SCENARIO_CHANGED')
    expect(parsed.error.message).toContain('has changed since the game was exported')
    expect(parsed.error.message).toContain(index.scenario.title)
    expect(parsed.error.message).toContain('Red Lines, revised')
    const hashed = parseRecord(
      tampered((r) => {
        ;(r.scenario as { hash: string }).hash = '00000000'
      }),
      resolve,
    )
    expect(hashed.ok ? 'ok' : hashed.error.code).toBe('SCENARIO_CHANGED')
  })

  it('refuses a record from a newer version of the game, saying so', () => {
    const parsed = parseRecord(
      tampered((r) => {
        r.version = 99
      }),
      resolve,
    )
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.code).toBe('VERSION_TOO_NEW')
    expect(parsed.error.message).toMatch(/newer version of Red Lines.*99/)
  })

  it('names the other ways a record can fail', () => {
    const code = (text: string, r = resolve) => {
      const parsed = parseRecord(text, r)
      return parsed.ok ? 'ok' : parsed.error.code
    }
    expect(code('not json')).toBe('NOT_JSON')
    expect(code('[1, 2]')).toBe('NOT_A_RECORD')
    expect(code('{"format":"something-else"}')).toBe('NOT_A_RECORD')
    expect(code(tampered((r) => delete r.version))).toBe('VERSION_INVALID')
    expect(code(json, () => undefined)).toBe('UNKNOWN_SCENARIO')
    expect(code(tampered((r) => ((r.setup as GameSetup).seats = { ukraine: 'human' })))).toBe(
      'SETUP_MISMATCH',
    )
    expect(
      code(json, () => {
        throw new Error('disk on fire')
      }),
    ).toBe('UNREADABLE')
  })

  it('migrates through a table of pure functions: version 1 (no mode: play) to 2', () => {
    expect(Object.keys(MIGRATIONS)).toEqual(['1'])
    expect(RECORD_VERSION).toBe(2)
    expect(upgradeRecord({ version: 2, a: 1 })).toEqual({ ok: true, data: { version: 2, a: 1 } })
    expect(upgradeRecord({ version: 1, a: 1 })).toEqual({ ok: true, data: { version: 2, a: 1 } })
    expect(upgradeRecord({ version: 0 })).toMatchObject({ ok: false, code: 'VERSION_INVALID' })
  })

  it('opens a record of version 1 (before modes) as a game played in play mode', () => {
    const old = tampered((r) => {
      r.version = 1
    })
    const parsed = parseRecord(old, resolve)
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.setup.mode).toBeUndefined()
    expect(buildDebrief(parsed.index, parsed.setup, parsed.state, parsed.log).mode).toBe('play')
  })

  it('carries the instructor mode through export and import, and the debrief and the CSV say so', () => {
    const studied: GameSetup = { ...setup, mode: 'instructor' }
    const record = exportRecord(index, studied, log)
    expect(record.setup.mode).toBe('instructor')
    const parsed = parseRecord(recordToJson(record), resolve)
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.setup.mode).toBe('instructor')
    const debrief = buildDebrief(parsed.index, parsed.setup, parsed.state, parsed.log)
    expect(debrief.mode).toBe('instructor')
    expect(debriefToCsv(debrief)).toMatch(
      /\r\nMode,Instructor mode: the hidden parts \(Backstage\) were open/,
    )
    // A mode the game does not know is a damaged record.
    const bad = recordToJson({ ...record, setup: { ...record.setup, mode: 'god' as 'play' } })
    expect(parseRecord(bad, resolve)).toMatchObject({ ok: false, error: { code: 'INVALID_RECORD' } })
  })

  it('never throws, whatever the text (fuzzed)', () => {
    const record = JSON.parse(json)
    const keys = ['format', 'version', 'scenario', 'setup', 'log', 'exportedAt']
    const text = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      // A real record with one field replaced by anything, or one command of its log.
      fc
        .tuple(fc.constantFrom(...keys), fc.jsonValue())
        .map(([key, value]) => JSON.stringify({ ...record, [key]: value })),
      fc.tuple(fc.nat(log.length - 1), fc.jsonValue()).map(([i, value]) =>
        JSON.stringify({
          ...record,
          log: record.log.map((c: unknown, j: number) => (i === j ? value : c)),
        }),
      ),
      fc.tuple(fc.nat(json.length), fc.string()).map(([at, s]) => json.slice(0, at) + s + json.slice(at)),
    )
    fc.assert(
      fc.property(text, (t) => {
        const parsed = parseRecord(t, resolve)
        expect(typeof parsed.ok).toBe('boolean')
        if (!parsed.ok) expect(parsed.error.message.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })
})

describe('the hash', () => {
  it('is FNV-1a 32-bit over UTF-8', () => {
    // Published test vectors of FNV-1a 32.
    expect(fnv1a32('')).toBe('811c9dc5')
    expect(fnv1a32('a')).toBe('e40c292c')
    expect(fnv1a32('foobar')).toBe('bf9cf968')
    expect(fnv1a32('é')).not.toBe(fnv1a32('e'))
    // Two-, three- and four-byte characters and lone surrogates hash as the earlier per-code-point version
    // did, so that saves made before keep matching their scenario.
    expect(fnv1a32('Україна é 🇺🇦')).toBe('5ca51040')
    expect(fnv1a32('\ud800x\udc00')).toBe('acdcabdf')
    expect(scenarioHash(index.scenario)).toMatch(/^[0-9a-f]{8}$/)
  })
})

/** Reads RFC 4180 CSV back, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    const pair = text.slice(i, i + 2)
    if (quoted && pair === '""') {
      field += '"'
      i += 2
      continue
    }
    if (ch === '"') quoted = !quoted
    else if (quoted) field += ch
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (pair === '\r\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
    i++
  }
  return rows
}

describe('the CSV of a debrief', () => {
  const debrief = buildDebrief(index, setup, game, log)

  it('has one row per round, a blank line, then one row per side, with CRLF line ends', () => {
    const csv = debriefToCsv(debrief)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/(?<!")\n/)
    const rows = readCsv(csv)
    const blank = rows.findIndex((r) => r.length === 1 && r[0] === '')
    expect(blank).toBe(debrief.timeline.length + 1)
    expect(rows[0]?.slice(0, 6)).toEqual([
      'Round',
      'Package',
      'Verdict',
      'Red lines crossed',
      'Events',
      'Decision',
    ])
    expect(rows[0]?.slice(6)).toEqual(debrief.meters.map((m) => m.name))
    expect(rows[1]?.[0]).toBe('1')
    expect(rows[blank + 1]).toEqual(['Side', 'Score', 'Par', 'Ahead', 'Score lines'])
    const sides = rows.slice(blank + 2, blank + 2 + debrief.scores.length)
    expect(sides.map((r) => r[0])).toEqual(debrief.scores.map((s) => s.name))
    expect(sides.map((r) => Number(r[1]))).toEqual(debrief.scores.map((s) => s.total))
    // Then how the game was played, after a blank line.
    expect(rows[blank + 2 + debrief.scores.length]).toEqual([''])
    expect(rows[blank + 3 + debrief.scores.length]).toEqual(['Mode', 'Play'])
  })

  it('quotes commas, quotes and line breaks, and defuses cells that start like a formula', () => {
    expect(csvField('a, b')).toBe('"a, b"')
    expect(csvField('say "no"')).toBe('"say ""no"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"')
    for (const start of ['=', '+', '-', '@']) expect(csvField(`${start}1`)).toBe(`'${start}1`)
    expect(csvField(-3.5)).toBe('-3.5')
    const evil = structuredClone(debrief)
    // The first round with a package tabled (the computer players may let a round pass without one).
    const at = evil.timeline.findIndex((r) => r.package?.length)
    const first = evil.timeline[at]
    if (first?.package?.[0]) first.package[0].name = '=cmd|" /C calc"!A0, "quoted"\nnext'
    if (evil.scores[0]) evil.scores[0].name = '@SUM(1+1)'
    const rows = readCsv(debriefToCsv(evil))
    expect(rows[at + 1]?.[1]?.startsWith('\'=cmd|" /C calc"!A0, "quoted"\nnext')).toBe(true)
    expect(rows.find((r) => r[0]?.includes('SUM'))?.[0]).toBe("'@SUM(1+1)")
  })
})
