/**
 * Browser tests of scenario authoring: opening a scenario file in the page (button and drop), its problems,
 * playing it and resuming it after a reload; the instructor's backstage; and, on a development server of its
 * own with hot reload on, a file of scenarios/ saved while a game on it is open.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'vite'
import { parse } from 'yaml'
import { expect, ROOT, test } from './fixtures.mjs'
import {
  checkA11y,
  notice,
  openSetup,
  openTitle,
  passInterstitials,
  roundHeading,
  settled,
  startGame,
} from './helpers.mjs'
import { freePort } from './ports.mjs'

const SHIPPED = readFileSync(join(ROOT, 'scenarios/guarantees-2025.yaml'), 'utf8')
const COPY_TITLE = 'Class copy of the guarantees scenario'

/** The shipped scenario under its own id and title, as an instructor's edited copy would be. */
const classCopy = () =>
  SHIPPED.replace(/^id: .*$/m, 'id: class-copy').replace(/^title: .*$/m, `title: "${COPY_TITLE}"`)

/** The 1-based line of the first line of `text` that starts with `start`. */
const lineOf = (text, start) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1

/** Writes files into a fresh temporary folder and returns their paths. */
function tempFiles(files) {
  const dir = mkdtempSync(join(tmpdir(), 'red-lines-e2e-'))
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => {
      writeFileSync(join(dir, name), text)
      return [name, join(dir, name)]
    }),
  )
}

/** Opens a file through the "Open scenario file…" button and the browser's file chooser. */
async function openScenarioFile(page, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open scenario file…' }).click(),
  ])
  await chooser.setFiles(file)
}

/** The name of the focused control, as the keyboard tests read it. */
const focusedName = (page) =>
  page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim())

/**
 * Plays the current round to its end: endorse and table; when Russia has answered, continue negotiating;
 * when the package cannot be tabled, object and end the round without it (unless the computer partners ended
 * it already). Returns the next screen's heading.
 */
async function playOneRound(page) {
  const round = await roundHeading(page).textContent()
  await page.getByRole('button', { name: 'Endorse', exact: true }).click()
  // The computer partners answer the move in slices; look at the table only once they are done, or a button
  // seen a moment ago may be gone (a partner tabled the package first).
  await settled(page)
  // A computer partner may table the package as soon as every side endorses.
  const table = page.getByRole('button', { name: 'Table the package' })
  if (await table.isVisible()) {
    await table.click()
    await settled(page)
  }
  const carryOn = page.getByRole('button', { name: 'Continue negotiating' })
  const objection = page.getByRole('textbox', { name: 'Reason for objecting' })
  if (await carryOn.isVisible()) await carryOn.click()
  // Computer partners that object may end the round themselves once every side has spoken.
  else if (await objection.isVisible()) {
    await objection.fill('Not this round.')
    await page.getByRole('button', { name: 'Object', exact: true }).click()
    await settled(page)
    const endRound = page.getByRole('button', { name: 'End round without a package' })
    if (await endRound.isVisible()) await endRound.click()
  }
  await passInterstitials(page)
  const next = page.getByRole('heading', { name: /^(Round \d+ of \d+|Ending: .*)$/ })
  await expect(next).toBeVisible()
  await expect(next, 'the round is over').not.toHaveText(round ?? '')
  return next
}

