import { h, uid } from '../dom.ts'
import { t } from '../i18n/index.ts'
import type { GameView } from '../view.ts'

/** The scenario's flags: checkboxes for those the acting side may set, the state of the others. */
export function renderFlags(view: GameView): HTMLElement | null {
  const { index, state, acting } = view
  const flags = index.scenario.flags
  if (flags.length === 0) return null
  return h('section', { class: 'flags', 'aria-labelledby': 'flags-heading' }, [
    h('h3', { id: 'flags-heading' }, t('flags.heading')),
    h(
      'ul',
      { class: 'plain' },
      flags.map((f) => {
        const on = state.flags.includes(f.id)
        if (!acting || !f.settableBy.includes(acting))
          return h('li', {}, [
            h('strong', {}, f.name),
            `: ${t(on ? 'flags.yes' : 'flags.no')}. `,
            h('span', { class: 'hint' }, f.description),
          ])
        const id = uid('flag')
        const hint = uid('hint')
        return h('li', { class: 'choice' }, [
          h('input', {
            type: 'checkbox',
            id,
            checked: on,
            'data-key': `flag:${f.id}`,
            'aria-describedby': hint,
            onchange: (e) =>
              view.act({
                type: 'setFlag',
                side: acting,
                payload: { flag: f.id, value: (e.target as HTMLInputElement).checked },
              }),
          }),
          h('label', { for: id }, f.name),
          h('p', { id: hint, class: 'hint' }, f.description),
        ])
      }),
    ),
  ])
}
