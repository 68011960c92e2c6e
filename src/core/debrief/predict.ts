import type { Command } from '../rules/commands.ts'
import type { ConditionContext } from '../rules/conditions.ts'
import { type PackageItem, resolvePackage } from '../rules/package.ts'
import { assess } from '../rules/response.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { type Difficulty, type GameSetup, type GameState, newGame } from '../rules/state.ts'
import type { ResponseKind } from '../scenario/schema/conditions.ts'
import { replay } from '../store.ts'

/** The situation a package is answered in: what Russia's conditions can see besides the package. */
export interface Situation {
  meters: Readonly<Record<string, number>>
  flags: readonly string[]
  round: number
  difficulty: Difficulty
  /**
   * Red lines the responder let pass in the answer explained: they are taken to give way again (the same
   * hidden draw), so that the prediction reproduces that answer's disposition; every other red line holds.
   */
  yielded?: readonly string[]
}

/** Russia's answer to a package without the element of chance: what its red lines and preferences decide. */
export interface Prediction {
  verdict: ResponseKind
  /** Whether a red line forced the verdict, or the disposition against the bar decided it. */
  decidedBy: 'redLine' | 'disposition'
  disposition: number
  acceptAt: number
  /** Ids of the red lines crossed and of the preferences that weighed, in scenario order. */
  redLines: string[]
  preferences: string[]
}

/**
 * Russia's answer to `items` in `situation`, from `assess` alone: the chance that `resolveResponse` adds is
 * left out, so the answer is the part a class can predict and argue about. Red lines hold, except those the
 * situation says gave way in the answer explained.
 */
export function predict(
  index: ScenarioIndex,
  items: readonly PackageItem[],
  situation: Situation,
): Prediction {
  const ctx: ConditionContext = {
    items: resolvePackage(index, items),
    meters: situation.meters,
    flags: situation.flags,
    round: situation.round,
    // A package is always answered before any answer of its own round exists (see contextFor).
    response: undefined,
  }
  const yielded = situation.yielded ?? []
  const a = assess(index, ctx, situation.difficulty, (r) => !yielded.includes(r.id))
  const { acceptAt } = index.scenario.response
  return {
    verdict: a.forced ?? (a.disposition >= acceptAt ? 'accept' : 'reject'),
    decidedBy: a.forced ? 'redLine' : 'disposition',
    disposition: a.disposition,
    acceptAt,
    redLines: a.redLines.map((r) => r.id),
    preferences: a.preferences.map((p) => p.id),
  }
}

/** The position in history of the last round whose package was tabled, or -1. */
export function lastTabledAt(state: GameState): number {
  return lastIndexWhere(state.history, (h) => h.tabled !== null)
}

/** Array.prototype.findLastIndex, which the ES2022 library the project targets lacks. */
export function lastIndexWhere<T>(list: readonly T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i] as T)) return i
  return -1
}

/**
 * The situation the last tabled package was answered in, rebuilt from the state alone. Meters only move when
 * a round closes, so they are those after the round before; flags are the final ones, less the engine's
 * "implemented without consent" when it was raised only after that package (an approximation: flags set
 * and cleared by hand during the talks are not recorded; `situationFromLog` is exact).
 */
export function situationFromState(index: ScenarioIndex, state: GameState): Situation | null {
  const at = lastTabledAt(state)
  const record = state.history[at]
  if (!record) return null
  const meters = state.history[at - 1]?.meters ?? newGame(index, state.setup).meters
  const implementedBefore = state.history.slice(0, at).some((h) => h.decision === 'implement')
  const flags = implementedBefore
    ? state.flags
    : state.flags.filter((f) => f !== 'implemented-without-consent')
  return { meters, flags, round: record.round, difficulty: state.setup.difficulty }
}

/**
 * The exact situation the last tabled package was answered in: the log replayed up to its last `table`
 * command. Null when nothing was tabled or the log does not replay.
 */
export function situationFromLog(
  index: ScenarioIndex,
  setup: GameSetup,
  log: readonly Command[],
): Situation | null {
  const at = lastIndexWhere(log, (c) => c.type === 'table')
  if (at < 0) return null
  try {
    const before = replay(index, setup, log.slice(0, at))
    return { meters: before.meters, flags: before.flags, round: before.round, difficulty: setup.difficulty }
  } catch {
    return null
  }
}
