import { findQuote } from '../../core/scenario/load/quotes.ts'
import { button, clear, h } from '../dom.ts'

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
  const article = h('div', {
    class: 'article',
    role: 'region',
    'aria-label': 'Article text',
    tabindex: 0,
  })
  const element = h('dialog', { class: 'source', 'aria-labelledby': 'source-title' })
  const close = button('Close', () => element.close(), { class: 'close' })
  element.append(h('div', { class: 'dialog-head' }, [title, close]), note, article)
  let opener: HTMLElement | null = null
  element.addEventListener('close', () => {
    if (opener?.isConnected) opener.focus()
    opener = null
  })

  function open(seed: string, quote: string, heading = seed): void {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    title.textContent = `Source: ${heading}`
    clear(article)
    const text = seeds[seed]
    let mark: HTMLElement | null = null
    if (text === undefined) {
      note.textContent = 'This article is not available in this copy of the game.'
    } else {
      const at = findQuote(text, quote)
      if (at) {
        mark = h('mark', {}, text.slice(at.start, at.end))
        article.append(text.slice(0, at.start), mark, text.slice(at.end))
        note.textContent = 'The whole article as stored with the game. The quoted passage is highlighted.'
      } else {
        article.append(text)
        note.textContent =
          'The whole article as stored with the game. The quoted passage could not be located.'
      }
    }
    element.showModal()
    close.focus()
    mark?.scrollIntoView({ block: 'center' })
  }

  return { element, open }
}
