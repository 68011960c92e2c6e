import { z } from 'zod'
import { ConditionSchema, PackageAttributeSchema } from './conditions.ts'
import { TRANSLATIONS_HELP } from './text-paths.ts'

/** The scenario format this build of the game writes and understands best. */
export const FORMAT_VERSION = 2

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, like "reassurance-force"')
const text = z.string().min(1)
const languageCode = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'use a language code such as "en" or "uk"')
const sideMap = <T extends z.ZodType>(value: T) => z.record(id, value)

export const SeedSchema = z
  .strictObject({
    file: text.describe("The article's file name in seeds/, such as `001_c6caf3647c93ce59.txt`."),
    title: text
      .optional()
      .describe(
        'A short title shown to students instead of the file name, such as the headline; without one, students see the file name.',
      ),
  })
  .describe('A seed article this scenario quotes.')

export const CitationSchema = z
  .strictObject({
    seed: text.describe('The seed article quoted: a file name from `seeds` at the top of the scenario.'),
    quote: text.describe('Words copied exactly from that article (spacing and curly quotes may differ).'),
  })
  .describe('A passage of a seed article that backs this element.')

export const StatementSchema = CitationSchema.extend({
  speaker: id.optional().describe('The actor who said it (an id from `actors`).'),
  date: z
    .string()
    .optional()
    .describe('When it was said, as the article gives it; omit if the article does not say.'),
  context: z.string().optional().describe('One neutral sentence on the setting of the words.'),
})

const EffectSchema = z
  .union([
    z.strictObject({
      meter: id,
      add: z.number().describe('Moves the meter by this amount (clamped to its range).'),
      spread: z
        .number()
        .min(0)
        .optional()
        .describe('Adds a seeded random whole number between -spread and +spread.'),
    }),
    z.strictObject({ meter: id, set: z.number().describe('Puts the meter at this value.') }),
    z.strictObject({
      meter: id,
      fromPackage: PackageAttributeSchema.describe(
        'Sets the meter from the tabled package: offset + factor × sum.',
      ),
      side: id.optional(),
      factor: z.number(),
      offset: z.number().optional(),
    }),
    z.strictObject({ setFlag: id.describe('Raises a flag that conditions can test.') }),
    z.strictObject({ clearFlag: id.describe('Lowers a flag.') }),
  ])
  .describe('A change to the game: a meter moved or set, or a flag raised or lowered.')
export type Effect = z.infer<typeof EffectSchema>
const effects = z.array(EffectSchema).default([])

export const ConstraintSchema = z
  .strictObject({
    id,
    text: text.describe('The constraint in plain words, as the side would put it.'),
    when: ConditionSchema.optional().describe('The constraint applies only to packages where this holds.'),
    requires: ConditionSchema.describe(
      'What the package (and the situation) must satisfy for this side to endorse.',
    ),
    source: z.array(CitationSchema).default([]),
  })
  .describe('A side will not endorse a package that breaks this. Computer players always respect it.')

export const SideSchema = z.strictObject({
  id,
  name: text,
  role: z
    .enum(['proposer', 'responder'])
    .describe('Proposers build the package; the one responder answers it.'),
  briefing: text.describe("What a player of this side reads first: who they are and what's at stake."),
  interests: z.array(text).min(1),
  constraints: z.array(ConstraintSchema).default([]),
})

export const ActorSchema = z.strictObject({
  id,
  name: text,
  office: text.describe('Office or affiliation as the article gives it.'),
  side: id.optional().describe('The side the actor speaks for; omit for analysts and observers.'),
  kind: z.enum(['official', 'legislator', 'analyst', 'journalist', 'source']),
  statements: z.array(StatementSchema.omit({ speaker: true })).min(1),
})

export const TagSchema = z.strictObject({ id, name: text, description: text })

export const MeterSchema = z.strictObject({
  id,
  name: text,
  description: text,
  min: z.number().default(0),
  max: z.number().default(100),
  start: z.number(),
  better: z.enum(['higher', 'lower', 'neither']).default('neither'),
})

const VariantSchema = z.strictObject({
  id,
  name: text,
  description: text,
  deterrence: z.number().optional().describe("Replaces the instrument's deterrence for this variant."),
  tags: z.array(id).default([]).describe("Added to the instrument's tags for this variant."),
  costs: sideMap(z.number()).optional(),
  risks: sideMap(z.number()).optional(),
  source: z.array(CitationSchema).default([]),
})

export const InstrumentSchema = z
  .strictObject({
    id,
    name: text,
    description: text,
    proposers: z.array(id).describe('The sides that can put this instrument into the package.'),
    tags: z.array(id).default([]),
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
    source: z.array(CitationSchema).min(1),
  })
  .describe('An option on the table that a proposer side can put into the package.')

const RemovalSchema = z.strictObject({ tags: z.array(id).default([]), instruments: z.array(id).default([]) })

