import { button, clear, h } from './dom.ts'
import { type MessageKey, onLanguageChange, t } from './i18n/index.ts'

/** A message for the player: a refusal from the rules, a warning, a note, or a problem. */
export type Notice = {
  kind: 'refusal' | 'warning' | 'info' | 'error'
  /** The text, or a function that words it: then a language switch words the notice again. */
  lines: string[] | (() => string[])
  /** What the player can do about it. */
  fix?: string
  code?: string
}

const LABELS: Record<Notice['kind'], MessageKey> = {
  refusal: 'notice.refusal',
  warning: 'notice.warning',
  info: 'notice.info',
  error: 'notice.error',
}

/**
 * The notice bar (an alert region that screen readers read at once) and a polite live region for news
 * such as Russia's answer. Both live outside the screen, so re-rendering a screen does not repeat them.
 */
export function createNotices() {
  const alert = h('div', { class: 'notice', role: 'alert', 'aria-atomic': 'true' })
  const bar = h('div', { class: 'notice-bar', 'data-kind': 'none' }, alert)
  const live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' })
  let current: Notice | null = null
  const show = (notice: Notice | null): void => {
    current = notice
    clear(alert)
    bar.querySelector('button')?.remove()
    bar.dataset.kind = notice?.kind ?? 'none'
    delete bar.dataset.code
    if (!notice) return
    for (const line of typeof notice.lines === 'function' ? notice.lines() : notice.lines)
      alert.append(h('p', {}, [h('strong', {}, `${t(LABELS[notice.kind])}: `), line]))
    if (notice.fix) alert.append(h('p', {}, [h('strong', {}, t('notice.fix')), ' ', notice.fix]))
    // The code is for tests and support, never shown: the player reads the worded lines above.
    if (notice.code) bar.dataset.code = notice.code
    bar.append(button(t('notice.dismiss'), () => show(null), { class: 'small' }))
  }
  // A notice worded by a function (a refusal of the rules, a warning) follows the interface's language.
  onLanguageChange(() => {
    if (current && typeof current.lines === 'function') show(current)
  })
  const announce = (text: string): void => {
    if (text) live.textContent = text
  }
  return { bar, live, show, announce }
}
