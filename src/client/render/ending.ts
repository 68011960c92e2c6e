import { finalVerdict } from '../../core/rules/scoring.ts'
import { button, h } from '../dom.ts'
import { type GameView, nameOf } from '../view.ts'
import { renderHistory } from './history.ts'
import { renderMeters } from './meters.ts'

function scoreTable(view: GameView, scores: ReturnType<typeof finalVerdict>['scores']): HTMLElement {
  const { index } = view
  return h('table', { class: 'scores' }, [
    h('caption', {}, 'Scores'),
    h(
      'thead',
      {},
      h('tr', {}, [
        h('th', { scope: 'col' }, 'Side'),
        h('th', { scope: 'col' }, 'How the points were earned'),
        h('th', { scope: 'col' }, 'Total'),
        h('th', { scope: 'col' }, 'Par'),
        h('th', { scope: 'col' }, 'Result'),
      ]),
    ),
    h(
      'tbody',
      {},
      scores.map((s) =>
        h('tr', {}, [
          h('th', { scope: 'row' }, nameOf(index, s.side)),
          h(
            'td',
            {},
            s.lines.length
              ? h(
                  'ul',
                  {},
                  s.lines.map((l) => h('li', {}, `${l.label}: ${l.points > 0 ? '+' : ''}${l.points}`)),
                )
              : 'No points',
          ),
          h('td', { class: 'num' }, s.total),
          h('td', { class: 'num' }, s.par),
          h('td', {}, s.ahead ? '✔ Came out ahead' : '✖ Fell short'),
        ]),
      ),
    ),
  ])
}

/** The ending: its title and text, the score of every side line by line, and the rounds as played. */
export function renderEnding(view: GameView): HTMLElement {
  const verdict = finalVerdict(view.index, view.state)
  return h('div', { class: 'ending' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, `Ending: ${verdict.title}`),
    h('p', { class: 'ending-text' }, verdict.text),
    scoreTable(view, verdict.scores),
    h('div', { class: 'actions' }, button('New game', view.newGame, { class: 'primary' })),
    h('div', { class: 'columns' }, [
      h('div', { class: 'col-main' }, renderHistory(view, 4, 'The rounds')),
      h('div', { class: 'col-side' }, renderMeters(view)),
    ]),
  ])
}
