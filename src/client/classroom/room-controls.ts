import { useState } from 'preact/hooks'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Message, MessageType } from '../../net/protocol.ts'
import type { RoomStatus, RoomView } from '../../net/view.ts'
import { button, component, h, useUid, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { tableRegion } from '../render/debrief/table-region.ts'
import { nameOf } from '../view.ts'
import { timerSeconds } from './create-room.ts'
import { renderMuteToggle } from './mute-button.ts'
import { roleSelect } from './roles.ts'

/** Sends an instructor's message to the room; resolves whether the room accepted it (a refusal is shown). */
export type Send = <T extends MessageType>(type: T, payload: Message<T>) => Promise<boolean>

interface RunControlsProps {
  view: RoomView
  status: RoomStatus
  send: Send
  tell: (problem: string) => void
}

function RunControls({ view, status, send, tell }: RunControlsProps): View {
  /** "End the game" was pressed once: the panel asks to confirm. */
  const [confirmEnd, setConfirmEnd] = useState(false)
  const [minutes, setMinutes] = useState('')
  const minutesId = useUid('minutes')
  const timerNow = view.settings.timerSeconds
  const setTimer = () => {
    const seconds = timerSeconds(minutes)
    if (seconds === null || Number.isNaN(seconds)) return tell(t('classroom.panel.timerInvalid'))
    void send('configure', { timerSeconds: seconds })
  }
  return h('div', { class: 'run-controls' }, [
    h('div', { class: 'actions' }, [
      status === 'lobby'
        ? button(t('classroom.panel.start'), () => void send('start', {}), { class: 'primary' })
        : null,
      status === 'running' ? button(t('classroom.panel.pause'), () => void send('pause', {})) : null,
      status === 'paused'
        ? button(t('classroom.panel.resume'), () => void send('resume', {}), { class: 'primary' })
        : null,
      status !== 'ended' && !confirmEnd ? button(t('classroom.panel.end'), () => setConfirmEnd(true)) : null,
    ]),
    confirmEnd && status !== 'ended'
      ? h('div', { class: 'confirm', role: 'group', 'aria-label': t('classroom.panel.endConfirm') }, [
          h('p', {}, t('classroom.panel.endConfirm')),
          h('div', { class: 'actions' }, [
            button(t('classroom.panel.endNow'), () => {
              setConfirmEnd(false)
              void send('end', {})
            }),
            button(t('classroom.panel.keepPlaying'), () => setConfirmEnd(false)),
          ]),
        ])
      : null,
    status === 'ended'
      ? null
      : h('div', { class: 'timer-row' }, [
          h(
            'p',
            {},
            timerNow === null
              ? t('classroom.panel.noTimer')
              : t('classroom.panel.timerIs', { minutes: timerNow / 60 }),
          ),
          h('div', { class: 'field' }, [
            h('label', { for: minutesId }, t('classroom.create.minutes')),
            h('input', {
              id: minutesId,
              type: 'text',
              inputmode: 'decimal',
              size: 6,
              value: minutes,
              oninput: (e: Event) => setMinutes((e.currentTarget as HTMLInputElement).value),
            }),
          ]),
          h('div', { class: 'actions' }, [
            button(t('classroom.panel.setTimer'), setTimer),
            timerNow === null
              ? null
              : button(t('classroom.panel.timerOff'), () => void send('configure', { timerSeconds: null })),
          ]),
        ]),
  ])
}

/** Start, pause, resume and end (ending asks once more), and the timer per round. */
export function renderRunControls(
  view: RoomView,
  status: RoomStatus,
  send: Send,
  tell: (problem: string) => void,
): View {
  return component(RunControls, { view, status, send, tell })
}

/** Students may pick their sides, or the instructor assigns them (the difficulty too, before the start). */
export function renderRoomSettings(view: RoomView, status: RoomStatus, send: Send): View | null {
  if (status === 'ended') return null
  const id = `picking-${view.code}`
  return h('div', { class: 'choice' }, [
    h('input', {
      type: 'checkbox',
      id,
      checked: view.settings.picking,
      onchange: (e: Event) =>
        void send('configure', { picking: (e.currentTarget as HTMLInputElement).checked }),
    }),
    h('label', { for: id }, t('classroom.create.picking')),
  ])
}

/**
 * The students: display name, side (a menu to assign it), connected or not (and whether another device tried
 * to open the seat), a way to mute a student's messages (not an observer's: they write none) and one to
 * remove a seat, and one to clear every seat that never played.
 */
export function renderRoster(index: ScenarioIndex, view: RoomView, send: Send): View {
  const started = view.humanSides !== null
  const sides = index.proposers.filter((s) => !started || view.humanSides?.includes(s))
  return h('section', { class: 'roster', 'aria-labelledby': `roster-${view.code}` }, [
    h('h4', { id: `roster-${view.code}` }, t('classroom.roster.heading', { count: view.seats.length })),
    // Junk joins (or students who left before playing) clutter the roster and take seats: one action.
    view.seats.some((s) => !s.online)
      ? button(t('classroom.roster.clearIdle'), () => void send('clearSeats', {}), {
          class: 'small',
          title: t('classroom.roster.clearIdleHint'),
        })
      : null,
    view.seats.length === 0
      ? h('p', {}, t('classroom.roster.empty'))
      : // A labelled region of its own, which scrolls sideways on a phone rather than the page (WCAG 1.4.10).
        tableRegion(
          t('classroom.roster.heading', { count: view.seats.length }),
          h('table', {}, [
            h(
              'thead',
              {},
              h('tr', {}, [
                h('th', { scope: 'col' }, t('classroom.roster.name')),
                h('th', { scope: 'col' }, t('classroom.roster.side')),
                h('th', { scope: 'col' }, t('classroom.roster.connection')),
                h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('classroom.roster.actions'))),
              ]),
            ),
            h(
              'tbody',
              {},
              view.seats.map((seat) =>
                h('tr', { key: seat.id }, [
                  h('th', { scope: 'row' }, seat.name),
                  h('td', {}, [
                    h(
                      'select',
                      {
                        'aria-label': t('classroom.roster.sideOf', { name: seat.name }),
                        value: seat.side ?? '',
                        disabled: view.status === 'ended',
                        onchange: (e: Event) => {
                          const value = (e.currentTarget as HTMLSelectElement).value
                          void send('assign', { seat: seat.id, side: value || null })
                        },
                      },
                      [
                        h('option', { value: '' }, t('classroom.noSide')),
                        ...sides.map((s) => h('option', { value: s }, nameOf(index, s))),
                      ],
                    ),
                    // The side's named roles, when the scenario gives it some.
                    roleSelect(
                      index,
                      seat.side,
                      seat.role,
                      {
                        label: t('classroom.roleOf', { name: seat.name }),
                        disabled: view.status === 'ended',
                      },
                      (role) => void send('assign', { seat: seat.id, side: seat.side, role }),
                    ),
                  ]),
                  h('td', { class: seat.online ? 'online' : 'offline' }, [
                    t(seat.online ? 'classroom.roster.online' : 'classroom.roster.offline'),
                    seat.contested
                      ? h('strong', { class: 'contested' }, [
                          ' ',
                          t('classroom.roster.contested', { count: seat.contested }),
                        ])
                      : null,
                  ]),
                  h('td', { class: 'seat-actions' }, [
                    // An observer (no side, once the game is on) writes no messages: nothing to mute.
                    seat.side === null && started ? null : renderMuteToggle(seat, send),
                    button(t('classroom.roster.remove'), () => void send('removeSeat', { seat: seat.id }), {
                      class: 'small',
                      'aria-label': t('classroom.roster.removeLabel', { name: seat.name }),
                    }),
                  ]),
                ]),
              ),
            ),
          ]),
        ),
  ])
}
