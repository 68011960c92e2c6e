/**
 * Leaving a game for the title screen and resuming it (by keyboard and mouse on a laptop, by touch on a
 * phone), and the Backstage: absent from the page in play mode, present and marked in instructor mode.
 */
import { expect, test } from './fixtures.mjs'
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

/** Waits until the table shows `state` again: the same round and package. */
async function expectTable(page, state) {
  await expect(roundHeading(page)).toHaveText(state.round)
  await expect(page.getByRole('region', { name: 'The package' })).toHaveText(state.package)
}

test('leave a solo game for the title screen by keyboard, and resume it from the saved games', async ({
  page,
  base,
  shot,
}) => {
  await openSetup(page, base)
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('31')
  await page.getByRole('button', { name: 'Start game' }).click()
  // The way out is there from the briefing on.
  await expect(page.getByRole('heading', { name: /^Briefing: / })).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: 'This game' }).getByRole('button', { name: 'Leave game' }),
  ).toBeVisible()
  await passInterstitials(page)
  await expect(roundHeading(page)).toBeVisible()
  await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
  const before = await tableState(page)
  await checkA11y(page, 'table with the leave control')
  // By keyboard: Shift+Tab from the round's heading reaches "Leave game", Enter presses it.
  const leave = page.getByRole('button', { name: 'Leave game' })
  await roundHeading(page).focus()
  for (let i = 0; i < 8; i++) {
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
    if (name === 'Leave game') break
    await page.keyboard.press('Shift+Tab')
  }
  await expect(leave, 'Shift+Tab from the heading reaches the leave control').toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
  await expect(notice(page).getByText(/You left the game\. It is saved/)).toBeVisible()
  await checkA11y(page, 'title after leaving')
  await shot('left-game-title')
  // The game is listed and continues exactly where it was.
  const resume = page.getByRole('button', { name: /^Continue .+, saved / })
  await expect(resume, 'the game left is listed once').toHaveCount(1)
  await resume.click()
  await passInterstitials(page)
  await expectTable(page, before)
  // A reload of the title screen (a new visit) still lists it.
  await leave.click()
  await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
  await page.evaluate(() => sessionStorage.clear())
  await openTitle(page, base)
  await expect(page.getByRole('button', { name: /^Continue .+, saved / })).toBeVisible()
})

test.describe('on a phone', () => {
  test.use(PHONE)

  test('leave and resume a game by touch on a phone, every screen fitting the width', async ({
    page,
    base,
    shot,
  }) => {
    await page.goto(base)
    await page.evaluate(() => localStorage.setItem('red-lines:guide-done', '1'))
    await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
    await page.getByRole('button', { name: 'New game' }).tap()
    await expect(page.getByRole('heading', { name: 'New game' })).toBeVisible()
    await fitsTheWidth(page, 'set-up')
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('32')
    await page.getByRole('button', { name: 'Start game' }).tap()
    await expect(page.getByRole('heading', { name: /^Briefing: / })).toBeVisible()
    await page.getByRole('button', { name: 'Go to the table' }).tap()
    await expect(roundHeading(page)).toBeVisible()
    await fitsTheWidth(page, 'table')
    const before = await tableState(page)
    await page.getByRole('button', { name: 'Leave game' }).tap()
    await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
    await fitsTheWidth(page, 'title after leaving')
    await shot('phone-left-game-title')
    await page.getByRole('button', { name: /^Continue .+, saved / }).tap()
    await expectTable(page, before)
  })
})

test('Backstage is absent in play mode and present, marked, in instructor mode', async ({
  page,
  base,
  shot,
}) => {
  await openSetup(page, base)
  await startGame(page, { seed: 40 })
  // Play mode: no button, no panel, nothing of it in the page.
  await expect(page.getByRole('button', { name: 'Backstage' })).toHaveCount(0)
  await expect(page.locator('.backstage, #backstage-panel')).toHaveCount(0)
  await expect(page.locator('main')).not.toHaveText(/Backstage|Instructor mode/)
  await page.getByRole('button', { name: 'Leave game' }).click()
  await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()

  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.getByRole('heading', { name: 'New game' })).toBeVisible()
  await expect(
    page.getByRole('checkbox', { name: 'Instructor or author mode' }),
    'play mode is the default',
  ).not.toBeChecked()
  await startGame(page, { seed: 40, instructor: true })
  await expect(page.getByText('Instructor mode.')).toBeVisible()
  await page.getByRole('button', { name: 'Backstage' }).click()
  const panel = page.getByRole('region', { name: /^Backstage: / })
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('heading', { name: /hidden resolve$/ })).toBeVisible()
  const lines = panel
    .getByRole('list', { name: /^Red lines with .+ hidden firmness$/ })
    .locator(':scope > li')
  await expect(lines.first(), 'every red line is listed with its resolve').toBeVisible()
  for (const line of await lines.all())
    await expect(line).toHaveText(/Firmness \d+% in this game, drawn between|always holds/)
  await checkA11y(page, 'table with the resolve in the backstage')
  await shot('backstage-instructor', { fullPage: true })
  // The saved games say which game was played in instructor mode.
  await page.getByRole('button', { name: 'Leave game' }).click()
  const saves = page.getByRole('list', { name: 'Saved games' }).getByRole('listitem')
  await expect(saves).toHaveCount(2)
  await expect(saves.filter({ hasText: 'Played in instructor or author mode' })).toHaveCount(1)
})
