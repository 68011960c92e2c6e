import { clear, h, rerender } from '../dom.ts'
import { onLanguageChange, t } from '../i18n/index.ts'
import { createLanguageSwitch } from '../i18n/switch.ts'
import { createNotices } from '../notices.ts'
import { createSourceDialog, type SourceDialog } from '../render/source-dialog.ts'
import { loadCatalogue } from '../scenarios.ts'

/** The page around every classroom screen: header, notices, the screen itself and the source dialog. */
export interface Shell {
  notices: ReturnType<typeof createNotices>
  dialog: SourceDialog
  /** The line under the game's name: the room's scenario, or what this page is. */
  subtitle: HTMLElement
  /**
   * Draws the screen again with `draw`, keeping focus, open details and typed text (see `rerender`). A new
   * `screen` key (another screen, not the same one redrawn) scrolls to the top and moves focus to its heading.
   */
  show: (screen: string, draw: () => Node) => void
}

/** Mounts the classroom page's frame into `root`. */
export function createShell(root: HTMLElement): Shell {
  // Only the seed articles are needed here (for the quotes' sources): no scenario is loaded in the page.
  const { seeds } = loadCatalogue({})
  const dialog = createSourceDialog(seeds)
  const notices = createNotices()
  const name = h('h1', {}, t('app.name'))
  const subtitle = h('p', { class: 'subtitle' }, t('app.subtitle'))
  const main = h('main', { id: 'screen', class: 'classroom' })
  clear(root)
  root.append(
    h('header', { class: 'site-head' }, [name, subtitle, createLanguageSwitch()]),
    notices.bar,
    notices.live,
    main,
    dialog.element,
  )
  onLanguageChange(() => {
    name.textContent = t('app.name')
  })
  let shown = ''
  // Other devices' moves redraw the screen at any moment: never between a press and its release, which
  // would swap the button under a finger or a mouse and lose the click (or break a drag). The drawing
  // waits for the release, and for the click that follows it.
  let pressed = false
  let waiting: (() => void) | null = null
  document.addEventListener(
    'pointerdown',
    () => {
      pressed = true
    },
    true,
  )
  const release = () =>
    setTimeout(() => {
      pressed = false
      const draw = waiting
      waiting = null
      draw?.()
    }, 0)
  document.addEventListener('pointerup', release, true)
  document.addEventListener('pointercancel', release, true)
  const show = (screen: string, draw: () => Node): void => {
    if (pressed) {
      waiting = () => show(screen, draw)
      return
    }
    const heading = () => main.querySelector<HTMLElement>('#screen-heading')
    rerender(main, draw, heading)
    if (screen !== shown) {
      shown = screen
      window.scrollTo(0, 0)
      heading()?.focus({ preventScroll: true })
    }
  }
  return { notices, dialog, subtitle, show }
}
