/**
 * Browser tests of sharing the game as files (issue #13, "Share in one step"): the built site served from a
 * sub-path of a static host; the built `index.html` opened from `file://`, which points to `red-lines.html`;
 * and a single page made with a scenario inside (`singlePage` of src/client/studio/share.ts, which the
 * development server answers with a freshly built `red-lines.html`), opened from `file://` in a fresh browser
 * context and played to the debrief, with no request leaving the file (data: and blob: URLs stay in the page).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { test as base, expect, ROOT, watchErrors } from './fixtures.mjs'
import { endingHeading, playToEnd, roundHeading, startGame } from './helpers.mjs'

/** A folder of a school's web server, deeper than the site's root, where the game is copied. */
const SUB_PATH = '/school/games/red-lines/'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

/** A small scenario (tests/fixtures/minimal.yaml) carrying its article, with markup in its title. */
function sharedScenario(title) {
  const article = readFileSync(join(ROOT, 'tests/fixtures/seeds/harbour.txt'), 'utf8')
  const text = readFileSync(join(ROOT, 'tests/fixtures/minimal.yaml'), 'utf8')
    .replace('formatVersion: 2', 'formatVersion: 4')
    .replace(/^id: harbour$/m, 'id: harbour-shared')
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(
      /^seeds: .*$/m,
      `seeds:\n  - file: harbour.txt\n    title: The harbour council meets\n    text: ${JSON.stringify(article)}`,
    )
  return { file: 'harbour-shared.yaml', text }
}

// `</script>` and `<!--` in the title: the page must keep them as text, not end its script element on them.
const TITLE = 'The harbour </script> shared <!-- by a colleague'

/** Serves `dir` under SUB_PATH only; every request elsewhere is kept in `stray` (and answered 404). */
async function staticHost(dir) {
  const stray = []
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname)
    const file = resolve(dir, `.${path.slice(SUB_PATH.length - 1)}`)
    if (!path.startsWith(SUB_PATH) || !(file === dir || file.startsWith(dir + sep))) {
      stray.push(path)
      return res.writeHead(404).end()
    }
    const page = statSync(file, { throwIfNoEntry: false })?.isDirectory() ? join(file, 'index.html') : file
    try {
      const body = readFileSync(page)
      res.writeHead(200, { 'Content-Type': TYPES[extname(page)] ?? 'application/octet-stream' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${server.address().port}${SUB_PATH}`, stray, close: () => server.close() }
}

/**
 * The code of src/client/studio/share.ts as the development server gives it, made to run in a page of its own
 * origin (e.g. file://): its one import, the page format, comes as a data: URL; it puts its exports on
 * `window.__share`.
 */
async function shareModule(devBase) {
  const get = async (path) => (await fetch(new URL(path, devBase))).text()
  const format = Buffer.from(await get('src/client/single-page.ts')).toString('base64')
  const share = (await get('src/client/studio/share.ts')).replace(
    /(["'])\/src\/client\/single-page\.ts(\?[^"']*)?\1/,
    `'data:text/javascript;base64,${format}'`,
  )
  expect(share, 'share.ts imports nothing but the page format').not.toMatch(/from\s*["']\//)
  return `${share}\nwindow.__share = { singlePage, embeddedScenario }`
}

const test = base.extend({
  /** The game built as `npm run build` builds it, into a folder of its own, once per worker. */
  site: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixtures take their dependencies by destructuring.
    async ({}, use, workerInfo) => {
      const dir = mkdtempSync(join(tmpdir(), 'red-lines-site-'))
      const vite = join(ROOT, 'node_modules/vite/bin/vite.js')
      const started = Date.now()
      const result = spawnSync(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir'], {
        cwd: ROOT,
        encoding: 'utf8',
      })
      if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`)
      const single = statSync(join(dir, 'red-lines.html')).size
      console.log(
        `single-page.spec (worker ${workerInfo.workerIndex}): built in ${((Date.now() - started) / 1000).toFixed(1)} s; red-lines.html ${(single / 1e6).toFixed(2)} MB`,
      )
      await use(dir)
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 240_000 },
  ],
})

