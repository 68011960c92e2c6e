/**
 * Browser test of the years after a deal: a solo game on a small fixture scenario (tests/fixtures/
 * aftermath.yaml, opened as a scenario file) reaches a deal in its first round; the ending screen plays the
 * aftermath out step by step with "Next year", announcing each step; then the debrief shows the outcome, the
 * scores and the hidden resolve revealed. The fixture's numbers are its own, so the test does not depend on
 * the shipped scenarios, which are tuned separately.
 */
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import {
  checkA11y,
  endingHeading,
  fitsTheWidth,
  openSetup,
  openTitle,
  passInterstitials,
  roundHeading,
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
export async function playToDeal(page, base, { seed = 9, instructor = false } = {}) {
  await openTitle(page, base)
  await page.evaluate(() => localStorage.setItem('red-lines:guide-done', '1'))
  await openSetup(page, base)
  await openScenarioFile(page, FIXTURE)
  await page.getByRole('radio', { name: /^The years after \(from file: aftermath\.yaml\)/ }).waitFor()
  await startGame(page, { seed, instructor })
  await roundHeading(page).waitFor()
  await page
    .getByRole('list', { name: 'Items in the package' })
    .getByRole('listitem')
    .filter({ hasText: 'Reassurance force' })
    .waitFor()
  await page.getByRole('button', { name: 'Endorse', exact: true }).click()
  const table = page.getByRole('button', { name: 'Table the package' })
  if (await table.isVisible()) await table.click()
  await passInterstitials(page)
  await endingHeading(page).waitFor()
}

/** The polite live region that a step of the aftermath is announced in. */
const announced = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[aria-live="polite"]')]
      .map((el) => el.textContent ?? '')
      .filter(Boolean)
      .join(' | '),
  )

