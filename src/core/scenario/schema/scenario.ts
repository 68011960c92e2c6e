import { z } from 'zod'
import { LIMITS } from '../limits.ts'
import {
  CitationSchema,
  EffectSchema,
  effects,
  id,
  languageCode,
  SeedSchema,
  StatementSchema,
  sideMap,
  text,
} from './common.ts'
import { ConditionSchema, VerdictSchema } from './conditions.ts'
import { StageSchema } from './stage.ts'
import { TRANSLATIONS_HELP } from './text-paths.ts'
import { AftermathSchema, OutlookSchema, PositionSchema, ResolveSchema } from './uncertainty.ts'

/**
 * The two fields that mark a constraint or a preference as the game's modelling choice rather than a position
 * someone stated: players see "Game rule" and the rationale beside it.
 */
const gameRuleFields = (what: string) => ({
  gameRule: z
    .boolean()
    .default(false)
    .describe(
      `Whether this ${what} is the game's modelling choice rather than something its side (or the responder) said; players see it marked "Game rule", with the rationale.`,
    ),
  rationale: text
    .optional()
    .describe(
      `Why the game has this ${what}, and which passages it rests on; needed when \`gameRule\` is true.`,
    ),
})

export { CitationSchema, type Effect, SeedSchema, StatementSchema } from './common.ts'

/** The scenario format this build of the game writes and understands best. */
export const FORMAT_VERSION = 5

export const ConstraintSchema = z
  .strictObject({
    id: id.describe("The constraint's own id."),
    text: text.describe('The constraint in plain words, as the side would put it.'),
    when: ConditionSchema.optional().describe('The constraint applies only to packages where this holds.'),
    requires: ConditionSchema.describe(
      'What the package (and the situation) must satisfy for this side to endorse.',
    ),
    ...gameRuleFields('constraint'),
    source: z
      .array(CitationSchema)
      .default([])
      .describe('Passages of the articles that back this constraint.'),
  })
  .describe('A side will not endorse a package that breaks this. Computer players always respect it.')

export const ReflectionQuestionSchema = z
  .strictObject({
    id: id.describe("The question's own id, by which answers and the grading export name it."),
    question: text.describe('The question as students of this side read it after the game.'),
    rubric: text
      .optional()
      .describe(
        'What a good answer shows, for the teacher: the grading export gives it a column of its own, beside the answers, for the mark.',
      ),
  })
  .describe('A question for reflection after the game, asked of every student of the side.')

export const RoleSchema = z
  .strictObject({
    id: id.describe("The role's own id."),
    name: text.describe(
      'The role\'s name as players see it beside a student\'s name, such as "lead negotiator".',
    ),
    brief: text.optional().describe('What a student in this role does, in a sentence or two.'),
  })
  .describe('A named role within a side, for classes where several students share one side.')

export const SideSchema = z.strictObject({
  id: id.describe("The side's id, by which instruments, red lines and scoring name it."),
  name: text.describe('The side\'s name as players see it, such as "European governments".'),
  shortName: text
    .optional()
    .describe(
      'A shorter name the game uses in running text, such as "Europe" in "Europe\'s answer"; the `name` when left out.',
    ),
  role: z
    .enum(['proposer', 'responder'])
    .describe('Proposers build the package; the one responder answers it.'),
  briefing: text.describe("What a player of this side reads first: who they are and what's at stake."),
  interests: z.array(text).min(1).describe('Short lines on what this side wants, shown with its briefing.'),
  constraints: z
    .array(ConstraintSchema)
    .default([])
    .describe('What this side will not sign. Endorsing a package that breaks one costs points.'),
  outlook: OutlookSchema.optional(),
  positions: z
    .array(PositionSchema)
    .default([])
    .describe('What this side argues about some instruments; computer players give these as their reasons.'),
  reflection: z
    .array(ReflectionQuestionSchema)
    .max(LIMITS.sections.reflection)
    .optional()
    .describe(
      'Questions each student of this side answers on their own device after the game, before the debrief opens fully; in solo play they are offered as questions to think about.',
    ),
  roles: z
    .array(RoleSchema)
    .max(LIMITS.sections.roles)
    .optional()
    .describe(
      'Named roles within this side, such as a lead negotiator and advisers, which the instructor gives the students who share the side in a classroom.',
    ),
})

