import { h } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { describeCommand, type GameView } from '../view.ts'

/** Every command applied so far, newest first: who did what, computer partners included. */
export function renderLog(view: GameView): HTMLElement {
  const { index, state, log } = view
  return h('section', { class: 'log', 'aria-labelledby': 'log-heading' }, [
    h('h3', { id: 'log-heading' }, t('log.heading')),
    log.length === 0
      ? h('p', {}, t('log.empty'))
      : h(
          'ol',
          {
            class: 'log-list',
            reversed: true,
            tabindex: 0,
            'aria-label': t('log.list'),
            'data-key': 'log-list',
          },
          log
            .map((c, i) => {
              const line = describeCommand(index, state, c)
              const name = view.authors?.[i]
              return h('li', {}, name ? t('log.byName', { line, name }) : line)
            })
            .reverse(),
        ),
  ])
}
