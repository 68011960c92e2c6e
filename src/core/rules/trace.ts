import type { Condition } from '../scenario/schema/conditions.ts'
import { type ConditionContext, evaluate } from './conditions.ts'
import { type PackageItem, type ResolvedItem, shareOf, sumAttribute } from './package.ts'

/**
 * How a condition came out against a package, node by node: the teaching view of a red line ("why is this
 * crossed?"). Every `holds` comes from `evaluate` itself, so a trace can never disagree with the rules.
 */
export interface ConditionTrace {
  condition: Condition
  holds: boolean
  /** The number compared: the count, sum, share (0 to 1) or meter value, or the round for `fromRound`. */
  value?: number
  /** The package items that match `has`, `hasTag`, `backedBy` or `count`, in package order. */
  items?: PackageItem[]
  /** The traces of the conditions inside `all`, `any` and `not`, in file order. */
  parts?: ConditionTrace[]
}

type Filter = { tag?: string | undefined; instrument?: string | undefined; backedBy?: string | undefined }

const matches = (f: Filter) => (r: ResolvedItem) =>
  (f.tag === undefined || r.tags.includes(f.tag)) &&
  (f.instrument === undefined || r.item.instrument === f.instrument) &&
  (f.backedBy === undefined || r.item.backedBy === f.backedBy)

const itemsWhere = (ctx: ConditionContext, test: (r: ResolvedItem) => boolean): PackageItem[] =>
  ctx.items.filter(test).map((r) => r.item)

/** Traces a condition against a package and its situation (see ConditionTrace). */
export function traceCondition(c: Condition, ctx: ConditionContext): ConditionTrace {
  const holds = evaluate(c, ctx)
  if ('all' in c) return { condition: c, holds, parts: c.all.map((x) => traceCondition(x, ctx)) }
  if ('any' in c) return { condition: c, holds, parts: c.any.map((x) => traceCondition(x, ctx)) }
  if ('not' in c) return { condition: c, holds, parts: [traceCondition(c.not, ctx)] }
  if ('has' in c) {
    const { has, variant } = c
    const items = itemsWhere(
      ctx,
      (r) => r.item.instrument === has && (variant === undefined || r.item.variant === variant),
    )
    return { condition: c, holds, items }
  }
  if ('hasTag' in c) return { condition: c, holds, items: itemsWhere(ctx, (r) => r.tags.includes(c.hasTag)) }
  if ('backedBy' in c) return { condition: c, holds, items: itemsWhere(ctx, matches(c)) }
  if ('count' in c) {
    const items = itemsWhere(ctx, matches(c.count))
    return { condition: c, holds, items, value: items.length }
  }
  if ('sum' in c) return { condition: c, holds, value: sumAttribute(ctx.items, c.sum, c.side) }
  if ('share' in c) return { condition: c, holds, value: shareOf(ctx.items, c.share, c.side) }
  if ('meter' in c) return { condition: c, holds, value: ctx.meters[c.meter] ?? 0 }
  if ('fromRound' in c) return { condition: c, holds, value: ctx.round }
  return { condition: c, holds }
}
