import { z } from 'zod'
import { text } from './common.ts'

/** The maps the game ships, by the name a scenario chooses them with. */
export const STAGE_MAPS = ['europe'] as const

/** The image types a scenario's stage may carry: raster images, or SVG (checked for anything active). */
export const STAGE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'] as const

/**
 * What the game draws behind the table: one of the shipped maps, a neutral negotiating table, or an image that
 * travels with the scenario. Older files (format 3 and before) were all drawn on the map of Europe; format 4's
 * default is the neutral table, so that a scenario on another conflict never shows the wrong country.
 */
export const StageSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({ kind: z.literal('table').describe('A neutral negotiating table, for any topic.') })
      .describe('A neutral negotiating table.'),
    z
      .strictObject({
        kind: z.literal('map').describe('One of the maps shipped with the game.'),
        map: z
          .enum(STAGE_MAPS)
          .describe('Which shipped map: `europe` (Europe, with Ukraine and Russia marked).'),
      })
      .describe('A map shipped with the game.'),
    z
      .strictObject({
        kind: z.literal('image').describe('An image that travels inside the scenario file.'),
        image: z
          .string()
          .startsWith('data:image/', 'give the image as a data: address, as the studio writes it')
          .describe(
            'The image as a data: address (PNG, JPEG, WebP or SVG), as the studio writes it when you choose a picture; at most 400 kB, and an SVG may hold no scripts, links or event handlers.',
          ),
        alt: text.describe('What the image shows, in a sentence, for players who cannot see it.'),
        credit: text
          .optional()
          .describe('Who made the image and under what licence, shown under it; your own or public domain.'),
      })
      .describe('An image of your own.'),
  ])
  .default({ kind: 'table' })
  .describe(
    'What the game draws behind the table: `kind: table` (a neutral table), `kind: map` with `map: europe`, or `kind: image` with an image of your own.',
  )

export type Stage = z.infer<typeof StageSchema>
