import type { Plugin } from 'vite'
import { SHELL } from '../messages/shell.ts'

/**
 * The title screen's shell written into `index.html` itself, so that the page is usable at its first paint,
 * before any script is fetched: the game's name, the subtitle and "New game", in the player's language.
 *
 * A small inline script (no fetch) words the shell from `src/messages/shell.ts` in the saved language (or the
 * browser's), and remembers a press of "New game" made before the game has loaded; `src/client/main.ts`
 * then takes the shell over and honours that press. A classroom address (`#room=…`, `#join`, …) or the
 * studio's (`#studio`) hides the shell at once, since those pages replace it. Without JavaScript, the page
 * says it needs it.
 *
 * Opened from a double-click (`file://`), the built `index.html` cannot run: the browser refuses its module
 * scripts there. With `fileNotice`, the script then says so in place of "New game", with a link to
 * `red-lines.html`, the single-file copy beside it that does open there (see `src/node/single-page.ts`).
 */

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The inline script: a classic script without imports, run while the page is parsed. */
function script(fileNotice: boolean): string {
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
  // From file:// no module script runs, the classroom's and the studio's neither: the notice is all there is.
  var file = ${fileNotice} && location.protocol === 'file:'
  if (!file && /^#(instructor|join|room|projector)(=|$)|^#studio$/.test(location.hash)) { shell.hidden = true; return }
  document.documentElement.lang = language
  document.title = words['doc.title']
  shell.querySelector('h1').textContent = words['app.name']
  shell.querySelector('.subtitle').textContent = words['app.subtitle']
  var status = shell.querySelector('[role=status]')
  status.textContent = words['app.loading']
  var start = shell.querySelector('button')
  start.textContent = words['common.newGame']
  if (file) {
    start.hidden = true
    status.textContent = words['file.needsServer']
    var link = document.createElement('a')
    link.href = 'red-lines.html'
    link.textContent = words['file.openSingle']
    var line = document.createElement('p')
    line.appendChild(link)
    status.parentNode.insertBefore(line, status.nextSibling)
    return
  }
  start.addEventListener('click', function () {
    window.__redLinesWanted = 'setup'
    start.setAttribute('aria-busy', 'true')
  })
})()`
}

/** The shell's markup, in English until the script words it. */
function markup(fileNotice: boolean): string {
  const en = SHELL.en
  return `<div id="first-screen">
        <header class="site-head"><h1>${escapeHtml(en['app.name'])}</h1><p class="subtitle">${escapeHtml(en['app.subtitle'])}</p></header>
        <main id="screen"><button type="button" class="primary">${escapeHtml(en['common.newGame'])}</button><p class="hint" role="status">${escapeHtml(en['app.loading'])}</p></main>
      </div>
      <script>${script(fileNotice)}</script>`
}

/**
 * The Vite plugin that writes the shell into the page's `<div id="app">`; `fileNotice` (by default) for a page
 * that has the single-file copy beside it.
 */
export function firstScreen({ fileNotice = true }: { fileNotice?: boolean } = {}): Plugin {
  return {
    name: 'red-lines-first-screen',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, context) =>
        context.path.endsWith('/index.html') || context.path === '/'
          ? html.replace('<!-- first-screen -->', markup(fileNotice))
          : html,
    },
  }
}