test('the built site plays from a sub-path of a static host, and its index.html from file:// points to red-lines.html', async ({
  page,
  site,
  shot,
  browser,
}) => {
  const host = await staticHost(site)
  try {
    await page.goto(host.url)
    await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
    await page.getByRole('button', { name: 'New game' }).click()
    await startGame(page)
    // The stage's frame and its assets load from beside the page.
    await expect(page.frameLocator('iframe.stage-canvas').locator('canvas')).toBeVisible()
    await shot('single-page-sub-path-table')
    expect(host.stray, 'requests outside the folder the game was copied to').toEqual([])
  } finally {
    host.close()
  }

  // A page of its own: from file:// the browser refuses the module scripts, which is what the page says.
  const fromFile = await browser.newContext()
  const errors = []
  try {
    const local = await fromFile.newPage()
    watchErrors(local, errors, { expected: /blocked by CORS policy|net::ERR_FAILED/ })
    await local.goto(pathToFileURL(join(site, 'index.html')).href)
    await expect(local.getByRole('status')).toHaveText(
      'This page needs a web server. Open red-lines.html, the single-file copy of the game beside it, instead.',
    )
    await expect(local.getByRole('button', { name: 'New game' })).toBeHidden()
    await shot('single-page-index-from-file', {}, local)
    await local.getByRole('link', { name: 'Open red-lines.html (the single-file copy)' }).click()
    await expect(local).toHaveURL(/\/red-lines\.html$/)
    await expect(local.getByRole('heading', { name: 'Saved games' })).toBeVisible()
    await expect(local.getByRole('button', { name: 'New game' })).toBeEnabled()
    expect(errors, 'errors in the pages opened from file://').toEqual([])
  } finally {
    await fromFile.close()
  }

  // The notice follows the page's language (here the browser's).
  const ukrainian = await browser.newContext({ locale: 'uk-UA' })
  try {
    const uk = await ukrainian.newPage()
    await uk.goto(pathToFileURL(join(site, 'index.html')).href)
    await expect(uk.locator('html')).toHaveAttribute('lang', 'uk')
    await expect(
      uk.getByRole('link', { name: 'Відкрити red-lines.html (копію в одному файлі)' }),
    ).toBeVisible()
  } finally {
    await ukrainian.close()
  }
})

test('a single page made with a scenario inside plays from file:// in a fresh browser, and nothing leaves the file', async ({
  page,
  base: devBase,
  browser,
  shot,
}) => {
  const scenario = sharedScenario(TITLE)
  const other = sharedScenario('The harbour, second edition')
  // The development server builds red-lines.html when asked (src/node/single-page.ts): allow for the build.
  await page.goto(devBase)
  const [html, otherHtml] = await page.evaluate(
    async ([a, b]) => {
      const { singlePage } = await import('/src/client/studio/share.ts')
      return [await singlePage(a), await singlePage(b)]
    },
    [scenario, other],
  )
  expect(html).toContain('<meta name="red-lines-single" />')
  const dir = mkdtempSync(join(tmpdir(), 'red-lines-shared-'))
  const file = join(dir, 'harbour-shared.html')
  writeFileSync(file, html)

  const context = await browser.newContext()
  const outside = []
  context.on('request', (request) => {
    if (!/^(file|data|blob|about):/.test(request.url())) outside.push(request.url())
  })
  const errors = []
  try {
    const shared = await context.newPage()
    watchErrors(shared, errors)
    await shared.goto(pathToFileURL(file).href)
    // The embedded scenario opens as a file chosen with "Open scenario file…": chosen on the set-up screen.
    await expect(shared.getByRole('heading', { name: 'New game' })).toBeVisible()
    await expect(
      shared.getByRole('radio', { name: `${TITLE} (from file: harbour-shared.yaml)` }),
    ).toBeChecked()
    await shot('single-page-shared-setup', {}, shared)
    await startGame(shared)
    await expect(roundHeading(shared)).toBeVisible()
    await expect(shared.frameLocator('iframe.stage-canvas').locator('canvas')).toBeVisible()
    await shot('single-page-shared-table', {}, shared)
    await playToEnd(shared)
    await expect(endingHeading(shared)).toBeVisible()
    await shot('single-page-shared-debrief', {}, shared)

    // The page copies itself, its scenario replaced, the same as the built site's copy, after a whole game.
    await shared.addScriptTag({ type: 'module', content: await shareModule(devBase) })
    await shared.waitForFunction(() => window.__share !== undefined)
    expect(await shared.evaluate(() => window.__share.embeddedScenario())).toEqual(scenario)
    expect(await shared.evaluate((s) => window.__share.singlePage(s), other)).toBe(otherHtml)
    expect(outside, 'requests that left the file').toEqual([])
    expect(errors, 'errors in the single page').toEqual([])
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
