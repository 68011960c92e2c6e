/** The browser test cases: each gets a fresh page (and so a fresh localStorage). */
import assert from 'node:assert/strict'
import {
  endingHeading,
  notice,
  openSetup,
  playAs,
  playToEnd,
  roundHeading,
  startGame,
  switcherSides,
} from './helpers.mjs'

const SAVE_KEY = 'red-lines:save:v1'
const squash = (s) => s.replace(/\s+/g, ' ').trim()

export const cases = [
  {
    name: 'solo game against computer partners plays to an ending with scores',
    async run({ page, base, shot }) {
      await openSetup(page, base)
      await shot('setup')
      await startGame(page, { seed: 1 })
      assert.match(await roundHeading(page).textContent(), /^Round 1 of/)
      await page.getByRole('heading', { name: 'The package' }).waitFor()
      await shot('table-solo', { fullPage: true })
      let shotResponse = true
      await playToEnd(page, {
        onResponse: async () => {
          if (!shotResponse) return
          shotResponse = false
          await shot('response-solo', { fullPage: true })
        },
      })
      await endingHeading(page).waitFor()
      const scores = page.getByRole('table', { name: 'Scores' })
      assert.ok(await scores.isVisible(), 'the score table is visible')
      assert.ok((await scores.getByRole('row').count()) >= 2, 'the score table has a row per side')
      await page.getByRole('heading', { name: 'The rounds' }).waitFor()
      await shot('ending', { fullPage: true })
      await page.getByRole('button', { name: 'New game' }).click()
      await page.getByRole('button', { name: 'Start game' }).waitFor()
    },
  },
  {
    name: 'hot-seat: every side human, endorse via the switcher, table, read the source of a quote',
    async run({ page, base, shot }) {
      await openSetup(page, base)
      await startGame(page, { allHuman: true })
      const sides = await switcherSides(page)
      assert.ok(sides.length >= 2, 'the switcher lists every human side')
      for (const side of sides) {
        await playAs(page, side)
        await page.getByRole('button', { name: /^Add / }).first().click()
      }
      const items = page.getByRole('list', { name: 'Items in the package' }).getByRole('listitem')
      const added = await items.count()
      assert.ok(added >= 1, 'the package holds what was added')
      // The acting side withdraws its own item, then puts it back.
      await page
        .getByRole('button', { name: /^Withdraw / })
        .first()
        .click()
      assert.equal(await items.count(), added - 1, 'withdrawing removes the item')
      await page.getByRole('button', { name: /^Add / }).first().click()
      assert.equal(await items.count(), added)
      // A command the rules refuse is shown to the player.
      await page.getByRole('button', { name: 'Table the package' }).click()
      await notice(page)
        .getByText(/^Not possible:/)
        .waitFor()
      await shot('refusal')
      for (const side of sides) {
        await playAs(page, side)
        await page.getByRole('button', { name: 'Endorse', exact: true }).click()
      }
      const stances = page.getByRole('list', { name: 'Stances of the sides' })
      for (const side of sides) await stances.getByText(`${side}: endorsed`).waitFor()
      await page.setViewportSize({ width: 1024, height: 640 })
      await shot('table-hotseat-1024x640')
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.getByRole('button', { name: 'Table the package' }).click()
      await page.getByRole('heading', { name: /'s response$/ }).waitFor()
      const quote = page.getByRole('blockquote').first()
      await quote.waitFor()
      const quoted = squash(await quote.textContent())
      await shot('response-hotseat', { fullPage: true })
      const open = page.getByRole('button', { name: /^Open source: / }).first()
      await open.click()
      const dialog = page.getByRole('dialog', { name: /^Source: / })
      await dialog.waitFor()
      const mark = dialog.getByRole('mark')
      assert.ok(await mark.isVisible(), 'the quoted passage is highlighted and in view')
      const marked = squash(await mark.textContent())
        .replace(/[\u2018\u2019]/g, "'")
        .replace(/[\u201c\u201d]/g, '"')
      assert.equal(
        marked.toLowerCase(),
        quoted
          .replace(/[\u2018\u2019]/g, "'")
          .replace(/[\u201c\u201d]/g, '"')
          .toLowerCase(),
      )
      await shot('source-dialog')
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'hidden' })
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
      assert.match(focused, /^Open source: /, 'focus returns to the button that opened the dialog')
      await page.getByRole('button', { name: 'Continue negotiating' }).waitFor()
    },
  },
  {
    name: 'reload mid-game resumes the same round and package',
    async run({ page, base, shot }) {
      await openSetup(page, base)
      await startGame(page, { seed: 777 })
      await page.getByRole('button', { name: /^Add / }).first().click()
      const round = await roundHeading(page).textContent()
      const pkg = page.getByRole('region', { name: 'The package' })
      const before = squash(await pkg.textContent())
      const log = squash(await page.getByRole('list', { name: /^Commands so far/ }).textContent())
      await page.reload()
      await roundHeading(page).waitFor()
      assert.equal(await roundHeading(page).textContent(), round)
      assert.equal(squash(await pkg.textContent()), before)
      assert.equal(squash(await page.getByRole('list', { name: /^Commands so far/ }).textContent()), log)
      assert.ok(before.length > 'The package'.length, 'the package was not empty')
      await shot('resumed')
    },
  },
  {
    name: 'a corrupt or unreplayable save shows a clear message and a fresh start',
    async run({ page, base, shot }) {
      await openSetup(page, base)
      await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"setup":'), SAVE_KEY)
      await page.reload()
      await notice(page)
        .getByText(/saved game could not be restored/)
        .waitFor()
      await page.getByRole('button', { name: 'Start game' }).waitFor()
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY), null)
      await shot('corrupt-save')
      // A well-formed save whose log the rules refuse: replaying it must fail cleanly too.
      await startGame(page)
      await page.evaluate((key) => {
        const saved = JSON.parse(localStorage.getItem(key) ?? '{}')
        const side = Object.keys(saved.setup.seats)[0]
        saved.log.unshift({ type: 'decide', side, payload: { choice: 'implement' } })
        localStorage.setItem(key, JSON.stringify(saved))
      }, SAVE_KEY)
      await page.reload()
      await notice(page)
        .getByText(/replaying it failed/)
        .waitFor()
      await startGame(page)
      assert.match(await roundHeading(page).textContent(), /^Round 1 of/)
    },
  },
]
