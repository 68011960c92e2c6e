/**
 * Drag and drop by mouse, pen and touch (pointer events), as a third way beside the buttons and the keyboard
 * to move cards between the instruments and the package. A drag starts only past a few pixels, so a click is
 * still a click; Escape cancels it. Drop zones are views that call `useDropZone`; what is dragged calls
 * `useDraggable`. The look of a drag (the dragged card dimmed, the zones outlined) is state the views render
 * from, shared here because the card and the zones are in different parts of the page.
 */
import { useEffect, useRef, useState } from 'preact/hooks'

const THRESHOLD = 6

export interface DragOptions {
  /** The zones this element may be dropped on. */
  zones: string[]
  /** Called with the zone it was dropped on. */
  onDrop: (zone: string) => void
}

/** The drag under way, if any: the zones it may land on and the one the pointer is over. */
let current: { zones: readonly string[]; over: string | null } | null = null
const watchers = new Set<() => void>()

function setCurrent(next: typeof current): void {
  current = next
  for (const watch of watchers) watch()
}

/**
 * Makes a view a drop zone named `zone`: spread the returned attributes on its element (they name the zone for
 * the pointer and add the `drop-ready` / `drop-over` classes while a drag that may land here is under way).
 */
export function useDropZone(zone: string): { 'data-drop': string; dropClass: string } {
  const [, redraw] = useState(0)
  useEffect(() => {
    const watch = () => redraw((n) => n + 1)
    watchers.add(watch)
    return () => {
      watchers.delete(watch)
    }
  }, [])
  const ready = !!current?.zones.includes(zone)
  const dropClass = ready ? (current?.over === zone ? ' drop-ready drop-over' : ' drop-ready') : ''
  return { 'data-drop': zone, dropClass }
}

/** What a draggable view puts on its element (`ref`, extra class) and on its handle (class, listener). */
export interface Draggable {
  ref: { current: HTMLElement | null }
  /** ' dragging' while this element is being dragged, else ''. */
  cardClass: string
  /** ' drag-handle' when dragging is on, else ''. */
  handleClass: string
  /** The handle's `onpointerdown`, or undefined when dragging is off. */
  onpointerdown: ((down: PointerEvent) => void) | undefined
}

/**
 * Makes the view holding `ref` draggable by its handle (null `options`: not draggable now). Controls inside the
 * handle (buttons, inputs) keep their own clicks.
 */
export function useDraggable(options: DragOptions | null): Draggable {
  const ref = useRef<HTMLElement | null>(null)
  const latest = useRef(options)
  latest.current = options
  const [dragging, setDragging] = useState(false)
  // Ends a drag under way if the view goes (e.g. another player's move changed the package mid-drag).
  const stop = useRef<(() => void) | null>(null)
  useEffect(() => () => stop.current?.(), [])

  const onpointerdown = (down: PointerEvent) => {
    const card = ref.current
    if (!card || !latest.current || down.button !== 0) return
    if ((down.target as Element).closest('button, input, select, textarea, a, summary')) return
    const zones = latest.current.zones
    let ghost: HTMLElement | null = null
    // Pressing and moving would also select text, from the card across the page: no selection starts while
    // the pointer that may drag is down (a click still clicks, and text outside the handle stays selectable).
    const noSelect = (e: Event) => e.preventDefault()
    document.addEventListener('selectstart', noSelect)
    const zoneAt = (x: number, y: number) => {
      const zone = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-drop]')?.dataset.drop ?? null
      return zone && zones.includes(zone) ? zone : null
    }
    const finish = (drop: boolean, up?: PointerEvent) => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', release)
      window.removeEventListener('pointercancel', cancel)
      window.removeEventListener('keydown', onKey)
      document.removeEventListener('selectstart', noSelect)
      stop.current = null
      if (!ghost) return
      ghost.remove()
      setDragging(false)
      setCurrent(null)
      const zone = drop && up ? zoneAt(up.clientX, up.clientY) : null
      if (zone) latest.current?.onDrop(zone)
    }
    const move = (e: PointerEvent) => {
      if (!ghost) {
        if (Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < THRESHOLD) return
        // The ghost is a copy outside the view, on <body>, that follows the pointer; the card stays in place.
        ghost = card.cloneNode(true) as HTMLElement
        ghost.classList.add('drag-ghost')
        ghost.setAttribute('aria-hidden', 'true')
        ghost.style.width = `${card.getBoundingClientRect().width}px`
        document.body.append(ghost)
        // A selection made before the press (or by the browser as it began) would follow the drag: drop it.
        document.getSelection()?.removeAllRanges()
        setDragging(true)
        setCurrent({ zones, over: null })
      }
      ghost.style.transform = `translate(${e.clientX + 8}px, ${e.clientY + 8}px)`
      const over = zoneAt(e.clientX, e.clientY)
      if (current && current.over !== over) setCurrent({ zones, over })
    }
    const release = (e: PointerEvent) => finish(true, e)
    const cancel = () => finish(false)
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') finish(false)
    }
    stop.current = cancel
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', release)
    window.addEventListener('pointercancel', cancel)
    window.addEventListener('keydown', onKey)
  }

  return {
    ref,
    cardClass: dragging ? ' dragging' : '',
    handleClass: options ? ' drag-handle' : '',
    onpointerdown: options ? onpointerdown : undefined,
  }
}
