import { brokenConstraints } from '../../core/rules/constraints.ts'
import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { type GameView, nameOf } from '../view.ts'
import { ruleText } from './game-rule.ts'

/** The acting side's briefing and interests (folded) and its constraints, marking those the package breaks. */
export function renderSideInfo(view: GameView): View | null {
  const { index, state, acting } = view
  const side = acting ? index.sides.get(acting) : undefined
  if (!acting || !side) return null
  const broken = new Set(brokenConstraints(index, state, acting).map((c) => c.id))
  return h('section', { class: 'side-info', 'aria-labelledby': 'side-heading' }, [
    h('h3', { id: 'side-heading' }, t('side.heading', { side: nameOf(index, acting) })),
    // Keyed by side: in hot-seat play another side's briefing starts folded.
    h('details', { key: `brief-${acting}` }, [
      h('summary', {}, t('side.briefing')),
      h('p', {}, side.briefing),
      h(
        'ul',
        {},
        side.interests.map((i) => h('li', {}, i)),
      ),
    ]),
    side.constraints.length === 0
      ? h('p', {}, t('common.noConstraints'))
      : h(
          'ul',
          { class: 'constraints', 'aria-label': t('side.constraints') },
          side.constraints.map((c) => {
            const isBroken = broken.has(c.id)
            return h('li', { class: isBroken ? 'broken' : 'met' }, [
              h('span', { class: 'badge' }, t(isBroken ? 'side.broken' : 'side.met')),
              ' ',
              ...ruleText(c, `side:${c.id}`),
            ])
          }),
        ),
    broken.size
      ? h('p', { class: 'hint' }, t('side.penalty', { count: index.scenario.constraintPenalty }))
      : null,
  ])
}
