/** The catalogue's types live with the shared catalogue (src/messages); re-exported for the interface. */
export type { Language, Message, Params, PluralForms } from '../../messages/types.ts'
