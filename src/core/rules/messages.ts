import type { Outcome } from './apply.ts'
import type { Command } from './commands.ts'
import { refuse } from './refusals.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import type { GameState } from './state.ts'

/**
 * The messages the sides send one another at the table: in character, text only, kept in the game's log
 * like any move. Who may read one depends on its channel:
 * - `public`: everyone at the table, observers included;
 * - `team`: the devices that play the sender's side (students sharing a side);
 * - `private`: the sender's side and the one side it is addressed to.
 * The instructor reads every channel, and once the game is over every message is revealed to everyone (the
 * debrief tells the whole story). A message changes nothing else in the game.
 */

/** The longest message, in characters (after trimming): a paragraph, not a memo. */
export const MESSAGE_TEXT_MAX = 500

/** Who may read a message (see the module's comment). */
export type Channel = 'public' | 'team' | 'private'

/** A message as the game keeps it: who sent it, on which channel, and when (in the log and in rounds). */
export interface TableMessage {
  /** The say command's position in the game's log (from 0): the log entry says who typed it and when. */
  seq: number
  /** The round it was sent in. */
  round: number
  /** The side that sent it. */
  side: string
  channel: Channel
  /** For a private message, the side it is addressed to. */
  to?: string
  text: string
}

/**
 * Who reads: `'all'` for the instructor (and for everyone once the game is over), otherwise the side the
 * device plays, or null for an observer or a student not yet on a side.
 */
export type MessageReader = 'all' | { side: string | null }

/** Whether `reader` may read message `m` (a kept message, or a say command's payload with its side). */
export function messageVisible(
  m: Pick<TableMessage, 'side' | 'channel' | 'to'>,
  reader: MessageReader,
): boolean {
  if (reader === 'all' || m.channel === 'public') return true
  const { side } = reader
  if (side === null) return false
  if (m.channel === 'team') return m.side === side
  return m.side === side || m.to === side
}

/** The messages `reader` may read, in the order they were sent. */
export function visibleMessages(messages: readonly TableMessage[], reader: MessageReader): TableMessage[] {
  return messages.filter((m) => messageVisible(m, reader))
}

/**
 * Trimmed text has no control characters but the newline (a tab or a carriage return would only upset the
 * layout; the others are invisible and could hide text).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/

/** Why a message's text cannot be sent as it is, or null when it can. */
export function messageTextProblem(text: string): 'MESSAGE_EMPTY' | 'MESSAGE_TOO_LONG' | null {
  const trimmed = text.trim()
  if (trimmed.length === 0) return 'MESSAGE_EMPTY'
  if (trimmed.length > MESSAGE_TEXT_MAX) return 'MESSAGE_TOO_LONG'
  return null
}

/** Whether text is free of control characters other than the newline (checked by the command's schema). */
export function messageTextClean(text: string): boolean {
  return !CONTROL.test(text)
}

type Say = Extract<Command, { type: 'say' }>

/**
 * Applies a say command: the message joins the game's messages and nothing else changes. `seq` is the
 * command's position in the game's log. Refused when the text is empty or too long, or when a private
 * message is addressed to a side that does not negotiate or to the sender's own side.
 */
export function applySay(index: ScenarioIndex, state: GameState, cmd: Say, seq: number): Outcome {
  const { side, payload } = cmd
  const problem = messageTextProblem(payload.text)
  if (problem) return refuse(problem)
  const text = payload.text.trim()
  const message: TableMessage = { seq, round: state.round, side, channel: payload.channel, text }
  if (payload.channel === 'private') {
    const to = payload.to ?? ''
    if (!index.proposers.includes(to) || to === side) return refuse('UNKNOWN_RECIPIENT', { side: to })
    message.to = to
  }
  return { ok: true, state: { ...state, messages: [...state.messages, message] }, warned: [] }
}
