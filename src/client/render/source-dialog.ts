import { findQuote } from '../../core/scenario/load/quotes.ts'
import { button, clear, h } from '../dom.ts'
import { onLanguageChange, t } from '../i18n/index.ts'

/** The modal that shows a seed article with the quoted passage highlighted. */
export interface SourceDialog {
  element: HTMLDialogElement
  /** Opens the article `seed` (a file name) at `quote`; `heading` names it (its title, by default the file). */
  open: (seed: string, quote: string, heading?: string) => void
}

/**
 * Creates the source dialog once; `open` fills it with the article, marks the quote and scrolls it into
 * view. Escape and the Close button close it, and focus returns to the button that opened it.
 */
export function createSourceDialog(seeds: Readonly<Record<string, string>>): SourceDialog {
  const title = h('h2', { id: 'source-title' })
  const note = h('p', { class: 'hint' })
  // The articles are English, whatever the interface's language.
  const article = h('div', { class: 'article', role: 'region', lang: 'en', tabindex: 0 })
  const element = h('dialog', { class: 'source', 'aria-labelledby': 'source-title' })
  const close = button('', () => element.close(), { class: 'close' })
  // The dialog outlives every screen, so it follows a language switch itself.
  const label = () => {
    article.setAttribute('aria-label', t('source.article'))
    close.textContent = t('source.close')
  }
  label()
  onLanguageChange(label)
  element.append(h('div', { class: 'dialog-head' }, [title, close]), note, article)
  let opener: HTMLElement | null = null
  element.addEventListener('close', () => {
    if (opener?.isConnected) opener.focus()
    opener = null
  })

  function open(seed: string, quote: string, heading = seed): void {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    title.textContent = t('common.source', { seed: heading })
    clear(article)
    const text = seeds[seed]
    let mark: HTMLElement | null = null
    if (text === undefined) {
      note.textContent = t('source.missing')
    } else {
      const at = findQuote(text, quote)
      if (at) {
        mark = h('mark', {}, text.slice(at.start, at.end))
        article.append(text.slice(0, at.start), mark, text.slice(at.end))
        note.textContent = t('source.found')
      } else {
        article.append(text)
        note.textContent = t('source.notFound')
      }
    }
    element.showModal()
    close.focus()
    mark?.scrollIntoView({ block: 'center' })
  }

  return { element, open }
}
