import type { Debrief, DebriefScore } from '../../../core/debrief/debrief.ts'
import { listInProse } from '../../../core/debrief/what-if-text.ts'
import { h } from '../../dom.ts'
import { shown } from './chart-math.ts'

/** A number of points with its sign: "+42", "−6.2", "0". */
export function signed(n: number, digits = 1): string {
  const text = shown(n, digits)
  return Math.round(n * 10 ** digits) > 0 ? `+${text}` : text
}

const DIFFICULTY: Record<Debrief['difficulty'], string> = { easy: 'Easy', normal: 'Normal', hard: 'Hard' }

/** Rounds in prose: "round 2", "rounds 1 and 2", "rounds 1, 2 and 4". */
export function roundsText(rounds: readonly number[]): string {
  return `round${rounds.length === 1 ? '' : 's'} ${listInProse(rounds.map(String))}`
}

/** Who played a side: human, computer, or (for the responder, which has no seat) the rules engine. */
function playedBy(debrief: Debrief, side: string): string {
  const seat = debrief.seats.find((s) => s.side === side)?.seat
  return seat === 'human' ? 'Human' : seat === 'computer' ? 'Computer' : 'Rules engine'
}

/** The facts of the game: scenario, rounds, difficulty, seed, and who played which side (`responder`: the engine). */
export function renderFacts(debrief: Debrief, responder: string): HTMLElement {
  const sides = [...debrief.seats.map((s) => `${s.name} (${s.seat})`), `${responder} (rules engine)`]
  const fact = (term: string, value: string) => h('div', {}, [h('dt', {}, term), h('dd', {}, value)])
  return h('dl', { class: 'debrief-facts' }, [
    fact('Scenario', debrief.scenario.title),
    fact('Rounds played', String(debrief.roundsPlayed)),
    fact('Difficulty', DIFFICULTY[debrief.difficulty] ?? debrief.difficulty),
    fact('Seed', String(debrief.seed)),
    fact('Played by', sides.join(', ')),
  ])
}

function scoreLines(score: DebriefScore): HTMLElement | string {
  if (score.lines.length === 0) return 'No points'
  // Largest first, so the line that drove the score most is read first.
  const lines = [...score.lines].sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
  return h(
    'ul',
    { class: 'score-lines' },
    lines.map((l) =>
      h('li', { class: l.points > 0 ? 'up' : l.points < 0 ? 'down' : null }, [
        h('span', {}, l.label),
        h('span', { class: 'num' }, signed(l.points)),
      ]),
    ),
  )
}

/** The score table: a row per side with who played it, what drove its score (largest first), total, par and result. */
export function renderScores(debrief: Debrief): HTMLElement {
  return h('table', { class: 'scores debrief-scores' }, [
    h('caption', {}, 'Scores'),
    h(
      'thead',
      {},
      h('tr', {}, [
        h('th', { scope: 'col' }, 'Side'),
        h('th', { scope: 'col' }, 'What drove the score (largest first)'),
        h('th', { scope: 'col', class: 'num' }, 'Total'),
        h('th', { scope: 'col', class: 'num' }, 'Par'),
        h('th', { scope: 'col' }, 'Result'),
      ]),
    ),
    h(
      'tbody',
      {},
      debrief.scores.map((s) =>
        h('tr', { class: s.ahead ? 'ahead' : 'short' }, [
          h('th', { scope: 'row' }, [s.name, h('span', { class: 'played-by' }, playedBy(debrief, s.side))]),
          h('td', {}, scoreLines(s)),
          h('td', { class: 'num total' }, shown(s.total)),
          h('td', { class: 'num' }, shown(s.par)),
          h('td', { class: 'result' }, s.ahead ? '✔ Came out ahead' : '✖ Fell short'),
        ]),
      ),
    ),
  ])
}

/** Endorsements against a side's own constraints, one line per constraint with its rounds; says so when none. */
export function renderBreaches(debrief: Debrief): HTMLElement {
  const groups = new Map<string, { side: string; text: string; rounds: number[] }>()
  for (const b of debrief.breaches) {
    const key = `${b.side}\u0000${b.constraint}`
    const group = groups.get(key)
    if (group) group.rounds.push(b.round)
    else groups.set(key, { side: b.sideName, text: b.text, rounds: [b.round] })
  }
  return h('section', { class: 'debrief-card breaches', 'aria-labelledby': 'debrief-breaches' }, [
    h('h3', { id: 'debrief-breaches' }, 'Constraints breached'),
    groups.size
      ? h(
          'ul',
          { class: 'plain breach-list' },
          [...groups.values()].map((g) =>
            h('li', {}, [
              h('strong', {}, `${g.side}: `),
              g.text,
              h(
                'span',
                { class: 'meta' },
                ` Endorsed anyway in ${roundsText(g.rounds)}, at a cost in points.`,
              ),
            ]),
          ),
        )
      : h('p', {}, 'No side endorsed a package that broke one of its own constraints.'),
  ])
}
