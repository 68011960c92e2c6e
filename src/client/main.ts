import './fonts.css'
import './style.css'
import './game.css'
import './cards.css'
import './debrief.css'
import { classroomRoute, reloadOnModeChange } from './classroom/route.ts'
import { applyDocumentLanguage } from './i18n/language.ts'
import { shellText as t } from './i18n/shell.ts'
import './backstage.css'

/**
 * Entry point. The title screen's shell is drawn at once, from this tiny module, so that the page is usable
 * while the rest (the rules, the scenario checks, the saved games) loads; a click on "New game" meanwhile is
 * remembered and honoured as soon as the game is ready.
 */
const root = document.getElementById('app')
applyDocumentLanguage()
document.title = t('doc.title')
// A classroom address (the instructor's link, a join link) opens the classroom pages instead of the game.
reloadOnModeChange()
if (root && classroomRoute(location.hash))
  void import('./classroom/index.ts').then(({ startClassroom }) => startClassroom(root))
else if (root) {
  let wanted: 'title' | 'setup' = 'title'
  const heading = document.createElement('h1')
  heading.textContent = t('app.name')
  const subtitle = document.createElement('p')
  subtitle.className = 'subtitle'
  subtitle.textContent = t('app.subtitle')
  const header = document.createElement('header')
  header.className = 'site-head'
  header.append(heading, subtitle)
  const start = document.createElement('button')
  start.type = 'button'
  start.className = 'primary'
  start.textContent = t('common.newGame')
  start.addEventListener('click', () => {
    wanted = 'setup'
    start.setAttribute('aria-busy', 'true')
  })
  const status = document.createElement('p')
  status.className = 'hint'
  status.setAttribute('role', 'status')
  status.textContent = t('app.loading')
  const main = document.createElement('main')
  main.id = 'screen'
  main.append(start, status)
  root.replaceChildren(header, main)
  void import('./boot.ts').then(({ boot }) => boot(root, () => wanted))
}
