import { evaluate } from '../../rules/conditions.ts'
import { countPackages, forEachPackage, randomPackage } from '../../rules/enumerate.ts'
import { type PackageItem, resolvePackage } from '../../rules/package.ts'
import { indexScenario, type ScenarioIndex } from '../../rules/scenario-index.ts'
import type { Condition } from '../schema/conditions.ts'
import type { Scenario } from '../schema/scenario.ts'
import type { ParsedFile } from './parse.ts'
import type { Problem } from './problems.ts'

/** Past this many legal packages the check samples instead of trying them all. */
export const EXHAUSTIVE_LIMIT = 50_000
const SAMPLES = 5_000
/**
 * Packages tried times the size of the conditions checked, past which fewer packages are tried: a file with
 * huge conditions (from an unknown source, say) must not make loading slow. The seed scenario stays far below.
 */
const WORK_BUDGET = 2_000_000
/** However large the conditions, at least this many packages are tried. */
const MIN_PACKAGES = 50

type Maybe = boolean | 'unknown'

/**
 * Could the condition hold for this package in some situation? What depends on the package is evaluated;
 * what depends on the course of the game (meters, flags, round, the last verdict) may go either way.
 */
export function mayHold(c: Condition, items: PackageItem[], index: ScenarioIndex): Maybe {
  if ('all' in c) {
    const parts = c.all.map((x) => mayHold(x, items, index))
    return parts.includes(false) ? false : parts.every((p) => p === true) ? true : 'unknown'
  }
  if ('any' in c) {
    const parts = c.any.map((x) => mayHold(x, items, index))
    return parts.includes(true) ? true : parts.every((p) => p === false) ? false : 'unknown'
  }
  if ('not' in c) {
    const inner = mayHold(c.not, items, index)
    return inner === 'unknown' ? inner : !inner
  }
  if ('meter' in c || 'flag' in c || 'response' in c || 'fromRound' in c) return 'unknown'
  return evaluate(c, { items: resolvePackage(index, items), meters: {}, flags: [], round: 1 })
}

/** The packages the checks try: all of them when there are few, otherwise a seeded sample and the small ones. */
export function packagesToTry(
  index: ScenarioIndex,
  limit = EXHAUSTIVE_LIMIT,
): { packages: PackageItem[][]; exhaustive: boolean } {
  const packages: PackageItem[][] = []
  if (countPackages(index, limit + 1) <= limit) {
    forEachPackage(index, (items) => packages.push([...items]))
    return { packages, exhaustive: true }
  }
  let rng = 1
  for (let i = 0; i < Math.min(SAMPLES, limit); i++) {
    const drawn = randomPackage(index, rng)
    rng = drawn.rng
    packages.push(drawn.items)
  }
  return { packages, exhaustive: false }
}

/**
 * How many packages a check may try when each costs the evaluation of conditions of `size` (see nodesIn): the
 * work budget shared out, within MIN_PACKAGES and EXHAUSTIVE_LIMIT.
 */
export function packageLimit(size: number): number {
  return Math.max(MIN_PACKAGES, Math.min(EXHAUSTIVE_LIMIT, Math.floor(WORK_BUDGET / Math.max(1, size))))
}

/** Warns about red lines and preferences that no package can meet. */
export function reachabilityWarnings(parsed: ParsedFile, scenario: Scenario): Problem[] {
  const index = indexScenario(scenario)
  const size = [...scenario.redLines, ...scenario.preferences].reduce((n, x) => n + nodesIn(x.when), 0)
  const { packages, exhaustive } = packagesToTry(index, packageLimit(size))
  const tried = exhaustive
    ? `none of the ${packages.length} legal packages`
    : `none of ${packages.length} sampled packages`
  const out: Problem[] = []
  const check = (c: Condition) => packages.some((p) => mayHold(c, p, index) !== false)
  scenario.redLines.forEach((r, i) => {
    if (!check(r.when))
      out.push(
        parsed.problem('RED_LINE_UNREACHABLE', `Red line "${r.id}" is crossed by ${tried}`, [
          'redLines',
          i,
          'when',
        ]),
      )
  })
  scenario.preferences.forEach((p, i) => {
    if (!check(p.when))
      out.push(
        parsed.problem('PREFERENCE_UNREACHABLE', `Preference "${p.id}" is met by ${tried}`, [
          'preferences',
          i,
          'when',
        ]),
      )
  })
  return out
}

/** How many operators and lists a condition holds: a measure of the work of evaluating it. */
export function nodesIn(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0
  let n = 1
  for (const inner of Object.values(value)) n += nodesIn(inner)
  return n
}
