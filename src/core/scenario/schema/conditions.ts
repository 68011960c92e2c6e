import { z } from 'zod'

/**
 * Conditions are small trees of data that the rules engine interprets (see `core/rules/conditions.ts`);
 * a scenario file never contains code. Every condition is an object with exactly one operator key.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { has: string; variant?: string }
  | { hasTag: string }
  | { backedBy: string; tag?: string; instrument?: string }
  | { count: CountSubject; atLeast?: number; atMost?: number }
  | { sum: PackageAttribute; side?: string; atLeast?: number; atMost?: number }
  | { share: ShareAttribute; side: string; atLeast?: number; atMost?: number }
  | { meter: string; atLeast?: number; atMost?: number }
  | { flag: string }
  | { response: ResponseKind }
  | { fromRound: number }

export type CountSubject = { tag?: string; instrument?: string; backedBy?: string }
export type PackageAttribute = 'deterrence' | 'cost' | 'risk'
export type ShareAttribute = 'cost' | 'risk'
/**
 * Russia's verdicts on a tabled package, defined once: scenarios name them (conditions, effects), the rules
 * give them and the instructor's `overrule` command names the one that stands instead.
 */
export const VerdictSchema = z.enum(['accept', 'demandRemoval', 'reject'])
export type ResponseKind = z.infer<typeof VerdictSchema>

/** The keys that name what a condition tests; exactly one of them opens every condition. */
export const CONDITION_OPERATORS = [
  'all',
  'any',
  'not',
  'has',
  'hasTag',
  'backedBy',
  'count',
  'sum',
  'share',
  'meter',
  'flag',
  'response',
  'fromRound',
] as const

const id = z.string().min(1)
const atLeast = z.number().optional().describe('True when the value is at or above this number.')
const atMost = z.number().optional().describe('True when the value is at or below this number.')

export const PackageAttributeSchema = z
  .enum(['deterrence', 'cost', 'risk'])
  .describe('An attribute that instruments carry: deterrence, or cost and risk for each side.')
const ResponseKindSchema = VerdictSchema.describe(
  "Russia's verdict: accept the package, demand that parts be removed, or reject it.",
)

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1).describe('True when every listed condition is.') }),
    z.strictObject({
      any: z.array(ConditionSchema).min(1).describe('True when at least one listed condition is.'),
    }),
    z.strictObject({ not: ConditionSchema }).describe('True when the inner condition is false.'),
    z.strictObject({
      has: id.describe(
        'True when the package holds this instrument (any variant unless `variant` is given).',
      ),
      variant: id.optional().describe('Only this variant of the instrument counts.'),
    }),
    z.strictObject({ hasTag: id.describe('True when an instrument in the package carries this tag.') }),
    z.strictObject({
      backedBy: id.describe(
        'True when this side has put in an instrument (optionally with the tag or id below).',
      ),
      tag: id.optional().describe('Only instruments with this tag count.'),
      instrument: id.optional().describe('Only this instrument counts.'),
    }),
    z.strictObject({
      count: z
        .strictObject({
          tag: id.optional().describe('Count only instruments with this tag.'),
          instrument: id.optional().describe('Count only this instrument.'),
          backedBy: id.optional().describe('Count only instruments this side put in.'),
        })
        .describe('Counts the instruments in the package that match every field given.'),
      atLeast,
      atMost,
    }),
    z.strictObject({
      sum: PackageAttributeSchema.describe(
        "Adds up this attribute over the package (cost and risk: one side's).",
      ),
      side: id.optional().describe('For cost or risk: whose; without it, all sides together.'),
      atLeast,
      atMost,
    }),
    z.strictObject({
      share: z
        .enum(['cost', 'risk'])
        .describe("This side's fraction (0 to 1) of the package's total cost or risk."),
      side: id,
      atLeast,
      atMost,
    }),
    z.strictObject({ meter: id.describe("Compares a meter's current value."), atLeast, atMost }),
    z.strictObject({ flag: id.describe('True when this flag is set (by a side, an event, or the engine).') }),
    z.strictObject({
      response: ResponseKindSchema.describe("True when Russia's latest verdict is this one."),
    }),
    z.strictObject({ fromRound: z.number().int().min(1).describe('True from this round on.') }),
  ]),
)
