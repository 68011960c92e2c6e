import type { PackageItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { Difficulty } from '../rules/state.ts'
import type { ResponseKind } from '../scenario/schema/conditions.ts'
import { possessive } from '../text/possessive.ts'
import { responderName } from '../text/side-name.ts'
import { type AftermathStudy, studyAftermath } from './aftermath-odds.ts'
import { type BalanceWarning, balanceWarnings } from './balance.ts'
import { type Census, type Outlook, packagesToStudy, smallest, takeCensus } from './census.ts'
import { classify } from './classes.ts'
import { describePackage, describeStep } from './describe.ts'
import { openingState, settableFlags } from './offers.ts'
import { type ConstraintCount, countPositions, type PreferenceCount } from './positions.ts'
import { type ResolveStudy, type SideReading, sideReadings, studyResolve } from './resolve.ts'
import { type RoundStats, searchGames } from './search.ts'
import type { Game } from './tally.ts'

/** The seeds of chance the search plays with, unless told otherwise. */
export const DEFAULT_SEEDS = [1, 2, 3]
/**
 * The search's default budget of moves (packages tabled and decisions). On the seed scenario a round from
 * one state costs about 2,000 moves, so this plays every state of round 1 and a spread of the later ones
 * in a second or two.
 */
export const DEFAULT_BUDGET = 25_000
/** How many of the smallest packages are shown for each red line. */
export const EXAMPLES = 3

export interface AnalysisOptions {
  difficulty?: Difficulty
  seeds?: number[]
  budget?: number
}

/** A package in the report: its items, and the same in words. */
export interface PackageText {
  items: PackageItem[]
  flags: string[]
  text: string
}

/** The way to an ending or a score: the seed and each round's moves. */
export interface Way {
  seed: number
  rounds: number
  steps: Array<{
    round: number
    tabled: PackageItem[] | null
    flags: string[]
    verdict: ResponseKind | null
    decision: 'implement' | 'continue' | null
    text: string
  }>
}

/** Everything the dry run found; plain data, ready for JSON. */
export interface Analysis {
  /** The scenario, and its responding side's name in running text (`shortName`, else `name`). */
  scenario: { id: string; title: string; rounds: number; responder: string }
  method: {
    difficulty: Difficulty
    seeds: number[]
    budget: number
    /** Non-empty packages studied, and whether they are all the legal ones (else a seeded sample). */
    packages: number
    exhaustive: boolean
    sampleLimit: number
    settableFlags: string[]
    flagSettings: string[][]
    classes: number
    sumClasses: number
    /** How many events the scenario has. */
    events: number
    rounds: RoundStats[]
    moves: number
    games: number
    trimmed: boolean
  }
  /** Russia's possible answers to every offer (package × flag setting) in the opening situation. */
  answers: Record<Outlook, number> & { offers: number }
  redLines: Array<{
    id: string
    title: string
    kind: 'reject' | 'demandRemoval' | 'warn'
    packages: number
    examples: PackageText[]
    crossedInGames: boolean
  }>
  /** Each red line's hidden resolve range, its sources, and Russia's answers if it holds or yields. */
  resolve: ResolveStudy[]
  /** The aftermath's odds by kind of package, agreed or imposed; null when the scenario has none. */
  aftermath: AftermathStudy | null
  /** How each proposing side reads Russia's resolve (its outlook) and what it argues (its positions). */
  readings: SideReading[]
  /** The preferences and constraints at the start: packages each applies to, or that break each. */
  positions: {
    preferences: PreferenceCount[]
    constraints: Array<ConstraintCount & { sideName: string }>
    /** Points a side loses each time it endorses a package breaking its own constraint. */
    constraintPenalty: number
  }
  neverAccepted: Array<{ instrument: string; variant?: string; name: string; reason: string }>
  endings: Array<{ id: string; title: string; kind: string; reached: boolean; way: Way | null }>
  sides: Array<{
    id: string
    name: string
    par: number
    best: number | null
    worst: number | null
    canComeOutAhead: boolean
    bestWay: Way | null
  }>
  eventsNeverFired: Array<{ id: string; title: string }>
  warnings: BalanceWarning[]
}

/**
 * A dry run of every branch of a scenario before class: Russia's answer to every package (census.ts), and
 * a search over whole games with the real rules and fixed seeds (search.ts). Pure and deterministic: the
 * same scenario and options always give the same analysis.
 */
export function analyzeScenario(index: ScenarioIndex, options: AnalysisOptions = {}): Analysis {
  const { difficulty = 'normal', seeds = DEFAULT_SEEDS, budget = DEFAULT_BUDGET } = options
  const { scenario } = index
  const studied = packagesToStudy(index)
  const opening = openingState(index, seeds[0] ?? 1, difficulty)
  const classes = classify(index, studied.packages, opening)
  const census = takeCensus(index, difficulty, studied, classes)
  const positions = countPositions(index, census.packages, classes, census.settings, opening)
  const search = searchGames(index, classes, census.settings, { seeds, difficulty, budget })
  const settable = settableFlags(index)
  const way = (game: Game | undefined): Way | null =>
    game
      ? {
          seed: game.seed,
          rounds: game.steps.length,
          steps: game.steps.map((s) => ({ ...s, text: describeStep(index, s, settable) })),
        }
      : null
  const offers = census.packages.length * census.settings.length
  const analysis: Analysis = {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      rounds: scenario.rounds,
      responder: responderName(index),
    },
    method: {
      difficulty,
      seeds,
      budget,
      packages: census.packages.length,
      exhaustive: census.exhaustive,
      sampleLimit: census.limit,
      settableFlags: settable,
      flagSettings: census.settings,
      classes: classes.length,
      sumClasses: classes.reduce((n, c) => n + c.bySums.length, 0),
      events: scenario.events.length,
      rounds: search.rounds,
      moves: search.moves,
      games: search.tally.games,
      trimmed: search.trimmed,
    },
    answers: { ...census.outlooks, offers },
    redLines: census.redLines.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      packages: r.triggeredBy.length,
      examples: smallest(r.triggeredBy, EXAMPLES).map((o) => ({
        items: [...o.items],
        flags: [...o.flags],
        text: describePackage(index, o.items),
      })),
      crossedInGames: search.crossedRedLines.has(r.id),
    })),
    resolve: studyResolve(index, classes, census.settings, opening, difficulty),
    aftermath: studyAftermath(index, classes, census.settings, opening, difficulty),
    readings: sideReadings(index),
    positions: {
      preferences: positions.preferences,
      constraints: positions.constraints.map((c) => ({
        ...c,
        sideName: index.sides.get(c.side)?.name ?? c.side,
      })),
      constraintPenalty: scenario.constraintPenalty,
    },
    neverAccepted: census.neverAccepted.map((r) => ({
      ...r,
      name: describeReading(index, r.instrument, r.variant),
      reason: whyNot(index, census, r.alone),
    })),
    endings: scenario.endings.map((e) => {
      const game = search.tally.endings.get(e.id)
      return { id: e.id, title: e.title, kind: e.kind, reached: Boolean(game), way: way(game) }
    }),
    sides: Object.entries(scenario.scoring).map(([id, rule]) => {
      const best = search.tally.best.get(id)
      const worst = search.tally.worst.get(id)
      return {
        id,
        name: index.sides.get(id)?.name ?? id,
        par: rule.par,
        best: best?.score ?? null,
        worst: worst?.score ?? null,
        canComeOutAhead: best !== undefined && best.score >= rule.par,
        bestWay: way(best?.game),
      }
    }),
    eventsNeverFired: scenario.events
      .filter((e) => !search.firedEvents.has(e.id))
      .map((e) => ({ id: e.id, title: e.title })),
    warnings: [],
  }
  analysis.warnings = balanceWarnings(index, analysis, search.tally, difficulty)
  return analysis
}

