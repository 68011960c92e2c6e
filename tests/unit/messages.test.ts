import { describe, expect, it } from 'vitest'
import { exportRecord, parseRecord, recordToJson } from '../../src/core/record/record.ts'
import { applyCommand } from '../../src/core/rules/apply.ts'
import { type Command, CommandSchema, INSTRUCTOR } from '../../src/core/rules/commands.ts'
import {
  MESSAGE_TEXT_MAX,
  type MessageReader,
  messageVisible,
  type TableMessage,
  visibleMessages,
} from '../../src/core/rules/messages.ts'
import { type GameState, newGame } from '../../src/core/rules/state.ts'
import { createGameStore, replay } from '../../src/core/store.ts'
import { harbour } from './helpers.ts'

const index = harbour()
const setup = {
  scenarioId: 'harbour',
  seats: { north: 'human', south: 'human' } as const,
  seed: 3,
  difficulty: 'normal' as const,
}

const say = (side: string, channel: 'public' | 'team' | 'private', text: string, to?: string): Command => ({
  type: 'say',
  side,
  payload: to === undefined ? { channel, text } : { channel, to, text },
})
const endorse = (side: string): Command => ({ type: 'endorse', side, payload: {} })
const tabled: Command[] = [
  { type: 'add', side: 'north', payload: { instrument: 'patrol' } },
  endorse('north'),
  endorse('south'),
  { type: 'table', side: 'north', payload: {} },
]

const message = (channel: TableMessage['channel'], side: string, to?: string): TableMessage =>
  to === undefined
    ? { seq: 0, round: 1, side, channel, text: 'hi' }
    : { seq: 0, round: 1, side, channel, to, text: 'hi' }

describe('who reads which channel', () => {
  const readers: Array<[string, MessageReader]> = [
    ['a', { side: 'a' }],
    ['b', { side: 'b' }],
    ['c', { side: 'c' }],
    ['observer', { side: null }],
    ['instructor', 'all'],
  ]
  const readBy = (m: TableMessage) => readers.filter(([, r]) => messageVisible(m, r)).map(([name]) => name)

  it('shows a public message to everyone, observers included', () => {
    expect(readBy(message('public', 'a'))).toEqual(['a', 'b', 'c', 'observer', 'instructor'])
  })
  it('shows a team message to its own side and the instructor only', () => {
    expect(readBy(message('team', 'a'))).toEqual(['a', 'instructor'])
  })
  it('shows a private message to its two sides and the instructor only', () => {
    expect(readBy(message('private', 'a', 'b'))).toEqual(['a', 'b', 'instructor'])
  })
  it('shows everything once the game is over (the reader is then "all")', () => {
    const all = [message('public', 'a'), message('team', 'b'), message('private', 'a', 'c')]
    expect(visibleMessages(all, 'all')).toEqual(all)
    expect(visibleMessages(all, { side: 'c' })).toEqual([all[0], all[2]])
    expect(visibleMessages(all, { side: null })).toEqual([all[0]])
  })
})