test('a scenario file with errors lists them with lines; a file over the size limit is refused unread', async ({
  page,
  base,
  shot,
}) => {
  const broken = classCopy().replace('rounds: 6', 'rounds: many')
  const { 'broken.yaml': path } = tempFiles({ 'broken.yaml': broken })
  await openTitle(page, base)
  await openScenarioFile(page, path)
  const report = page.getByRole('region', { name: 'broken.yaml could not be loaded' })
  await expect(report).toBeVisible()
  const problem = report
    .getByRole('listitem')
    .filter({ hasText: `line ${lineOf(broken, 'rounds:')}, column` })
  await expect(problem).toHaveText(/^Error line \d+, column \d+ \(at rounds\):.*Fix:/s)
  await expect(notice(page).getByText(/broken\.yaml could not be loaded: 1 error/)).toBeVisible()
  await expect(
    page.getByRole('radio', { name: new RegExp(COPY_TITLE) }),
    'a broken file does not join the scenarios',
  ).toHaveCount(0)
  await checkA11y(page, 'title with a broken scenario file')
  await shot('scenario-file-errors', { fullPage: true })

  // Dropped on the page: a message covers it while the file is dragged, and the file is read on drop.
  const dropped = classCopy().replace(/^formatVersion: .*$/m, 'formatVersion: 99')
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.items.add(new File([text], 'future.yaml', { type: 'application/yaml' }))
    document.body.dispatchEvent(
      new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }),
    )
    window.__dropData = data
  }, dropped)
  const dropHint = page.getByText('Drop the scenario file (.yaml) to open it')
  await expect(dropHint).toBeVisible()
  await shot('scenario-file-drop')
  await page.evaluate(() =>
    document.body.dispatchEvent(
      new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: window.__dropData }),
    ),
  )
  await expect(page.getByRole('region', { name: 'future.yaml could not be loaded' })).toBeVisible()
  await expect(dropHint).toBeHidden()
  await expect(page.getByText(/FORMAT_VERSION_TOO_NEW/).first()).toBeVisible()

  // Over the loader's limit: refused from its size, before it is read.
  await page.evaluate(() => {
    window.__read = 0
    const text = File.prototype.text
    File.prototype.text = function () {
      window.__read += 1
      return text.call(this)
    }
  })
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open scenario file…' }).click(),
  ])
  await chooser.setFiles({
    name: 'huge.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.alloc(1_000_001, 'a'),
  })
  await expect(notice(page).getByText(/huge\.yaml is 1,000,001 bytes long.*so it was not read/)).toBeVisible()
  expect(await page.evaluate(() => window.__read), 'the file was not read').toBe(0)
})

test('a scenario file opened in the page is played, resumed after a reload, and read backstage by keyboard', async ({
  page,
  base,
  shot,
}) => {
  const text = classCopy()
  const redLines = parse(text).redLines.length
  const { 'class-copy.yaml': path } = tempFiles({ 'class-copy.yaml': text })
  await openTitle(page, base)
  await page.evaluate(() => localStorage.setItem('red-lines:guide-done', '1'))
  await openSetup(page, base)
  await openScenarioFile(page, path)
  const choice = page.getByRole('radio', { name: `${COPY_TITLE} (from file: class-copy.yaml)` })
  await expect(choice, 'the opened scenario is chosen').toBeChecked()
  await expect(page.getByRole('heading', { name: 'class-copy.yaml is ready to play' })).toBeVisible()
  await checkA11y(page, 'set-up with an opened scenario file')
  await shot('scenario-file-setup', { fullPage: true })
  await startGame(page, { seed: 4, instructor: true })
  await expect(page.getByRole('banner').getByText(COPY_TITLE)).toBeVisible()

  // The backstage (an instructor-mode game), by keyboard: its toggle is just before the round's heading, which has the focus.
  const toggle = page.getByRole('button', { name: 'Backstage' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await roundHeading(page).focus()
  for (let i = 0; i < 8 && (await focusedName(page)) !== 'Backstage'; i++)
    await page.keyboard.press('Shift+Tab')
  await expect(toggle, 'Shift+Tab from the heading reaches the toggle').toBeFocused()
  await page.keyboard.press('Enter')
  const panel = page.getByRole('region', { name: /^Backstage: / })
  await expect(panel).toBeVisible()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(panel.getByText('Reveals every side’s private position.')).toBeVisible()
  const lines = panel.getByRole('list', { name: 'Every red line, crossed or not' }).locator(':scope > li')
  await expect(lines, 'every red line is evaluated').toHaveCount(redLines)
  for (const line of await lines.all())
    await expect(line.getByRole('heading')).toHaveText(/^(Crossed|Not crossed): /)
  await expect(panel.getByText(/^If the package were tabled now|^The package is empty/)).toHaveText(/\.$/)
  await checkA11y(page, 'table with the backstage open')
  await shot('backstage')

  // Tabling before endorsing is refused, and the refusal shows in the backstage's log among the commands.
  await page.getByRole('button', { name: 'Table the package' }).click()
  await expect(notice(page).getByText(/^Not possible:/)).toBeVisible()
  const log = panel.getByRole('list', { name: 'Commands and refusals, oldest first' })
  await expect(log.getByText(/^Refused \([A-Z_]+\):$/)).toBeVisible()
  expect(
    await log.getByRole('listitem').count(),
    'the log lists the commands and the refusal',
  ).toBeGreaterThanOrEqual(2)

  const next = await playOneRound(page)
  const heading = (await next.textContent()) ?? ''
  await shot('scenario-file-played')

  // A reload resumes the game on the opened file's text, stored with the save; the backstage stays open.
  await page.reload()
  await expect(page.getByRole('heading', { name: heading })).toBeVisible()
  if (heading.startsWith('Round'))
    await expect(page.getByRole('button', { name: 'Backstage' })).toHaveAttribute('aria-expanded', 'true')
  await page.evaluate(() => sessionStorage.clear())
  await openTitle(page, base)
  await expect(
    page.getByRole('button', { name: new RegExp(`^(Continue|Open the debrief of) ${COPY_TITLE}, saved `) }),
  ).toBeVisible()

  // Without its stored text the save is explained as a scenario this game does not have.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('red-lines:scenario-file:')) localStorage.removeItem(key)
  })
  await openTitle(page, base)
  await expect(
    page.getByRole('list', { name: 'Saved games' }).getByText(/not available in this version/),
  ).toBeVisible()
})

