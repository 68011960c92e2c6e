import type { Ending, RedLine } from '../scenario/schema/scenario.ts'
import type { AftermathChance, AftermathKind } from '../scenario/schema/uncertainty.ts'
import { type ConditionContext, evaluate } from './conditions.ts'
import { applyEffects } from './effects.ts'
import { type PackageItem, resolvePackage, sumAttribute } from './package.ts'
import { firmnessOf } from './resolve.ts'
import { draw } from './rng.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import { contextFor, type GameState } from './state.ts'

/**
 * The aftermath: once guarantees are in force (a deal, or imposed without consent), the years after are
 * played out. Each year the responder may test the guarantees; the guarantors may respond or not; a response,
 * or the imposition itself, may turn into direct confrontation. The chances come from the scenario's
 * `aftermath` section, the package in force, the situation, and the hidden firmness of the red lines the
 * package crosses. Deterministic for a seed: every draw comes from the game's generator.
 */

/** One part of a chance, for the debrief and the analyzer: what it stands for and how much it adds. */
export interface ChancePart {
  label: string
  add: number
  /** What the part is made of: the base, the package's deterrence, the responder's resolve, or a term. */
  kind: 'base' | 'deterrence' | 'resolve' | 'term' | 'deterred'
}

export interface Chance {
  value: number
  parts: ChancePart[]
}

/** One year of the aftermath (year 0 is the responder's answer to an imposition). */
export interface AftermathYear {
  year: number
  tested: boolean
  responded: boolean | null
  confronted: boolean | null
  chances: { test: number | null; respond: number | null; confront: number | null }
}

/** What the aftermath came to, with its years and the chances that applied, kept in the state. */
export interface AftermathResult {
  outcome: AftermathKind
  years: AftermathYear[]
  /** The hidden firmness that counted: that of the firmest red line the package in force crosses (0 if none). */
  firmness: number
  /** The chances at the start, with their parts, for the debrief. */
  chances: { test: Chance; respond: Chance; confront: Chance }
  /** The exact odds of each outcome before any draw, for the debrief. */
  odds: Record<AftermathKind, number>
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n))
const round2 = (n: number) => Math.round(n * 100) / 100

/** Works out one of the aftermath's chances for a package in force. */
export function chanceOf(
  spec: AftermathChance,
  ctx: ConditionContext,
  deterrence: number,
  firmness: number,
): Chance {
  const parts: ChancePart[] = [{ kind: 'base', label: 'Base chance', add: spec.base }]
  if (spec.perDeterrence)
    parts.push({
      kind: 'deterrence',
      label: `Deterrence of the package (${deterrence})`,
      add: round2(spec.perDeterrence * deterrence),
    })
  if (spec.perResolve && firmness > 0)
    parts.push({ kind: 'resolve', label: 'The responder’s resolve', add: round2(spec.perResolve * firmness) })
  for (const term of spec.terms)
    if (evaluate(term.when, ctx)) parts.push({ kind: 'term', label: term.label, add: term.add })
  return { value: round2(clamp01(parts.reduce((sum, p) => sum + p.add, 0))), parts }
}

/** The firmness that weighs on the aftermath: that of the firmest red line the package crosses, 0 if none. */
export function crossedFirmness(
  index: ScenarioIndex,
  ctx: ConditionContext,
  firmness: (redLine: RedLine) => number,
): number {
  let most = 0
  for (const r of index.scenario.redLines) if (evaluate(r.when, ctx)) most = Math.max(most, firmness(r))
  return most
}

/** The aftermath's three chances for a package in force in a final situation. */
export function aftermathChances(
  index: ScenarioIndex,
  state: GameState,
  items: readonly PackageItem[],
  firmness: (redLine: RedLine) => number = (r) => firmnessOf(state.resolve, r),
): { test: Chance; respond: Chance; confront: Chance; afterDeterred: number; firmness: number } | null {
  const spec = index.scenario.aftermath
  if (!spec) return null
  const ctx = contextFor(index, state, items)
  const deterrence = sumAttribute(resolvePackage(index, items), 'deterrence')
  const felt = crossedFirmness(index, ctx, firmness)
  return {
    test: chanceOf(spec.test, ctx, deterrence, felt),
    respond: chanceOf(spec.respond, ctx, deterrence, felt),
    confront: chanceOf(spec.confront, ctx, deterrence, felt),
    afterDeterred: spec.test.afterDeterred,
    firmness: felt,
  }
}

