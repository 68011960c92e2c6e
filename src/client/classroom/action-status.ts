import { handInCount } from '../../net/grading.ts'
import type { Message, MessageType, NetError, ReplyTo } from '../../net/protocol.ts'
import type { RoomStatus } from '../../net/view.ts'
import { h, type View } from '../dom.ts'
import { formatDate, type MessageKey, t } from '../i18n/index.ts'
import { nameOf } from '../view.ts'
import { commandErrorText } from './connect.ts'
import { roomIndex } from './game-view.ts'
import { type RoomEntry, statusOf } from './rooms.ts'

/**
 * Which of a room's status lines tells how an instructor's action went, one next to each group of controls:
 * the run controls and settings, the students, the questions for reflection, the overrule, the event, the
 * panel's exports, the card's.
 */
export type ActionGroup = 'run' | 'roster' | 'questions' | 'overrule' | 'inject' | 'exports' | 'card'

/**
 * How an action went: done or refused, worded when shown (a language switch words it again), and when; and
 * the room's status it tells of, if any: once the room's status is another, the line no longer applies and
 * is cleared (an event brought in is old news once the game is over).
 */
export interface ActionOutcome {
  ok: boolean
  text: () => string
  at: number
  status?: RoomStatus
}

/** The status line an instructor's message to a room reports on. */
export function groupOf<T extends MessageType>(type: T, payload: Message<T>): ActionGroup {
  if (type === 'command') {
    const command = (payload as Message<'command'>).command
    if (command.type === 'overrule') return 'overrule'
    if (command.type === 'inject') return 'inject'
    return 'run'
  }
  const run: readonly MessageType[] = ['start', 'pause', 'resume', 'end', 'configure']
  if (type === 'addQuestion' || type === 'removeQuestion') return 'questions'
  // The seats' own actions (assign, remove, clear, and any added to the roster later).
  return run.includes(type) ? 'run' : 'roster'
}

const VERDICTS: Record<string, MessageKey> = {
  accept: 'classroom.overrule.accept',
  demandRemoval: 'classroom.overrule.demandRemoval',
  reject: 'classroom.overrule.reject',
}

/** The actions whose outcome needs no names: their sentences take no parameters. */
const DONE: Partial<
  Record<
    MessageType,
    | 'classroom.done.start'
    | 'classroom.done.pause'
    | 'classroom.done.resume'
    | 'classroom.done.removeQuestion'
  >
> = {
  start: 'classroom.done.start',
  pause: 'classroom.done.pause',
  resume: 'classroom.done.resume',
  removeQuestion: 'classroom.done.removeQuestion',
}

/** The room's status once an action that changes it is taken; other actions leave it as it is. */
const MAKES: Partial<Record<MessageType, RoomStatus>> = {
  start: 'running',
  pause: 'paused',
  resume: 'running',
  end: 'ended',
}

/**
 * "Ended": while students still answer the questions for reflection, that they do so first and how many
 * have handed in, as the room stands now; then that every student sees the debrief.
 */
function endedText(entry: RoomEntry): string {
  const view = entry.connection?.view
  const count = view ? handInCount(view) : null
  return count && count.total > 0 && count.handed < count.total
    ? t('classroom.done.endAnswering', { count: count.handed, total: count.total })
    : t('classroom.done.end')
}

/**
 * What an action the room took did, in a sentence that reads as done ("Paused.", "Overruled: …"), with the
 * room's names as this device has them now, or had them when the room replied (`named`: a removed seat is
 * gone from the room by the time its line is read).
 */
