import { h, type View } from '../dom.ts'
import { formatNumber, type MessageKey, t } from '../i18n/index.ts'
import type { GameView } from '../view.ts'

const BETTER: Record<'higher' | 'lower' | 'neither', MessageKey | null> = {
  higher: 'better.higher',
  lower: 'better.lower',
  neither: null,
}

/** The scenario's meters, each as a labelled <meter> with its value written out. */
export function renderMeters(view: GameView): View {
  const { index, state } = view
  return h('section', { class: 'meters', 'aria-labelledby': 'meters-heading' }, [
    h('h3', { id: 'meters-heading' }, t('common.meters')),
    h(
      'ul',
      { class: 'plain' },
      index.scenario.meters.map((m) => {
        const id = `meter-${m.id}`
        const hint = `meter-hint-${m.id}`
        const value = state.meters[m.id] ?? m.start
        const betterKey = BETTER[m.better]
        const better = betterKey ? t(betterKey) : ''
        return h('li', { class: 'meter' }, [
          h('label', { for: id }, m.name),
          h('meter', {
            id,
            min: m.min,
            max: m.max,
            value,
            'aria-describedby': hint,
            'aria-valuetext': t('meters.valueText', { value, max: m.max }),
          }),
          h('span', { class: 'meter-value' }, `${formatNumber(value)} / ${formatNumber(m.max)}`),
          h('p', { id: hint, class: 'hint' }, better ? `${m.description} (${better})` : m.description),
        ])
      }),
    ),
  ])
}
