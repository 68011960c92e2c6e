/**
 * Leaving a game for the title screen and resuming it (by keyboard and mouse on a laptop, by touch on a
 * phone), and the Backstage: absent from the page in play mode, present and marked in instructor mode.
 */
import assert from 'node:assert/strict'
import {
  checkA11y,
  fitsTheWidth,
  notice,
  openSetup,
  openTitle,
  passInterstitials,
  roundHeading,
  startGame,
} from './helpers.mjs'

const squash = (s) => s.replace(/\s+/g, ' ').trim()
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }

/** The table as a player sees it: the round, and what is in the package. */
async function tableState(page) {
  return {
    round: await roundHeading(page).textContent(),
    package: squash(await page.getByRole('region', { name: 'The package' }).textContent()),
  }
}

export const leaveCases = [
  {
    name: 'leave a solo game for the title screen by keyboard, and resume it from the saved games',
    async run({ page, base, shot }) {
      await openSetup(page, base)
      await page.getByRole('spinbutton', { name: 'Seed' }).fill('31')
      await page.getByRole('button', { name: 'Start game' }).click()
      // The way out is there from the briefing on.
      await page.getByRole('heading', { name: /^Briefing: / }).waitFor()
      await page
        .getByRole('navigation', { name: 'This game' })
        .getByRole('button', { name: 'Leave game' })
        .waitFor()
      await passInterstitials(page)
      await roundHeading(page).waitFor()
      await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
      const before = await tableState(page)
      await checkA11y(page, 'table with the leave control')
      // By keyboard: Shift+Tab from the round's heading reaches "Leave game", Enter presses it.
      await roundHeading(page).focus()
      for (let i = 0; i < 8; i++) {
        const name = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
        if (name === 'Leave game') break
        await page.keyboard.press('Shift+Tab')
      }
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent?.trim()),
        'Leave game',
        'Shift+Tab from the heading reaches the leave control',
      )
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { name: 'Saved games' }).waitFor()
      await notice(page)
        .getByText(/You left the game\. It is saved/)
        .waitFor()
      await checkA11y(page, 'title after leaving')
      await shot('left-game-title')
      // The game is listed and continues exactly where it was.
      const resume = page.getByRole('button', { name: /^Continue .+, saved / })
      assert.equal(await resume.count(), 1, 'the game left is listed once')
      await resume.click()
      await passInterstitials(page)
      await roundHeading(page).waitFor()
      assert.deepEqual(await tableState(page), before, 'the same round and package')
      // A reload of the title screen (a new visit) still lists it.
      await page.getByRole('button', { name: 'Leave game' }).click()
      await page.evaluate(() => sessionStorage.clear())
      await openTitle(page, base)
      await page.getByRole('button', { name: /^Continue .+, saved / }).waitFor()
    },
  },
  {
    name: 'leave and resume a game by touch on a phone, every screen fitting the width',
    context: PHONE,
    async run({ page, base, shot }) {
      await page.goto(base)
      await page.evaluate(() => localStorage.setItem('red-lines:guide-done', '1'))
      await page.getByRole('heading', { name: 'Saved games' }).waitFor()
      await page.getByRole('button', { name: 'New game' }).tap()
      await page.getByRole('heading', { name: 'New game' }).waitFor()
      await fitsTheWidth(page, 'set-up')
      await page.getByRole('spinbutton', { name: 'Seed' }).fill('32')
      await page.getByRole('button', { name: 'Start game' }).tap()
      await page.getByRole('heading', { name: /^Briefing: / }).waitFor()
      await page.getByRole('button', { name: 'Go to the table' }).tap()
      await roundHeading(page).waitFor()
      await fitsTheWidth(page, 'table')
      const before = await tableState(page)
      await page.getByRole('button', { name: 'Leave game' }).tap()
      await page.getByRole('heading', { name: 'Saved games' }).waitFor()
      await fitsTheWidth(page, 'title after leaving')
      await shot('phone-left-game-title')
      await page.getByRole('button', { name: /^Continue .+, saved / }).tap()
      await roundHeading(page).waitFor()
      assert.deepEqual(await tableState(page), before)
    },
  },
  {
    name: 'Backstage is absent in play mode and present, marked, in instructor mode',
    async run({ page, base, shot }) {
      await openSetup(page, base)
      await startGame(page, { seed: 40 })
      // Play mode: no button, no panel, nothing of it in the page.
      assert.equal(await page.getByRole('button', { name: 'Backstage' }).count(), 0)
      assert.equal(await page.locator('.backstage, #backstage-panel').count(), 0)
      assert.doesNotMatch(await page.locator('main').textContent(), /Backstage|Instructor mode/)
      await page.getByRole('button', { name: 'Leave game' }).click()
      await page.getByRole('heading', { name: 'Saved games' }).waitFor()

      await page.getByRole('button', { name: 'New game' }).click()
      await page.getByRole('heading', { name: 'New game' }).waitFor()
      const mode = page.getByRole('checkbox', { name: 'Instructor or author mode' })
      assert.equal(await mode.isChecked(), false, 'play mode is the default')
      await startGame(page, { seed: 40, instructor: true })
      await page.getByText('Instructor mode.').waitFor()
      const toggle = page.getByRole('button', { name: 'Backstage' })
      await toggle.click()
      const panel = page.getByRole('region', { name: /^Backstage: / })
      await panel.waitFor()
      await panel.getByRole('heading', { name: /hidden resolve$/ }).waitFor()
      const lines = panel
        .getByRole('list', { name: /^Red lines with .+ hidden firmness$/ })
        .locator(':scope > li')
      assert.ok((await lines.count()) >= 1, 'every red line is listed with its resolve')
      for (const line of await lines.all())
        assert.match(await line.textContent(), /Firmness \d+% in this game, drawn between|always holds/)
      await checkA11y(page, 'table with the resolve in the backstage')
      await shot('backstage-instructor', { fullPage: true })
      // The saved games say which game was played in instructor mode.
      await page.getByRole('button', { name: 'Leave game' }).click()
      const saves = page.getByRole('list', { name: 'Saved games' }).getByRole('listitem')
      assert.equal(await saves.count(), 2)
      assert.equal(await saves.filter({ hasText: 'Played in instructor or author mode' }).count(), 1)
    },
  },
]
