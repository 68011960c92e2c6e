import { describe, expect, it } from 'vitest'
import {
  channelTabs,
  inChannel,
  messagesNews,
  messageWriters,
  type Reading,
} from '../../src/client/render/message-channels.ts'
import type { Command } from '../../src/core/rules/commands.ts'
import type { TableMessage } from '../../src/core/rules/messages.ts'
import type { Seat } from '../../src/core/rules/setup.ts'
import { newGame } from '../../src/core/rules/state.ts'
import { seedScenario } from './helpers.ts'

const index = seedScenario()
const [ua = '', eu = '', us = ''] = index.proposers
const seats = (computer: string[]): Record<string, Seat> =>
  Object.fromEntries(index.proposers.map((s) => [s, computer.includes(s) ? 'computer' : 'human']))
const game = (computer: string[] = []) =>
  newGame(index, { scenarioId: index.scenario.id, seats: seats(computer), seed: 1, difficulty: 'normal' })
const room = (side: string | null): Reading => ({ reader: { side }, writes: side !== null, room: true })
const say = (side: string, channel: TableMessage['channel'], text: string, to?: string): Command => ({
  type: 'say',
  side,
  payload: to ? { channel, to, text } : { channel, text },
})
const message = (seq: number, side: string, channel: TableMessage['channel'], text: string, to?: string) =>
  ({ seq, round: 1, side, channel, text, ...(to ? { to } : {}) }) as TableMessage

describe('the channels a device offers', () => {
  it('gives a shared screen, an observer and the instructor the table only', () => {
    const view = { index, state: game() }
    const keys = (reading: Reading) => channelTabs(view, reading).map((c) => c.key)
    expect(keys({ reader: { side: ua }, writes: true, room: false })).toEqual(['public'])
    expect(keys(room(null))).toEqual(['public'])
    expect(keys({ reader: 'all', writes: false, room: true })).toEqual(['public'])
  })

  it('gives a side’s student the table, the team and a line to each other human-played side', () => {
    const tabs = channelTabs({ index, state: game([us]) }, room(ua))
    expect(tabs.map((c) => c.key)).toEqual(['public', 'team', `private:${eu}`])
    expect(tabs[2]).toMatchObject({ channel: 'private', to: eu })
  })

  it('leaves the team out for a student alone on their side, until a teammate joins or the team has spoken', () => {
    const state = game([us])
    const keys = (view: Parameters<typeof channelTabs>[0]) => channelTabs(view, room(ua)).map((c) => c.key)
    expect(keys({ index, state, seat: { muted: false, teammates: 0 } })).toEqual(['public', `private:${eu}`])
    expect(keys({ index, state, seat: { muted: false, teammates: 1 } })).toContain('team')
    // A teammate who moved to another side leaves their messages: the line stays readable.
    const spoken = { ...state, messages: [message(0, ua, 'team', 'ours')] }
    expect(keys({ index, state: spoken, seat: { muted: false, teammates: 0 } })).toContain('team')
  })
})

describe('which channel a message belongs to', () => {
  it('puts a private message on the line of its two sides, for each of them, and nowhere else', () => {
    const m = message(0, ua, 'private', 'between us', eu)
    expect(inChannel(m, `private:${eu}`, ua)).toBe(true)
    expect(inChannel(m, `private:${ua}`, eu)).toBe(true)
    expect(inChannel(m, `private:${us}`, ua)).toBe(false)
    expect(inChannel(m, `private:${ua}`, us)).toBe(false)
    expect(inChannel(m, 'public', ua)).toBe(false)
    expect(inChannel(m, 'team', ua)).toBe(false)
  })
})

describe('who wrote each message', () => {
  it('pairs each message with its say command in a log the server shortened', () => {
    // A student's log without the private message it may not read: positions differ from the messages' seq.
    const log: Command[] = [
      { type: 'endorse', side: eu, payload: {} },
      say(ua, 'public', 'hello'),
      say(us, 'public', 'hello'),
      say(ua, 'team', 'ours'),
    ]
    const authors = [null, 'Olena', 'Marta', 'Bohdan']
    const messages = [
      message(1, ua, 'public', 'hello'),
      message(3, us, 'public', 'hello'),
      message(4, ua, 'team', 'ours'),
    ]
    const writers = messageWriters({ log, authors }, messages)
    expect([...writers]).toEqual([
      [1, 'Olena'],
      [3, 'Marta'],
      [4, 'Bohdan'],
    ])
    expect(messageWriters({ log }, messages).size, 'a shared screen names sides only').toBe(0)
  })

  it('tells screen readers of the new messages only, not the one this device just sent', () => {
    const log: Command[] = [
      say(ua, 'public', 'first'),
      say(eu, 'public', 'second'),
      say(ua, 'public', 'mine'),
    ]
    const view = { index, log, authors: ['Olena', 'Taras', 'Olena'] }
    const before = [message(0, ua, 'public', 'first')]
    const after = [...before, message(1, eu, 'public', 'second'), message(2, ua, 'public', 'mine')]
    const news = messagesNews(view, before, after, { side: ua, text: 'mine' })
    expect(news).toContain('Taras')
    expect(news).toContain('second')
    expect(news).not.toContain('first')
    expect(news).not.toContain('mine')
    expect(messagesNews(view, after, after, { side: null, text: '' })).toBe('')
  })
})
