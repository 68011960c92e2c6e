import { type DocPath, fieldId, pathSteps } from '../edits.ts'

/**
 * Moving focus to a field that may not be drawn yet: a new entry appears after the studio has applied the
 * edit and drawn again, and the fields of a folded entry are drawn only once it is opened.
 */

/** The frames to wait for an element before giving up (about half a second). */
const FRAMES = 30

const nextFrame = () =>
  new Promise<void>((resolve) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => resolve())
      : setTimeout(resolve),
  )

/** Focuses the element `id` as soon as it is on the page; false when it never appears. */
export async function focusSoon(id: string): Promise<boolean> {
  for (let i = 0; i < FRAMES; i++) {
    const el = document.getElementById(id)
    if (el) {
      el.focus()
      return true
    }
    await nextFrame()
  }
  return false
}

/**
 * Shows and focuses the field that edits `path` (a list or the checker's text, as `Problem.path`): folded
 * entries on the way are opened one after another, from the outermost, until the field is drawn. When the
 * path has no field of its own, the nearest enclosing one that has is focused. False when none is found.
 */
export async function revealField(path: DocPath | string): Promise<boolean> {
  const steps = pathSteps(path)
  let waited = 0
  for (let i = 0; i < FRAMES; i++) {
    const target = document.getElementById(fieldId(steps))
    if (target) return show(target)
    // The deepest enclosing part that is drawn: open it if it is a folded entry, then look again.
    let nearest: HTMLElement | null = null
    for (let n = steps.length - 1; n > 0 && !nearest; n--)
      nearest = document.getElementById(fieldId(steps.slice(0, n)))
    const details = nearest?.parentElement instanceof HTMLDetailsElement ? nearest.parentElement : null
    if (details && !details.open) {
      details.open = true
      waited = 0
    } else if (nearest && ++waited > 3) return show(nearest)
    await nextFrame()
  }
  return false
}

function show(el: HTMLElement): true {
  el.focus()
  el.scrollIntoView?.({ block: 'center' })
  return true
}
