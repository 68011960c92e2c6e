import './fonts.css'
import './style.css'
import './game.css'
import './cards.css'
import './debrief.css'
import './backstage.css'
import './messages.css'
import { classroomRoute, reloadOnModeChange } from './classroom/route.ts'
import { applyDocumentLanguage } from './i18n/language.ts'
import { reloadOnStudioChange, studioRoute } from './studio/route.ts'

declare global {
  interface Window {
    /** Set by the page's first-screen script when "New game" is pressed before the game has loaded. */
    __redLinesWanted?: 'setup'
  }
}

/**
 * Entry point. The title screen's shell is already in the page (written into index.html, worded and made
 * to remember a press of "New game" by its inline script: see src/node/first-screen.ts), so the page is
 * usable while the rest (the rules, the scenario checks, the saved games) loads; a press meanwhile is
 * honoured as soon as the game is ready.
 */
const root = document.getElementById('app')
applyDocumentLanguage()
// A classroom address (the instructor's link, a join link) opens the classroom pages instead of the game.
reloadOnModeChange()
// The studio's address (#studio) opens the scenario studio; its play-test (#play-test) opens the game.
reloadOnStudioChange()
if (root && classroomRoute(location.hash))
  void import('./classroom/index.ts').then(({ startClassroom }) => startClassroom(root))
else if (root && studioRoute(location.hash) === 'studio')
  void import('./studio/index.ts').then(({ startStudio }) => startStudio(root))
else if (root)
  void import('./boot.ts').then(({ boot }) =>
    boot(root, () => (window.__redLinesWanted === 'setup' ? 'setup' : 'title')),
  )
