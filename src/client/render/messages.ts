import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { TableMessage } from '../../core/rules/messages.ts'
import { component, h, useUid, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { type GameView, nameOf } from '../view.ts'
import {
  addressOf,
  authorOf,
  type ChannelKey,
  type ChannelTab,
  channelTabs,
  inChannel,
  lastSeq,
  messageWriters,
  type Reading,
  readingOf,
  type Writers,
} from './message-channels.ts'
import { renderCompose } from './messages-compose.ts'

/**
 * The table's messages: in a classroom room a tab per channel (the table, the team, a private line to each
 * other side) with its unread count, the channel's messages in time order and a box to write; at a shared
 * screen (solo, hot-seat) the table's messages as a log the acting side writes in; the instructor reads every
 * channel in one list. Every message is text, never markup (see dom.ts).
 */

/**
 * Per device, the last message read on each channel (its sequence number): kept outside the panel, so that a
 * round's summary or a briefing in between does not make everything read, or unread, again.
 */
const readUpTo = new Map<string, number>()

interface PanelProps {
  view: GameView
  reading: Reading
  /** The heading's level: 3 on the table's screen, 4 inside the instructor's room panel. */
  level: 3 | 4
}

/** A message as a list item: who wrote it, where it went (in the instructor's list), the round, the text. */
function messageItem(
  view: GameView,
  writers: Writers,
  m: TableMessage,
  everyChannel: boolean,
  me: string | null,
): View {
  const round = t('messages.round', { round: m.round })
  return h('li', { key: m.seq, class: m.side === me ? 'message mine' : 'message' }, [
    h('p', { class: 'message-head' }, [
      h('strong', {}, authorOf(view.index, writers, m)),
      ' ',
      h('span', { class: 'meta' }, everyChannel ? `${addressOf(view.index, m)} · ${round}` : round),
    ]),
    h('p', { class: 'message-text' }, m.text),
  ])
}

/** The hint under the heading: who reads what is written here. */
function hintOf(view: GameView, reading: Reading, tab: ChannelTab): string {
  if (reading.reader === 'all') return t('messages.hint.instructor')
  if (!reading.writes) return t('messages.hint.observer')
  if (!reading.room) return t('messages.hint.local', { side: nameOf(view.index, reading.reader.side ?? '') })
  if (tab.channel === 'team') return t('messages.hint.team')
  if (tab.channel === 'private') return t('messages.hint.private', { side: nameOf(view.index, tab.to ?? '') })
  return t('messages.hint.public')
}

function MessagesPanel({ view, reading, level }: PanelProps): View {
  const id = useUid('messages')
  const everyChannel = reading.reader === 'all'
  const me = reading.reader === 'all' ? null : reading.reader.side
  const tabs = channelTabs(view, reading)
  const [open, setOpen] = useState<ChannelKey>('public')
  const [drafts, setDrafts] = useState<Partial<Record<ChannelKey, string>>>({})
  const [problem, setProblem] = useState<string | null>(null)
  /** The message being sent: its draft is emptied once it comes back from the table (a refusal keeps it). */
  const pending = useRef<{ key: ChannelKey; text: string; after: number } | null>(null)
  const focusTab = useRef(false)
  const list = useRef<HTMLOListElement>(null)
  /** Whether the list was scrolled to its end: then a new message scrolls it on, else the reader's place stays. */
  const atEnd = useRef(true)
  const tab = tabs.find((c) => c.key === open) ?? (tabs[0] as ChannelTab)
  const all = view.state.messages
  // A device without tabs shows the table's channel only, whatever else its state holds (a side's player
  // whose side the computer plays may still be sent its side's lines).
  const shown = everyChannel ? all : all.filter((m) => inChannel(m, tab.key, me))
  // The same game's marks only: a mark past every message is a previous game's (a new game in this tab).
  const scope = `${view.index.scenario.id}|${me ?? ''}`
  const mark = (key: ChannelKey): number => {
    const read = readUpTo.get(`${scope}|${key}`) ?? -1
    return read > lastSeq(all) ? -1 : read
  }
  const unread = (key: ChannelKey): number =>
    key === tab.key ? 0 : all.filter((m) => m.seq > mark(key) && inChannel(m, key, me)).length

  useEffect(() => {
    readUpTo.set(`${scope}|${tab.key}`, lastSeq(shown))
  })
  useEffect(() => {
    const sent = pending.current
    if (!sent) return
    const back = all.some((m) => m.seq > sent.after && m.side === me && m.text === sent.text)
    if (!back) return
    pending.current = null
    setDrafts((d) => ({ ...d, [sent.key]: '' }))
  }, [all, me])
  useLayoutEffect(() => {
    const el = list.current
    if (el && atEnd.current) el.scrollTop = el.scrollHeight
    if (focusTab.current) {
      focusTab.current = false
      document.getElementById(`${id}-tab-${tab.key}`)?.focus()
    }
  }, [shown.length, tab.key])

  const choose = (key: ChannelKey, focus = false) => {
    atEnd.current = true
    focusTab.current = focus
    setProblem(null)
    setOpen(key)
  }
  // Arrow keys move along the tabs (and open the one reached), Home and End go to the first and last.
  const onTabKey = (e: KeyboardEvent) => {
    const at = tabs.findIndex((c) => c.key === tab.key)
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key]
    if (to === undefined) return
    e.preventDefault()
    const next = tabs[(to + tabs.length) % tabs.length]
    if (next) choose(next.key, true)
  }
  const send = (text: string) => {
    if (!me) return
    pending.current = { key: tab.key, text, after: lastSeq(all) }
    const payload = tab.to ? { channel: tab.channel, to: tab.to, text } : { channel: tab.channel, text }
    // A refusal (muted, too fast…) is the compose box's own problem: said by its field, the draft kept.
    view.act({ type: 'say', side: me, payload }, (refusal) => {
      pending.current = null
      setProblem(refusal)
    })
  }

  const tabbed = tabs.length > 1
  const writers = messageWriters(view, all)
  const heading = `${id}-heading`
  const listName = everyChannel
    ? t('messages.everyList')
    : t('messages.list', { channel: tabbed ? tab.label : t('messages.channel.public') })
  const body = [
    shown.length === 0
      ? h('p', { class: 'hint' }, t('messages.none'))
      : h(
          'ol',
          {
            class: 'message-list',
            ref: list,
            tabindex: 0,
            'aria-label': listName,
            onscroll: (e: Event) => {
              const el = e.currentTarget as HTMLElement
              atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 8
            },
          },
          shown.map((m) => messageItem(view, writers, m, everyChannel, me)),
        ),
    reading.writes && me
      ? renderCompose({
          id: `${id}-text-${tab.key}`,
          label: composeLabel(view, tab),
          draft: drafts[tab.key] ?? '',
          setDraft: (text) => setDrafts((d) => ({ ...d, [tab.key]: text })),
          send,
          problem,
          setProblem,
          note: view.seat?.muted ? t('messages.muted') : null,
        })
      : null,
  ]
  return h('section', { class: 'messages', 'aria-labelledby': heading }, [
    h(level === 3 ? 'h3' : 'h4', { id: heading }, t('messages.heading')),
    tabbed
      ? h(
          'div',
          { role: 'tablist', class: 'message-tabs', 'aria-label': t('messages.tabs'), onkeydown: onTabKey },
          tabs.map((c) => {
            const count = unread(c.key)
            const selected = c.key === tab.key
            return h(
              'button',
              {
                type: 'button',
                role: 'tab',
                key: c.key,
                id: `${id}-tab-${c.key}`,
                'aria-selected': selected ? 'true' : 'false',
                'aria-controls': `${id}-panel`,
                tabindex: selected ? 0 : -1,
                onclick: () => choose(c.key),
              },
              count > 0
                ? [c.label, ' ', h('span', { class: 'unread' }, t('messages.unread', { count }))]
                : c.label,
            )
          }),
        )
      : null,
    h('p', { class: 'hint' }, hintOf(view, reading, tab)),
    tabbed
      ? h('div', { role: 'tabpanel', id: `${id}-panel`, 'aria-labelledby': `${id}-tab-${tab.key}` }, body)
      : h('div', {}, body),
  ])
}

/** The compose box's label: where the message goes. */
function composeLabel(view: GameView, tab: ChannelTab): string {
  if (tab.channel === 'team') return t('messages.compose.team')
  if (tab.channel === 'private')
    return t('messages.compose.private', { side: nameOf(view.index, tab.to ?? '') })
  return t('messages.compose.public')
}

/**
 * The messages panel of the table's own screen: the acting side writes (in a room, on its team and private
 * lines too); a device without a side reads the table's messages only.
 */
export function renderMessages(view: GameView, reading: Reading = readingOf(view)): View {
  return component<PanelProps>(MessagesPanel, { view, reading, level: 3 })
}

/** Every message of the room on every channel, each with its author and where it went: the instructor's. */
export function renderAllMessages(view: GameView): View {
  const reading: Reading = { reader: 'all', writes: false, room: true }
  return component<PanelProps>(MessagesPanel, { view, reading, level: 4 })
}
