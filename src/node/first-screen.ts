import type { Plugin } from 'vite'
import { SHELL } from '../messages/shell.ts'

/**
 * The title screen's shell written into `index.html` itself, so that the page is usable at its first paint,
 * before any script is fetched: the game's name, the subtitle and "New game", in the player's language.
 *
 * A small inline script (no fetch) words the shell from `src/messages/shell.ts` in the saved language (or the
 * browser's), and remembers a press of "New game" made before the game has loaded; `src/client/main.ts`
 * then takes the shell over and honours that press. A classroom address (`#room=…`, `#join`, …) hides the
 * shell at once, since the classroom pages replace it. Without JavaScript, the page says it needs it.
 */

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The inline script: a classic script without imports, run while the page is parsed. */
function script(): string {
  const texts = JSON.stringify(SHELL).replace(/</g, '\\u003c')
  return `(function () {
  var texts = ${texts}
  var language = 'en'
  try {
    var saved = localStorage.getItem('red-lines:language')
    if (saved === 'en' || saved === 'uk') language = saved
    else if ((navigator.language || '').toLowerCase().indexOf('uk') === 0) language = 'uk'
  } catch (e) {}
  var words = texts[language]
  var shell = document.getElementById('first-screen')
  if (/^#(instructor|join|room|projector)(=|$)/.test(location.hash)) { shell.hidden = true; return }
  document.documentElement.lang = language
  document.title = words['doc.title']
  shell.querySelector('h1').textContent = words['app.name']
  shell.querySelector('.subtitle').textContent = words['app.subtitle']
  shell.querySelector('[role=status]').textContent = words['app.loading']
  var start = shell.querySelector('button')
  start.textContent = words['common.newGame']
  start.addEventListener('click', function () {
    window.__redLinesWanted = 'setup'
    start.setAttribute('aria-busy', 'true')
  })
})()`
}

/** The shell's markup, in English until the script words it. */
function markup(): string {
  const en = SHELL.en
  return `<div id="first-screen">
        <header class="site-head"><h1>${escapeHtml(en['app.name'])}</h1><p class="subtitle">${escapeHtml(en['app.subtitle'])}</p></header>
        <main id="screen"><button type="button" class="primary">${escapeHtml(en['common.newGame'])}</button><p class="hint" role="status">${escapeHtml(en['app.loading'])}</p></main>
      </div>
      <script>${script()}</script>`
}

/** The Vite plugin that writes the shell into the page's `<div id="app">`. */
export function firstScreen(): Plugin {
  return {
    name: 'red-lines-first-screen',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, context) =>
        context.path.endsWith('/index.html') || context.path === '/'
          ? html.replace('<!-- first-screen -->', markup())
          : html,
    },
  }
}
