import type { Debrief, DebriefScore } from '../../../core/debrief/debrief.ts'
import { scoreLineWords } from '../../../core/debrief/score-lines.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import type { ScoreLine } from '../../../core/rules/scoring.ts'
import { type Child, h, type View } from '../../dom.ts'
import { formatList, formatNumber, type MessageKey, t } from '../../i18n/index.ts'
import { nameOf } from '../../view.ts'
import { shown, signed } from './chart-math.ts'
import { scoreLineChange, scoreLineLabel } from './outcome-text.ts'

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

/**
 * Who played a side: in a classroom the students seated on it, by name; else human, computer, or (for the
 * responder, which has no seat) the rules engine.
 */
function playedBy(debrief: Debrief, side: string): string {
  const found = debrief.seats.find((s) => s.side === side)
  if (found?.students?.length) return formatList(found.students)
  const seat = found?.seat
  return t(
    seat === 'human' ? 'seat.humanLabel' : seat === 'computer' ? 'seat.computerLabel' : 'seat.engineLabel',
  )
}

/**
 * The facts of the game: scenario, rounds, difficulty, seed, mode, and who played which side; the scenario
 * and the sides named as `index` names them (pass the localised index: a classroom's debrief comes from the
 * server in the scenario's own language).
 */
export function renderFacts(debrief: Debrief, index: ScenarioIndex, responder: string): View {
  const title = index.scenario.id === debrief.scenario.id ? index.scenario.title : debrief.scenario.title
  const sides = [
    ...debrief.seats.map((s) =>
      t('seat.named', {
        side: index.sides.has(s.side) ? nameOf(index, s.side) : s.name,
        // In a classroom, the students seated on the side, by name.
        seat: s.students?.length
          ? formatList(s.students)
          : t(s.seat === 'human' ? 'seat.human' : 'seat.computer'),
      }),
    ),
    t('seat.named', { side: responder, seat: t('seat.engine') }),
  ]
  const fact = (term: string, value: string) => h('div', {}, [h('dt', {}, term), h('dd', {}, value)])
  return h('dl', { class: 'debrief-facts' }, [
    fact(t('facts.scenario'), title),
    fact(
      t('facts.rounds'),
      // A game stopped by the instructor mid-round: the rounds it completed, and the one it stopped in.
      debrief.endedBy?.by === 'instructor' && !debrief.outcome
        ? t('debrief.roundsStopped', { played: debrief.roundsPlayed, round: debrief.endedBy.round })
        : formatNumber(debrief.roundsPlayed),
    ),
    fact(t('facts.difficulty'), t(DIFFICULTY[debrief.difficulty])),
    fact(t('facts.seed'), String(debrief.seed)),
    fact(t('facts.mode'), t(debrief.mode === 'instructor' ? 'facts.modeInstructor' : 'facts.modePlay')),
    fact(t('facts.playedBy'), sides.join(', ')),
  ])
}

const TONE = { gain: 'up', loss: 'down', none: null } as const
/** Beside the sign, a mark that does not rely on colour (hidden from screen readers, which read the sign). */
const MARK = { gain: '▲', loss: '▼', none: '' } as const

/** One line of a score: what it counts, the change it counts (meters), and its points, signed and marked. */
function scoreLine(index: ScenarioIndex, side: string, line: ScoreLine): View {
  const words = scoreLineWords(line)
  const change = scoreLineChange(line)
  return h('li', { class: TONE[words.tone] }, [
    h('span', { class: 'score-what' }, [
      scoreLineLabel(index, side, line),
      change ? ' ' : null,
      change ? h('span', { class: 'score-change' }, change) : null,
      // Read as "Ukraine's confidence 45 → 5: −20"; on screen the points stand in their own column.
      h('span', { class: 'sr-only' }, ': '),
    ]),
    h('span', { class: 'num' }, [
      MARK[words.tone] ? h('span', { class: 'mark', 'aria-hidden': 'true' }, `${MARK[words.tone]} `) : null,
      signed(words.points),
    ]),
  ])
}

function scoreLines(score: DebriefScore, index: ScenarioIndex): View | string {
  if (score.lines.length === 0) return t('scores.noPoints')
  // Largest first, so the line that drove the score most is read first.
  const lines = [...score.lines].sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
  return h(
    'ul',
    { class: 'score-lines' },
    lines.map((l) => scoreLine(index, score.side, l)),
  )
}

/**
 * The score table: a row per side with who played it, what drove its score (largest first), total, par and
 * result, worded with the names `index` shows. On a phone each row stacks into a card, each cell named by
 * its column (the roles keep it a table for screen readers whatever the layout).
 */
export function renderScores(debrief: Debrief, index: ScenarioIndex): View {
  const columns = [
    t('scores.side'),
    t('scores.drivers'),
    t('scores.total'),
    t('scores.par'),
    t('scores.result'),
  ]
  const cell = (at: number, attrs: Record<string, string>, content: Child | Child[]) =>
    h('td', { role: 'cell', 'data-label': columns[at], ...attrs }, content)
  return h('table', { class: 'scores debrief-scores', role: 'table' }, [
    h('caption', {}, t('scores.caption')),
    h(
      'thead',
      { role: 'rowgroup' },
      h(
        'tr',
        { role: 'row' },
        columns.map((c, at) =>
          h('th', { scope: 'col', role: 'columnheader', class: at >= 2 && at <= 3 ? 'num' : null }, c),
        ),
      ),
    ),
    h(
      'tbody',
      { role: 'rowgroup' },
      debrief.scores.map((s) =>
        h('tr', { key: s.side, class: s.ahead ? 'ahead' : 'short', role: 'row' }, [
          h('th', { scope: 'row', role: 'rowheader' }, [
            nameOf(index, s.side),
            h('span', { class: 'played-by' }, playedBy(debrief, s.side)),
          ]),
          cell(1, { class: 'drivers' }, scoreLines(s, index)),
          cell(2, { class: 'num total' }, shown(s.total)),
          cell(3, { class: 'num par' }, shown(s.par)),
          cell(4, { class: 'result' }, t(s.ahead ? 'scores.ahead' : 'scores.short')),
        ]),
      ),
    ),
  ])
}

/**
 * Endorsements against a side's own constraints, one line per constraint with its rounds, in the words
 * `index` gives the constraint (else the debrief's); says so when none.
 */
export function renderBreaches(debrief: Debrief, index: ScenarioIndex): View {
  const groups = new Map<string, { key: string; side: string; text: string; rounds: number[] }>()
  for (const b of debrief.breaches) {
    const key = `${b.side}\u0000${b.constraint}`
    const group = groups.get(key)
    if (group) group.rounds.push(b.round)
    else {
      const text = index.sides.get(b.side)?.constraints.find((c) => c.id === b.constraint)?.text ?? b.text
      groups.set(key, { key, side: nameOf(index, b.side), text, rounds: [b.round] })
    }
  }
  return h('section', { class: 'debrief-card breaches', 'aria-labelledby': 'debrief-breaches' }, [
    h('h3', { id: 'debrief-breaches' }, t('breaches.heading')),
    groups.size
      ? h(
          'ul',
          { class: 'plain breach-list' },
          [...groups.values()].map((g) =>
            h('li', { key: g.key }, [
              h('strong', {}, `${g.side}: `),
              g.text,
              h('span', { class: 'meta' }, ` ${t('breaches.anyway', { rounds: roundsText(g.rounds) })}`),
            ]),
          ),
        )
      : h('p', {}, t('breaches.none')),
  ])
}
