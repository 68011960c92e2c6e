import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { RoomView } from '../../net/view.ts'
import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { nameOf } from '../view.ts'
import { roleSelect, sideRoleLabel } from './roles.ts'

/** A side's name, or "no side yet". */
export const sideLabel = (index: ScenarioIndex, side: string | null): string =>
  side ? nameOf(index, side) : t('classroom.noSide')

/** The sides a student may pick (or be given): the proposers, as radio buttons, and "no side yet". */
function sidePicker(
  index: ScenarioIndex,
  current: string | null,
  onPick: (side: string | null) => void,
): View {
  // One picker on the page: its ids are fixed, so that an update keeps them.
  const group = 'side-pick'
  const option = (side: string | null) => {
    const id = `pick-${side ?? ''}`
    return h('div', { class: 'choice' }, [
      h('input', {
        type: 'radio',
        id,
        name: group,
        value: side ?? '',
        checked: side === current,
        onchange: () => onPick(side),
      }),
      h('label', { for: id }, sideLabel(index, side)),
    ])
  }
  return h('fieldset', { class: 'side-picker' }, [
    h('legend', {}, t('classroom.lobby.pick')),
    ...index.proposers.map(option),
    option(null),
  ])
}

/** The side's named roles for the student to choose from, when students pick and the side has roles. */
function rolePicker(
  index: ScenarioIndex,
  side: string | null,
  role: string | undefined,
  onPick: (side: string | null, role?: string | null) => void,
): View | null {
  const id = 'role-pick'
  const select = roleSelect(index, side, role, { label: t('classroom.lobby.role'), id }, (r) =>
    onPick(side, r),
  )
  return select
    ? h('p', { class: 'role-picker' }, [h('label', { for: id }, t('classroom.lobby.role')), ' ', select])
    : null
}

/** Who is in the room: each student's display name and side, and whether their device is connected. */
export function renderClassmates(index: ScenarioIndex, view: RoomView): View {
  return h('section', { class: 'classmates', 'aria-labelledby': 'classmates-heading' }, [
    h('h3', { id: 'classmates-heading' }, t('classroom.lobby.inRoom', { count: view.seats.length })),
    h(
      'ul',
      {},
      view.seats.map((s) =>
        h(
          'li',
          { key: s.id },
          t(s.online ? 'classroom.seatLine' : 'classroom.seatLineAway', {
            name: s.name,
            side: sideRoleLabel(index, s.side, s.role),
          }),
        ),
      ),
    ),
  ])
}

/**
 * The waiting room before the game starts: who the student is, their side (picked here when the instructor
 * lets students pick, otherwise given by the instructor) and who else has joined.
 */
export function renderLobby(
  index: ScenarioIndex,
  view: RoomView,
  onPick: (side: string | null, role?: string | null) => void,
): View {
  const you = view.you.role === 'student' ? view.you : null
  const side = you?.side ?? null
  const roles = view.settings.picking ? rolePicker(index, side, you?.sideRole, onPick) : null
  return h('div', { class: 'lobby' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('classroom.lobby.heading')),
    h('p', { class: 'lead' }, t('classroom.lobby.lead')),
    view.settings.picking
      ? sidePicker(index, side, onPick)
      : h(
          'p',
          {},
          side
            ? t('classroom.lobby.given', { side: sideRoleLabel(index, side, you?.sideRole) })
            : t('classroom.lobby.wait'),
        ),
    roles,
    renderClassmates(index, view),
  ])
}
