import { h } from '../dom.ts'
import { describeCommand, type GameView } from '../view.ts'

/** Every command applied so far, newest first: who did what, computer partners included. */
export function renderLog(view: GameView): HTMLElement {
  const { index, state, log } = view
  return h('section', { class: 'log', 'aria-labelledby': 'log-heading' }, [
    h('h3', { id: 'log-heading' }, 'Log'),
    log.length === 0
      ? h('p', {}, 'Nothing has happened yet.')
      : h(
          'ol',
          {
            class: 'log-list',
            reversed: true,
            tabindex: 0,
            'aria-label': 'Commands so far, newest first',
            'data-key': 'log-list',
          },
          log.map((c) => h('li', {}, describeCommand(index, state, c))).reverse(),
        ),
  ])
}
