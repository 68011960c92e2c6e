import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { RoomView } from '../../net/view.ts'
import { h, type View } from '../dom.ts'
import { formatDate, formatList, t } from '../i18n/index.ts'
import { nameOf } from '../view.ts'
import { messagesIn, studentsOn, type Waiting, waitingFor } from './room-watch.ts'
import type { RoomEntry } from './rooms.ts'
import { statusOf } from './rooms.ts'

/**
 * What a room's card tells at a glance besides its status, for a room the instructor is connected to: whom
 * the game waits for, and the room's messages. (The countdown and the devices are the card's own.)
 */

/** "Ukraine (Olena, Bohdan)": a side and the students who play it. */
function sideWithStudents(index: ScenarioIndex, view: RoomView, side: string): string {
  const names = studentsOn(view.seats, side)
  const name = nameOf(index, side)
  return names.length ? t('classroom.card.sideWith', { side: name, names: formatList(names) }) : name
}

/** Whom the game waits for, in a line (see Waiting). */
function waitingText(index: ScenarioIndex, view: RoomView, waiting: Waiting): string {
  const sides = (list: readonly string[]) => formatList(list.map((s) => sideWithStudents(index, view, s)))
  switch (waiting.kind) {
    case 'stances':
      return waiting.sides.length
        ? t('classroom.card.waitStances', { sides: sides(waiting.sides) })
        : t('classroom.card.waitComputer')
    case 'votes':
      return waiting.sides.length
        ? t('classroom.card.waitVotes', { sides: sides(waiting.sides) })
        : t('classroom.card.waitComputer')
    case 'table':
      return t('classroom.card.waitTable')
    case 'agree':
      return t('classroom.card.waitAgree')
  }
}

/** The line of whom the room's game waits for, or null while no game is under way. */
export function renderWaiting(entry: RoomEntry, index: ScenarioIndex): View | null {
  const view = entry.connection?.view
  if (!view) return null
  const waiting = waitingFor(index.proposers, view.game, view.humanSides, statusOf(entry))
  if (!waiting) return null
  const idle = (waiting.kind === 'stances' || waiting.kind === 'votes') && waiting.sides.length > 0
  return h('p', { class: `card-waiting${idle ? ' idle' : ''}` }, waitingText(index, view, waiting))
}

/** How many messages the room's sides sent, and the time of the last one. */
export function renderMessages(entry: RoomEntry): View | null {
  const connection = entry.connection
  if (!connection?.view) return null
  const { count, last } = messagesIn(connection.log)
  return h(
    'p',
    { class: 'card-messages' },
    last
      ? t('classroom.card.messages', { count, time: formatDate(last, { timeStyle: 'short' }) })
      : t('classroom.card.noMessages'),
  )
}
