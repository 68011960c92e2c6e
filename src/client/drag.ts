/**
 * Drag and drop by mouse, pen and touch (pointer events), as a third way beside the buttons and the keyboard
 * to move cards between the instruments and the package. A drag starts only past a few pixels, so a click is
 * still a click; Escape cancels it. Drop zones are elements with `data-drop="<zone>"`.
 */

const THRESHOLD = 6

export interface DragOptions {
  /** The zones this element may be dropped on. */
  zones: string[]
  /** Called with the zone it was dropped on. */
  onDrop: (zone: string) => void
}

/** Makes `handle` start a drag of `card`. Controls inside the handle (buttons, inputs) keep their own clicks. */
export function draggable(card: HTMLElement, handle: HTMLElement, options: DragOptions): void {
  handle.classList.add('drag-handle')
  handle.addEventListener('pointerdown', (down) => {
    if (down.button !== 0 || (down.target as Element).closest('button, input, select, textarea, a, summary'))
      return
    let ghost: HTMLElement | null = null
    // Pressing and moving would also select text, from the card across the page: no selection starts while
    // the pointer that may drag is down (a click still clicks, and text outside the handle stays selectable).
    const noSelect = (e: Event) => e.preventDefault()
    document.addEventListener('selectstart', noSelect)
    const zones = () =>
      options.zones.flatMap((z) => [...document.querySelectorAll<HTMLElement>(`[data-drop="${z}"]`)])
    const zoneAt = (x: number, y: number) => {
      const el = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-drop]')
      return el && options.zones.includes(el.dataset.drop ?? '') ? el : null
    }
    const finish = (drop: boolean, up?: PointerEvent) => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', release)
      window.removeEventListener('pointercancel', cancel)
      window.removeEventListener('keydown', onKey)
      document.removeEventListener('selectstart', noSelect)
      if (!ghost) return
      ghost.remove()
      card.classList.remove('dragging')
      for (const z of zones()) z.classList.remove('drop-ready', 'drop-over')
      const zone = drop && up ? zoneAt(up.clientX, up.clientY) : null
      if (zone?.dataset.drop) options.onDrop(zone.dataset.drop)
    }
    const move = (e: PointerEvent) => {
      if (!ghost) {
        if (Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < THRESHOLD) return
        ghost = card.cloneNode(true) as HTMLElement
        ghost.classList.add('drag-ghost')
        ghost.setAttribute('aria-hidden', 'true')
        ghost.style.width = `${card.getBoundingClientRect().width}px`
        document.body.append(ghost)
        // A selection made before the press (or by the browser as it began) would follow the drag: drop it.
        document.getSelection()?.removeAllRanges()
        card.classList.add('dragging')
        for (const z of zones()) z.classList.add('drop-ready')
      }
      ghost.style.transform = `translate(${e.clientX + 8}px, ${e.clientY + 8}px)`
      const over = zoneAt(e.clientX, e.clientY)
      for (const z of zones()) z.classList.toggle('drop-over', z === over)
    }
    const release = (e: PointerEvent) => finish(true, e)
    const cancel = () => finish(false)
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') finish(false)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', release)
    window.addEventListener('pointercancel', cancel)
    window.addEventListener('keydown', onKey)
  })
}
