import type { Condition, ResponseKind } from '../scenario/schema/conditions.ts'
import { type ResolvedItem, shareOf, sumAttribute } from './package.ts'

/** What a condition can see: the package under discussion and the situation around it. */
export interface ConditionContext {
  items: readonly ResolvedItem[]
  meters: Readonly<Record<string, number>>
  flags: readonly string[]
  round: number
  response?: ResponseKind | undefined
}

function inRange(value: number, c: { atLeast?: number; atMost?: number }): boolean {
  return (c.atLeast === undefined || value >= c.atLeast) && (c.atMost === undefined || value <= c.atMost)
}

function matches(r: ResolvedItem, f: { tag?: string; instrument?: string; backedBy?: string }): boolean {
  return (
    (f.tag === undefined || r.tags.includes(f.tag)) &&
    (f.instrument === undefined || r.item.instrument === f.instrument) &&
    (f.backedBy === undefined || r.item.backedBy === f.backedBy)
  )
}

/**
 * Evaluates a condition: a small interpreter over data, never `eval`. The loader has already checked
 * that every id a condition names exists, so unknown ids here simply match nothing.
 */
export function evaluate(c: Condition, ctx: ConditionContext): boolean {
  if ('all' in c) return c.all.every((x) => evaluate(x, ctx))
  if ('any' in c) return c.any.some((x) => evaluate(x, ctx))
  if ('not' in c) return !evaluate(c.not, ctx)
  if ('has' in c)
    return ctx.items.some(
      (r) => r.item.instrument === c.has && (c.variant === undefined || r.item.variant === c.variant),
    )
  if ('hasTag' in c) return ctx.items.some((r) => r.tags.includes(c.hasTag))
  if ('backedBy' in c) return ctx.items.some((r) => matches(r, { ...c }))
  if ('count' in c) return inRange(ctx.items.filter((r) => matches(r, c.count)).length, c)
  if ('sum' in c) return inRange(sumAttribute(ctx.items, c.sum, c.side), c)
  if ('share' in c) return inRange(shareOf(ctx.items, c.share, c.side), c)
  if ('meter' in c) return inRange(ctx.meters[c.meter] ?? 0, c)
  if ('flag' in c) return ctx.flags.includes(c.flag)
  if ('response' in c) return ctx.response === c.response
  if ('fromRound' in c) return ctx.round >= c.fromRound
  return false
}

/** Every id a condition refers to, by kind: what the loader type-checks against the scenario. */
export interface ConditionRefs {
  instruments: Array<{ id: string; variant?: string | undefined }>
  tags: string[]
  sides: string[]
  meters: string[]
  flags: string[]
}

/** Walks a condition and collects the ids it names, so that a typo is caught at load, not in class. */
export function conditionRefs(c: Condition, refs: ConditionRefs = emptyRefs()): ConditionRefs {
  if ('all' in c) for (const x of c.all) conditionRefs(x, refs)
  else if ('any' in c) for (const x of c.any) conditionRefs(x, refs)
  else if ('not' in c) conditionRefs(c.not, refs)
  else if ('has' in c) refs.instruments.push({ id: c.has, variant: c.variant })
  else if ('hasTag' in c) refs.tags.push(c.hasTag)
  else if ('backedBy' in c) collectFilter({ ...c }, refs)
  else if ('count' in c) collectFilter(c.count, refs)
  else if ('sum' in c || 'share' in c) {
    if (c.side !== undefined) refs.sides.push(c.side)
  } else if ('meter' in c) refs.meters.push(c.meter)
  else if ('flag' in c) refs.flags.push(c.flag)
  return refs
}

function collectFilter(
  f: { tag?: string; instrument?: string; backedBy?: string },
  refs: ConditionRefs,
): void {
  if (f.tag !== undefined) refs.tags.push(f.tag)
  if (f.instrument !== undefined) refs.instruments.push({ id: f.instrument })
  if (f.backedBy !== undefined) refs.sides.push(f.backedBy)
}

function emptyRefs(): ConditionRefs {
  return { instruments: [], tags: [], sides: [], meters: [], flags: [] }
}
