import { useLayoutEffect, useRef } from 'preact/hooks'

/**
 * Keeps the keyboard user's place when an update takes away the control they were on (an "Add" button that
 * goes once the card is in the package, a request answered, a package tabled): without this, focus falls to
 * <body> and the next Tab starts again from the top of the page. When `change` differs from the last render's
 * and the element focused before this update is gone, `target` (e.g. what took its place) gets the focus.
 * Focus anywhere else, or an update that removed nothing focused, is left alone: nothing jumps to a heading
 * after every move.
 */
export function useKeepFocus(change: string, target: () => HTMLElement | null | undefined): void {
  // Read while rendering, before this update touches the page: what had the focus.
  const before = useRef<Element | null>(null)
  before.current = typeof document === 'undefined' ? null : document.activeElement
  const last = useRef<string | null>(null)
  useLayoutEffect(() => {
    const was = before.current
    const changed = last.current !== null && last.current !== change
    last.current = change
    if (!changed || !was || was === document.body || was.isConnected) return
    const now = document.activeElement
    if (now && now !== document.body) return
    target()?.focus()
  })
}
