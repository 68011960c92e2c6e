import { en } from '../../../messages/en.ts'
import { h, type View } from '../../dom.ts'
import { getLanguage, type MessageKey, t } from '../../i18n/index.ts'

/**
 * The words of the forms: a field's label from the catalogue (`studio.field.<key>`), a choice's from
 * `studio.value.<field>.<value>`, and the format's own description of a field as its help. The descriptions
 * are written once, in English, in the schema; in another interface language they are shown as they are,
 * marked as English, rather than kept in a second copy that would drift from the format.
 */

/** True when the catalogue has `key` (for keys made from a field's name). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key)
}

/** "constraintPenalty" → "Constraint penalty": the last resort for a name the catalogue lacks. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A field's label: its name in the catalogue, or the name made readable. */
export function fieldLabel(key: string): string {
  const messageKey = `studio.field.${key}`
  return isMessageKey(messageKey) ? t(messageKey) : humanise(key)
}

/** Fields whose choices share one set of words (each of these names the same kind of thing). */
const VALUE_GROUP: Record<string, string> = {
  fromPackage: 'attribute',
  sum: 'attribute',
  share: 'attribute',
  response: 'verdict',
}

/** The words for `value` of the choice field `key` (the value as written when the catalogue lacks it). */
export function valueLabel(key: string, value: string): string {
  const messageKey = `studio.value.${VALUE_GROUP[key] ?? key}.${value}`
  return isMessageKey(messageKey) ? t(messageKey) : value
}

/** "Add a side": the words of a list's Add button, by the list's key. */
export function addLabel(listKey: string): string {
  const messageKey = `studio.add.${listKey}`
  return isMessageKey(messageKey) ? t(messageKey) : t('studio.form.add')
}

/**
 * A description from the format as help under a field, with its `code` spans shown as code; marked English
 * when the interface is in another language. Null when the format gives none.
 */
export function helpText(description: string | undefined, id: string): View | null {
  if (!description) return null
  const parts = description.split('`').map((part, i) => (i % 2 ? h('code', {}, part) : part))
  const lang = getLanguage() === 'en' ? undefined : 'en'
  return h('p', { class: 'hint studio-help', id, ...(lang ? { lang } : {}) }, parts)
}

/** A text cut to `max` characters for a summary line, with an ellipsis when cut. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
