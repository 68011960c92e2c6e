import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '../../src/client/i18n/index.ts'
import {
  RECORD_ERROR_KEYS,
  RECORD_FIX_KEYS,
  recordErrorText,
} from '../../src/client/render/record-error-text.ts'
import {
  exportRecord,
  parseRecord,
  type RecordErrorCode,
  recordToJson,
} from '../../src/core/record/record.ts'
import { indexScenario } from '../../src/core/rules/scenario-index.ts'
import type { GameSetup } from '../../src/core/rules/state.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { en } from '../../src/messages/en.ts'
import type { Message } from '../../src/messages/types.ts'
import { uk } from '../../src/messages/uk.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

afterEach(() => setLanguage('en'))

const index = loadScenario(readFileSync(join(FIXTURES, 'translated.yaml'), 'utf8'), {
  seeds: FIXTURE_SEEDS,
}).index
if (!index) throw new Error('the translated fixture does not load')
const resolve = (id: string) => (id === index.scenario.id ? index : undefined)
const setup: GameSetup = {
  scenarioId: 'harbour',
  seats: { north: 'human', south: 'human' },
  seed: 1,
  difficulty: 'normal',
}
const add = { type: 'add', side: 'north', payload: { instrument: 'patrol' } } as const
const json = recordToJson(exportRecord(index, setup, [add]))
const edited = (edit: (r: Record<string, unknown> & { log: unknown[]; setup: GameSetup }) => void) => {
  const record = JSON.parse(json)
  edit(record)
  return JSON.stringify(record)
}

/** A file that fails with each code (UNREADABLE needs a resolver that throws). */
const FILES: Array<[RecordErrorCode | 'VERSION_MISSING', string, typeof resolve]> = [
  ['TOO_LARGE', ' '.repeat(20_000_001), resolve],
  ['NOT_JSON', 'not json', resolve],
  ['NOT_A_RECORD', '[1]', resolve],
  ['VERSION_MISSING', edited((r) => delete r.version), resolve],
  ['VERSION_INVALID', edited((r) => (r.version = -2)), resolve],
  ['VERSION_TOO_NEW', edited((r) => (r.version = 99)), resolve],
  ['INVALID_RECORD', edited((r) => (r.extra = 1)), resolve],
  ['UNKNOWN_SCENARIO', json, () => undefined],
  ['SCENARIO_CHANGED', json, () => indexScenario({ ...index.scenario, rounds: 9 })],
  ['SETUP_MISMATCH', edited((r) => (r.setup.seats = { north: 'human' })), resolve],
  ['LOG_REFUSED', edited((r) => r.log.unshift({ ...add, side: 'south' })), resolve],
  [
    'UNREADABLE',
    json,
    () => {
      throw new Error('disk on fire')
    },
  ],
]

describe('a game record that cannot be opened', () => {
  it('has a message and a fix for every code in both languages', () => {
    const keys = [...Object.values(RECORD_ERROR_KEYS), ...Object.values(RECORD_FIX_KEYS)]
    for (const key of [
      ...keys,
      'record.VERSION_MISSING',
      'record.INVALID_RECORD_TOP',
      'record.LOG_REFUSED_PLAIN',
    ]) {
      expect((en as Record<string, Message>)[key], key).toBeTruthy()
      expect((uk as Record<string, Message>)[key], key).toBeTruthy()
    }
  })

  it.each(FILES)('%s is explained in both languages, with the scenario’s names', (code, text, resolver) => {
    const parsed = parseRecord(text, resolver)
    if (parsed.ok) throw new Error('the file opened')
    expect(parsed.error.code).toBe(code === 'VERSION_MISSING' ? 'VERSION_INVALID' : code)
    const english = recordErrorText(parsed.error, resolve)
    setLanguage('uk')
    const ukrainian = recordErrorText(parsed.error, resolve)
    for (const part of [english.message, english.fix, ukrainian.message, ukrainian.fix])
      expect(part).not.toMatch(/[{}]|undefined/)
    // Left in Latin letters: ids, hashes, the format's name, a developer's detail, and the scenario's title
    // as the record stored it (in the scenario's own language: the record is not the scenario file).
    const latin = `${ukrainian.message} ${ukrainian.fix}`
      .replace(/\b(The harbour|harbour|extra|JSON|disk on fire)\b/g, '')
      .replace(/\b[0-9a-f]{8}\b/g, '')
      .match(/[a-z]{2,}/gi)
    expect(latin, ukrainian.message).toBeNull()
    if (code === 'LOG_REFUSED')
      expect(ukrainian.message).toBe(
        'Ходи запису не відтворюються: правила відхиляють хід № 1. Сторона Південне місто не може внести «Патрульні човни».',
      )
    if (code === 'SETUP_MISMATCH') expect(ukrainian.message).toMatch(/бракує сторін Південне місто\.$/)
  })
})
