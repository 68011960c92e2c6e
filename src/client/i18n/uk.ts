import type { en, MessageKey } from './en.ts'
import type { PluralForms } from './types.ts'

/** Ukrainian plural forms: 1 раунд, 2 раунди, 5 раундів, 1,5 раунду. */
export interface UkrainianPlural extends PluralForms {
  one: string
  few: string
  many: string
  other: string
}

/** A catalogue with every English key: text for text, Ukrainian plural forms for plural messages. */
export type UkrainianCatalogue = {
  [K in MessageKey]: (typeof en)[K] extends string ? string : UkrainianPlural
}

/** The Ukrainian interface text. */
export const uk: UkrainianCatalogue = {
  'app.name': 'Червоні лінії',
  'app.subtitle': 'Рольова гра про гарантії безпеки',
  'language.label': 'Мова',
}
