import { h, uid } from '../dom.ts'
import './switch.css'
import { getLanguage, LANGUAGES, type Language, onLanguageChange, setLanguage, t } from './index.ts'

/**
 * The language switch: a labelled select («Мова» / "Language") whose options name each language in itself
 * and carry its `lang`, so a screen reader pronounces "Українська" as Ukrainian. It lives outside the screens
 * (in the page header), keeps its own label up to date, and switching re-renders through `onLanguageChange`.
 */
export function createLanguageSwitch(): HTMLElement {
  const id = uid('language')
  const label = h('label', { for: id }, t('language.label'))
  const select = h(
    'select',
    {
      id,
      'data-key': 'language',
      onchange: (e) => setLanguage((e.target as HTMLSelectElement).value as Language),
    },
    LANGUAGES.map((l) =>
      h('option', { value: l.code, lang: l.code, selected: l.code === getLanguage() }, l.name),
    ),
  )
  onLanguageChange((language) => {
    label.textContent = t('language.label')
    select.value = language
  })
  return h('div', { class: 'language-switch' }, [label, select])
}
