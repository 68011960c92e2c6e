import type { AftermathKind } from '../scenario/schema/uncertainty.ts'
import { evaluate } from './conditions.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import { contextFor, type GameState } from './state.ts'

/**
 * The kinds of score line: a meter term, a condition term, the ending's points, the aftermath's points, the
 * breaches' cost.
 */
export const SCORE_LINE_KINDS = ['meter', 'term', 'ending', 'aftermath', 'breaches'] as const

/**
 * One line of a side's score. `label` is the scenario's own words for what the line counts (a term's label,
 * a meter's name, the ending's or the aftermath's title; empty for breaches): never a sentence, since the
 * catalogue words each kind of line from its data (src/messages).
 */
export type ScoreLine = { label: string; points: number } & (
  | {
      kind: 'meter'
      /** The term's position in the side's scoring terms. */
      term: number
      meter: string
      /** The value that scores 0 (the meter's start unless the term says otherwise) and the final value. */
      from: number
      value: number
    }
  | { kind: 'term'; term: number }
  | { kind: 'ending'; ending: string }
  | { kind: 'aftermath'; outcome: AftermathKind }
  | { kind: 'breaches'; count: number }
)

export interface SideScore {
  side: string
  total: number
  par: number
  /** True when the side has come out ahead: its total is at or above its par. */
  ahead: boolean
  lines: ScoreLine[]
}

// `|| 0` turns −0 (a change of 0 times a negative weight) into 0, which reads, and survives JSON, as 0.
const round1 = (n: number) => Math.round(n * 10) / 10 || 0

/**
 * Scores every side with a scoring entry, on the state as it stands (the final one, once the game is over):
 * meter terms (the change from the term's `from`, the meter's start by default), conditions on the package
 * in force (none score when no package took effect), the ending's and the aftermath's points, and the cost of
 * endorsing against one's own constraints. With `only`, just that side (computer players score often).
 */
export function scoreSides(index: ScenarioIndex, state: GameState, only?: string): SideScore[] {
  const { scenario } = index
  const inForce = state.inForce
  const ctx = inForce ? contextFor(index, state, inForce) : null
  const aftermath = state.aftermath ? scenario.aftermath?.outcomes[state.aftermath.outcome] : undefined
  const ending = state.ending ? scenario.endings.find((e) => e.id === state.ending?.id) : undefined
  const entries = Object.entries(scenario.scoring).filter(([side]) => only === undefined || side === only)
  return entries.map(([side, rule]) => {
    const lines: ScoreLine[] = []
    rule.terms.forEach((term, at) => {
      if ('meter' in term) {
        const meter = index.meters.get(term.meter)
        const value = state.meters[term.meter] ?? 0
        const from = term.from ?? meter?.start ?? 0
        lines.push({
          kind: 'meter',
          term: at,
          meter: term.meter,
          from,
          value,
          label: term.label ?? meter?.name ?? term.meter,
          points: round1((value - from) * term.weight),
        })
      } else if (ctx && evaluate(term.when, ctx))
        lines.push({ kind: 'term', term: at, label: term.label, points: term.points })
    })
    if (ending && ending.scores[side] !== undefined)
      lines.push({
        kind: 'ending',
        ending: ending.id,
        label: ending.title,
        points: ending.scores[side] ?? 0,
      })
    if (aftermath && state.aftermath && aftermath.scores[side] !== undefined)
      lines.push({
        kind: 'aftermath',
        outcome: state.aftermath.outcome,
        label: aftermath.title,
        points: aftermath.scores[side] ?? 0,
      })
    const breaches = state.breaches.filter((b) => b.side === side).length
    if (breaches)
      lines.push({
        kind: 'breaches',
        count: breaches,
        label: '',
        points: -breaches * scenario.constraintPenalty,
      })
    const total = round1(lines.reduce((sum, l) => sum + l.points, 0))
    return { side, total, par: rule.par, ahead: total >= rule.par, lines }
  })
}

/**
 * The final verdict: the ending's title and text (the scenario's words; empty while there is no ending) and
 * every side's score. Who came out ahead is `ahead` on each score: the catalogue words it.
 */
export function finalVerdict(
  index: ScenarioIndex,
  state: GameState,
): { title: string; text: string; scores: SideScore[] } {
  const ending = index.scenario.endings.find((e) => e.id === state.ending?.id)
  return { title: ending?.title ?? '', text: ending?.text ?? '', scores: scoreSides(index, state) }
}
