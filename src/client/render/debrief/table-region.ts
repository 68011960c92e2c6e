import { h, type View } from '../../dom.ts'

/**
 * A wide table in a labelled region that scrolls sideways on its own, so that on a phone the table scrolls
 * and the page does not. The region takes the keyboard focus (`tabindex`), so that it can be scrolled with
 * the arrow keys; its name is the table's caption.
 */
export function tableRegion(label: string, table: View): View {
  return h('div', { class: 'table-region', role: 'region', 'aria-label': label, tabindex: 0 }, table)
}
