/**
 * The studio's addresses, read from the fragment: `#studio` opens the scenario studio instead of the game,
 * and `#play-test` opens the game on the scenario the studio handed over (see play-test.ts). Imported by
 * the page's first script, so it stays free of any other import.
 */
export type StudioRoute = 'studio' | 'play-test'

/** The studio page `hash` names, or null for any other page. */
export function studioRoute(hash: string): StudioRoute | null {
  return hash === '#studio' ? 'studio' : hash === '#play-test' ? 'play-test' : null
}

/**
 * Reloads the page when the fragment moves to or from the studio ("Scenario studio" on the title screen,
 * "Play-test" and "Back to the studio"): the studio and the game are pages of their own.
 */
export function reloadOnStudioChange(): void {
  window.addEventListener('hashchange', (event) => {
    const before = studioRoute(new URL(event.oldURL).hash)
    const after = studioRoute(new URL(event.newURL).hash)
    if (before !== after) location.reload()
  })
}
