import type { MessageReader, TableMessage } from '../../core/rules/messages.ts'
import { t } from '../i18n/index.ts'
import { type GameView, nameOf } from '../view.ts'

/**
 * The channels of the table's messages as a device shows them, and who wrote each message. Pure: the panel
 * (messages.ts), the news for screen readers (play.ts) and the instructor's panel read the same answers.
 *
 * A device's state holds only what it may read (in a room the server filters), so these functions sort the
 * messages into channels; they never decide what may be read.
 */

/** A channel as a tab: the table, the device's own team, or the private line to one other side. */
export type ChannelKey = 'public' | 'team' | `private:${string}`

/** A channel the device offers: its key, its label, and what a message sent on it says (channel, to). */
export interface ChannelTab {
  key: ChannelKey
  label: string
  channel: TableMessage['channel']
  to?: string
}

/** Who reads at this table and what they may write: their side, or the instructor, or an observer. */
export interface Reading {
  reader: MessageReader
  /** Whether the device may write (a side it plays acts here). */
  writes: boolean
  /** A classroom room, where teams and private lines exist; solo and hot-seat have the table only. */
  room: boolean
}

/**
 * How the table's own screen reads: the acting side writes; in a room (the only tables whose log has
 * authors) its team and private lines are offered too. A student without a side only reads the table.
 */
export function readingOf(view: GameView): Reading {
  return { reader: { side: view.acting }, writes: view.acting !== null, room: view.authors !== undefined }
}

/** The side a reader plays, or null (the instructor, an observer). */
const sideOf = (reading: Reading): string | null => (reading.reader === 'all' ? null : reading.reader.side)

/**
 * The channels a device shows as tabs: the table always; in a room, for a side's player, its team (when
 * another student shares the side, or the team's line holds messages already, say of a teammate who moved
 * on) and a private line to each other human-played side (a computer partner does not read its messages).
 */
export function channelTabs(
  view: Pick<GameView, 'index' | 'state' | 'seat'>,
  reading: Reading,
): ChannelTab[] {
  const tabs: ChannelTab[] = [{ key: 'public', label: t('messages.channel.public'), channel: 'public' }]
  const me = sideOf(reading)
  if (!reading.room || !me || reading.reader === 'all') return tabs
  // A device that does not know its seat (not expected in a room) keeps the tab rather than hide a channel.
  const alone = view.seat?.teammates === 0 && !view.state.messages.some((m) => m.channel === 'team')
  if (!alone) tabs.push({ key: 'team', label: t('messages.channel.team'), channel: 'team' })
  for (const side of view.index.proposers) {
    if (side === me || view.state.setup.seats[side] === 'computer') continue
    const label = t('messages.channel.private', { side: nameOf(view.index, side) })
    tabs.push({ key: `private:${side}`, label, channel: 'private', to: side })
  }
  return tabs
}

/** Whether message `m` belongs on channel `key` of side `me`'s device. */
export function inChannel(m: TableMessage, key: ChannelKey, me: string | null): boolean {
  if (key === 'public' || key === 'team') return m.channel === key
  const other = key.slice('private:'.length)
  return m.channel === 'private' && ((m.side === me && m.to === other) || (m.side === other && m.to === me))
}

/** Who typed each message, by its `seq`: the display names of a classroom room's students. */
export type Writers = ReadonlyMap<number, string>

/**
 * The display name on each message's say command, from the device's log and its authors. A student's log
 * holds only the say commands it may read (the server leaves the others out), so positions differ from the
 * room's: each message is paired, in order, with the next say command of the same side and text.
 */
export function messageWriters(
  view: Pick<GameView, 'log' | 'authors'>,
  messages: readonly TableMessage[],
): Writers {
  const names = new Map<number, string>()
  const { log, authors } = view
  if (!authors) return names
  let next = 0
  for (const m of messages) {
    let at = next
    while (at < log.length) {
      const c = log[at]
      if (c?.type === 'say' && c.side === m.side && c.payload.text.trim() === m.text) break
      at += 1
    }
    // A message without its command here (not expected) leaves the next one's search where it was.
    if (at === log.length) continue
    const name = authors[at]
    if (name) names.set(m.seq, name)
    next = at + 1
  }
  return names
}

/**
 * Who wrote a message, as the table names people: in a room the student's display name and their side
 * ("Olena · Ukraine"); at a shared screen the side's name.
 */
export function authorOf(index: GameView['index'], writers: Writers, m: TableMessage): string {
  const side = nameOf(index, m.side)
  const name = writers.get(m.seq)
  return name ? t('messages.author', { name, side }) : side
}

/** Where a message went, as a phrase after its author: "to the table", "privately to Europe". */
export function addressOf(index: GameView['index'], m: TableMessage): string {
  if (m.channel === 'public') return t('messages.toTable')
  if (m.channel === 'team') return t('messages.toTeam')
  return t('messages.toSide', { side: nameOf(index, m.to ?? '') })
}

/** The highest sequence number among `messages`, or -1 when there are none. */
export const lastSeq = (messages: readonly TableMessage[]): number =>
  messages.reduce((top, m) => Math.max(top, m.seq), -1)

/**
 * What screen readers are told of messages that arrived (`after` holds messages `before` did not): each
 * one's author, where it went and its text. `own` is the text this device just sent as `side`, which its
 * writer needs not hear again (a teammate's message on the same side is still said).
 */
export function messagesNews(
  view: Pick<GameView, 'index' | 'log' | 'authors'>,
  before: readonly TableMessage[],
  after: readonly TableMessage[],
  own: { side: string | null; text: string },
): string {
  const seen = lastSeq(before)
  const arrived = after.filter((m) => m.seq > seen && !(m.side === own.side && m.text === own.text))
  if (arrived.length === 0) return ''
  const writers = messageWriters(view, after)
  return arrived
    .map((m) =>
      t('messages.news', {
        author: authorOf(view.index, writers, m),
        address: addressOf(view.index, m),
        text: m.text,
      }),
    )
    .join(' ')
}
