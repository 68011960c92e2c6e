import { z } from 'zod'
import { CitationSchema, effects, id, sideMap, text } from './common.ts'
import { ConditionSchema } from './conditions.ts'

/**
 * The parts of format 3 that put the dilemma into play: how firmly the responder holds each red line (hidden,
 * drawn per game), how each proposing side reads that firmness and argues its case, and the aftermath that
 * tests the guarantees once they are in force.
 */

const sources = (what: string) =>
  z.array(CitationSchema).min(1).describe(`Passages of the articles that back ${what}.`)

export const ResolveSchema = z
  .strictObject({
    low: z
      .number()
      .min(0)
      .max(1)
      .describe('The least firm the responder may turn out to be: 0 (a bluff) to 1.'),
    high: z.number().min(0).max(1).describe('The firmest it may turn out to be: at least `low`, at most 1.'),
    rationale: text.optional().describe('Why this range: the articles that disagree, in a sentence or two.'),
    source: sources('this range (the articles disagree on how firm the red line is)'),
  })
  .describe(
    'How firmly the responder holds this red line, hidden from players: a firmness is drawn per game (seeded) between `low` and `high`. Each time a package crosses the line, it holds with that probability; otherwise the responder lets it pass with a warning. Without `resolve`, the red line always holds.',
  )

export const OutlookSchema = z
  .strictObject({
    firmness: z
      .number()
      .min(0)
      .max(1)
      .describe(
        "Where in each red line's range this side's people expect the responder's firmness to lie, 0 (its low end: bluffs) to 1 (its high end): computer players of this side plan with it until answers show otherwise.",
      ),
    text: text.optional().describe('The reading in a sentence, as players see it in the briefing.'),
    source: sources('this reading'),
  })
  .describe(
    "How a proposing side reads the responder's resolve; computer players plan with it, never with the hidden draw.",
  )

export const PositionSchema = z
  .strictObject({
    instruments: z.array(id).default([]).describe('The instruments this position is about.'),
    tags: z.array(id).default([]).describe('Or the tags of the instruments it is about.'),
    stance: z
      .enum(['want', 'resist'])
      .describe('Whether the side wants these in the package or resists them.'),
    text: text.describe('What the side says, as computer players say it when they ask, object or decline.'),
    source: sources('this position'),
  })
  .describe(
    "A side's argument about some instruments, in its own words: computer players give it as their reason.",
  )

const ChanceTermSchema = z.strictObject({
  when: ConditionSchema.describe('Checked on the package in force and the situation after the negotiation.'),
  add: z.number().describe('Added to the chance when the condition holds (negative: less likely).'),
  label: text.describe('What the term stands for, as the debrief and the analyzer show it.'),
})

const chance = (what: string) =>
  z
    .strictObject({
      base: z.number().min(0).max(1).describe('The chance before any term, 0 to 1.'),
      perDeterrence: z
        .number()
        .default(0)
        .describe(
          "Added per point of the package's total deterrence (negative: deterrence makes it less likely).",
        ),
      perResolve: z
        .number()
        .default(0)
        .describe(
          'Added per unit of the hidden firmness of the firmest red line the package in force crosses (0 when it crosses none).',
        ),
      terms: z.array(ChanceTermSchema).default([]).describe('Conditions that raise or lower the chance.'),
    })
    .describe(what)

const OutcomeSchema = z.strictObject({
  title: text.describe("The outcome's title as players see it."),
  text: text.describe('What happened in the years after, as players read it.'),
  scores: sideMap(z.number()).default({}).describe('Points each side gets for this outcome.'),
  effects: effects.describe('What the outcome does to the meters and flags.'),
  source: z.array(CitationSchema).default([]).describe('Passages of the articles this outcome echoes.'),
})

export const AftermathSchema = z
  .strictObject({
    years: z.number().int().min(1).max(10).describe('How many years after the negotiation are played out.'),
    intro: text.describe('What players read before the years are played out.'),
    test: chance('The chance, each year, that the responder tests the guarantees.')
      .extend({
        afterDeterred: z
          .number()
          .default(0)
          .describe('Added to later years’ chance each time a test was answered and deterred.'),
      })
      .describe('The chance, each year, that the responder tests the guarantees.'),
    respond: chance('The chance that the guarantors respond when the guarantees are tested.'),
    confront: chance(
      'The chance that a response, or guarantees imposed without consent, turn into direct confrontation.',
    ),
    outcomes: z
      .strictObject({
        peace: OutcomeSchema.describe('The guarantees are never tested.'),
        deterred: OutcomeSchema.describe(
          'They are tested, the guarantors respond, and the attack is deterred.',
        ),
        attack: OutcomeSchema.describe('They are tested and the guarantors do not respond: a new attack.'),
        confrontation: OutcomeSchema.describe(
          'A response or the imposition turns into direct confrontation.',
        ),
      })
      .describe('How the aftermath can end, each with its points.'),
    source: z
      .array(CitationSchema)
      .default([])
      .describe('Passages of the articles on whether guarantees hold.'),
  })
  .describe(
    'What follows a deal or guarantees imposed without consent: the years after, in which the guarantees may be tested. Without it, the game ends when the negotiation does.',
  )

export type Resolve = z.infer<typeof ResolveSchema>
export type Outlook = z.infer<typeof OutlookSchema>
export type Position = z.infer<typeof PositionSchema>
export type Aftermath = z.infer<typeof AftermathSchema>
export type AftermathChance = Aftermath['respond']
/** The ways the aftermath can end, from best to worst for the guaranteed side. */
export const AFTERMATH_KINDS = ['peace', 'deterred', 'attack', 'confrontation'] as const
export type AftermathKind = (typeof AFTERMATH_KINDS)[number]