test('saving a file of scenarios/ under npm start reloads it in place and replays the open game', async ({
  page,
  shot,
}) => {
  // A development server of its own, with hot reload, on a copy of scenarios/ that the test may change.
  const root = mkdtempSync(join(tmpdir(), 'red-lines-hmr-'))
  cpSync(join(ROOT, 'index.html'), join(root, 'index.html'))
  mkdirSync(join(root, 'scenarios'))
  writeFileSync(join(root, 'scenarios/guarantees-2025.yaml'), SHIPPED)
  for (const dir of ['src', 'seeds', 'assets', 'node_modules']) symlinkSync(join(ROOT, dir), join(root, dir))
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    cacheDir: join(root, '.vite-cache'),
    server: {
      host: '127.0.0.1',
      port: await freePort(),
      strictPort: true,
      fs: { strict: false },
      // Only the copied scenarios/ is watched: an edit elsewhere in the project must not reload the page.
      watch: {
        ignored: ['**/src/**', '**/seeds/**', '**/assets/**', '**/node_modules/**', '**/.vite-cache/**'],
      },
    },
  })
  try {
    await server.listen()
    const file = join(root, 'scenarios/guarantees-2025.yaml')
    const base = `http://127.0.0.1:${server.config.server.port}/`
    await openTitle(page, base)
    await page.evaluate(() => localStorage.setItem('red-lines:guide-done', '1'))
    await openSetup(page, base)
    await startGame(page, { seed: 9 })
    const round = (await roundHeading(page).textContent()) ?? ''
    const moves = await page
      .getByRole('list', { name: /^Commands so far/ })
      .getByRole('listitem')
      .count()

    // A change the game's moves survive: reloaded, replayed, and the new text is what the page shows.
    writeFileSync(file, SHIPPED.replace(/^title: .*$/m, 'title: "Guarantees, edited live"'))
    await expect(
      notice(page).getByText(
        `scenarios/guarantees-2025.yaml changed: reloaded, and this game’s ${moves} moves were replayed on the new version.`,
      ),
    ).toBeVisible()
    await expect(page.getByRole('banner').getByText('Guarantees, edited live')).toBeVisible()
    await expect(roundHeading(page)).toHaveText(round)
    await shot('live-reload')

    // A change that breaks the file: its problems, and the game goes on as it was.
    writeFileSync(file, SHIPPED.replace('rounds: 6', 'rounds: many'))
    const line = lineOf(SHIPPED, 'rounds:')
    await expect(
      notice(page).getByText(/no longer loads; the game continues on the previous version/),
    ).toBeVisible()
    await expect(
      notice(page).getByText(new RegExp(`guarantees-2025\\.yaml:${line}:\\d+ +WRONG_TYPE`)),
    ).toBeVisible()
    await shot('live-reload-broken')
    const items = page.getByRole('list', { name: 'Items in the package' }).getByRole('listitem')
    const before = await items.count()
    await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
    await expect(items).toHaveCount(before + 1)
    await expect(page.getByRole('banner').getByText('Guarantees, edited live')).toBeVisible()
  } finally {
    // Leave the page before its server stops, so that it does not report the lost connection as errors.
    await page.goto('about:blank')
    await server.close()
    rmSync(root, { recursive: true, force: true })
  }
})
