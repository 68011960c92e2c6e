import './print.css'
import { useEffect, useRef, useState } from 'preact/hooks'
import { button, component, h, mount, useUid, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'

/**
 * The print view: printable sheets drawn over the page, with a choice of paper (A4 or Letter), "Print" and
 * "Back". While it is open the page's own screens are hidden (print.css, by the `printing` class on the
 * root), on screen and on paper, so the printout holds the sheets only. It lives in an element of its own at
 * the end of the body, so the screen under it (the dashboard, a student's table) goes on updating unseen and
 * is there again, as it stands, after "Back".
 */

/** The paper sizes offered: ISO A4, and US Letter (the CSS `size` keywords). */
export type Paper = 'A4' | 'letter'

const PAPER_KEY = 'red-lines-paper'
/** Where Letter is the usual paper (the Americas' Letter countries and the Philippines). */
const LETTER_REGIONS = /-(US|CA|MX|PH|CL|CO|VE|GT|CR|PA|DO|SV|PR)$/i

/** The paper chosen last on this device, else the usual one where the browser's language says it is. */
function initialPaper(): Paper {
  try {
    const kept = localStorage.getItem(PAPER_KEY)
    if (kept === 'A4' || kept === 'letter') return kept
  } catch {
    // Storage refused (a private window's settings): the guess below serves.
  }
  return LETTER_REGIONS.test(navigator.language) ? 'letter' : 'A4'
}

function keepPaper(paper: Paper): void {
  try {
    localStorage.setItem(PAPER_KEY, paper)
  } catch {
    // Not kept: the next print view guesses again.
  }
}

/**
 * The page rule for `paper`: its size, and margins in the paper's own units (15 mm; 0.6 in), which the printed
 * sheets leave white around their text.
 */
export const pageRule = (paper: Paper): string =>
  paper === 'A4' ? '@page { size: A4; margin: 15mm; }' : '@page { size: letter; margin: 0.6in; }'

/** What a print view shows. */
export interface PrintOptions {
  /** The view's heading on screen, e.g. "Role sheets: Red Lines". */
  heading: string
  /** The document's title while printing: browsers offer it as the PDF's file name. */
  fileTitle: string
  /** The sheets, each beginning on a new page. */
  sheets: View[]
}

interface Props extends PrintOptions {
  onBack: () => void
}

function PrintView({ heading, fileTitle, sheets, onBack }: Props): View {
  const [paper, setPaper] = useState<Paper>(initialPaper)
  const ids = useUid('print')
  const headingRef = useRef<HTMLHeadingElement>(null)
  // Opening the view is a new screen: focus goes to its heading, as it does on every screen of the game.
  useEffect(() => headingRef.current?.focus(), [])
  const choose = (next: Paper) => () => {
    setPaper(next)
    keepPaper(next)
  }
  const print = () => {
    const before = document.title
    document.title = fileTitle
    window.print()
    document.title = before
  }
  const radio = (value: Paper, label: string) =>
    h('div', { class: 'choice', key: value }, [
      h('input', {
        type: 'radio',
        id: `${ids}-${value}`,
        name: `${ids}-paper`,
        value,
        checked: paper === value,
        onchange: choose(value),
      }),
      h('label', { for: `${ids}-${value}` }, label),
    ])
  return h(
    'main',
    {
      class: 'print-view',
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Escape') onBack()
      },
    },
    [
      // Read by the browser as it prints: the paper size and margins of the chosen paper.
      h('style', {}, pageRule(paper)),
      h('div', { class: 'print-toolbar' }, [
        h('h1', { id: `${ids}-heading`, tabindex: -1, ref: headingRef }, heading),
        h('p', { class: 'hint' }, t('print.hint')),
        h('fieldset', { class: 'print-paper' }, [
          h('legend', {}, t('print.paper')),
          radio('A4', t('print.a4')),
          radio('letter', t('print.letter')),
        ]),
        h('div', { class: 'actions' }, [
          button(t('print.print'), print, { class: 'primary' }),
          button(t('print.back'), onBack),
        ]),
      ]),
      h(
        'div',
        { class: `print-sheets paper-${paper}`, 'aria-label': t('print.preview'), role: 'region' },
        sheets.length ? sheets : h('p', {}, t('print.nothing')),
      ),
    ],
  )
}

/** Closes the print view open now, if any. */
let closeOpen: (() => void) | null = null

/**
 * Opens the print view over the page. "Back" (or Escape) closes it and gives focus back to the control that
 * opened it; the sheets are drawn once, as the data stands when the view opens.
 */
export function openPrintView(options: PrintOptions): void {
  closeOpen?.()
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const container = document.createElement('div')
  container.id = 'print-view'
  document.body.append(container)
  document.documentElement.classList.add('printing')
  const close = () => {
    closeOpen = null
    mount(container, null)
    container.remove()
    document.documentElement.classList.remove('printing')
    // The control that opened the view, when the screen beneath still has it; else that screen's heading.
    const target = opener?.isConnected ? opener : document.getElementById('screen-heading')
    target?.focus()
  }
  closeOpen = close
  mount(container, component(PrintView, { ...options, onBack: close }))
}
