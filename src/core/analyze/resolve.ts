import { assess } from '../rules/response.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { contextFor, type Difficulty, type GameState } from '../rules/state.ts'
import type { RedLine } from '../scenario/schema/scenario.ts'
import { type Outlook, outlookOf } from './census.ts'
import type { PackageClass } from './classes.ts'
import { withFlags } from './offers.ts'

/**
 * How the responder's hidden resolve bears on its answers at the start. A red line with a `resolve` range
 * holds, each time a package crosses it, with the firmness drawn for the game; otherwise it only warns. For
 * each red line this counts the offers that cross it and what Russia's answers to them would be if it holds
 * and if it lets it pass (every other red line holding), so that a teacher sees what the range is worth.
 * Packages of a class cross the same red lines and get the same answers (classes.ts), so each class is
 * assessed once per flag setting, with its representative.
 */

/** A citation as the report shows it. */
export interface Source {
  seed: string
  quote: string
}

export interface ResolveStudy {
  id: string
  title: string
  kind: RedLine['response']['kind']
  /** The range the firmness is drawn from; null when the red line always holds. */
  range: { low: number; high: number } | null
  rationale: string | null
  sources: Source[]
  /** Offers (package × flag setting) at the start that cross the red line. */
  offers: number
  /** Russia's answers to those offers when the red line holds (as every red line without a range does). */
  ifHolds: Record<Outlook, number>
  /** Its answers when it lets this red line pass and every other one holds; null without a range. */
  ifYields: Record<Outlook, number> | null
}

const noAnswers = (): Record<Outlook, number> => ({
  reject: 0,
  demandRemoval: 0,
  acceptAlways: 0,
  acceptByChance: 0,
  rejectAlways: 0,
})

/** Studies every red line's range and what it changes in Russia's answers at the start (see above). */
export function studyResolve(
  index: ScenarioIndex,
  classes: readonly PackageClass[],
  settings: readonly string[][],
  opening: GameState,
  difficulty: Difficulty,
): ResolveStudy[] {
  const studies = index.scenario.redLines.map(
    (r): ResolveStudy => ({
      id: r.id,
      title: r.title,
      kind: r.response.kind,
      range: r.resolve ? { low: r.resolve.low, high: r.resolve.high } : null,
      rationale: r.resolve?.rationale ?? null,
      sources: (r.resolve?.source ?? []).map(({ seed, quote }) => ({ seed, quote })),
      offers: 0,
      ifHolds: noAnswers(),
      ifYields: r.resolve ? noAnswers() : null,
    }),
  )
  const byId = new Map(studies.map((s) => [s.id, s]))
  const states = settings.map((flags) => withFlags(index, opening, flags))
  for (const c of classes)
    for (const state of states) {
      const ctx = contextFor(index, state, c.rep)
      const held = assess(index, ctx, difficulty)
      const answer = outlookOf(index, held)
      for (const r of held.redLines) {
        const study = byId.get(r.id)
        if (!study) continue
        study.offers += c.members.length
        study.ifHolds[answer] += c.members.length
        if (!study.ifYields) continue
        const yielded = assess(index, ctx, difficulty, (x) => x.id !== r.id)
        study.ifYields[outlookOf(index, yielded)] += c.members.length
      }
    }
  return studies
}

/** How a proposing side reads the responder and argues at the table, as the scenario gives it. */
export interface SideReading {
  id: string
  name: string
  outlook: { firmness: number; text: string | null; sources: Source[] } | null
  positions: Array<{ stance: 'want' | 'resist'; about: string[]; text: string }>
}

/** Each proposing side's outlook and positions, with the instruments and tags named as players see them. */
export function sideReadings(index: ScenarioIndex): SideReading[] {
  const tagName = (id: string) => index.scenario.tags.find((t) => t.id === id)?.name ?? id
  return index.proposers.map((id) => {
    const side = index.sides.get(id)
    const outlook = side?.outlook
    return {
      id,
      name: side?.name ?? id,
      outlook: outlook
        ? {
            firmness: outlook.firmness,
            text: outlook.text ?? null,
            sources: outlook.source.map(({ seed, quote }) => ({ seed, quote })),
          }
        : null,
      positions: (side?.positions ?? []).map((p) => ({
        stance: p.stance,
        about: [
          ...p.instruments.map((i) => index.instruments.get(i)?.name ?? i),
          ...p.tags.map((t) => `anything tagged ${tagName(t)}`),
        ],
        text: p.text,
      })),
    }
  })
}
