import type { AftermathYear, ChancePart } from '../rules/aftermath.ts'
import { sideName } from '../rules/apply.ts'
import { type ConditionContext, evaluate } from '../rules/conditions.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { scoreSides } from '../rules/scoring.ts'
import { contextFor, type GameState } from '../rules/state.ts'
import type { AftermathChance, AftermathKind } from '../scenario/schema/uncertainty.ts'

/**
 * What the game kept hidden, revealed for the debrief: the firmness drawn for each red line with a resolve
 * range (and whether it held each time a package crossed it), and the aftermath with the odds before its
 * draw, what raised or lowered each chance, and what actually happened. Plain data, built from the scenario
 * and the final state alone, so that a replayed record gives the same.
 */

/** A red line's hidden resolve: its range, the firmness drawn this game, and each answer that tested it. */
export interface RevealedResolve {
  id: string
  title: string
  low: number
  high: number
  /** The firmness drawn this game: the chance that it held each time a package crossed it. */
  firmness: number
  rationale?: string
  /** Each answer in which the package crossed it: `held` when it applied, false when Russia let it pass. */
  answers: Array<{ round: number; held: boolean }>
}

/** Every red line with a resolve range, in scenario order, with the draw of this game. */
export function revealResolve(index: ScenarioIndex, state: GameState): RevealedResolve[] {
  return index.scenario.redLines.flatMap((r) => {
    if (!r.resolve) return []
    const answers = state.history.flatMap((h) =>
      h.response?.redLines.includes(r.id)
        ? [{ round: h.round, held: !h.response.yielded.includes(r.id) }]
        : [],
    )
    const out: RevealedResolve = {
      id: r.id,
      title: r.title,
      low: r.resolve.low,
      high: r.resolve.high,
      firmness: state.resolve[r.id] ?? r.resolve.high,
      answers,
    }
    if (r.resolve.rationale) out.rationale = r.resolve.rationale
    return [out]
  })
}

/** One part of a chance; `term` is the position of the scenario's term (for its translated label). */
export interface DebriefChancePart {
  kind: ChancePart['kind']
  label: string
  add: number
  term?: number
}

export interface DebriefChance {
  value: number
  parts: DebriefChancePart[]
}

/** How the aftermath changed a side's score: the outcome's points, and the total before and after. */
export interface AftermathScore {
  side: string
  name: string
  /** The outcome's own points for the side (0 when the outcome gives it none). */
  points: number
  before: number
  after: number
}

/** A meter the aftermath's outcome moved. */
export interface AftermathMeter {
  id: string
  name: string
  before: number
  after: number
}

/** The aftermath as the debrief tells it. Texts are the scenario's as loaded; screens may translate them. */
export interface DebriefAftermath {
  outcome: AftermathKind
  title: string
  text: string
  intro: string
  /** True when the guarantees were imposed without consent: year 0 is Russia's answer to that. */
  imposed: boolean
  /** The hidden firmness that weighed on the chances (of the firmest red line the package crosses). */
  firmness: number
  years: AftermathYear[]
  /** The odds of each outcome before any draw. */
  odds: Record<AftermathKind, number>
  chances: { test: DebriefChance; respond: DebriefChance; confront: DebriefChance }
  scores: AftermathScore[]
  meters: AftermathMeter[]
}

/**
 * The chance's parts, each term numbered by its place in the scenario, so that a screen can show the term's
 * label in its language (the game recorded it in the scenario's). The terms recorded are those whose
 * condition held, in order; should the count differ, terms are matched by label instead.
 */