function describeReading(index: ScenarioIndex, instrument: string, variant?: string): string {
  const name = index.instruments.get(instrument)?.name ?? instrument
  const reading = variant ? index.variants.get(instrument)?.get(variant)?.name : undefined
  return reading ? `${name}, ${reading}` : name
}

/** Why Russia never accepts a reading, from its answer to that reading alone. */
function whyNot(
  index: ScenarioIndex,
  census: Census,
  alone: Census['neverAccepted'][number]['alone'],
): string {
  if (!alone) return 'no proposing side can put it in'
  const deciding = alone.redLines.filter((r) => r.response.kind !== 'warn')
  // Named as players read them, with the id an author finds in the file.
  const ids = deciding.map((r) => `"${r.title}" (${r.id})`).join(', ')
  // With a resolve range, a red line may let the package pass: "never" holds only while it holds.
  const who = responderName(index)
  const unless = deciding.every((r) => r.resolve) ? `, unless ${who} lets ${ids} pass` : ''
  if (alone.forced && deciding.length)
    return `on its own it crosses ${ids} (${alone.forced === 'reject' ? 'rejected' : 'removal demanded'}), and no package with it is accepted${unless}`
  const { acceptAt, noise } = index.scenario.response
  const extra = census.settings.length > 1 ? ' under any flag setting' : ''
  return `on its own ${possessive(who, "'")} disposition is ${alone.disposition} against a bar of ${acceptAt} (chance ±${noise})${extra}, and no package with it is accepted`
}
