import { describe, expect, it } from 'vitest'
import { SaveSchema } from '../../src/client/saves/format.ts'
import { GameRecordSchema } from '../../src/core/record/format.ts'
import { SentCommandSchema } from '../../src/core/rules/commands.ts'
import { DifficultySchema, GameSetupSchema } from '../../src/core/rules/setup.ts'
import {
  CODE_ALPHABET,
  LIMITS,
  MESSAGE_TYPES,
  MESSAGES,
  normalizeCode,
  normalizeName,
  parseMessage,
} from '../../src/net/protocol.ts'
import { TokenBucket } from '../../src/server/bucket.ts'
import { RoomFileSchema } from '../../src/server/room-file.ts'
import { hashSecret, newJoinCode, newSecret, secretMatches } from '../../src/server/secrets.ts'
import { fileFor } from '../../src/server/static.ts'

describe('join codes', () => {
  it('are six characters of an alphabet without look-alikes', () => {
    for (const c of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(c)
    const codes = Array.from({ length: 200 }, newJoinCode)
    for (const code of codes) expect(normalizeCode(code)).toBe(code)
    expect(new Set(codes).size).toBeGreaterThan(195)
  })

  it('are read as students type them, and refused when they cannot be one', () => {
    expect(normalizeCode(' ab3-k7p ')).toBe('AB3K7P')
    expect(normalizeCode('AB3K7')).toBeNull()
    expect(normalizeCode('AB3K70')).toBeNull()
    expect(normalizeCode('../../x')).toBeNull()
  })
})

describe('display names', () => {
  it('are trimmed, with runs of spaces made one', () => {
    expect(normalizeName('  Ann \t  Smith ')).toBe('Ann Smith')
    expect(normalizeName('Олена')).toBe('Олена')
  })
  it('are refused when empty, too long or carrying control or invisible characters', () => {
    expect(normalizeName('   ')).toBeNull()
    expect(normalizeName('x'.repeat(41))).toBeNull()
    expect(normalizeName('x'.repeat(40))).toBe('x'.repeat(40))
    expect(normalizeName('Ann\u0000')).toBeNull()
    expect(normalizeName('Ann\u202eevil')).toBeNull()
  })
})

describe('messages', () => {
  it('are checked against their schema, with the place of the first problem', () => {
    const bad = parseMessage('assign', { seat: 'a', side: 3 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'MALFORMED_MESSAGE' } })
    expect(!bad.ok && bad.error.message).toContain('side')
    expect(parseMessage('start', { extra: true })).toMatchObject({
      ok: false,
      error: { code: 'MALFORMED_MESSAGE' },
    })
    const overrule = (payload: object) => parseMessage('command', { command: { type: 'overrule', payload } })
    expect(overrule({ verdict: 'accept', reason: '   ' }).ok).toBe(false)
    expect(overrule({ verdict: 'surrender', reason: 'Why not' }).ok).toBe(false)
    expect(overrule({ verdict: 'accept', reason: ' Why not ' })).toEqual({
      ok: true,
      value: { command: { type: 'overrule', payload: { verdict: 'accept', reason: 'Why not' } } },
    })
    expect(parseMessage('configure', { timerSeconds: 5 }).ok).toBe(false)
    expect(parseMessage('configure', { timerSeconds: 90 })).toEqual({ ok: true, value: { timerSeconds: 90 } })
  })
  it('carry the commands of the rules as the rules define them, with the side left to the server', () => {
    const command = (c: object) => parseMessage('command', { command: c })
    expect(command({ type: 'endorse', payload: {} }).ok).toBe(true)
    expect(command({ type: 'endorse', side: 'europe', payload: {} }).ok).toBe(true)
    expect(command({ type: 'inject', payload: { event: 'storm' } }).ok).toBe(true)
    for (const bad of [
      { type: 'bribe', payload: {} },
      { type: 'add', payload: {} },
      { type: 'endorse', payload: {}, extra: 1 },
      // The instructor's commands name the instructor's side or none: never a scenario's side.
      { type: 'inject', side: 'europe', payload: { event: 'storm' } },
    ])
      expect(command(bad)).toMatchObject({ ok: false, error: { code: 'MALFORMED_MESSAGE' } })
    // Instructor's actions are commands, not messages of their own.
    expect(MESSAGE_TYPES).not.toContain('overrule')
    expect(MESSAGE_TYPES).not.toContain('inject')
  })

  it('are refused over the byte limit before their schema is even read', () => {
    const huge = { command: { type: 'object', payload: { reason: 'x'.repeat(LIMITS.messageBytes) } } }
    expect(parseMessage('command', huge)).toMatchObject({ ok: false, error: { code: 'MESSAGE_TOO_LARGE' } })
  })
})