describe('sending a message', () => {
  it('keeps the message with its round, channel, trimmed text and place in the log, and nothing else', () => {
    const store = createGameStore(index, setup)
    store.getState().dispatch(endorse('north'))
    const before = store.getState().game
    const outcome = store.getState().dispatch(say('north', 'private', '  Meet at noon?\nAlone.  ', 'south'))
    expect(outcome.ok).toBe(true)
    const after = store.getState().game
    expect(after.messages).toEqual([
      { seq: 1, round: 1, side: 'north', channel: 'private', to: 'south', text: 'Meet at noon?\nAlone.' },
    ])
    // No meter, stance, move count or anything else changes.
    expect({ ...after, messages: [] }).toEqual(before)
    expect(store.getState().log[1]?.type).toBe('say')
  })

  it('is possible while the sides decide, and numbered by its place in the log on replay', () => {
    const log = [...tabled, say('south', 'team', 'Hold firm.'), say('north', 'public', 'We accept.')]
    const state = replay(index, setup, log)
    expect(state.phase).toBe('deciding')
    expect(state.messages.map((m) => [m.seq, m.side, m.channel])).toEqual([
      [4, 'south', 'team'],
      [5, 'north', 'public'],
    ])
  })

  it('is refused by name when empty, too long or addressed to no other negotiating side', () => {
    const state = newGame(index, setup)
    const code = (command: Command) => {
      const outcome = applyCommand(index, state, command)
      return outcome.ok ? 'ok' : outcome.refusal.code
    }
    expect(code(say('north', 'public', ' \n '))).toBe('MESSAGE_EMPTY')
    expect(code(say('north', 'public', 'x'.repeat(MESSAGE_TEXT_MAX)))).toBe('ok')
    expect(code(say('north', 'public', ` ${'x'.repeat(MESSAGE_TEXT_MAX)} `))).toBe('ok')
    expect(code(say('north', 'team', 'x'.repeat(MESSAGE_TEXT_MAX + 1)))).toBe('MESSAGE_TOO_LONG')
    expect(code(say('north', 'private', 'hi', 'north'))).toBe('UNKNOWN_RECIPIENT')
    expect(code(say('north', 'private', 'hi', 'harbour'))).toBe('UNKNOWN_RECIPIENT')
    expect(code(say('north', 'private', 'hi', 'atlantis'))).toBe('UNKNOWN_RECIPIENT')
    expect(code(say('harbour', 'public', 'hi'))).toBe('NOT_A_PROPOSER')
    expect(code({ type: 'say', side: INSTRUCTOR, payload: { channel: 'public', text: 'hi' } })).toBe(
      'NOT_A_PROPOSER',
    )
    expect(applyCommand(index, { ...state, phase: 'ended' }, say('north', 'public', 'hi'))).toMatchObject({
      ok: false,
      refusal: { code: 'GAME_OVER' },
    })
  })

  it('refuses as malformed a private message without a side, a `to` elsewhere, and control characters', () => {
    const parse = (payload: object) =>
      CommandSchema.safeParse({ type: 'say', side: 'north', payload }).success
    expect(parse({ channel: 'private', to: 'south', text: 'hi' })).toBe(true)
    expect(parse({ channel: 'private', text: 'hi' })).toBe(false)
    expect(parse({ channel: 'public', to: 'south', text: 'hi' })).toBe(false)
    expect(parse({ channel: 'team', to: 'south', text: 'hi' })).toBe(false)
    expect(parse({ channel: 'public', text: 'tab\there' })).toBe(false)
    expect(parse({ channel: 'public', text: 'bell\u0007' })).toBe(false)
    expect(parse({ channel: 'public', text: 'two\nlines' })).toBe(true)
    expect(parse({ channel: 'shout', text: 'hi' })).toBe(false)
  })

  it('survives an overrule: what was said after the tabling stays', () => {
    const overrule: Command = {
      type: 'overrule',
      side: INSTRUCTOR,
      payload: { verdict: 'accept', reason: 'Why not.' },
    }
    const state = replay(index, setup, [...tabled, say('south', 'public', 'Too weak.'), overrule])
    expect(state.response?.overruled).toBeDefined()
    expect(state.messages.map((m) => m.text)).toEqual(['Too weak.'])
  })
})

describe('the game record', () => {
  it('carries the messages and replays them to the same game', () => {
    const log = [say('north', 'public', 'Hello.'), ...tabled, say('south', 'private', 'Psst.', 'north')]
    const game: GameState = replay(index, setup, log)
    const json = recordToJson(exportRecord(index, setup, log))
    const parsed = parseRecord(json, (id) => (id === index.scenario.id ? index : undefined))
    if (!parsed.ok) throw new Error(parsed.error.message)
    expect(parsed.log).toEqual(log)
    expect(parsed.state).toEqual(game)
    expect(parsed.state.messages).toHaveLength(2)
  })
})
