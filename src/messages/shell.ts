import type { Language } from './types.ts'

/**
 * The few texts of the first screen's shell (the title, "New game", the loading line), in every language.
 * The browser's first script needs only these, so it does not carry the whole catalogue; `en.ts` and
 * `uk.ts` take them from here, so each text is written once.
 */
export const SHELL = {
  en: {
    'app.name': 'Red Lines',
    'app.subtitle': 'A role-play on security guarantees',
    'app.loading': 'Loading the scenarios and your saved games…',
    'doc.title': 'Red Lines',
    'common.newGame': 'New game',
  },
  uk: {
    'app.name': 'Червоні лінії',
    'app.subtitle': 'Рольова гра про гарантії безпеки',
    'app.loading': 'Завантаження сценаріїв і ваших збережених ігор…',
    'doc.title': 'Червоні лінії',
    'common.newGame': 'Нова гра',
  },
} as const satisfies Record<Language, Record<string, string>>

export type ShellKey = keyof (typeof SHELL)['en']