export const aftermathCase = {
  name: 'a solo game reaches a deal, plays out the years after step by step, and the debrief reveals the draw',
  async run({ page, base, shot }) {
    await playToDeal(page, base)
    assert.match(await endingHeading(page).textContent(), /^Ending: Guarantees agreed$/)
    const card = page.getByRole('region', { name: 'The years after' })
    await card.getByText('The guarantees take effect. Three years follow.').waitFor()
    // Nothing gives the outcome away yet: no scores until the years are played out.
    assert.equal(
      await page.getByRole('table', { name: 'Scores', exact: true }).count(),
      0,
      'no scores before the years',
    )
    const steps = card.getByRole('list', { name: 'The years after, step by step' }).locator(':scope > li')
    assert.equal(await steps.count(), 1)
    await checkA11y(page, 'ending before the years after')
    await shot('aftermath-start', { fullPage: true })

    // Seed 9 of the fixture: Russia tests the guarantees in year 1 and nobody answers: a new attack.
    const next = card.getByRole('button', { name: 'Next year' })
    await next.click()
    await card.getByRole('heading', { name: 'Year 1' }).waitFor()
    assert.equal(await steps.count(), 2)
    const year = card.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Year 1' }) })
    await year.getByText('Russia tests the guarantees. (a 35% chance of this)').waitFor()
    await year.getByText('The guarantors do not respond. (a 70% chance of this)').waitFor()
    assert.match(await announced(page), /Year 1 Russia tests the guarantees\. \(a 35% chance of this\)/)
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'See the outcome',
      'the focus stays on the button, which now leads to the outcome',
    )
    await shot('aftermath-year', { fullPage: true })

    // The last step by keyboard: the outcome, with how it changed the scores, then the debrief.
    await page.keyboard.press('Enter')
    const outcome = card.getByRole('heading', { name: 'Outcome: A new attack' })
    await outcome.waitFor()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'aftermath-outcome')
    await card.getByText('Russia tests the guarantees and nobody answers.').waitFor()
    assert.match(
      await announced(page),
      /^Outcome: A new attack\. Russia tests the guarantees and nobody answers\./,
    )
    const changes = card.getByRole('table', { name: 'What the outcome did to each side’s score' })
    await changes.getByRole('row', { name: /^Ukraine −30 / }).waitFor()
    await card.getByText("Meters the outcome moved: Ukraine's confidence 55 → 5.").waitFor()
    assert.equal(await card.getByRole('button', { name: 'Next year' }).count(), 0)

    // The scores tell the truth: the fall in confidence is a loss, worded with its values.
    const scores = page.getByRole('table', { name: 'Scores', exact: true })
    await scores.waitFor()
    const ukraine = scores.getByRole('row').filter({ hasText: 'Ukraine' })
    await ukraine.getByText(/^After the deal: A new attack: ▼ −30$/).waitFor()
    const confidence = ukraine.getByRole('listitem').filter({ hasText: "Ukraine's confidence" })
    assert.equal(
      (await confidence.textContent()).replace(/\s+/g, ' ').trim(),
      "Ukraine's confidence 45 → 5: ▼ −20",
    )
    assert.match(await confidence.getAttribute('class'), /\bdown\b/)

    // What was hidden: the firmness drawn and whether the red line held; the odds and what happened.
    const hidden = page.getByRole('region', { name: 'What was hidden' })
    await hidden.getByRole('heading', { name: 'No European troops in Ukraine' }).waitFor()
    await hidden.getByText(/^Range 20% to 90%; drawn in this game: \d+%\.$/).waitFor()
    await hidden.getByText(/^When a package crossed it: round 1: (held|let pass with a warning)\.$/).waitFor()
    const odds = hidden.getByRole('table', { name: 'The odds of the years after, before the draw' })
    await odds.getByRole('row', { name: /^A new attack \d+% ✔ What happened$/ }).waitFor()
    await hidden.getByText('European troops are on the ground').waitFor()
    await checkA11y(page, 'debrief after the years after')
    await shot('aftermath-debrief', { fullPage: true })

    // A reload keeps the years played out; the phone shows it all without scrolling sideways.
    await page.reload()
    await page.getByRole('table', { name: 'Scores', exact: true }).waitFor()
    await page.setViewportSize({ width: 390, height: 844 })
    await fitsTheWidth(page, 'debrief on a phone')
    await shot('aftermath-debrief-phone', { fullPage: true })
  },
}

/** "Show all" plays out every year at once, by touch on a phone; a game in instructor mode says so. */
export const aftermathShowAllCase = {
  name: 'the years after are shown all at once by touch on a phone; instructor mode is marked in the debrief and exports',
  context: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  async run({ page, base, shot }) {
    await playToDeal(page, base, { seed: 3, instructor: true })
    await fitsTheWidth(page, 'ending on a phone')
    await page.getByRole('button', { name: 'Show all' }).tap()
    await page.getByRole('heading', { name: 'Outcome: An attack is deterred' }).waitFor()
    await page.getByRole('heading', { name: 'Year 3' }).waitFor()
    await page.getByRole('table', { name: 'Scores', exact: true }).waitFor()
    await fitsTheWidth(page, 'debrief on a phone')
    // Instructor mode: the note, the facts, the JSON record and the CSV all say so.
    await page
      .getByRole('note')
      .getByText(/^This game was played in instructor or author mode/)
      .waitFor()
    await page.getByText('Instructor or author, with the Backstage open').waitFor()
    const text = async (button) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).tap(),
      ])
      return (await import('node:fs/promises')).readFile(await file.path(), 'utf8')
    }
    assert.equal(JSON.parse(await text('Export game (JSON)')).setup.mode, 'instructor')
    const csv = await text('Export results (CSV)')
    assert.match(csv, /\r\nMode,Instructor mode: the hidden parts \(Backstage\) were open during play\r\n/)
    assert.match(csv, /\r\nAfter the deal,An attack is deterred\r\n/)
    await shot('aftermath-instructor-phone', { fullPage: true })
  },
}