describe('the flood bucket', () => {
  it('lets a burst through, then refills at its rate', () => {
    const bucket = new TokenBucket(3, 2, 0)
    expect([1, 2, 3, 4].map(() => bucket.take(0))).toEqual([true, true, true, false])
    expect(bucket.take(400)).toBe(false)
    expect(bucket.take(500)).toBe(true)
    expect(bucket.take(10_000)).toBe(true)
    expect([1, 2, 3].map(() => bucket.take(10_000))).toEqual([true, true, false])
  })
})

describe('secrets', () => {
  it('have at least 128 bits and are stored only as hashes, compared whole', () => {
    const key = newSecret()
    expect(Buffer.from(key, 'base64url').length * 8).toBeGreaterThanOrEqual(128)
    const hash = hashSecret(key)
    expect(hash).not.toContain(key)
    expect(secretMatches(key, hash)).toBe(true)
    expect(secretMatches(`${key}x`, hash)).toBe(false)
    expect(secretMatches(key.slice(0, -1), hash)).toBe(false)
    expect(secretMatches(key, 'not-a-hash')).toBe(false)
  })
})

describe('static file paths', () => {
  const base = '/srv/dist'
  it('stay inside the served folder', () => {
    expect(fileFor(base, '/')).toBe('/srv/dist')
    expect(fileFor(base, '/assets/app.js?v=1')).toBe('/srv/dist/assets/app.js')
    expect(fileFor(base, '/a%20b.txt')).toBe('/srv/dist/a b.txt')
  })
  it('never leave it, however the path is written', () => {
    const urls = [
      '/..%2f..%2fetc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/x/..%2F..%2F..%2Fsecret',
      '/../../etc/passwd',
    ]
    for (const url of urls) {
      const file = fileFor(base, url)
      expect(file === null || file.startsWith('/srv/dist/')).toBe(true)
    }
    // Dot segments are resolved by the URL itself; encoded slashes would climb out, and are refused.
    expect(fileFor(base, '/../../etc/passwd')).toBe('/srv/dist/etc/passwd')
    expect(fileFor(base, '/..%2f..%2fetc/passwd')).toBeNull()
    for (const url of ['/a%00b', '/a%5c..%5c..%5cx', '/%E0%A4%A']) expect(fileFor(base, url)).toBeNull()
  })
})

describe('the schemas shared by records, saves, rooms and the protocol', () => {
  it('are each defined once, in the core', () => {
    expect(GameRecordSchema.shape.setup).toBe(GameSetupSchema)
    expect(RoomFileSchema.shape.setup.unwrap()).toBe(GameSetupSchema)
    expect(RoomFileSchema.shape.settings.shape.difficulty).toBe(DifficultySchema)
    expect(GameSetupSchema.shape.difficulty).toBe(DifficultySchema)
    expect(MESSAGES.configure.shape.difficulty.unwrap()).toBe(DifficultySchema)
    expect(MESSAGES.command.shape.command).toBe(SentCommandSchema)
    // A save is a game record plus what the title screen shows.
    expect(Object.keys(SaveSchema.shape).sort()).toEqual(
      [...Object.keys(GameRecordSchema.shape), 'titleScreen'].sort(),
    )
    for (const key of Object.keys(GameRecordSchema.shape) as Array<keyof typeof GameRecordSchema.shape>)
      expect(SaveSchema.shape[key]).toBe(GameRecordSchema.shape[key])
  })
})
