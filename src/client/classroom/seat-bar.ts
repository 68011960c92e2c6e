import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { ConnectionStatus } from '../../net/client.ts'
import type { RoomView } from '../../net/view.ts'
import { button, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { langAttr, shownTitle } from '../i18n/scenario.ts'
import { printOwnButton } from '../print/buttons.ts'
import { renderCountdown } from './countdown.ts'
import { sideRoleLabel } from './roles.ts'

/**
 * The strip above a student's screens: the room and its scenario, who they are and their side, the round's
 * countdown, and what stops them playing now (the instructor's pause, a lost connection), in words.
 */
export function renderSeatBar(
  index: ScenarioIndex,
  view: RoomView,
  status: ConnectionStatus,
  receivedAt: number,
  onLeave: () => void,
): View {
  const you = view.you.role === 'student' ? view.you : null
  // The room's scenario title, translated where the scenario gives a translation.
  const title = shownTitle(view.title, index)
  return h('section', { class: 'seat-bar', 'aria-label': t('classroom.seat.label') }, [
    h('p', {}, [
      h('strong', {}, t('classroom.seat.room', { code: view.code })),
      ' · ',
      h('span', langAttr(title.language), title.text),
    ]),
    you
      ? h(
          'p',
          {},
          t('classroom.seat.you', { name: you.name, side: sideRoleLabel(index, you.side, you.sideRole) }),
        )
      : null,
    renderCountdown(view, receivedAt),
    view.status === 'paused' ? h('p', { class: 'banner paused' }, t('classroom.paused')) : null,
    status === 'reconnecting' ? h('p', { class: 'banner offline' }, t('classroom.reconnecting')) : null,
    status === 'closed' ? h('p', { class: 'banner offline' }, t('classroom.lost')) : null,
    printOwnButton(index, you?.side ?? null),
    button(t('classroom.leave'), onLeave, { class: 'small' }),
  ])
}
