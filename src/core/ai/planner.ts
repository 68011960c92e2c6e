import { checkAdd } from '../rules/apply.ts'
import type { Command } from '../rules/commands.ts'
import { brokenConstraints } from '../rules/constraints.ts'
import { tablePackage } from '../rules/flow.ts'
import { type PackageItem, packageKey } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { scoreSides } from '../rules/scoring.ts'
import type { GameState } from '../rules/state.ts'

/**
 * How a computer player judges packages: it imagines one tabled now, Russia answering as its stated red lines
 * and preferences say (without the dice, and without events it cannot foresee), and scores the result for
 * its own side. Broken constraints of its own weigh far more than any score.
 */

const BROKEN_CONSTRAINT_COST = 100
const BEAM_WIDTH = 4
const BEAM_DEPTH = 3
const PLANNING_CACHE = new WeakMap<ScenarioIndex, ScenarioIndex>()

/** The scenario as a planner sees it: no chance in Russia's answer and no events. */
export function planningIndex(index: ScenarioIndex): ScenarioIndex {
  let planning = PLANNING_CACHE.get(index)
  if (!planning) {
    const scenario = { ...index.scenario, response: { ...index.scenario.response, noise: 0 }, events: [] }
    planning = { ...index, scenario }
    PLANNING_CACHE.set(index, planning)
  }
  return planning
}

/** A side's score in a state. */
export function ownScore(index: ScenarioIndex, state: GameState, side: string): number {
  return scoreSides(index, state).find((s) => s.side === side)?.total ?? 0
}

/** What a package is worth to `side` if it were tabled now. */
export function packageUtility(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  items: PackageItem[],
): number {
  const plan = planningIndex(index)
  const trial = { ...state, package: items }
  const penalty = brokenConstraints(index, trial, side).length * BROKEN_CONSTRAINT_COST
  if (items.length === 0) return ownScore(plan, trial, side) - penalty
  return ownScore(plan, tablePackage(plan, trial), side) - penalty
}

/** A change the planner may make: its own add or withdraw, or a request that another side add something. */
export interface Move {
  command: Command
  apply: (items: PackageItem[]) => PackageItem[]
}

/** The moves open to `side` from a package: add or withdraw its own instruments, or ask others for theirs. */
export function movesFrom(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  items: PackageItem[],
): Move[] {
  const moves: Move[] = []
  const view = { ...state, package: items }
  for (const instrument of index.scenario.instruments) {
    const readings = instrument.variants.length ? instrument.variants.map((v) => v.id) : [undefined]
    for (const backer of instrument.proposers) {
      if (!index.proposers.includes(backer)) continue
      const own = backer === side
      const asked = state.requests.some(
        (r) =>
          r.from === side && r.to === backer && r.instrument === instrument.id && r.round === state.round,
      )
      if (!own && asked) continue
      for (const variant of readings) {
        const payload = variant ? { instrument: instrument.id, variant } : { instrument: instrument.id }
        if (checkAdd(index, view, backer, payload)) continue
        const item = { ...payload, backedBy: backer }
        const command: Command = own
          ? { type: 'add', side, payload }
          : { type: 'request', side, payload: { to: backer, ...payload } }
        moves.push({ command, apply: (p) => [...p, item] })
      }
    }
  }
  for (const item of items) {
    if (item.backedBy !== side) continue
    moves.push({
      command: { type: 'withdraw', side, payload: { instrument: item.instrument } },
      apply: (p) => p.filter((x) => x.instrument !== item.instrument),
    })
  }
  return moves
}

/**
 * Searches a few moves ahead (a beam search) for the package `side` would most like, and returns the first
 * move towards it with the utility it leads to; null when nothing beats the package as it stands.
 */
export function bestFirstMove(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  allowOwnChanges: boolean,
): { move: Move; utility: number } | null {
  const current = packageUtility(index, state, side, state.package)
  type Path = { first: Move; items: PackageItem[]; utility: number }
  let beam: Path[] = []
  let best: Path | null = null
  const seen = new Set([packageKey(state.package)])
  const expand = (items: PackageItem[], first: Move | null): Path[] =>
    movesFrom(index, state, side, items)
      .filter((m) => allowOwnChanges || m.command.type === 'request')
      .flatMap((m) => {
        const next = m.apply(items)
        const key = packageKey(next)
        if (seen.has(key)) return []
        seen.add(key)
        return [{ first: first ?? m, items: next, utility: packageUtility(index, state, side, next) }]
      })
  for (let depth = 0; depth < BEAM_DEPTH; depth++) {
    const candidates =
      depth === 0 ? expand(state.package, null) : beam.flatMap((p) => expand(p.items, p.first))
    if (candidates.length === 0) break
    candidates.sort((a, b) => b.utility - a.utility)
    beam = candidates.slice(0, BEAM_WIDTH)
    const top = beam[0]
    if (top && (!best || top.utility > best.utility)) best = top
  }
  return best && best.utility > current + 0.5 ? { move: best.first, utility: best.utility } : null
}