function doneText<T extends MessageType>(
  entry: RoomEntry,
  type: T,
  payload: Message<T>,
  reply: ReplyTo<T>,
  named: ReadonlyMap<string, string>,
): string {
  const scenario = entry.connection?.scenario
  const index = scenario ? roomIndex(scenario) : null
  const seatName = (id: string) =>
    entry.connection?.view?.seats.find((s) => s.id === id)?.name ?? named.get(id) ?? id
  const sideName = (side: string) => (index ? nameOf(index, side) : side)
  const fixed = DONE[type as MessageType]
  if (fixed) return t(fixed)
  switch (type) {
    case 'end':
      return endedText(entry)
    case 'mute': {
      const p = payload as Message<'mute'>
      return t(p.muted ? 'classroom.done.mute' : 'classroom.done.unmute', { name: seatName(p.seat) })
    }
    case 'addQuestion':
      return t('classroom.done.addQuestion', { question: (payload as Message<'addQuestion'>).text.trim() })
    case 'configure': {
      const p = payload as Message<'configure'>
      if (p.timerSeconds === null) return t('classroom.done.timerOff')
      if (p.timerSeconds !== undefined) return t('classroom.done.timer', { minutes: p.timerSeconds / 60 })
      if (p.picking !== undefined) return t(p.picking ? 'classroom.done.picking' : 'classroom.done.assigning')
      return t('classroom.done.settings')
    }
    case 'assign': {
      const p = payload as Message<'assign'>
      const name = seatName(p.seat)
      return p.side
        ? t('classroom.done.assign', { name, side: sideName(p.side) })
        : t('classroom.done.unassign', { name })
    }
    case 'removeSeat': {
      // The room may have sent its new roster before its reply: the seat's name is then no longer known.
      const name = named.get((payload as Message<'removeSeat'>).seat)
      return name ? t('classroom.done.remove', { name }) : t('classroom.done.removeSeat')
    }
    case 'clearSeats': {
      const removed = (reply as { removed?: number }).removed ?? 0
      return t('classroom.done.clear', { count: removed })
    }
    case 'command': {
      const command = (payload as Message<'command'>).command
      if (command.type === 'overrule') {
        const key = VERDICTS[command.payload.verdict]
        const verdict = key ? t(key) : command.payload.verdict
        return t('classroom.done.overrule', { verdict, reason: command.payload.reason })
      }
      if (command.type === 'inject') {
        const event = index?.scenario.events.find((e) => e.id === command.payload.event)
        return t('classroom.done.inject', { title: event?.title ?? command.payload.event })
      }
      return t('classroom.done.other')
    }
    default:
      return t('classroom.done.other')
  }
}

/**
 * How a message the instructor sent to room `entry` went, from the room's reply: a refusal worded as the
 * room's refusals are (with the room's names), or what was done.
 */
export function outcomeOf<T extends MessageType>(
  entry: RoomEntry,
  type: T,
  payload: Message<T>,
  reply: ReplyTo<T>,
): ActionOutcome {
  const at = Date.now()
  // What the line tells of holds while the room's status is the one the action left it in. An overrule's
  // line is left to its form (an overrule may end the game, and the form stays for the answer that did).
  const overrule = type === 'command' && (payload as Message<'command'>).command.type === 'overrule'
  const status = overrule ? undefined : reply.ok ? (MAKES[type] ?? statusOf(entry)) : statusOf(entry)
  if (!reply.ok) {
    const error: NetError = reply.error
    return {
      ok: false,
      at,
      status,
      text: () => commandErrorText(error, entry.connection?.scenario ?? null),
    }
  }
  const named = new Map(entry.connection?.view?.seats.map((s) => [s.id, s.name]))
  return { ok: true, at, status, text: () => doneText(entry, type, payload, reply, named) }
}

/** A failed action's outcome from a problem already in words (a download that did not come). */
export const failed = (problem: string): ActionOutcome => ({ ok: false, at: Date.now(), text: () => problem })

/** A done action's outcome from words already chosen. */
export const done = (text: () => string): ActionOutcome => ({ ok: true, at: Date.now(), text })

/**
 * A status line next to a group of controls: empty until an action is taken, then how the last one went
 * ("Paused.", "Not done: …") and at what time, while it applies (the room's status, `now`, is still the one
 * the action told of). It stays in the page, so that screen readers read each new outcome (a polite live
 * region).
 */
export function renderActionStatus(outcome: ActionOutcome | undefined, now?: RoomStatus): View {
  if (!outcome || (now && outcome.status && outcome.status !== now))
    return h('p', { class: 'action-status', role: 'status' })
  const time = formatDate(new Date(outcome.at), { timeStyle: 'medium' })
  const text = outcome.ok
    ? t('classroom.action.done', { text: outcome.text(), time })
    : t('classroom.action.failed', { reason: outcome.text(), time })
  return h(
    'p',
    { class: `action-status ${outcome.ok ? 'done' : 'failed'}`, role: 'status' },
    // A new node per outcome, so that the same words twice are read twice.
    h('span', { key: outcome.at }, text),
  )
}
