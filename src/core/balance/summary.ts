import type { Difficulty } from '../rules/state.ts'
import type { GameResult, Stall } from './play.ts'

/**
 * The bench's figures: each cell (a strategy playing a side, on a scenario and a difficulty) summarised over
 * its games, and the issue's targets measured on them. Pure: the script only prints and writes them.
 */

/** Where a set of games was played. */
export interface CellKey {
  scenario: string
  difficulty: Difficulty
  strategy: string
  side: string
}

/** A cell's figures. Percentages are of all the cell's games, stalled ones included. */
export interface CellFigures extends CellKey {
  games: number
  /** % of games in which the strategy's side came out ahead (score at or above par). */
  ahead: number
  meanRounds: number
  meanScore: number
  /** % of games per ending id (every ending of the scenario, reached or not). */
  endings: Record<string, number>
  /** % of games per aftermath outcome; `none` when no aftermath was played out. */
  aftermath: Record<string, number>
  stalled: number
  /** The first few stalled games, to replay: seed and why. */
  stalledGames: Array<{ seed: number } & Stall>
}

const STALLS_KEPT = 10
const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10)

/** Counts how often each key occurs. */
function tally(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const k of keys) out[k] = (out[k] ?? 0) + 1
  return out
}

/** Summarises a cell's games; `endingIds` lists the scenario's endings so unreached ones show as 0. */
export function summarise(
  key: CellKey,
  results: readonly GameResult[],
  endingIds: readonly string[],
): CellFigures {
  const n = results.length
  const endings = tally(results.flatMap((r) => (r.ending ? [r.ending] : [])))
  const aftermath = tally(results.map((r) => r.aftermath ?? 'none'))
  const stalled = results.filter((r) => r.stalled)
  return {
    ...key,
    games: n,
    ahead: pct(results.filter((r) => r.ahead).length, n),
    meanRounds: n ? results.reduce((s, r) => s + r.rounds, 0) / n : 0,
    meanScore: n ? results.reduce((s, r) => s + r.score, 0) / n : 0,
    endings: Object.fromEntries(endingIds.map((id) => [id, pct(endings[id] ?? 0, n)])),
    aftermath: Object.fromEntries(Object.entries(aftermath).map(([k, v]) => [k, pct(v, n)])),
    stalled: stalled.length,
    stalledGames: stalled
      .slice(0, STALLS_KEPT)
      .flatMap((r) => (r.stalled ? [{ seed: r.seed, ...r.stalled }] : [])),
  }
}

/** One of the issue's targets, with its measured figure; `met` is null when the run did not measure it. */
export interface Target {
  target: string
  measured: string
  met: boolean | null
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)

/** A strategy's mean ahead-rate across the sides, at one difficulty, or null when not measured. */
function strategyRate(
  cells: readonly CellFigures[],
  strategy: string,
  difficulty: Difficulty,
): number | null {
  const own = cells.filter((c) => c.strategy === strategy && c.difficulty === difficulty)
  return own.length ? mean(own.map((c) => c.ahead)) : null
}

/** The strategy with the highest mean ahead-rate across sides at a difficulty (first in order on a tie). */
export function bestStrategy(cells: readonly CellFigures[], difficulty: Difficulty): string | null {
  let best: { strategy: string; rate: number } | null = null
  for (const c of cells) {
    const rate = strategyRate(cells, c.strategy, difficulty)
    if (rate !== null && (!best || rate > best.rate)) best = { strategy: c.strategy, rate }
  }
  return best?.strategy ?? null
}

const f1 = (n: number) => n.toFixed(1)

/**
 * The issue's targets for one scenario, from its cells at every difficulty measured (the issue sets them for
 * the full scenario at normal difficulty; the last compares easy with hard).
 */
export function measureTargets(
  cells: readonly CellFigures[],
  endingIds: readonly string[],
  lazyFor = 'ukraine',
): Target[] {
  const normal = cells.filter((c) => c.difficulty === 'normal')
  if (normal.length === 0) return [{ target: 'targets at normal difficulty', measured: 'not run', met: null }]
  const out: Target[] = []
  const lazy = normal.find((c) => c.strategy === 'lazy' && c.side === lazyFor)
  out.push({
    target: `lazy ahead for ${lazyFor} <= 20%`,
    measured: lazy ? `${f1(lazy.ahead)}%` : 'not run',
    met: lazy ? lazy.ahead <= 20 : null,
  })
  const strategies = [...new Set(normal.map((c) => c.strategy))]
  const sides = [...new Set(normal.map((c) => c.side))]
  const allSides = strategies.map((s) => {
    const rates = sides.map((side) => normal.find((c) => c.strategy === s && c.side === side)?.ahead ?? 0)
    return { strategy: s, lowest: Math.min(...rates) }
  })
  const widest = allSides.reduce((a, b) => (b.lowest > a.lowest ? b : a))
  out.push({
    target: 'no strategy ahead for all sides in > 60% of games',
    measured: `highest lowest-side rate: ${widest.strategy} ${f1(widest.lowest)}%`,
    met: allSides.every((s) => s.lowest <= 60),
  })
  const games = normal.reduce((s, c) => s + c.games, 0)
  const reached = endingIds.map((id) => ({
    id,
    share: games ? normal.reduce((s, c) => s + (c.endings[id] ?? 0) * c.games, 0) / games : 0,
  }))
  const rarest = reached.reduce((a, b) => (b.share < a.share ? b : a), reached[0] ?? { id: '-', share: 0 })
  out.push({
    target: 'every ending reached in >= 5% of games',
    measured: `${reached.map((r) => `${r.id} ${f1(r.share)}%`).join(', ')} (rarest: ${rarest.id})`,
    met: reached.every((r) => r.share >= 5),
  })
  const best = bestStrategy(cells, 'normal')
  const bestCells = normal.filter((c) => c.strategy === best)
  const rounds = bestCells.length
    ? bestCells.reduce((s, c) => s + c.meanRounds * c.games, 0) / bestCells.reduce((s, c) => s + c.games, 0)
    : 0
  out.push({
    target: 'best strategy needs >= 3 rounds on average',
    measured: `${best} (${f1(strategyRate(cells, best ?? '', 'normal') ?? 0)}% ahead): ${rounds.toFixed(2)} rounds`,
    met: rounds >= 3,
  })
  const easy = best ? strategyRate(cells, best, 'easy') : null
  const hard = best ? strategyRate(cells, best, 'hard') : null
  out.push({
    target: 'best strategy falls >= 15 points from easy to hard',
    measured:
      easy === null || hard === null
        ? 'easy or hard not run'
        : `${best}: easy ${f1(easy)}% → hard ${f1(hard)}% (${f1(easy - hard)} points)`,
    met: easy === null || hard === null ? null : easy - hard >= 15,
  })
  return out
}
