import { brokenConstraints } from '../../core/rules/constraints.ts'
import { h } from '../dom.ts'
import { type GameView, nameOf } from '../view.ts'

/** The acting side's briefing and interests (folded) and its constraints, marking those the package breaks. */
export function renderSideInfo(view: GameView): HTMLElement | null {
  const { index, state, acting } = view
  const side = acting ? index.sides.get(acting) : undefined
  if (!acting || !side) return null
  const broken = new Set(brokenConstraints(index, state, acting).map((c) => c.id))
  return h('section', { class: 'side-info', 'aria-labelledby': 'side-heading' }, [
    h('h3', { id: 'side-heading' }, `${nameOf(index, acting)}: brief and constraints`),
    h('details', { 'data-key': `brief-${acting}` }, [
      h('summary', { 'data-key': `brief-summary-${acting}` }, 'Briefing and interests'),
      h('p', {}, side.briefing),
      h(
        'ul',
        {},
        side.interests.map((i) => h('li', {}, i)),
      ),
    ]),
    side.constraints.length === 0
      ? h('p', {}, 'This side has no stated constraints.')
      : h(
          'ul',
          { class: 'constraints', 'aria-label': 'Constraints' },
          side.constraints.map((c) => {
            const isBroken = broken.has(c.id)
            return h('li', { class: isBroken ? 'broken' : 'met' }, [
              h('span', { class: 'badge' }, isBroken ? 'Broken by this package' : 'Met'),
              ' ',
              c.text,
            ])
          }),
        ),
    broken.size
      ? h(
          'p',
          { class: 'hint' },
          `Endorsing while a constraint is broken costs ${index.scenario.constraintPenalty} points each time.`,
        )
      : null,
  ])
}
