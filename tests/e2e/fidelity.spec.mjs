/**
 * What the game adds to the articles is shown as the game's: a constraint that is a game rule is labelled so,
 * and its rationale, a card's estimates and a red line's severity are each one action away (keyboard here).
 */
import { expect, test } from './fixtures.mjs'
import { endingHeading, openSetup, passInterstitials, playToEnd, roundHeading } from './helpers.mjs'

/** Opens the disclosure whose summary reads `label` by keyboard and checks that it reveals a rationale. */
async function openByKeyboard(page, label) {
  const summary = page.locator('summary', { hasText: label }).first()
  await summary.focus()
  await page.keyboard.press('Enter')
  const details = page.locator('details', { has: summary }).first()
  await expect(details).toHaveJSProperty('open', true)
  const text = (await details.locator('p').first().textContent())?.trim() ?? ''
  expect(text.length, `"${label}" reveals a rationale, not an empty note`).toBeGreaterThan(20)
}

test("the game's own rules, estimates and severities are marked as its choices, each with its reason", async ({
  page,
  base,
  shot,
}) => {
  await openSetup(page, base)
  const seats = page.getByRole('group', { name: 'Who plays each side' }).getByRole('group')
  for (let i = 0; i < (await seats.count()); i++) {
    const group = seats.nth(i)
    const legend = ((await group.locator('legend').first().textContent()) ?? '').trim()
    await group.getByRole('radio', { name: legend === 'European governments' ? 'Human' : 'Computer' }).check()
  }
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('7')
  await page.getByRole('button', { name: 'Start game' }).click()
  await expect(page.getByRole('heading', { name: /^Briefing: European governments/ })).toBeVisible()
  await expect(page.getByText('Game rule', { exact: true }).first(), 'a game rule is labelled').toBeAttached()
  await openByKeyboard(page, 'Why the game has this rule')
  await shot('briefing-game-rule', { fullPage: true })
  await passInterstitials(page)
  await expect(roundHeading(page)).toBeVisible()
  await expect(page.getByText(/are the game's estimates; the articles give no figures/)).toBeVisible()
  await openByKeyboard(page, 'The game’s estimates: why these numbers?')
  await shot('card-estimates')
  // Troops on the ground cross Russia's stated red lines, so the debrief has some to show.
  await page.getByRole('button', { name: 'Add Multinational reassurance force' }).click()
  await playToEnd(page)
  await expect(endingHeading(page)).toBeVisible()
  await expect(page.getByText(/Severity \d of 5 \(the game’s choice\)/).first()).toBeVisible()
  await openByKeyboard(page, 'Why this severity and answer?')
  await shot('debrief-severity')
})
