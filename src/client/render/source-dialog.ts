import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { findQuote } from '../../core/scenario/load/quotes.ts'
import type { Seed } from '../../core/scenario/schema/scenario.ts'
import { button, component, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { withForeignPart } from '../i18n/scenario.ts'
import { useLanguage } from '../i18n/switch.ts'

/** The modal that shows a seed article with the quoted passage highlighted. */
export interface SourceDialog {
  /** The `<dialog>`, as a view that keeps itself up to date: place it once in the page frame. */
  element: View
  /**
   * Opens the article `seed` at `quote`. `article` is the scenario's entry for it: its title names the
   * dialog (by default the name), its outlet, date and address are shown, and its text, when the scenario
   * carries one, is shown instead of the library's article of that name.
   */
  open: (seed: string, quote: string, article?: Seed) => void
}

/** What was asked for last; `count` tells one opening from the next of the same passage. */
interface Request {
  seed: string
  quote: string
  heading: string
  article: Seed | undefined
  count: number
}

interface Props {
  seeds: Readonly<Record<string, string>>
  current: () => Request | null
  subscribe: (listener: () => void) => () => void
  /** The element focused before the dialog opened, to give focus back to when it closes. */
  opener: () => HTMLElement | null
}

/** The article's text, with the quote marked when it is found, and the note that says whether it was. */
function articleText(text: string | undefined, quote: string, mark: (el: HTMLElement | null) => void) {
  if (text === undefined) return { note: t('source.missing'), parts: [] }
  const at = findQuote(text, quote)
  if (!at) return { note: t('source.notFound'), parts: [text] }
  return {
    note: t('source.found'),
    parts: [
      text.slice(0, at.start),
      h('mark', { ref: mark }, text.slice(at.start, at.end)),
      text.slice(at.end),
    ],
  }
}

/** The library's article of that name, if there is one (never something every object inherits). */
const libraryArticle = (seeds: Readonly<Record<string, string>>, name: string) =>
  Object.hasOwn(seeds, name) ? seeds[name] : undefined

/** Where and when the article appeared, and its address as a link, when the scenario gives them. */
function articleFacts(article: Seed | undefined): View | null {
  if (!article || (!article.outlet && !article.date && !article.url)) return null
  const facts = [article.outlet, article.date].filter((x): x is string => Boolean(x)).join(', ')
  return h('p', { class: 'article-facts', lang: 'en' }, [
    facts,
    article.url
      ? [
          facts ? ' · ' : '',
          h('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, t('source.original')),
        ]
      : null,
  ])
}

function Dialog({ seeds, current, subscribe, opener }: Props): View {
  // The dialog outlives every screen, so it follows a language switch itself.
  useLanguage()
  const [request, setRequest] = useState(current)
  useEffect(() => {
    setRequest(current())
    return subscribe(() => setRequest(current()))
  }, [current, subscribe])
  const dialog = useRef<HTMLDialogElement>(null)
  const close = useRef<HTMLButtonElement>(null)
  const mark = useRef<HTMLElement | null>(null)
  // Each opening: show the dialog (before it is painted), focus Close and bring the quote into view.
  useLayoutEffect(() => {
    const el = dialog.current
    if (!request || !el) return
    if (!el.open) el.showModal()
    close.current?.focus()
    mark.current?.scrollIntoView({ block: 'center' })
  }, [request])
  const { note, parts } = request
    ? articleText(request.article?.text ?? libraryArticle(seeds, request.seed), request.quote, (el) => {
        mark.current = el
      })
    : { note: '', parts: [] }
  return h(
    'dialog',
    {
      ref: dialog,
      class: 'source',
      'aria-labelledby': 'source-title',
      onclose: () => {
        const back = opener()
        if (back?.isConnected) back.focus()
      },
    },
    [
      h('div', { class: 'dialog-head' }, [
        h(
          'h2',
          { id: 'source-title' },
          request
            ? withForeignPart(t('common.source', { seed: request.heading }), request.heading, 'en')
            : '',
        ),
        button(t('source.close'), () => dialog.current?.close(), { class: 'close', ref: close }),
      ]),
      request ? articleFacts(request.article) : null,
      h('p', { class: 'hint' }, note),
      // The articles are English, whatever the interface's language.
      h(
        'div',
        { class: 'article', role: 'region', lang: 'en', tabindex: 0, 'aria-label': t('source.article') },
        parts,
      ),
    ],
  )
}

/**
 * Creates the source dialog once; `open` shows it with the article, marks the quote and scrolls it into
 * view. Escape and the Close button close it, and focus returns to the button that opened it.
 */
export function createSourceDialog(seeds: Readonly<Record<string, string>>): SourceDialog {
  let request: Request | null = null
  let opener: HTMLElement | null = null
  const listeners = new Set<() => void>()
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }
  const open = (seed: string, quote: string, article?: Seed): void => {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const heading = article?.title ?? seed
    request = { seed, quote, heading, article, count: (request?.count ?? 0) + 1 }
    for (const listener of [...listeners]) listener()
  }
  const element = component(Dialog, { seeds, current: () => request, subscribe, opener: () => opener })
  return { element, open }
}
