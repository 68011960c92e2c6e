/**
 * Browser tests of the years after a deal: a solo game on a small fixture scenario (tests/fixtures/
 * aftermath.yaml, opened as a scenario file) reaches a deal in its first round; the ending screen plays the
 * aftermath out step by step with "Next year", announcing each step; then the debrief shows the outcome, the
 * scores and the hidden resolve revealed. The fixture's numbers are its own, so the test does not depend on
 * the shipped scenarios, which are tuned separately.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { expect, test } from './fixtures.mjs'
import {
  checkA11y,
  endingHeading,
  fitsTheWidth,
  openSetup,
  openTitle,
  passInterstitials,
  roundHeading,
  settled,
  startGame,
} from './helpers.mjs'

const FIXTURE = fileURLToPath(new URL('../fixtures/aftermath.yaml', import.meta.url))

/** Opens a file through the "Open scenario file…" button and the browser's file chooser. */
async function openScenarioFile(page, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open scenario file…' }).click(),
  ])
  await chooser.setFiles(file)
}

/** Starts a solo game as Ukraine on the fixture and plays its first round: endorse what the partner puts together. */
async function playToDeal(page, base, { seed = 9, instructor = false } = {}) {
  await openTitle(page, base)
  await page.evaluate(() => localStorage.setItem('red-lines:guide-done', '1'))
  await openSetup(page, base)
  await openScenarioFile(page, FIXTURE)
  await expect(
    page.getByRole('radio', { name: /^The years after \(from file: aftermath\.yaml\)/ }),
  ).toBeVisible()
  await startGame(page, { seed, instructor })
  await expect(roundHeading(page)).toBeVisible()
  await expect(
    page
      .getByRole('list', { name: 'Items in the package' })
      .getByRole('listitem')
      .filter({ hasText: 'Reassurance force' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Endorse', exact: true }).click()
  // Look only once the computer partners have answered: one of them may table the package first.
  await settled(page)
  const table = page.getByRole('button', { name: 'Table the package' })
  if (await table.isVisible()) await table.click()
  await passInterstitials(page)
  await expect(endingHeading(page)).toBeVisible()
}

/** The polite live regions' text, where a step of the aftermath is announced. */
const announced = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[aria-live="polite"]')]
      .map((el) => el.textContent ?? '')
      .filter(Boolean)
      .join(' | '),
  )

test('a solo game reaches a deal, plays out the years after step by step, and the debrief reveals the draw', async ({
  page,
  base,
  shot,
}) => {
  await playToDeal(page, base)
  await expect(endingHeading(page)).toHaveText(/^Ending: Guarantees agreed$/)
  const card = page.getByRole('region', { name: 'The years after' })
  await expect(card.getByText('The guarantees take effect. Three years follow.')).toBeVisible()
  // Nothing gives the outcome away yet: no scores until the years are played out.
  await expect(
    page.getByRole('table', { name: 'Scores', exact: true }),
    'no scores before the years',
  ).toHaveCount(0)
  const steps = card.getByRole('list', { name: 'The years after, step by step' }).locator(':scope > li')
  await expect(steps).toHaveCount(1)
  await checkA11y(page, 'ending before the years after')
  await shot('aftermath-start', { fullPage: true })

  // Seed 9 of the fixture: Russia tests the guarantees in year 1 and nobody answers: a new attack.
  const next = card.getByRole('button', { name: 'Next year' })
  await next.click()
  await expect(card.getByRole('heading', { name: 'Year 1' })).toBeVisible()
  await expect(steps).toHaveCount(2)
  const year = card.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Year 1' }) })
  await expect(year.getByText('Russia tests the guarantees. (a 35% chance of this)')).toBeVisible()
  await expect(year.getByText('The guarantors do not respond. (a 70% chance of this)')).toBeVisible()
  await expect
    .poll(() => announced(page))
    .toMatch(/Year 1 Russia tests the guarantees\. \(a 35% chance of this\)/)
  await expect(
    page.getByRole('button', { name: 'See the outcome' }),
    'the focus stays on the button, which now leads to the outcome',
  ).toBeFocused()
  await shot('aftermath-year', { fullPage: true })

  // The last step by keyboard: the outcome, with how it changed the scores, then the debrief.
  await page.keyboard.press('Enter')
  const outcome = card.getByRole('heading', { name: 'Outcome: A new attack' })
  await expect(outcome).toBeVisible()
  await expect(page.locator('#aftermath-outcome')).toBeFocused()
  await expect(card.getByText('Russia tests the guarantees and nobody answers.')).toBeVisible()
  await expect
    .poll(() => announced(page))
    .toMatch(/^Outcome: A new attack\. Russia tests the guarantees and nobody answers\./)
  const changes = card.getByRole('table', { name: 'What the outcome did to each side’s score' })
  await expect(changes.getByRole('row', { name: /^Ukraine −30 / })).toBeVisible()
  await expect(card.getByText("Meters the outcome moved: Ukraine's confidence 55 → 5.")).toBeVisible()
  await expect(card.getByRole('button', { name: 'Next year' })).toHaveCount(0)

  // The scores tell the truth: the fall in confidence is a loss, worded with its values.
  const scores = page.getByRole('table', { name: 'Scores', exact: true })
  await expect(scores).toBeVisible()
  const ukraine = scores.getByRole('row').filter({ hasText: 'Ukraine' })
  await expect(ukraine.getByText(/^After the deal: A new attack: ▼ −30$/)).toBeVisible()
  const confidence = ukraine.getByRole('listitem').filter({ hasText: "Ukraine's confidence" })
  await expect(confidence).toHaveText("Ukraine's confidence 45 → 5: ▼ −20")
  await expect(confidence).toHaveClass(/\bdown\b/)

  // What was hidden: the firmness drawn and whether the red line held; the odds and what happened.
  const hidden = page.getByRole('region', { name: 'What was hidden' })
  await expect(hidden.getByRole('heading', { name: 'No European troops in Ukraine' })).toBeVisible()
  await expect(hidden.getByText(/^Range 20% to 90%; drawn in this game: \d+%\.$/)).toBeVisible()
  await expect(
    hidden.getByText(/^When a package crossed it: round 1: (held|let pass with a warning)\.$/),
  ).toBeVisible()
  const odds = hidden.getByRole('table', { name: 'The odds of the years after, before the draw' })
  await expect(odds.getByRole('row', { name: /^A new attack \d+% ✔ What happened$/ })).toBeVisible()
  await expect(hidden.getByText('European troops are on the ground')).toBeVisible()
  await checkA11y(page, 'debrief after the years after')
  await shot('aftermath-debrief', { fullPage: true })

  // A reload keeps the years played out; the phone shows it all without scrolling sideways.
  await page.reload()
  await expect(page.getByRole('table', { name: 'Scores', exact: true })).toBeVisible()
  await page.setViewportSize({ width: 390, height: 844 })
  await fitsTheWidth(page, 'debrief on a phone')
  await shot('aftermath-debrief-phone', { fullPage: true })
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })

  /** "Show all" plays out every year at once, by touch on a phone; a game in instructor mode says so. */
  test('the years after are shown all at once by touch on a phone; instructor mode is marked in the debrief and exports', async ({
    page,
    base,
    shot,
  }) => {
    await playToDeal(page, base, { seed: 3, instructor: true })
    await fitsTheWidth(page, 'ending on a phone')
    await page.getByRole('button', { name: 'Show all' }).tap()
    await expect(page.getByRole('heading', { name: 'Outcome: An attack is deterred' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Year 3' })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Scores', exact: true })).toBeVisible()
    await fitsTheWidth(page, 'debrief on a phone')
    // Instructor mode: the note, the facts, the JSON record and the CSV all say so.
    await expect(
      page.getByRole('note').getByText(/^This game was played in instructor or author mode/),
    ).toBeVisible()
    await expect(page.getByText('Instructor or author, with the Backstage open')).toBeVisible()
    const text = async (button) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).tap(),
      ])
      return readFile(await file.path(), 'utf8')
    }
    expect(JSON.parse(await text('Export game (JSON)')).setup.mode).toBe('instructor')
    const csv = await text('Export results (CSV)')
    expect(csv).toMatch(/\r\nMode,Instructor mode: the hidden parts \(Backstage\) were open during play\r\n/)
    expect(csv).toMatch(/\r\nAfter the deal,An attack is deterred\r\n/)
    await shot('aftermath-instructor-phone', { fullPage: true })
  })
})
