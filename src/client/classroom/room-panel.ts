import type { Debrief } from '../../core/debrief/debrief.ts'
import { button, type Child, h, type View } from '../dom.ts'
import { formatDate, t } from '../i18n/index.ts'
import { shownTitle, withForeignPart } from '../i18n/scenario.ts'
import { renderRoomPrint } from '../print/room-print.ts'
import { renderAllMessages } from '../render/messages.ts'
import type { ActionGroup } from './action-status.ts'
import { renderCountdown } from './countdown.ts'
import { roomGameView, roomIndex } from './game-view.ts'
import { renderRoomSettings, renderRoster, renderRunControls, type Send } from './room-controls.ts'
import { renderInject, renderOverrule } from './room-instruct.ts'
import { type JoinBlockActions, renderJoinAndKey } from './room-join.ts'
import { renderRoomQuestions } from './room-questions.ts'
import { type RoomEntry, STATUS, statusOf } from './rooms.ts'
import type { Shell } from './shell.ts'
import { renderWatchTable } from './watch-table.ts'

/** What a room's panel does besides sending messages to the room. */
export interface PanelActions extends JoinBlockActions {
  send: Send
  tell: (problem: string) => void
  exportRoom: (code: string, format: 'csv' | 'json' | 'grading') => void
  debrief: (code: string) => void
  shell: Shell
  /** The status line of a group of controls: how the instructor's last action there went. */
  status: (group: ActionGroup) => View
}

/** What the instructor did besides the sides' commands (start, pause, assignments…), newest first. */
function journal(entries: ReadonlyArray<{ at: string; text: string }>): View | null {
  if (entries.length === 0) return null
  return h('details', { class: 'journal' }, [
    h('summary', {}, t('classroom.panel.journal')),
    h(
      'ol',
      { class: 'plain' },
      // Newest first; an entry's place in the journal is its key (entries are only ever added at the end).
      entries
        .map((e, i) =>
          h('li', { key: i }, [
            h('span', { class: 'meta' }, formatDate(e.at, { timeStyle: 'medium' })),
            ' ',
            e.text,
          ]),
        )
        .reverse(),
    ),
  ])
}

/** "Ended by the instructor in round 3" for a room the instructor ended before its game did. */
const stoppedText = (debrief: Debrief | null): string | undefined =>
  debrief?.endedBy?.by === 'instructor' ? t('debrief.stopped', { round: debrief.endedBy.round }) : undefined

/**
 * One room, as the instructor runs it: how students join (code, link, QR code), the instructor key, start,
 * pause, resume and end, the timer, the students and their sides, events to bring in, Russia's answer to
 * overrule, the table as it stands with who did what, and the room's exports.
 */
export function renderRoomPanel(entry: RoomEntry, actions: PanelActions): View {
  const { code } = entry
  const connection = entry.connection
  const view = connection?.view
  const scenario = connection?.scenario
  const title = view?.title ?? entry.summary?.title ?? ''
  const shown = shownTitle(title, scenario ? roomIndex(scenario) : undefined)
  const head = h(
    'h3',
    { id: `panel-${code}`, tabindex: -1 },
    withForeignPart(t('classroom.panel.heading', { code, title: shown.text }), shown.text, shown.language),
  )
  const access = renderJoinAndKey(entry, actions)
  const exports = h('div', { class: 'actions' }, [
    button(t('classroom.panel.exportCsv'), () => actions.exportRoom(code, 'csv')),
    button(t('classroom.panel.exportJson'), () => actions.exportRoom(code, 'json')),
    button(t('classroom.panel.exportGrading'), () => actions.exportRoom(code, 'grading')),
  ])
  // Keyed by the room: another room's panel starts with its own forms, not what was typed in this one.
  const section = (children: Child[]) =>
    h('section', { key: code, class: 'room-panel', 'aria-labelledby': `panel-${code}` }, children)
  if (!connection || !view || !scenario)
    return section([
      head,
      access,
      entry.key && !entry.error ? h('p', { role: 'status' }, t('classroom.connecting')) : null,
      exports,
      actions.status('exports'),
    ])
  const index = roomIndex(scenario)
  const status = statusOf(entry)
  const game = roomGameView(connection, {
    acting: null,
    act: () => undefined,
    tell: actions.tell,
    leave: () => undefined,
    dialog: actions.shell.dialog,
  })
  // An action's status line goes with its form: once the form is gone, what it did no longer applies.
  const overrulable = game && (view.status !== 'ended' || game.state.phase === 'ended')
  const injectable = game && status !== 'ended'
  return section([
    head,
    // Two columns on a wide screen: the room's controls and students, then the game as it stands.
    h('div', { class: 'panel-columns' }, [
      h('div', { class: 'panel-controls' }, [
        access,
        h('div', { class: 'room-status' }, [
          h('p', { class: `card-status status-${status}` }, t(STATUS[status])),
          renderCountdown(view, entry.receivedAt),
          connection.status === 'connected'
            ? null
            : h('p', { class: 'banner offline' }, t('classroom.reconnecting')),
        ]),
        renderRunControls(view, status, actions.send, actions.tell),
        renderRoomSettings(view, status, actions.send),
        actions.status('run'),
        renderRoster(index, view, actions.send),
        actions.status('roster'),
        renderRoomQuestions(index, view, actions.send),
        actions.status('questions'),
        view.debrief
          ? button(t('classroom.panel.debrief'), () => actions.debrief(code), { class: 'primary' })
          : null,
        exports,
        actions.status('exports'),
        renderRoomPrint(entry),
      ]),
      h('div', { class: 'panel-game' }, [
        overrulable || injectable
          ? h('div', { class: 'instruct' }, [
              overrulable
                ? h('div', {}, [renderOverrule(index, game.state, actions.send), actions.status('overrule')])
                : null,
              injectable
                ? h('div', {}, [renderInject(index, game.state, actions.send), actions.status('inject')])
                : null,
            ])
          : null,
        game ? renderAllMessages(game) : null,
        game ? renderWatchTable(game, false, undefined, stoppedText(view.debrief)) : null,
        journal(view.journal ?? []),
      ]),
    ]),
  ])
}
