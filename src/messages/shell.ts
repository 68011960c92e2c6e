import type { Language } from './types.ts'

/**
 * The few texts of the first screen's shell (the title, "New game", the loading line, and what a built page
 * opened from a double-click says), in every language.
 * The browser's first script needs only these, so it does not carry the whole catalogue; `en.ts` and
 * `uk.ts` take them from here, so each text is written once.
 */
export const SHELL = {
  en: {
    'app.name': 'Red Lines',
    'app.subtitle': 'A role-play on negotiations and red lines',
    'app.loading': 'Loading the scenarios and your saved games…',
    'doc.title': 'Red Lines',
    'common.newGame': 'New game',
    'file.needsServer':
      'This page needs a web server. Open red-lines.html, the single-file copy of the game beside it, instead.',
    'file.openSingle': 'Open red-lines.html (the single-file copy)',
  },
  uk: {
    'app.name': 'Червоні лінії',
    'app.subtitle': 'Рольова гра про переговори й червоні лінії',
    'app.loading': 'Завантаження сценаріїв і ваших збережених ігор…',
    'doc.title': 'Червоні лінії',
    'common.newGame': 'Нова гра',
    'file.needsServer':
      'Ця сторінка потребує вебсервера. Відкрийте натомість red-lines.html — копію гри в одному файлі, що лежить поруч.',
    'file.openSingle': 'Відкрити red-lines.html (копію в одному файлі)',
  },
} as const satisfies Record<Language, Record<string, string>>

export type ShellKey = keyof (typeof SHELL)['en']