function partsOf(
  parts: readonly ChancePart[],
  spec: AftermathChance,
  ctx: ConditionContext,
): DebriefChancePart[] {
  const held = spec.terms.flatMap((t, i) => (evaluate(t.when, ctx) ? [i] : []))
  const byPlace = held.length === parts.filter((p) => p.kind === 'term').length
  let k = 0
  let from = 0
  return parts.map((p) => {
    const out: DebriefChancePart = { kind: p.kind, label: p.label, add: p.add }
    if (p.kind !== 'term') return out
    const at = byPlace ? (held[k++] ?? -1) : spec.terms.findIndex((t, i) => i >= from && t.label === p.label)
    if (at >= 0) {
      out.term = at
      from = at + 1
    }
    return out
  })
}

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * The aftermath of a game that ended with guarantees in force, or null when none was played out. The
 * scores before it are the scores on the meters of the last round, without the outcome's points (an
 * outcome that raises or lowers a flag is not undone there: flags rarely weigh on scores).
 */
export function aftermathOf(index: ScenarioIndex, state: GameState): DebriefAftermath | null {
  const result = state.aftermath
  const spec = index.scenario.aftermath
  if (!result || !spec) return null
  const outcome = spec.outcomes[result.outcome]
  const before = state.history.at(-1)?.meters ?? state.meters
  const settled = { ...state, meters: { ...before }, aftermath: null }
  const scoredBefore = scoreSides(index, settled)
  // The situation the chances were worked out in: the package in force, the meters before the outcome.
  const ctx = contextFor(index, settled, state.inForce ?? [])
  const scoredAfter = scoreSides(index, state)
  return {
    outcome: result.outcome,
    title: outcome.title,
    text: outcome.text,
    intro: spec.intro,
    imposed: result.years[0]?.year === 0,
    firmness: result.firmness,
    years: result.years.map((y) => ({ ...y, chances: { ...y.chances } })),
    odds: { ...result.odds },
    chances: {
      test: { value: result.chances.test.value, parts: partsOf(result.chances.test.parts, spec.test, ctx) },
      respond: {
        value: result.chances.respond.value,
        parts: partsOf(result.chances.respond.parts, spec.respond, ctx),
      },
      confront: {
        value: result.chances.confront.value,
        parts: partsOf(result.chances.confront.parts, spec.confront, ctx),
      },
    },
    scores: scoredAfter.map((s) => ({
      side: s.side,
      name: sideName(index, s.side),
      points: outcome.scores[s.side] ?? 0,
      before: round1(scoredBefore.find((b) => b.side === s.side)?.total ?? 0),
      after: s.total,
    })),
    meters: index.scenario.meters.flatMap((m) => {
      const a = before[m.id] ?? m.start
      const b = state.meters[m.id] ?? a
      return a === b ? [] : [{ id: m.id, name: m.name, before: a, after: b }]
    }),
  }
}

/** What happened at one point of a year: a test, a response, or confrontation, and the chance of it. */
export interface AftermathEvent {
  what: 'test' | 'respond' | 'confront'
  happened: boolean
  /** The chance that applied, 0 to 1. */
  chance: number
}

/**
 * The steps in which a screen plays the aftermath out: the intro, then each year (year 0 is Russia's
 * answer to guarantees imposed without consent), then the outcome.
 */
export type AftermathStep =
  | { kind: 'intro' }
  | { kind: 'year'; year: number; events: AftermathEvent[] }
  | { kind: 'outcome'; outcome: AftermathKind }

/** The events of one year, in the order they happen: a test, then a response, then confrontation. */
export function yearEvents(year: AftermathYear): AftermathEvent[] {
  const events: AftermathEvent[] = []
  const { test, respond, confront } = year.chances
  if (year.year > 0 && test !== null) events.push({ what: 'test', happened: year.tested, chance: test })
  if (year.responded !== null && respond !== null)
    events.push({ what: 'respond', happened: year.responded, chance: respond })
  if (year.confronted !== null && confront !== null)
    events.push({ what: 'confront', happened: year.confronted, chance: confront })
  return events
}

/** The aftermath's steps, in order: intro, years, outcome. */
export function aftermathSteps(aftermath: Pick<DebriefAftermath, 'years' | 'outcome'>): AftermathStep[] {
  return [
    { kind: 'intro' },
    ...aftermath.years.map((y) => ({ kind: 'year' as const, year: y.year, events: yearEvents(y) })),
    { kind: 'outcome', outcome: aftermath.outcome },
  ]
}
