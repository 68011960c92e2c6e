import type { PackageItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { scoreSides } from '../rules/scoring.ts'
import type { GameState } from '../rules/state.ts'
import type { ResponseKind } from '../scenario/schema/conditions.ts'

/** One round of a game of the search. */
export interface Step {
  round: number
  /** The package tabled, or null when the round ended untabled. */
  tabled: PackageItem[] | null
  /** The settable flags raised for the round. */
  flags: string[]
  verdict: ResponseKind | null
  decision: 'implement' | 'continue' | null
}

/** A finished game of the search: the seed, its moves round by round and its final state. */
export interface Game {
  seed: number
  steps: Step[]
  state: GameState
}

export interface Extreme {
  score: number
  game: Game
}

/** A deal of round 1 that chance could not have undone, with every side's score: a candidate dominant package. */
export interface OpeningDeal {
  game: Game
  scores: Record<string, number>
}

/**
 * What the search keeps of the games it finishes: the first game to reach each ending (the search goes
 * round by round, so it has the fewest rounds), each side's best and worst game, each side's best score with
 * each seed of chance, and the deals of round 1.
 */
export interface Tally {
  endings: Map<string, Game>
  best: Map<string, Extreme>
  worst: Map<string, Extreme>
  /** Seed → side → the best score with that seed. */
  bestBySeed: Map<number, Map<string, number>>
  openingDeals: OpeningDeal[]
  games: number
}

export function emptyTally(): Tally {
  return {
    endings: new Map(),
    best: new Map(),
    worst: new Map(),
    bestBySeed: new Map(),
    openingDeals: [],
    games: 0,
  }
}

/**
 * Records a finished game played with `seed`; `game` builds it only when it is kept. Returns every side's
 * score.
 */
export function record(
  index: ScenarioIndex,
  tally: Tally,
  state: GameState,
  seed: number,
  game: () => Game,
): Map<string, number> {
  tally.games++
  let built: Game | null = null
  const kept = () => {
    built ??= game()
    return built
  }
  const id = state.ending?.id
  if (id && !tally.endings.has(id)) tally.endings.set(id, kept())
  const scores = new Map<string, number>()
  let bySeed = tally.bestBySeed.get(seed)
  if (!bySeed) {
    bySeed = new Map()
    tally.bestBySeed.set(seed, bySeed)
  }
  for (const s of scoreSides(index, state)) {
    scores.set(s.side, s.total)
    if (s.total > (bySeed.get(s.side) ?? Number.NEGATIVE_INFINITY)) bySeed.set(s.side, s.total)
    const best = tally.best.get(s.side)
    if (!best || s.total > best.score) tally.best.set(s.side, { score: s.total, game: kept() })
    const worst = tally.worst.get(s.side)
    if (!worst || s.total < worst.score) tally.worst.set(s.side, { score: s.total, game: kept() })
  }
  if (isSureOpeningDeal(index, state))
    tally.openingDeals.push({ game: kept(), scores: Object.fromEntries(scores) })
  return scores
}

/**
 * A game that ended in round 1 on a package Russia accepts whatever the dice, its red lines holding or not: a
 * candidate dominant package. (A red line let pass changes the disposition, so a deal it made is never sure.)
 */
export function isSureOpeningDeal(index: ScenarioIndex, state: GameState): boolean {
  const r = state.response
  return (
    state.history.length === 1 &&
    state.ending !== null &&
    r?.verdict === 'accept' &&
    r.yielded.length === 0 &&
    r.disposition - index.scenario.response.noise >= r.acceptAt
  )
}

/** Could another final package of the same end beat a side's best or worst, given how far it can move it? */
export function finalsMayMatter(
  tally: Tally,
  scores: ReadonlyMap<string, number>,
  swing: ReadonlyMap<string, number>,
): boolean {
  for (const [side, score] of scores) {
    const reach = swing.get(side) ?? 0
    if (reach === 0) continue
    const best = tally.best.get(side)?.score ?? Number.NEGATIVE_INFINITY
    const worst = tally.worst.get(side)?.score ?? Number.POSITIVE_INFINITY
    if (score + reach > best || score - reach < worst) return true
  }
  return false
}