export const ActorSchema = z.strictObject({
  id: id.describe("The actor's id, by which red lines and preferences name the speaker."),
  name: text.describe('The name as the article spells it.'),
  office: text.describe('Office or affiliation as the article gives it.'),
  side: id.optional().describe('The side the actor speaks for; omit for analysts and observers.'),
  kind: z
    .enum(['official', 'legislator', 'analyst', 'journalist', 'source'])
    .describe('What the actor is; `source` is for an unnamed source.'),
  statements: z
    .array(StatementSchema.omit({ speaker: true }))
    .min(1)
    .describe('What the actor said, each a quote from an article.'),
})

export const TagSchema = z.strictObject({
  id: id.describe("The tag's id, by which instruments and conditions name it."),
  name: text.describe("The tag's name as players see it."),
  description: text.describe('What the instruments with this tag have in common.'),
})

export const MeterSchema = z.strictObject({
  id: id.describe("The meter's id, by which effects, conditions and scoring name it."),
  name: text.describe('The meter\'s name as players see it, such as "Escalation".'),
  description: text.describe('What the meter measures, in a sentence.'),
  min: z.number().default(0).describe('The lowest value: the meter never goes below it.'),
  max: z.number().default(100).describe('The highest value: the meter never goes above it.'),
  start: z.number().describe('The value when the game starts.'),
  better: z
    .enum(['higher', 'lower', 'neither'])
    .default('neither')
    .describe('Which way is good news; the game colours the gauge and the changes by it.'),
})

const VariantSchema = z.strictObject({
  id: id.describe("The variant's id, by which a `has` condition names it under `variant:`."),
  name: text.describe("The variant's name, shown after the instrument's."),
  description: text.describe('What this reading of the instrument means.'),
  deterrence: z.number().optional().describe("Replaces the instrument's deterrence for this variant."),
  tags: z.array(id).default([]).describe("Added to the instrument's tags for this variant."),
  costs: sideMap(z.number()).optional().describe("Replaces the instrument's costs for this variant."),
  risks: sideMap(z.number()).optional().describe("Replaces the instrument's risks for this variant."),
  source: z.array(CitationSchema).default([]).describe('Passages of the articles that back this reading.'),
})

export const InstrumentSchema = z
  .strictObject({
    id: id.describe("The instrument's id, by which conditions, red lines and `excludes` name it."),
    name: text.describe("The instrument's name as players see it on its card."),
    description: text.describe('What the instrument is, in one or two neutral sentences.'),
    proposers: z.array(id).describe('The sides that can put this instrument into the package.'),
    tags: z
      .array(id)
      .default([])
      .describe('Tags (ids from `tags`), so that conditions can name a group of instruments.'),
    deterrence: z.number().describe('How much it deters renewed aggression, 0 (none) to 10.'),
    costs: sideMap(z.number())
      .default({})
      .describe('What it costs each side (money, forces, political capital).'),
    risks: sideMap(z.number())
      .default({})
      .describe('The danger it brings each side (casualties, confrontation).'),
    excludes: z.array(id).default([]).describe('Instruments that cannot stand in the same package.'),
    variants: z.array(VariantSchema).default([]).describe('Mutually exclusive readings; one must be chosen.'),
    rationale: z.string().optional().describe('Why these numbers, where the articles give none.'),
    source: z.array(CitationSchema).min(1).describe('Passages of the articles that describe this option.'),
  })
  .describe('An option on the table that a proposer side can put into the package.')

const RemovalSchema = z.strictObject({
  tags: z.array(id).default([]).describe('Instruments with any of these tags must come out.'),
  instruments: z.array(id).default([]).describe('These instruments must come out.'),
})

export const RedLineSchema = z.strictObject({
  id: id.describe("The red line's own id."),
  owner: id.describe('The responding side whose red line this is.'),
  title: text.describe('The red line in a few words, as players see it.'),
  when: ConditionSchema.describe('The package crosses the red line when this holds.'),
  severity: z
    .number()
    .int()
    .min(1)
    .max(5)
    .describe('How grave it is; a `warn` red line makes the responder this much less willing.'),
  response: z
    .strictObject({
      kind: z
        .enum(['reject', 'demandRemoval', 'warn'])
        .describe('reject: the package is refused; demandRemoval: parts must come out; warn: less willing.'),
      remove: RemovalSchema.optional().describe('For demandRemoval: what must come out of the package.'),
      effects: effects.describe('What crossing it does, once the package is tabled.'),
    })
    .describe('What the responder does when a package crosses this red line.'),
  resolve: ResolveSchema.optional(),
  rationale: text
    .optional()
    .describe(
      "Why this severity, answer and condition: how strong the words are, who said them and with what standing. Shown to players beside the severity, which is the game's choice.",
    ),
  stated: z
    .array(StatementSchema.required({ speaker: true }))
    .min(1)
    .describe('The words behind the red line.'),
})