type Chances = NonNullable<ReturnType<typeof aftermathChances>>

/** Whether the package in force was imposed without the responder's consent. */
const imposed = (state: GameState) => state.flags.includes('implemented-without-consent')

/** The exact odds of each outcome, by walking every branch of the years (no draw). */
export function aftermathOdds(years: number, c: Chances, wasImposed: boolean): Record<AftermathKind, number> {
  const odds: Record<AftermathKind, number> = { peace: 0, deterred: 0, attack: 0, confrontation: 0 }
  const pc = c.confront.value
  const pr = c.respond.value
  let alive = new Map<number, number>([[0, 1]])
  if (wasImposed) {
    odds.confrontation += pc
    alive = new Map([[0, 1 - pc]])
  }
  for (let y = 0; y < years; y++) {
    const next = new Map<number, number>()
    for (const [deterred, mass] of alive) {
      const pt = clamp01(c.test.value + c.afterDeterred * deterred)
      next.set(deterred, (next.get(deterred) ?? 0) + mass * (1 - pt))
      odds.attack += mass * pt * (1 - pr)
      odds.confrontation += mass * pt * pr * pc
      next.set(deterred + 1, (next.get(deterred + 1) ?? 0) + mass * pt * pr * (1 - pc))
    }
    alive = next
  }
  for (const [deterred, mass] of alive) odds[deterred === 0 ? 'peace' : 'deterred'] += mass
  return odds
}

/** Plays out the aftermath of a game that just ended with guarantees in force; returns the new state. */
export function playAftermath(
  index: ScenarioIndex,
  state: GameState,
  items: readonly PackageItem[],
): GameState {
  const spec = index.scenario.aftermath
  const c = aftermathChances(index, state, items)
  if (!spec || !c) return state
  let rng = state.rng
  const roll = (p: number) => {
    const d = draw(rng)
    rng = d.next
    return d.value < p
  }
  const years: AftermathYear[] = []
  let outcome: AftermathKind | null = null
  if (imposed(state)) {
    const confronted = roll(c.confront.value)
    years.push({
      year: 0,
      tested: false,
      responded: null,
      confronted,
      chances: { test: null, respond: null, confront: c.confront.value },
    })
    if (confronted) outcome = 'confrontation'
  }
  let deterred = 0
  for (let year = 1; year <= spec.years && !outcome; year++) {
    const test = round2(clamp01(c.test.value + c.afterDeterred * deterred))
    const none = { respond: null, confront: null }
    if (!roll(test)) {
      years.push({ year, tested: false, responded: null, confronted: null, chances: { test, ...none } })
      continue
    }
    const responded = roll(c.respond.value)
    const confronted = responded ? roll(c.confront.value) : null
    years.push({
      year,
      tested: true,
      responded,
      confronted,
      chances: { test, respond: c.respond.value, confront: responded ? c.confront.value : null },
    })
    if (!responded) outcome = 'attack'
    else if (confronted) outcome = 'confrontation'
    else deterred++
  }
  const kind: AftermathKind = outcome ?? (deterred > 0 ? 'deterred' : 'peace')
  const result: AftermathResult = {
    outcome: kind,
    years,
    firmness: c.firmness,
    chances: { test: c.test, respond: c.respond, confront: c.confront },
    odds: aftermathOdds(spec.years, c, imposed(state)),
  }
  const effects = spec.outcomes[kind].effects
  const after = applyEffects(index, { ...state, rng }, effects, resolvePackage(index, items))
  return { ...state, ...after, aftermath: result }
}

/** Whether an ending puts guarantees into force (so that the aftermath follows it). */
export function putsGuaranteesInForce(ending: Ending): boolean {
  return ending.kind === 'deal' || ending.kind === 'unilateral'
}
