import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { Condition, PackageAttribute } from '../scenario/schema/conditions.ts'
import type { Effect } from '../scenario/schema/scenario.ts'

/**
 * What the rules read of a package, for classes.ts: the tests of conditions that depend on the package
 * alone, the sums of the package that effects read, and what only the aftermath reads (the package tests of
 * its terms, the sums of its outcomes' effects, the package's deterrence when a chance depends on it).
 */

export type Sum = { attribute: PackageAttribute; side: string | undefined }

/** Adds to `out` the tests of a condition that depend on the package alone. */
export function packageTests(c: Condition | undefined, out: Condition[]): void {
  if (!c) return
  if ('all' in c) for (const x of c.all) packageTests(x, out)
  else if ('any' in c) for (const x of c.any) packageTests(x, out)
  else if ('not' in c) packageTests(c.not, out)
  else if (!('meter' in c || 'flag' in c || 'response' in c || 'fromRound' in c)) out.push(c)
}

/** The aftermath's three chances, or none when the scenario has no aftermath. */
function aftermathChances(index: ScenarioIndex) {
  const a = index.scenario.aftermath
  return a ? [a.test, a.respond, a.confront] : []
}

/** The effects of the aftermath's outcomes. */
function outcomeEffects(index: ScenarioIndex): Array<readonly Effect[]> {
  const outcomes = index.scenario.aftermath?.outcomes
  return outcomes ? Object.values(outcomes).map((o) => o.effects) : []
}

/** Every sum of the package that an effect of the negotiation reads. */
export function packageSums(index: ScenarioIndex): Sum[] {
  const s = index.scenario
  const lists: Array<readonly Effect[]> = [
    ...s.redLines.map((r) => r.response.effects),
    ...s.preferences.map((p) => p.effects),
    ...Object.values(s.response.effects),
    s.noPackage.effects,
    s.unilateral.effects,
    ...s.events.map((e) => e.effects),
  ]
  return sumsRead(lists)
}

/** The sums that the given effects read, each once. */
function sumsRead(lists: ReadonlyArray<readonly Effect[]>): Sum[] {
  const sums = new Map<string, Sum>()
  for (const list of lists)
    for (const e of list)
      if ('fromPackage' in e)
        sums.set(`${e.fromPackage}/${e.side ?? ''}`, { attribute: e.fromPackage, side: e.side })
  return [...sums.values()]
}

/** The sums the aftermath reads: those of its outcomes' effects, and deterrence when a chance depends on it. */
export function aftermathSums(index: ScenarioIndex): Sum[] {
  const sums = sumsRead(outcomeEffects(index))
  if (aftermathChances(index).some((c) => c.perDeterrence !== 0) && !sums.some(isDeterrence))
    sums.push({ attribute: 'deterrence', side: undefined })
  return sums
}

const isDeterrence = (x: Sum) => x.attribute === 'deterrence' && x.side === undefined

/** The package tests of the aftermath's terms: they decide its chances but never the negotiation. */
export function aftermathTests(index: ScenarioIndex): Condition[] {
  const out: Condition[] = []
  for (const chance of aftermathChances(index)) for (const term of chance.terms) packageTests(term.when, out)
  return out
}

/** Whether the aftermath reads more of a package than the red lines it crosses. */
export function aftermathReadsPackage(index: ScenarioIndex): boolean {
  return aftermathSums(index).length > 0 || aftermathTests(index).length > 0
}
