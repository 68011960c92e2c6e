import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import type { GameView } from '../../view.ts'

/** The sides people played at this device (solo and hot-seat), in the scenario's order. */
function humanSides(view: GameView): string[] {
  const seats = view.state.setup.seats
  return view.index.proposers.filter((side) => seats[side] === 'human')
}

/** One side's questions for reflection, as a list under its heading. */
function sideQuestions(index: ScenarioIndex, side: string): View | null {
  const found = index.sides.get(side)
  const questions = found?.reflection ?? []
  if (!found || questions.length === 0) return null
  return h('div', { class: 'think-side', key: side }, [
    h('p', {}, t('reflection.thinkLead', { side: found.name })),
    h(
      'ol',
      {},
      questions.map((q) => h('li', { key: q.id }, q.question)),
    ),
  ])
}

/**
 * "Questions to think about": the scenario's questions for reflection for the sides played at this device,
 * after a game without a classroom server (where students answer them on their own devices instead).
 * Nothing when the scenario asks none.
 */
export function renderThinkQuestions(view: GameView): View | null {
  const parts = humanSides(view)
    .map((side) => sideQuestions(view.index, side))
    .filter((part): part is View => part !== null)
  if (parts.length === 0) return null
  return h('section', { class: 'debrief-card debrief-think', 'aria-labelledby': 'debrief-think' }, [
    h('h3', { id: 'debrief-think' }, t('reflection.think')),
    ...parts,
  ])
}
