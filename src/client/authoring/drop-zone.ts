import { h, mount } from '../dom.ts'
import { t } from '../i18n/index.ts'

/** Options of installDropZone. */
export interface DropZoneOptions {
  /** Whether a dropped file is wanted now (the title and set-up screens). */
  active: () => boolean
  onFile: (file: File) => void
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false

/**
 * Lets a scenario file be dropped anywhere on the page while `active()` holds, with a message covering the
 * page while a file is dragged over it. The "Open scenario file…" button is the keyboard's way to the same
 * thing. Elsewhere a dropped file is refused, so that it never replaces the game in the tab. Returns the
 * function that removes it.
 */
export function installDropZone(options: DropZoneOptions): () => void {
  // The zone lives outside the app's frame (over the whole page): a box of its own that the view draws into.
  const host = document.createElement('div')
  document.body.append(host)
  // The live region is always in the page, so that it is known before it speaks; its message comes with a drag.
  const show = (on: boolean) =>
    mount(
      host,
      h(
        'div',
        { class: 'drop-zone', hidden: !on, 'aria-live': 'polite' },
        on ? h('p', {}, t('authoring.dropHere')) : null,
      ),
    )
  show(false)
  // dragenter and dragleave fire for every element crossed: count them to know when the file left the page.
  let depth = 0
  const enter = (event: DragEvent) => {
    if (!carriesFiles(event) || !options.active()) return
    event.preventDefault()
    depth += 1
    show(true)
  }
  const over = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = options.active() ? 'copy' : 'none'
  }
  const leave = (event: DragEvent) => {
    if (!carriesFiles(event) || depth === 0) return
    depth -= 1
    if (depth === 0) show(false)
  }
  const drop = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    depth = 0
    show(false)
    const file = event.dataTransfer?.files[0]
    if (file && options.active()) options.onFile(file)
  }
  const listeners = [
    ['dragenter', enter],
    ['dragover', over],
    ['dragleave', leave],
    ['drop', drop],
  ] as const
  for (const [type, listener] of listeners) document.addEventListener(type, listener)
  return () => {
    for (const [type, listener] of listeners) document.removeEventListener(type, listener)
    mount(host, null)
    host.remove()
  }
}
