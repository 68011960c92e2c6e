import { startApp } from './app.ts'
import { loadCatalogue } from './scenarios.ts'
import { takePlayTest } from './studio/play-test.ts'

/**
 * Loads the bundled scenarios and seeds, then mounts the game on the screen the player asked for, or on the
 * play-test the studio asked for (`#play-test`).
 */
export function boot(root: HTMLElement, wanted: () => 'title' | 'setup'): void {
  startApp(root, loadCatalogue(), wanted(), takePlayTest())
}
