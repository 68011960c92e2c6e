import { type PackageItem, packageKey } from '../rules/package.ts'
import { type Assessment, assess } from '../rules/response.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { contextFor, type Difficulty, type GameState } from '../rules/state.ts'
import { EXHAUSTIVE_LIMIT, packagesToTry } from '../scenario/load/reachability.ts'
import type { PackageClass } from './classes.ts'
import { flagSettings, type Offer, offerContext, openingState, withFlags } from './offers.ts'

/**
 * Russia's answer to every package in the opening situation (round 1, meters at their start, the flags as
 * the scenario sets them, then each setting of the proposer-settable flags). The list of packages, and the
 * limit past which it is a seeded sample, are the loader's (see reachability.ts), so that the checker and
 * the analysis speak of the same packages. Packages of one class (classes.ts) get the same answer in any
 * situation, so each class is assessed once, with its representative, and the answer holds for all.
 */

/** What may happen to an offer: a red line decides it, or the disposition with or without chance. */
export type Outlook = 'reject' | 'demandRemoval' | 'acceptAlways' | 'acceptByChance' | 'rejectAlways'

export interface RedLineCensus {
  id: string
  title: string
  kind: 'reject' | 'demandRemoval' | 'warn'
  /** Every package that crosses it, with the first flag setting under which it does, in enumeration order. */
  triggeredBy: Offer[]
}

/** An instrument in one reading (variant), or with none when it has no variants. */
export interface Reading {
  instrument: string
  variant?: string
}

export interface Census {
  /** The non-empty packages tried, in enumeration order (an empty package cannot be tabled). */
  packages: PackageItem[][]
  /** True when these are all the legal packages; false when they are a sample past EXHAUSTIVE_LIMIT. */
  exhaustive: boolean
  limit: number
  settings: string[][]
  difficulty: Difficulty
  /** How many offers (package × flag setting) fall under each outlook. */
  outlooks: Record<Outlook, number>
  redLines: RedLineCensus[]
  /** Readings that appear in no offer Russia can accept, each with the answer to it alone. */
  neverAccepted: Array<Reading & { alone: Assessment | null }>
}

const readingKey = (r: Reading) => `${r.instrument}/${r.variant ?? ''}`

/** Russia's possible answers to an assessed offer, given the spread of chance in the scenario. */
export function outlookOf(index: ScenarioIndex, a: Assessment): Outlook {
  if (a.forced) return a.forced
  const { noise, acceptAt } = index.scenario.response
  if (a.disposition - noise >= acceptAt) return 'acceptAlways'
  return a.disposition + noise >= acceptAt ? 'acceptByChance' : 'rejectAlways'
}

/** Assesses an offer as Russia would in `state` (no chance: that is `outlookOf`'s business). */
export function assessOffer(index: ScenarioIndex, state: GameState, offer: Offer): Assessment {
  return assess(index, offerContext(index, state, offer), state.setup.difficulty)
}

/**
 * The packages the analysis works on: the loader's (all legal ones, or its seeded sample, in which a
 * package drawn twice counts once), less the empty one, which cannot be tabled.
 */
export function packagesToStudy(index: ScenarioIndex): { packages: PackageItem[][]; exhaustive: boolean } {
  const tried = packagesToTry(index)
  const seen = new Set<string>()
  const packages = tried.packages.filter((p) => {
    if (p.length === 0) return false
    if (tried.exhaustive) return true
    const key = packageKey(p)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return { packages, exhaustive: tried.exhaustive }
}

/** Takes the census of Russia's answers to `packages`, grouped in `classes`, in the opening situation. */
export function takeCensus(
  index: ScenarioIndex,
  difficulty: Difficulty,
  studied: { packages: PackageItem[][]; exhaustive: boolean },
  classes: readonly PackageClass[],
): Census {
  const { packages, exhaustive } = studied
  const settings = flagSettings(index)
  const opening = openingState(index, 1, difficulty)
  const outlooks: Record<Outlook, number> = {
    reject: 0,
    demandRemoval: 0,
    acceptAlways: 0,
    acceptByChance: 0,
    rejectAlways: 0,
  }
  const hits = new Map<string, Array<{ position: number; flags: string[] }>>(
    index.scenario.redLines.map((r) => [r.id, []]),
  )
  const accepted = new Set<string>()
  const bases = settings.map((flags) => ({ flags, state: withFlags(index, opening, flags) }))
  for (const c of classes) {
    const crossed = new Map<string, string[]>()
    for (const { flags, state } of bases) {
      const a = assess(index, contextFor(index, state, c.rep), difficulty)
      const outlook = outlookOf(index, a)
      outlooks[outlook] += c.members.length
      if (outlook === 'acceptAlways' || outlook === 'acceptByChance')
        for (const position of c.members)
          for (const item of packages[position] ?? []) accepted.add(readingKey(item))
      for (const r of a.redLines) if (!crossed.has(r.id)) crossed.set(r.id, flags)
    }
    for (const [id, flags] of crossed)
      for (const position of c.members) hits.get(id)?.push({ position, flags })
  }
  const redLines = index.scenario.redLines.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.response.kind,
    triggeredBy: (hits.get(r.id) ?? [])
      .sort((a, b) => a.position - b.position)
      .map(({ position, flags }) => ({ items: packages[position] ?? [], flags })),
  }))
  return {
    packages,
    exhaustive,
    limit: EXHAUSTIVE_LIMIT,
    settings,
    difficulty,
    outlooks,
    redLines,
    neverAccepted: allReadings(index)
      .filter((r) => !accepted.has(readingKey(r)))
      .map((r) => ({ ...r, alone: aloneAssessment(index, opening, settings, r) })),
  }
}

function allReadings(index: ScenarioIndex): Reading[] {
  return index.scenario.instruments
    .filter((i) => i.proposers.some((p) => index.proposers.includes(p)))
    .flatMap((i) =>
      i.variants.length
        ? i.variants.map((v) => ({ instrument: i.id, variant: v.id }))
        : [{ instrument: i.id }],
    )
}

/** Russia's answer to a reading on its own, under the flag setting it likes best: why it is never accepted. */
function aloneAssessment(
  index: ScenarioIndex,
  opening: GameState,
  settings: string[][],
  reading: Reading,
): Assessment | null {
  const backer = index.instruments.get(reading.instrument)?.proposers.find((p) => index.proposers.includes(p))
  if (!backer) return null
  const items = [{ ...reading, backedBy: backer }]
  let best: Assessment | null = null
  for (const flags of settings) {
    const a = assessOffer(index, opening, { items, flags })
    const better =
      !best ||
      (best.forced !== null && a.forced === null) ||
      (!best.forced === !a.forced && a.disposition > best.disposition)
    if (better) best = a
  }
  return best
}

/** The `count` smallest packages of a list (fewest items first, then in enumeration order). */
export function smallest(offers: readonly Offer[], count: number): Offer[] {
  const out: Offer[] = []
  const largest = offers.reduce((max, o) => Math.max(max, o.items.length), 0)
  for (let size = 1; out.length < count && size <= largest; size++)
    for (const o of offers) {
      if (o.items.length !== size) continue
      out.push(o)
      if (out.length === count) break
    }
  return out
}
