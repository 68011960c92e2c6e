import { button, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'

/**
 * The way out of a game in progress, at the top of every screen of the game before its ending: a "Leave game"
 * button (a plain button, so Enter, Space, a click and a tap all work) that returns to the title screen.
 * Games are saved after every move, so leaving loses nothing and asks for no confirmation (nothing else in
 * the game does either); the sentence beside it says so.
 */
export function renderLeaveBar(onLeave: () => void): View {
  // One leave bar per page, so a fixed id pairs the button with its hint.
  const hint = 'leave-hint'
  return h('nav', { class: 'game-bar', 'aria-label': t('leave.bar') }, [
    h('p', { id: hint, class: 'hint' }, t('leave.hint')),
    button(t('leave.button'), onLeave, { class: 'small', 'aria-describedby': hint }),
  ])
}
