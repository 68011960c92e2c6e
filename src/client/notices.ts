import { useEffect, useState } from 'preact/hooks'
import { button, type Children, component, h, type View } from './dom.ts'
import { getLanguage, type MessageKey, t } from './i18n/index.ts'
import { useLanguage } from './i18n/switch.ts'

/** A message for the player: a refusal from the rules, a warning, a note, or a problem. */
export type Notice = {
  kind: 'refusal' | 'warning' | 'info' | 'error'
  /** The text, or a function that words it: then a language switch words the notice again. */
  lines: string[] | (() => string[])
  /** What the player can do about it. */
  fix?: string
  code?: string
}

/** The notice bar and the live region, and what the rest of the page tells them. */
export interface Notices {
  /** Shows a notice in the bar (replacing the one there), or clears the bar with `null`. */
  show: (notice: Notice | null) => void
  /** Says `text` politely to screen readers (news such as Russia's answer); an empty text says nothing. */
  announce: (text: string) => void
  /** The notice bar, as a view that keeps itself up to date: place it once in the page frame. */
  bar: View
  /** The visually hidden polite live region, as a view that keeps itself up to date: place it once. */
  live: View
}

const LABELS: Record<Notice['kind'], MessageKey> = {
  refusal: 'notice.refusal',
  warning: 'notice.warning',
  info: 'notice.info',
  error: 'notice.error',
}

/** What the bar and the region show; `count` tells one showing of a text from the next of the same text. */
interface Shown<T> {
  value: T
  count: number
}

/** A value that components follow: set it and every subscriber draws itself again. */
function cell<T>(value: T) {
  let current: Shown<T> = { value, count: 0 }
  const listeners = new Set<(shown: Shown<T>) => void>()
  return {
    get: () => current,
    set: (next: T) => {
      current = { value: next, count: current.count + 1 }
      for (const listener of [...listeners]) listener(current)
    },
    subscribe: (listener: (shown: Shown<T>) => void) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
type Cell<T> = ReturnType<typeof cell<T>>

function useCell<T>(source: Cell<T>): Shown<T> {
  const [shown, setShown] = useState(source.get)
  useEffect(() => {
    setShown(source.get())
    return source.subscribe(setShown)
  }, [source])
  return shown
}

/**
 * Dismissing the notice takes its button away: focus goes to the screen's heading rather than falling to
 * the page's body, so a keyboard or screen reader user carries on from the top of the screen.
 */
function focusScreen(): void {
  document.getElementById('screen-heading')?.focus()
}

function NoticeBar({ source }: { source: Cell<Notice | null> }): View {
  const { value: notice, count } = useCell(source)
  // A notice worded by a function (a refusal of the rules, a warning) follows the interface's language.
  useLanguage()
  if (!notice) return h('div', { class: 'notice-bar', 'data-kind': 'none' }, noticeRegion([]))
  const lines = typeof notice.lines === 'function' ? notice.lines() : notice.lines
  // A new notice gets new paragraphs (their key), so the alert is read again even when its text repeats.
  const content = [
    ...lines.map((line, i) =>
      h('p', { key: `${count}:${i}` }, [h('strong', {}, `${t(LABELS[notice.kind])}: `), line]),
    ),
    notice.fix ? h('p', { key: `${count}:fix` }, [h('strong', {}, t('notice.fix')), ' ', notice.fix]) : null,
  ]
  return h(
    'div',
    // The code is for tests and support, never shown: the player reads the worded lines above.
    { class: 'notice-bar', 'data-kind': notice.kind, 'data-code': notice.code },
    [
      noticeRegion(content),
      button(
        t('notice.dismiss'),
        () => {
          focusScreen()
          source.set(null)
        },
        { class: 'small' },
      ),
    ],
  )
}

/** The alert region itself stays in the page, empty or not, so that screen readers follow it. */
function noticeRegion(content: Children): View {
  return h('div', { class: 'notice', role: 'alert', 'aria-atomic': 'true' }, content)
}

function LiveRegion({ source, said }: { source: Cell<string>; said: { lang: string } }): View {
  const { value, count } = useCell(source)
  // Each announcement is a new node (its key), so that the same news twice is said twice.
  return h(
    'div',
    { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' },
    // Worded in the language of the moment: a later switch of language leaves it in that one, and says so.
    value ? h('span', { key: count, lang: said.lang }, value) : null,
  )
}

/**
 * The notice bar (an alert region that screen readers read at once) and a polite live region for news
 * such as Russia's answer. Both live outside the screen, so updating a screen does not repeat them; both are
 * components that follow `show` and `announce` themselves.
 */
export function createNotices(): Notices {
  const notice = cell<Notice | null>(null)
  const news = cell('')
  const said = { lang: getLanguage() }
  return {
    show: (next) => {
      // The Dismiss button goes with the notice: if it had focus, focus goes to the screen's heading.
      if (!next && document.activeElement?.closest('.notice-bar')) focusScreen()
      notice.set(next)
    },
    announce: (text) => {
      if (!text) return
      said.lang = getLanguage()
      news.set(text)
    },
    bar: component(NoticeBar, { source: notice }),
    live: component(LiveRegion, { source: news, said }),
  }
}
