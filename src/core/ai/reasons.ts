import type { PackageItem } from '../rules/package.ts'
import { resolveItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { Position } from '../scenario/schema/uncertainty.ts'

/**
 * The reasons computer partners give, in their own side's words: the scenario's `positions` (each backed by
 * a quote from the articles), or its interests and constraints, never a bare "no". Kept within the 500
 * characters a command's reason may hold.
 */

const MAX_REASON = 500

/** The side's position on an instrument, for or against, if the scenario gives one. */
export function positionOn(
  index: ScenarioIndex,
  side: string,
  item: PackageItem,
  stance: Position['stance'],
): Position | undefined {
  const tags = resolveItem(index, item)?.tags ?? []
  return index.sides
    .get(side)
    ?.positions.find(
      (p) =>
        p.stance === stance &&
        (p.instruments.includes(item.instrument) || p.tags.some((t) => tags.includes(t))),
    )
}

const nameOf = (index: ScenarioIndex, item: PackageItem) => resolveItem(index, item)?.name ?? item.instrument
const clip = (text: string) => (text.length <= MAX_REASON ? text : `${text.slice(0, MAX_REASON - 1)}…`)

/**
 * Why a side will not endorse the package yet: what it would take out (and why), else what it still wants
 * in (and why), comparing the package with the one it would most like.
 */
export function objectionReason(
  index: ScenarioIndex,
  side: string,
  current: readonly PackageItem[],
  ideal: readonly PackageItem[],
): string {
  const has = (items: readonly PackageItem[], i: PackageItem) =>
    items.some((x) => x.instrument === i.instrument)
  const extra = current.find((i) => !has(ideal, i))
  if (extra) {
    const position = positionOn(index, side, extra, 'resist')
    return clip(
      `Not with "${nameOf(index, extra)}" in it. ${position?.text ?? 'It costs us more than it gives us.'}`,
    )
  }
  const missing = ideal.find((i) => !has(current, i))
  if (missing) {
    const position = positionOn(index, side, missing, 'want')
    return clip(`Not yet: we need "${nameOf(index, missing)}" in it. ${position?.text ?? ''}`.trim())
  }
  const interest = index.sides.get(side)?.interests[0]
  return clip(`Not yet: the package does not yet serve our interests.${interest ? ` ${interest}` : ''}`)
}

/** Why a side declines a request, in its own words where the scenario gives them. */
export function declineReason(
  index: ScenarioIndex,
  side: string,
  item: PackageItem,
  adding: boolean,
): string {
  const position = positionOn(index, side, item, adding ? 'resist' : 'want')
  const fallback = adding
    ? 'It would cost us more than we can accept.'
    : 'We put it in for a reason and want it kept.'
  return clip(position?.text ?? fallback)
}
