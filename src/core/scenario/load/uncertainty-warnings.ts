import { aftermathOdds } from '../../rules/aftermath.ts'
import { type PackageItem, resolvePackage, sumAttribute } from '../../rules/package.ts'
import { indexScenario, type ScenarioIndex } from '../../rules/scenario-index.ts'
import type { Scenario } from '../schema/scenario.ts'
import type { AftermathChance } from '../schema/uncertainty.ts'
import type { ParsedFile } from './parse.ts'
import type { Problem } from './problems.ts'
import { mayHold, nodesIn, packageLimit, packagesToTry } from './reachability.ts'

/**
 * Warnings on the parts of format 3 that are legal but probably not what the author meant: a resolve range
 * of no width, an aftermath that nothing can start or that chance never enters, and an aftermath in a
 * scenario whose red lines all hold for certain.
 */
export function uncertaintyWarnings(parsed: ParsedFile, s: Scenario): Problem[] {
  const out: Problem[] = []
  s.redLines.forEach((r, i) => {
    if (!r.resolve || r.resolve.low !== r.resolve.high) return
    const always = r.resolve.low === 1 ? ', so it always holds, as without `resolve`' : ''
    out.push(
      parsed.problem(
        'RESOLVE_CERTAIN',
        `Red line "${r.id}" has the same firmness, ${r.resolve.low}, in every game${always}: its resolve is not uncertain`,
        ['redLines', i, 'resolve'],
      ),
    )
  })
  if (!s.aftermath) return out
  if (s.redLines.length > 0 && !s.redLines.some((r) => r.resolve))
    out.push(
      parsed.problem(
        'AFTERMATH_WITHOUT_RESOLVE',
        "The scenario has an aftermath but no red line has a `resolve` range: every red line always holds, so the responding side's resolve is never in doubt",
        ['aftermath'],
      ),
    )
  const kinds = new Set(s.endings.map((e) => e.kind))
  if (!kinds.has('deal') && !kinds.has('unilateral')) {
    out.push(
      parsed.problem(
        'AFTERMATH_NEVER_PLAYED',
        'No ending is a `deal` or `unilateral` one, so no game reaches the aftermath',
        ['aftermath'],
      ),
    )
    return out
  }
  const tried = aftermathIsCertain(indexScenario(s), kinds.has('deal'), kinds.has('unilateral'))
  if (tried !== null)
    out.push(
      parsed.problem(
        'AFTERMATH_CERTAIN',
        `For each of ${tried} the aftermath's outcome is certain (every chance 0 or 1, whatever firmness is drawn): luck never enters the years after`,
        ['aftermath'],
      ),
    )
  return out
}

/** Past this many terms that depend on the situation, a chance is not judged (it is taken as uncertain). */
const MAX_OPEN_TERMS = 8
const isWhole = (x: number) => Math.abs(x - Math.round(x)) < 1e-9
const clamp01 = (n: number) => Math.min(1, Math.max(0, n))
const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * Whether the aftermath's odds are all 0 or 1 for every package tried, whether it follows a deal or an
 * imposition, for any firmness in the red lines' ranges and any situation (a term or a red line that reads
 * meters or flags is taken both ways). Returns what was tried, in words, when certain; null otherwise.
 */
function aftermathIsCertain(index: ScenarioIndex, deal: boolean, imposed: boolean): string | null {
  const spec = index.scenario.aftermath
  if (!spec) return null
  const chances = [spec.test, spec.respond, spec.confront]
  const size =
    chances.flatMap((c) => c.terms).reduce((n, t) => n + nodesIn(t.when), 0) +
    index.scenario.redLines.reduce((n, r) => n + nodesIn(r.when), 0)
  const { packages, exhaustive } = packagesToTry(index, packageLimit(size))
  const ways = [...(deal ? [false] : []), ...(imposed ? [true] : [])]
  let tried = 0
  for (const items of packages) {
    if (items.length === 0) continue
    tried++
    const firmness = firmnessCandidates(index, items)
    const deterrence = sumAttribute(resolvePackage(index, items), 'deterrence')
    const [test, respond, confront] = chances.map((c) => valuesOf(c, items, index, deterrence, firmness))
    if (!test || !respond || !confront) return null
    for (const t of test)
      for (const r of respond)
        for (const c of confront)
          for (const wasImposed of ways) {
            const chance = (value: number) => ({ value, parts: [] })
            const odds = aftermathOdds(
              spec.years,
              {
                test: chance(t),
                respond: chance(r),
                confront: chance(c),
                afterDeterred: spec.test.afterDeterred,
                firmness: 0,
              },
              wasImposed,
            )
            if (!Object.values(odds).every(isWhole)) return null
          }
  }
  return exhaustive ? `the ${tried} packages that can be tabled` : `${tried} sampled packages`
}

/**
 * The firmness the aftermath may feel for a package (that of the firmest red line crossed, 0 for none), as
 * pairs of the range's two ends: one pair for the red lines the package surely crosses, and one more for
 * each it may cross depending on the situation.
 */
function firmnessCandidates(index: ScenarioIndex, items: PackageItem[]): Array<[number, number]> {
  let low = 0
  let high = 0
  const maybe: RangeEnds[] = []
  for (const r of index.scenario.redLines) {
    const held = mayHold(r.when, items, index)
    if (held === false) continue
    const ends: RangeEnds = r.resolve ? [r.resolve.low, r.resolve.high] : [1, 1]
    if (held === true) {
      low = Math.max(low, ends[0])
      high = Math.max(high, ends[1])
    } else maybe.push(ends)
  }
  return [[low, high], ...maybe.map(([l, h]): RangeEnds => [Math.max(low, l), Math.max(high, h)])]
}

type RangeEnds = [number, number]

/**
 * Every value a chance may take for a package (as the rules work it out, clamped and rounded), or null when
 * it may take a value between those listed: the firmness is drawn anywhere in its range, so when the two ends
 * of a range give different chances, every chance between them is possible.
 */
function valuesOf(
  spec: AftermathChance,
  items: PackageItem[],
  index: ScenarioIndex,
  deterrence: number,
  firmness: Array<[number, number]>,
): Set<number> | null {
  let fixed = spec.base + spec.perDeterrence * deterrence
  const open: number[] = []
  for (const term of spec.terms) {
    const holds = mayHold(term.when, items, index)
    if (holds === true) fixed += term.add
    else if (holds === 'unknown') open.push(term.add)
  }
  if (open.length > MAX_OPEN_TERMS) return null
  const values = new Set<number>()
  for (let mask = 0; mask < 1 << open.length; mask++) {
    const extra = open.reduce((sum, add, i) => (mask & (1 << i) ? sum + add : sum), 0)
    for (const [low, high] of firmness) {
      const at = (f: number) => round2(clamp01(fixed + extra + spec.perResolve * f))
      if (at(low) !== at(high)) return null
      values.add(at(low))
    }
  }
  return values
}
