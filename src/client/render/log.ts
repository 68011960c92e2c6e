import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { ENGINE_LANGUAGE, withForeignPart } from '../i18n/scenario.ts'
import { describeCommand, type GameView } from '../view.ts'

/** Every command applied so far, newest first: who did what, computer partners included. */
export function renderLog(view: GameView): View {
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
          },
          log
            .map((c, i) => {
              const line = describeCommand(index, state, c)
              const name = view.authors?.[i]
              const text = name ? t('log.byName', { line, name }) : line
              // A computer partner's reason is worded by the engine, in English (a player's is as typed).
              const reason =
                (c.type === 'object' || c.type === 'decline') && state.setup.seats[c.side] === 'computer'
                  ? c.payload.reason
                  : ''
              return h('li', {}, withForeignPart(text, reason, ENGINE_LANGUAGE))
            })
            .reverse(),
        ),
  ])
}