export const RedLineSchema = z.strictObject({
  id,
  owner: id.describe('The responding side whose red line this is.'),
  title: text,
  when: ConditionSchema.describe('The package crosses the red line when this holds.'),
  severity: z.number().int().min(1).max(5),
  response: z.strictObject({
    kind: z.enum(['reject', 'demandRemoval', 'warn']),
    remove: RemovalSchema.optional().describe('For demandRemoval: what must come out of the package.'),
    effects,
  }),
  stated: z
    .array(StatementSchema.required({ speaker: true }))
    .min(1)
    .describe('The words behind the red line.'),
})

export const PreferenceSchema = z.strictObject({
  id,
  owner: id,
  title: text,
  when: ConditionSchema,
  weight: z
    .number()
    .describe('Added to the responder’s disposition when `when` holds (negative: less willing).'),
  effects,
  stated: z.array(StatementSchema).min(1),
})

export const FlagSchema = z.strictObject({
  id,
  name: text,
  description: text,
  settableBy: z.array(id).default([]).describe('Sides that may raise or lower this flag during negotiation.'),
  initial: z.boolean().default(false),
  source: z.array(CitationSchema).default([]),
})

export const EventSchema = z.strictObject({
  id,
  title: text,
  text,
  round: z.number().int().min(1).optional().describe('Fires after the response in this round.'),
  when: ConditionSchema.optional().describe('Fires after a response when this holds.'),
  chance: z.number().min(0).max(1).default(1).describe('Probability it fires when due (seeded).'),
  repeat: z.boolean().default(false),
  effects,
  source: z.array(CitationSchema).default([]),
})

export const EndingSchema = z.strictObject({
  id,
  kind: z.enum(['deal', 'unilateral', 'collapse', 'escalation']),
  title: text,
  text,
  when: ConditionSchema.optional().describe('Checked after every response and decision, in file order.'),
  onRoundLimit: z.boolean().default(false).describe('The ending reached when the last round passes.'),
  scores: sideMap(z.number()).default({}),
})

const ScoreTermSchema = z.union([
  z.strictObject({ meter: id, weight: z.number(), label: z.string().optional() }),
  z.strictObject({ when: ConditionSchema, points: z.number(), label: text }),
])

export const ScenarioSchema = z
  .strictObject({
    formatVersion: z.literal(FORMAT_VERSION),
    id,
    title: text,
    summary: text,
    language: languageCode.describe('The language of the texts written here, such as "en" or "uk".'),
    setOn: text.describe('The date the scenario is set, as YYYY-MM-DD or as the articles give it.'),
    seeds: z
      .array(SeedSchema)
      .min(1)
      .describe(
        'The seed articles (files in seeds/) that this scenario quotes; citations name them by `file`.',
      ),
    rounds: z.number().int().min(1).max(30),
    sides: z.array(SideSchema).min(2),
    actors: z.array(ActorSchema).default([]),
    tags: z.array(TagSchema).default([]),
    meters: z.array(MeterSchema).min(1),
    flags: z.array(FlagSchema).default([]),
    instruments: z.array(InstrumentSchema).min(1),
    redLines: z.array(RedLineSchema).default([]),
    preferences: z.array(PreferenceSchema).default([]),
    response: z.strictObject({
      disposition: z.number().default(0).describe('Where the responder starts before preferences.'),
      acceptAt: z.number().default(0).describe('Accepts when disposition ≥ this and no red line rejects.'),
      noise: z.number().min(0).default(0).describe('Seeded random spread added to the disposition.'),
      effects: z
        .partialRecord(z.enum(['accept', 'demandRemoval', 'reject']), z.array(EffectSchema))
        .default({})
        .describe('Effects of each verdict, applied after those of the red lines and preferences.'),
    }),
    noPackage: z.strictObject({ effects }).default({ effects: [] }).describe('When a round ends untabled.'),
    unilateral: z
      .strictObject({ title: text, description: text, effects, source: z.array(CitationSchema).default([]) })
      .describe('What implementing the guarantees without the responder’s consent does.'),
    events: z.array(EventSchema).default([]),
    endings: z.array(EndingSchema).min(1),
    scoring: sideMap(
      z.strictObject({
        par: z.number().describe('A side with at least this score has come out ahead.'),
        terms: z.array(ScoreTermSchema),
      }),
    ),
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
export type Instrument = Scenario['instruments'][number]
export type Variant = Instrument['variants'][number]
export type RedLine = Scenario['redLines'][number]
export type Preference = Scenario['preferences'][number]
export type ScenarioEvent = Scenario['events'][number]
export type Ending = Scenario['endings'][number]
export type Meter = Scenario['meters'][number]
export type Citation = z.infer<typeof CitationSchema>
export type Seed = z.infer<typeof SeedSchema>
export type Statement = z.infer<typeof StatementSchema>
export type ScoreTerm = z.infer<typeof ScoreTermSchema>
