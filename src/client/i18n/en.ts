import type { Message } from './types.ts'

/**
 * The English interface text: the source of every key. Keys are grouped by screen (`title.…`, `setup.…`),
 * messages use `{name}` placeholders, and a message that depends on a number has plural forms.
 */
export const en = {
  'app.name': 'Red Lines',
  'app.subtitle': 'A role-play on security guarantees',
  'language.label': 'Language',
} satisfies Record<string, Message>

/** Every key of the interface catalogue. */
export type MessageKey = keyof typeof en
