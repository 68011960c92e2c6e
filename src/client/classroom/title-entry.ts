import { button, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'

/**
 * The title screen's way into a classroom room: "Join a class" opens the join form (the classroom pages,
 * served by `npm run classroom`, where each team plays on its own device in a room the instructor runs).
 */
export function renderJoinClass(): View {
  return h('section', { class: 'join-class', 'aria-labelledby': 'join-class-heading' }, [
    h('h3', { id: 'join-class-heading' }, t('classroom.title.heading')),
    h('p', { class: 'hint' }, t('classroom.title.hint')),
    h('div', { class: 'actions' }, [
      button(t('classroom.title.join'), () => {
        location.hash = '#join'
      }),
    ]),
  ])
}
