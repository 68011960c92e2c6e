import { h, mount, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { createLanguageSwitch } from '../i18n/switch.ts'
import { createNotices, type Notices } from '../notices.ts'
import { createSourceDialog, type SourceDialog } from '../render/source-dialog.ts'
import { loadCatalogue } from '../scenarios.ts'

/** The page around every classroom screen: header, notices, the screen itself and the source dialog. */
export interface Shell {
  notices: Notices
  dialog: SourceDialog
  /**
   * Shows the screen `draw` returns, under the line `subtitle` (the room's scenario, or what this page is).
   * Preact changes only what differs, so focus, open details and typed text stay. A new `screen` key
   * (another screen, not the same one updated) scrolls to the top and moves focus to its heading.
   */
  show: (screen: string, draw: () => View, subtitle: string) => void
}

/** Mounts the classroom page's frame into `root`. */
export function createShell(root: HTMLElement): Shell {
  // Only the seed articles are needed here (for the quotes' sources): no scenario is loaded in the page.
  const { seeds } = loadCatalogue({})
  const dialog = createSourceDialog(seeds)
  const notices = createNotices()
  const languageSwitch = createLanguageSwitch()
  let shown = ''
  const show = (screen: string, draw: () => View, subtitle: string): void => {
    const before = document.activeElement
    const wasInScreen = before instanceof HTMLElement && !!before.closest('#screen')
    mount(root, [
      h('header', { class: 'site-head' }, [
        h('h1', {}, t('app.name')),
        h('p', { class: 'subtitle' }, subtitle),
        languageSwitch,
      ]),
      // The notice bar, the live region and the dialog are components that keep themselves up to date.
      notices.bar,
      notices.live,
      h('main', { id: 'screen', class: 'classroom' }, draw()),
      dialog.element,
    ])
    const heading = document.getElementById('screen-heading')
    if (screen !== shown) {
      shown = screen
      window.scrollTo(0, 0)
      heading?.focus({ preventScroll: true })
    } else if (wasInScreen && !before.isConnected) {
      // The focused control went away with the update (e.g. a button that only shows in one state): rather
      // than leave focus on the page's body, start again from the screen's heading.
      heading?.focus({ preventScroll: true })
    }
  }
  return { notices, dialog, show }
}
