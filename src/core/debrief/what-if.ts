import type { PackageItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState } from '../rules/state.ts'
import type { ResponseKind } from '../scenario/schema/conditions.ts'
import { applyChanges, type Change, changeSlots, type Slot } from './changes.ts'
import { lastTabledAt, type Prediction, predict, type Situation, situationFromState } from './predict.ts'
import { redLineRefs, type WhatIfReason, whatIfReasons } from './what-if-text.ts'

/** A red line named in a what-if. */
export interface RedLineRef {
  id: string
  title: string
}

/** One smallest set of changes that would have changed Russia's answer. */
export interface WhatIfAlternative {
  changes: Change[]
  /** The package after the changes. */
  items: PackageItem[]
  after: Prediction
  /** Red lines the package crossed that it would no longer cross, and those it would newly cross. */
  redLinesStopped: RedLineRef[]
  redLinesStarted: RedLineRef[]
  /** Why the answer would change, as data (red lines that force an answer, or the disposition). */
  reasons: WhatIfReason[]
}

/**
 * What would have changed Russia's answer to a package: the smallest sets of changes (one, else two, else
 * three) that give another verdict, judged without chance.
 */
export interface WhatIf {
  round: number
  /** The package as tabled. */
  items: PackageItem[]
  /** The verdict the game gave, chance included (absent for a package that was never tabled). */
  actualVerdict?: ResponseKind
  /** The answer without chance: the verdict the alternatives are measured against. */
  before: Prediction
  /** How many changes each alternative makes. */
  size: number
  /** The alternatives of that size, those that reach agreement first, at most `limit`. */
  alternatives: WhatIfAlternative[]
  /** How many alternatives of that size there are in all (before the cap). */
  found: number
}

/**
 * Whether chance, not the red lines and preferences, decided the answer the game gave: the verdict given
 * differs from the one without chance, which the what-if starts from.
 */
export const byChance = (w: Pick<WhatIf, 'actualVerdict' | 'before'>): boolean =>
  w.actualVerdict !== undefined && w.actualVerdict !== w.before.verdict

export interface WhatIfOptions {
  /** Most changes to try together (3). */
  maxChanges?: number
  /** Most alternatives to return (5). */
  limit?: number
  /** Most packages to evaluate, so that a very large scenario cannot stall a screen (200 000); past it, `found` counts only those seen. */
  budget?: number
}

/**
 * Searches for the smallest changes to any package that would change Russia's answer in `situation`:
 * one change, else two, else three. A refused package's what-if shows the way to a different answer; an
 * accepted package's shows how close the deal stood to a refusal. Null when no change within `maxChanges`
 * alters the verdict.
 */
export function whatIfAll(
  index: ScenarioIndex,
  items: readonly PackageItem[],
  situation: Situation,
  options: WhatIfOptions = {},
): WhatIf | null {
  const { maxChanges = 3, limit = 5, budget = 200_000 } = options
  const before = predict(index, items, situation)
  const slots = changeSlots(index, items)
  let left = budget
  for (let size = 1; size <= maxChanges && left > 0; size++) {
    const hits: WhatIfAlternative[] = []
    forEachCombination(slots, size, (chosen) => {
      if (left-- <= 0) return false
      const next = applyChanges(index, items, chosen)
      if (!next) return true
      const after = predict(index, next, situation)
      if (after.verdict !== before.verdict)
        hits.push(
          alternative(
            index,
            before,
            after,
            next,
            chosen.map((c) => c.change),
          ),
        )
      return true
    })
    if (hits.length === 0) continue
    // Agreement is the finding a class most wants to see, so alternatives that reach it come first.
    const ranked = [
      ...hits.filter((h) => h.after.verdict === 'accept'),
      ...hits.filter((h) => h.after.verdict !== 'accept'),
    ]
    const alternatives = ranked.slice(0, limit)
    return {
      round: situation.round,
      items: [...items],
      before,
      size,
      alternatives,
      found: hits.length,
    }
  }
  return null
}

/**
 * The what-if of a finished (or running) game: the smallest changes to the last tabled package that would
 * have changed Russia's answer. Without `situation`, the one rebuilt from the state is used (see
 * `situationFromState`); the debrief passes the exact one replayed from the log. Null when no package was
 * tabled or no change within three alters the verdict.
 */
export function whatIf(
  index: ScenarioIndex,
  state: GameState,
  situation: Situation | null = situationFromState(index, state),
  options: WhatIfOptions = {},
): WhatIf | null {
  const record = state.history[lastTabledAt(state)]
  if (!record?.tabled || !situation) return null
  // Russia as firm as it was in that answer: a red line it let pass then gives way again.
  const yielded = record.response?.yielded ?? []
  const found = whatIfAll(index, record.tabled, { ...situation, yielded }, options)
  if (!found) return null
  const actual = record.response?.verdict
  if (!actual) return { ...found, round: record.round }
  return { ...found, round: record.round, actualVerdict: actual }
}

function alternative(
  index: ScenarioIndex,
  before: Prediction,
  after: Prediction,
  items: PackageItem[],
  changes: Change[],
): WhatIfAlternative {
  const stopped = before.redLines.filter((id) => !after.redLines.includes(id))
  const started = after.redLines.filter((id) => !before.redLines.includes(id))
  const found = {
    changes,
    items,
    after,
    redLinesStopped: redLineRefs(index, stopped),
    redLinesStarted: redLineRefs(index, started),
  }
  return { ...found, reasons: whatIfReasons(index, after, found.redLinesStopped, found.redLinesStarted) }
}

/**
 * Visits every choice of `size` distinct slots, in slot order, with one option from each; stops when
 * `visit` returns false. The array passed is reused.
 */
function forEachCombination(
  slots: readonly Slot[],
  size: number,
  visit: (chosen: Array<Slot['options'][number]>) => boolean,
): void {
  const chosen: Array<Slot['options'][number]> = []
  const step = (from: number): boolean => {
    if (chosen.length === size) return visit(chosen)
    for (let i = from; i <= slots.length - (size - chosen.length); i++) {
      for (const option of slots[i]?.options ?? []) {
        chosen.push(option)
        const go = step(i + 1)
        chosen.pop()
        if (!go) return false
      }
    }
    return true
  }
  step(0)
}