export const PreferenceSchema = z.strictObject({
  id: id.describe("The preference's own id."),
  owner: id.describe('The responding side whose preference this is.'),
  title: text.describe('The preference in a few words, as players see it.'),
  when: ConditionSchema.describe('The preference counts when this holds.'),
  weight: z
    .number()
    .describe('Added to the responder’s disposition when `when` holds (negative: less willing).'),
  effects: effects.describe('What it does when a tabled package meets it.'),
  ...gameRuleFields('preference'),
  stated: z.array(StatementSchema).min(1).describe('The words behind the preference.'),
})

export const FlagSchema = z.strictObject({
  id: id.describe("The flag's id, by which conditions and effects name it."),
  name: text.describe("The flag's name as players see it."),
  description: text.describe('What it means when the flag is raised.'),
  settableBy: z.array(id).default([]).describe('Sides that may raise or lower this flag during negotiation.'),
  initial: z.boolean().default(false).describe('Whether the flag is raised when the game starts.'),
  source: z.array(CitationSchema).default([]).describe('Passages of the articles that back this flag.'),
})

export const EventSchema = z.strictObject({
  id: id.describe("The event's own id."),
  title: text.describe("The event's title as players see it."),
  text: text.describe('What happens, as players read it.'),
  round: z.number().int().min(1).optional().describe('Fires after the response in this round.'),
  when: ConditionSchema.optional().describe('Fires after a response when this holds.'),
  chance: z.number().min(0).max(1).default(1).describe('Probability it fires when due (seeded).'),
  repeat: z.boolean().default(false).describe('Whether it may fire again; otherwise it fires once at most.'),
  effects: effects.describe('What the event does when it fires.'),
  source: z.array(CitationSchema).default([]).describe('Passages of the articles that back this event.'),
})

export const EndingSchema = z.strictObject({
  id: id.describe("The ending's own id."),
  kind: z
    .enum(['deal', 'unilateral', 'collapse', 'escalation'])
    .describe('A deal, guarantees without consent, the talks collapsing, or escalation.'),
  title: text.describe("The ending's title as players see it."),
  text: text.describe('What happened, as players read it at the end.'),
  when: ConditionSchema.optional().describe('Checked after every response and decision, in file order.'),
  onRoundLimit: z.boolean().default(false).describe('The ending reached when the last round passes.'),
  scores: sideMap(z.number()).default({}).describe('Points each side gets when the game ends this way.'),
})

const ScoreTermSchema = z.union([
  z.strictObject({
    meter: id.describe('The meter whose final value counts.'),
    weight: z
      .number()
      .describe('Points per unit the final value stands above `from` (negative: lower is better).'),
    from: z
      .number()
      .optional()
      .describe("The value that scores 0; the meter's start when left out, so the line shows the change."),
    label: z.string().optional().describe("The line's label; without one, the meter's name and value."),
  }),
  z.strictObject({
    when: ConditionSchema.describe(
      'Checked on the package in force (accepted, or imposed without consent) and the final situation; a game that ends with no package in force scores no condition lines.',
    ),
    points: z.number().describe('Points given when the condition holds.'),
    label: text.describe("The line's label in the score."),
  }),
])

