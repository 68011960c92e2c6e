import { h, uid } from '../dom.ts'
import type { GameView } from '../view.ts'

const BETTER = { higher: 'higher is better', lower: 'lower is better', neither: '' } as const

/** The scenario's meters, each as a labelled <meter> with its value written out. */
export function renderMeters(view: GameView): HTMLElement {
  const { index, state } = view
  return h('section', { class: 'meters', 'aria-labelledby': 'meters-heading' }, [
    h('h3', { id: 'meters-heading' }, 'Meters'),
    h(
      'ul',
      { class: 'plain' },
      index.scenario.meters.map((m) => {
        const id = uid('meter')
        const hint = uid('hint')
        const value = state.meters[m.id] ?? m.start
        const better = BETTER[m.better]
        return h('li', { class: 'meter' }, [
          h('label', { for: id }, m.name),
          h('meter', {
            id,
            min: m.min,
            max: m.max,
            value,
            'aria-describedby': hint,
            'aria-valuetext': `${value} of ${m.max}`,
          }),
          h('span', { class: 'meter-value' }, `${value} / ${m.max}`),
          h('p', { id: hint, class: 'hint' }, better ? `${m.description} (${better})` : m.description),
        ])
      }),
    ),
  ])
}
