import { useEffect, useRef, useState } from 'preact/hooks'
import { button, component, h, useUid, type View } from '../dom.ts'
import './switch.css'
import { getLanguage, LANGUAGES, type Language, onLanguageChange, setLanguage, t } from './index.ts'

/**
 * The interface's language, kept up to date: a component that calls it draws itself again after a switch.
 * For the parts of the page that outlive the screens (the header, the notice bar, the source dialog).
 */
export function useLanguage(): Language {
  const [language, setCurrent] = useState(getLanguage)
  useEffect(() => {
    // A switch between the first drawing and this subscription is caught up at once.
    setCurrent(getLanguage())
    return onLanguageChange(setCurrent)
  }, [])
  return language
}

/** Keys that move through a closed select's options without choosing one for good (WCAG 3.2.2). */
const BROWSING_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
])
const isLanguage = (value: string): value is Language => LANGUAGES.some((l) => l.code === value)

/**
 * The language switch: a labelled select («Мова» / "Language") whose options name each language in itself
 * and carry its `lang`, so a screen reader pronounces "Українська" as Ukrainian.
 *
 * Switching rewords the whole page, so it happens only on an explicit choice (WCAG 3.2.2, on input): a
 * choice made with the pointer (or on a touch screen's picker) applies at once, but arrow keys and typing
 * on the closed select only move through the options, as a screen reader user listens to them. That
 * browsed choice applies on Enter, or with the "Change language" button that appears next to the select
 * while it shows a language other than the interface's; leaving both without either puts the select back.
 */
function LanguageSwitch(): View {
  const language = useLanguage()
  const [pending, setPending] = useState<Language | null>(null)
  const browsing = useRef(false)
  const select = useRef<HTMLSelectElement>(null)
  // Preact numbers ids per render root, and the header is a root of its own: the prefix keeps this id from
  // repeating one of the screen's (whose label would then name this select).
  const id = useUid('language')
  const apply = (next: Language) => {
    browsing.current = false
    // The button that applied it goes away: focus stays on the select rather than falling to the page.
    select.current?.focus()
    setPending(null)
    setLanguage(next)
  }
  const choose = (value: string) => {
    if (!isLanguage(value)) return
    if (browsing.current) setPending(value === language ? null : value)
    else apply(value)
  }
  const onkeydown = (e: KeyboardEvent) => {
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey
    if (BROWSING_KEYS.has(e.key) || (plain && e.key.length === 1 && e.key !== ' ')) browsing.current = true
    else if (e.key === 'Enter') {
      browsing.current = false
      // After the browser's own handling, which may commit an option of an open list first.
      setTimeout(() => {
        const value = select.current?.value ?? ''
        if (isLanguage(value) && value !== getLanguage()) apply(value)
      }, 0)
    }
  }
  const onfocusout = (e: FocusEvent) => {
    const to = e.relatedTarget
    const within = to instanceof Node && (e.currentTarget as HTMLElement).contains(to)
    if (!within) {
      browsing.current = false
      setPending(null)
    }
  }
  return h('div', { class: 'language-switch', onfocusout }, [
    h('label', { for: id }, t('language.label')),
    h(
      'select',
      {
        id,
        ref: select,
        value: pending ?? language,
        onkeydown,
        onpointerdown: () => {
          browsing.current = false
        },
        onchange: (e: Event) => choose((e.currentTarget as HTMLSelectElement).value),
      },
      LANGUAGES.map((l) => h('option', { key: l.code, value: l.code, lang: l.code }, l.name)),
    ),
    pending ? button(t('language.apply'), () => apply(pending), { class: 'small' }) : null,
  ])
}

/**
 * The language switch for the page header (outside the screens), as a view that keeps itself up to date:
 * place it once, e.g. `h('header', { class: 'site-head' }, [name, subtitle, createLanguageSwitch()])`.
 */
export function createLanguageSwitch(): View {
  return component(LanguageSwitch, {})
}
