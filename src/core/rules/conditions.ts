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

type Test = (ctx: ConditionContext) => boolean
type Filter = { tag?: string | undefined; instrument?: string | undefined; backedBy?: string | undefined }

const COMPILED = new WeakMap<Condition, Test>()

function range(c: { atLeast?: number; atMost?: number }): (value: number) => boolean {
  const { atLeast = Number.NEGATIVE_INFINITY, atMost = Number.POSITIVE_INFINITY } = c
  return (value) => value >= atLeast && value <= atMost
}

function matcher(f: Filter): (r: ResolvedItem) => boolean {
  const { tag, instrument, backedBy } = f
  return (r) =>
    (tag === undefined || r.tags.includes(tag)) &&
    (instrument === undefined || r.item.instrument === instrument) &&
    (backedBy === undefined || r.item.backedBy === backedBy)
}

/** Turns a condition into a function once; scenarios are evaluated many times (every package, every move). */
function compile(c: Condition): Test {
  if ('all' in c) {
    const parts = c.all.map(compiled)
    return (ctx) => parts.every((p) => p(ctx))
  }
  if ('any' in c) {
    const parts = c.any.map(compiled)
    return (ctx) => parts.some((p) => p(ctx))
  }
  if ('not' in c) {
    const inner = compiled(c.not)
    return (ctx) => !inner(ctx)
  }
  if ('has' in c) {
    const { has, variant } = c
    return (ctx) =>
      ctx.items.some(
        (r) => r.item.instrument === has && (variant === undefined || r.item.variant === variant),
      )
  }
  if ('hasTag' in c) {
    const tag = c.hasTag
    return (ctx) => ctx.items.some((r) => r.tags.includes(tag))
  }
  if ('backedBy' in c) {
    const match = matcher(c)
    return (ctx) => ctx.items.some(match)
  }
  if ('count' in c) {
    const match = matcher(c.count)
    const ok = range(c)
    return (ctx) => ok(ctx.items.filter(match).length)
  }
  if ('sum' in c) {
    const { sum, side } = c
    const ok = range(c)
    return (ctx) => ok(sumAttribute(ctx.items, sum, side))
  }
  if ('share' in c) {
    const { share, side } = c
    const ok = range(c)
    return (ctx) => ok(shareOf(ctx.items, share, side))
  }
  if ('meter' in c) {
    const { meter } = c
    const ok = range(c)
    return (ctx) => ok(ctx.meters[meter] ?? 0)
  }
  if ('flag' in c) {
    const { flag } = c
    return (ctx) => ctx.flags.includes(flag)
  }
  if ('response' in c) {
    const { response } = c
    return (ctx) => ctx.response === response
  }
  if ('fromRound' in c) {
    const { fromRound } = c
    return (ctx) => ctx.round >= fromRound
  }
  return () => false
}

function compiled(c: Condition): Test {
  let test = COMPILED.get(c)
  if (!test) {
    test = compile(c)
    COMPILED.set(c, test)
  }
  return test
}

/**
 * Evaluates a condition: a small interpreter over data, never `eval`. The loader has already checked
 * that every id a condition names exists, so unknown ids here simply match nothing.
 */
export function evaluate(c: Condition, ctx: ConditionContext): boolean {
  return compiled(c)(ctx)
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
