import { z } from 'zod'
import { LIMITS, RESERVED_KEYS } from '../limits.ts'
import { PackageAttributeSchema } from './conditions.ts'

/**
 * The small pieces every part of a scenario is built from (ids, texts, citations, effects), kept apart so
 * that the sections in `scenario.ts` and `uncertainty.ts` can both use them without importing each other.
 */

export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, like "reassurance-force"')
  // Ids become keys of plain objects in the game; these two would collide with what every object inherits.
  .refine((value) => !RESERVED_KEYS.has(value), 'this word is reserved; choose another id')
export const text = z.string().min(1)
export const languageCode = z
  .string()
  .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'use a language code such as "en" or "uk"')
export const sideMap = <T extends z.ZodType>(value: T) => z.record(id, value)

/** An article's address: only web addresses, so that a link in the game never runs script or opens a file. */
const webAddress = z
  .string()
  .regex(/^https?:\/\/\S+$/, 'use a web address that starts with http:// or https://')
  .max(2_000)

export const SeedSchema = z
  .strictObject({
    file: text.describe(
      "The article's name, by which citations name it: a file of the game's library (seeds/), such as `001_c6caf3647c93ce59.txt`, or a short name of your own (letters, digits, dots and dashes), such as `dam-talks.txt`, for an article whose `text` is given here.",
    ),
    title: text
      .optional()
      .describe(
        'A short title shown to students instead of the name, such as the headline; without one, students see the name.',
      ),
    outlet: text
      .optional()
      .describe('Where the article appeared, such as the newspaper or website, as students should read it.'),
    date: text.optional().describe('When the article appeared, as YYYY-MM-DD or as the article gives it.'),
    url: webAddress
      .optional()
      .describe('The web address where the article was published, shown to students as a link.'),
    text: z
      .string()
      .min(1)
      .max(LIMITS.articleText)
      .optional()
      .describe(
        "The article's whole text, so that it travels with the scenario: quotes are checked against it and students read it. Leave it out only for an article of the game's library.",
      ),
  })
  .describe(
    'An article this scenario quotes: its text travels with the scenario, or it is one of the library.',
  )

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
  modality: z
    .enum(['asserted', 'conditional', 'assessment', 'reported'])
    .optional()
    .describe(
      "How the words commit their speaker: `asserted` (said as fact or intent), `conditional` (would, could, if), `assessment` (an analyst's likely or probable), `reported` (the article's paraphrase, not the speaker's own words). Texts that rest on a conditional or an assessment must not say \"will\".",
    ),
})

export const EffectSchema = z
  .union([
    z.strictObject({
      meter: id.describe('The meter to move (an id from `meters`).'),
      add: z.number().describe('Moves the meter by this amount (clamped to its range).'),
      spread: z
        .number()
        .min(0)
        .optional()
        .describe('Adds a seeded random whole number between -spread and +spread.'),
    }),
    z.strictObject({
      meter: id.describe('The meter to set (an id from `meters`).'),
      set: z.number().describe('Puts the meter at this value.'),
    }),
    z.strictObject({
      meter: id.describe('The meter to set (an id from `meters`).'),
      fromPackage: PackageAttributeSchema.describe(
        'Sets the meter from the tabled package: offset + factor × sum.',
      ),
      side: id.optional().describe('For cost or risk: whose; without it, all sides together.'),
      factor: z.number().describe('What the package total is multiplied by.'),
      offset: z.number().optional().describe('Added to the result; 0 when left out.'),
    }),
    z.strictObject({ setFlag: id.describe('Raises a flag that conditions can test.') }),
    z.strictObject({ clearFlag: id.describe('Lowers a flag.') }),
  ])
  .describe('A change to the game: a meter moved or set, or a flag raised or lowered.')
export type Effect = z.infer<typeof EffectSchema>
export const effects = z.array(EffectSchema).default([])
