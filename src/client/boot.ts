import { startApp } from './app.ts'
import { loadCatalogue } from './scenarios.ts'

/** Loads the bundled scenarios and seeds, then mounts the game on the screen the player asked for. */
export function boot(root: HTMLElement, wanted: () => 'title' | 'setup'): void {
  startApp(root, loadCatalogue(), wanted())
}
