import type { Debrief, DebriefScore } from '../../../core/debrief/debrief.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import { h } from '../../dom.ts'
import { formatList, formatNumber, type MessageKey, t } from '../../i18n/index.ts'
import { nameOf } from '../../view.ts'
import { shown } from './chart-math.ts'
import { scoreLineText } from './outcome-text.ts'

/** A number of points with its sign: "+42", "−6.2", "0". */
export function signed(n: number, digits = 1): string {
  const text = shown(n, digits)
  return Math.round(n * 10 ** digits) > 0 ? `+${text}` : text
}

const DIFFICULTY: Record<Debrief['difficulty'], MessageKey> = {
  easy: 'difficulty.easy',
  normal: 'difficulty.normal',
  hard: 'difficulty.hard',
}

/** Rounds in prose: "round 2", "rounds 1 and 2", "rounds 1, 2 and 4". */
export function roundsText(rounds: readonly number[]): string {
  const list = formatList(rounds.map((r) => formatNumber(r)))
  return t(rounds.length === 1 ? 'rounds.one' : 'rounds.many', { list })
}

/** Who played a side: human, computer, or (for the responder, which has no seat) the rules engine. */
function playedBy(debrief: Debrief, side: string): string {
  const seat = debrief.seats.find((s) => s.side === side)?.seat
  return t(
    seat === 'human' ? 'seat.humanLabel' : seat === 'computer' ? 'seat.computerLabel' : 'seat.engineLabel',
  )
}

/** The facts of the game: scenario, rounds, difficulty, seed, and who played which side (`responder`: the engine). */
export function renderFacts(debrief: Debrief, responder: string): HTMLElement {
  const sides = [
    ...debrief.seats.map((s) =>
      t('seat.named', { side: s.name, seat: t(s.seat === 'human' ? 'seat.human' : 'seat.computer') }),
    ),
    t('seat.named', { side: responder, seat: t('seat.engine') }),
  ]
  const fact = (term: string, value: string) => h('div', {}, [h('dt', {}, term), h('dd', {}, value)])
  return h('dl', { class: 'debrief-facts' }, [
    fact(t('facts.scenario'), debrief.scenario.title),
    fact(t('facts.rounds'), formatNumber(debrief.roundsPlayed)),
    fact(t('facts.difficulty'), t(DIFFICULTY[debrief.difficulty])),
    fact(t('facts.seed'), String(debrief.seed)),
    fact(t('facts.playedBy'), sides.join(', ')),
  ])
}

function scoreLines(score: DebriefScore, index: ScenarioIndex): HTMLElement | string {
  if (score.lines.length === 0) return t('scores.noPoints')
  // Largest first, so the line that drove the score most is read first.
  const lines = [...score.lines].sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
  return h(
    'ul',
    { class: 'score-lines' },
    lines.map((l) =>
      h('li', { class: l.points > 0 ? 'up' : l.points < 0 ? 'down' : null }, [
        h('span', {}, scoreLineText(index, score.side, l)),
        h('span', { class: 'num' }, signed(l.points)),
      ]),
    ),
  )
}

/**
 * The score table: a row per side with who played it, what drove its score (largest first), total, par and
 * result, worded with the names `index` shows.
 */
export function renderScores(debrief: Debrief, index: ScenarioIndex): HTMLElement {
  return h('table', { class: 'scores debrief-scores' }, [
    h('caption', {}, t('scores.caption')),
    h(
      'thead',
      {},
      h('tr', {}, [
        h('th', { scope: 'col' }, t('scores.side')),
        h('th', { scope: 'col' }, t('scores.drivers')),
        h('th', { scope: 'col', class: 'num' }, t('scores.total')),
        h('th', { scope: 'col', class: 'num' }, t('scores.par')),
        h('th', { scope: 'col' }, t('scores.result')),
      ]),
    ),
    h(
      'tbody',
      {},
      debrief.scores.map((s) =>
        h('tr', { class: s.ahead ? 'ahead' : 'short' }, [
          h('th', { scope: 'row' }, [
            nameOf(index, s.side),
            h('span', { class: 'played-by' }, playedBy(debrief, s.side)),
          ]),
          h('td', {}, scoreLines(s, index)),
          h('td', { class: 'num total' }, shown(s.total)),
          h('td', { class: 'num' }, shown(s.par)),
          h('td', { class: 'result' }, t(s.ahead ? 'scores.ahead' : 'scores.short')),
        ]),
      ),
    ),
  ])
}

/**
 * Endorsements against a side's own constraints, one line per constraint with its rounds, in the words
 * `index` gives the constraint (else the debrief's); says so when none.
 */
export function renderBreaches(debrief: Debrief, index: ScenarioIndex): HTMLElement {
  const groups = new Map<string, { side: string; text: string; rounds: number[] }>()
  for (const b of debrief.breaches) {
    const key = `${b.side}\u0000${b.constraint}`
    const group = groups.get(key)
    if (group) group.rounds.push(b.round)
    else {
      const text = index.sides.get(b.side)?.constraints.find((c) => c.id === b.constraint)?.text ?? b.text
      groups.set(key, { side: nameOf(index, b.side), text, rounds: [b.round] })
    }
  }
  return h('section', { class: 'debrief-card breaches', 'aria-labelledby': 'debrief-breaches' }, [
    h('h3', { id: 'debrief-breaches' }, t('breaches.heading')),
    groups.size
      ? h(
          'ul',
          { class: 'plain breach-list' },
          [...groups.values()].map((g) =>
            h('li', {}, [
              h('strong', {}, `${g.side}: `),
              g.text,
              h('span', { class: 'meta' }, ` ${t('breaches.anyway', { rounds: roundsText(g.rounds) })}`),
            ]),
          ),
        )
      : h('p', {}, t('breaches.none')),
  ])
}