export const ScenarioSchema = z
  .strictObject({
    formatVersion: z
      .literal(FORMAT_VERSION)
      .describe(
        'The version of the format this file is written in; older files are updated as they are read.',
      ),
    id: id.describe("The scenario's own id."),
    title: text.describe("The scenario's title, shown when players choose it."),
    summary: text.describe('A few sentences that tell players what the scenario is about.'),
    language: languageCode.describe('The language of the texts written here, such as "en" or "uk".'),
    setOn: text.describe('The date the scenario is set, as YYYY-MM-DD or as the articles give it.'),
    stage: StageSchema,
    seeds: z
      .array(SeedSchema)
      .min(1)
      .max(LIMITS.sections.seeds)
      .describe(
        "The articles this scenario quotes, each with its text (or one of the game's library in seeds/); citations name them by `file`.",
      ),
    rounds: z.number().int().min(1).max(30).describe('The most rounds of negotiation a game can last.'),
    sides: z
      .array(SideSchema)
      .min(2)
      .max(LIMITS.sections.sides)
      .describe('The sides: exactly one responds, the others propose.'),
    actors: z
      .array(ActorSchema)
      .max(LIMITS.sections.actors)
      .default([])
      .describe('The people quoted, with their statements.'),
    tags: z.array(TagSchema).max(LIMITS.sections.tags).default([]).describe('Labels that group instruments.'),
    meters: z
      .array(MeterSchema)
      .min(1)
      .max(LIMITS.sections.meters)
      .describe('Numbers the game follows from round to round, shown as gauges.'),
    flags: z
      .array(FlagSchema)
      .max(LIMITS.sections.flags)
      .default([])
      .describe('Yes-or-no facts, raised and lowered by sides and effects.'),
    instruments: z
      .array(InstrumentSchema)
      .min(1)
      .max(LIMITS.sections.instruments)
      .describe('The options proposing sides can put into the package.'),
    redLines: z
      .array(RedLineSchema)
      .max(LIMITS.sections.redLines)
      .default([])
      .describe('What the responding side refuses, as stated in public.'),
    preferences: z
      .array(PreferenceSchema)
      .max(LIMITS.sections.preferences)
      .default([])
      .describe('What makes the responding side more or less willing, when no red line decides.'),
    response: z
      .strictObject({
        disposition: z.number().default(0).describe('Where the responder starts before preferences.'),
        acceptAt: z.number().default(0).describe('Accepts when disposition ≥ this and no red line rejects.'),
        noise: z.number().min(0).default(0).describe('Seeded random spread added to the disposition.'),
        effects: z
          .partialRecord(VerdictSchema, z.array(EffectSchema))
          .default({})
          .describe('Effects of each verdict, applied after those of the red lines and preferences.'),
      })
      .describe('How the responder answers when no red line decides.'),
    noPackage: z
      .strictObject({ effects: effects.describe('What a round without a tabled package does.') })
      .default({ effects: [] })
      .describe('When a round ends untabled.'),
    unilateral: z
      .strictObject({
        title: text.describe('The choice in a few words, shown when the proposers decide after an answer.'),
        description: text.describe('What the choice means, in a sentence or two.'),
        effects: effects.describe(
          'What going ahead does, after the flag `implemented-without-consent` is raised.',
        ),
        source: z.array(CitationSchema).default([]).describe('Passages of the articles on this choice.'),
      })
      .describe('What implementing the guarantees without the responder’s consent does.'),
    aftermath: AftermathSchema.optional(),
    events: z
      .array(EventSchema)
      .max(LIMITS.sections.events)
      .default([])
      .describe('Things that happen after an answer, by round or by condition.'),
    endings: z
      .array(EndingSchema)
      .min(1)
      .max(LIMITS.sections.endings)
      .describe('The ways the game can end, checked in file order.'),
    scoring: sideMap(
      z.strictObject({
        par: z.number().describe('A side with at least this score has come out ahead.'),
        terms: z.array(ScoreTermSchema).describe('The lines of the score, added up.'),
      }),
    ).describe('How each proposing side scores, by side id.'),
    constraintPenalty: z
      .number()
      .default(10)
      .describe('Points a side loses each time it endorses against its own constraints.'),
    translations: z
      .record(
        languageCode,
        z
          .record(z.string(), text.describe('The translated text.'))
          .describe('Translated texts of one language, each under the text path of the text it translates.'),
      )
      .optional()
      .describe(TRANSLATIONS_HELP),
  })
  .describe('A Red Lines scenario: the sides, the options, the red lines and how the game ends.')

export type Scenario = z.infer<typeof ScenarioSchema>
export type ScenarioInput = z.input<typeof ScenarioSchema>
export type Side = Scenario['sides'][number]
export type ReflectionQuestion = z.infer<typeof ReflectionQuestionSchema>
export type SideRole = z.infer<typeof RoleSchema>
export type Instrument = Scenario['instruments'][number]
export type Variant = Instrument['variants'][number]
export type RedLine = Scenario['redLines'][number]
export type Preference = Scenario['preferences'][number]
export type ScenarioEvent = Scenario['events'][number]
export type Ending = Scenario['endings'][number]
export type Meter = Scenario['meters'][number]
export type Citation = z.infer<typeof CitationSchema>
export type Seed = z.infer<typeof SeedSchema>
export type { Stage } from './stage.ts'
export type Statement = z.infer<typeof StatementSchema>
export type ScoreTerm = z.infer<typeof ScoreTermSchema>
