import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import type { GameView } from '../view.ts'

/** The scenario's flags: checkboxes for those the acting side may set, the state of the others. */
export function renderFlags(view: GameView): View | null {
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
        const id = `flag-${f.id}`
        const hint = `flag-hint-${f.id}`
        return h('li', { class: 'choice' }, [
          h('input', {
            type: 'checkbox',
            id,
            checked: on,
            'aria-describedby': hint,
            onchange: (e: Event) =>
              view.act({
                type: 'setFlag',
                side: acting,
                payload: { flag: f.id, value: (e.currentTarget as HTMLInputElement).checked },
              }),
          }),
          h('label', { for: id }, f.name),
          h('p', { id: hint, class: 'hint' }, f.description),
        ])
      }),
    ),
  ])
}
