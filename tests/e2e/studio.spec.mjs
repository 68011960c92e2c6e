/**
 * Browser tests of the scenario studio (#studio): a scenario started from nothing, an article pasted, the
 * statements found in it accepted, a passage selected with the keyboard and quoted as an instrument's source,
 * until the check finds no problem and the dry run answers; the problem summary's way to a field; the draft
 * kept across a reload with its earlier versions; the play-test in one click, with the way back; and a file
 * written by hand, edited in a form and downloaded with its comments and layout.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, ROOT, test } from './fixtures.mjs'
import { checkA11y, fitsTheWidth } from './helpers.mjs'

/** An article on a topic other than Ukraine, with two quoted statements and their speakers. */
const ARTICLE = `Upstream and downstream states resume talks on the Kessa dam

By Ana Lint, River Post, 12 March 2025

Water ministers from the upstream and downstream states met in Geneva on Tuesday to discuss the filling of the Kessa dam.

"We will not accept any filling of the reservoir during the dry season," said Maria Oduya, the downstream water minister, on March 11.

Upstream energy minister Tomas Brenn said the dam "must start producing electricity by next summer, whatever happens at the talks."

Analysts expect a deal on a joint monitoring commission to be the first step.`

const PASSAGE = 'a joint monitoring commission'

const sections = (page) => page.getByRole('navigation', { name: 'Parts of the scenario' })
const summary = (page) => page.getByRole('complementary', { name: 'Problems and dry run' })

/** Opens the studio from the title screen's button, and starts a scenario from nothing. */
async function startBlank(page, base) {
  await page.goto(base)
  await page.getByRole('button', { name: 'Open the scenario studio' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario studio' })).toBeFocused()
  await page.getByRole('button', { name: 'From nothing, on any topic' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario studio: My scenario' })).toBeVisible()
}

/** Adds the article by pasting it into the Sources panel. */
async function pasteArticle(page) {
  await sections(page).getByRole('button', { name: 'Sources' }).click()
  await expect(page.getByRole('heading', { level: 3, name: 'Sources' })).toBeFocused()
  await page.getByLabel('Paste the article').fill(ARTICLE)
  await page.getByRole('button', { name: 'Read the article' }).click()
  await expect(page.getByLabel('Title (students see it instead of the name)')).toHaveValue(
    'Upstream and downstream states resume talks on the Kessa dam',
  )
  await page.getByRole('button', { name: 'Add the article to the scenario' }).click()
  await expect(page.getByRole('heading', { name: /^Quote from / })).toBeVisible()
}

test('a scenario made from a pasted article reaches a clean check and a dry run', async ({
  page,
  base,
  shot,
}) => {
  await startBlank(page, base)
  // The blank scenario lacks only what an article gives: the article itself and a source for its instrument.
  await expect(summary(page).getByText('2 errors.')).toBeVisible()
  await pasteArticle(page)
  await expect(summary(page).getByText('1 error.')).toBeVisible()

  // The statements the studio finds, with their speakers, become actors' statements.
  const suggestions = page.getByRole('region', { name: /statements found/ })
  await expect(suggestions.getByText('Maria Oduya, downstream water minister, March 11')).toBeVisible()
  await page.getByRole('button', { name: /^Accept the statement of Maria Oduya/ }).click()
  await page.getByRole('button', { name: /^Accept the statement of Tomas Brenn/ }).click()
  await expect(page.getByText('Accepted: it is among the actors’ statements.')).toHaveCount(2)

  // A passage selected with the keyboard (Shift and the arrow keys) becomes the instrument's source.
  const article = page.getByLabel('The article’s text')
  await article.focus()
  // The article cannot be changed: quotes are checked against it.
  const text = await article.inputValue()
  await article.press('x')
  await article.press('Backspace')
  await expect(article).toHaveValue(text)
  const start = text.indexOf(PASSAGE)
  await article.evaluate((el, at) => el.setSelectionRange(at, at), start)
  for (let i = 0; i < PASSAGE.length; i++) await article.press('Shift+ArrowRight')
  await page.getByRole('button', { name: 'Use selection' }).click()
  await expect(page.locator('blockquote.passage')).toHaveText(`“${PASSAGE}”`)
  await page.getByLabel('Quote it as').selectOption({ label: 'First offer' })
  await page.getByRole('button', { name: 'Quote it there' }).click()
  await expect(page.getByRole('heading', { level: 3, name: 'Instruments' })).toBeVisible()

  await expect(summary(page).getByText('The check finds no problem.')).toBeVisible()
  await expect(summary(page).getByText('How Responder answers (2 offers)')).toBeVisible()
  await expect(summary(page).getByText('Agreement: reached in 1 round')).toBeVisible()
  await expect(page.getByText('Saved on this device.')).toBeVisible()
  await checkA11y(page, 'studio')
  await shot('studio-clean')

  // The actors' form holds the accepted statements, with their speakers' names and offices.
  await sections(page).getByRole('button', { name: 'Actors' }).click()
  await expect(page.getByText('Maria Oduya').first()).toBeVisible()

  // The draft survives a reload, and the minutes of editing left an earlier version to go back to.
  await page.reload()
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario studio: My scenario' })).toBeVisible()
  await expect(summary(page).getByText('The check finds no problem.')).toBeVisible()
  await page.getByRole('button', { name: 'Earlier versions' }).click()
  await expect(page.getByRole('button', { name: /^Restore the version of / }).first()).toBeVisible()
})

test('a problem in the summary moves focus to its field', async ({ page, base }) => {
  await startBlank(page, base)
  await sections(page).getByRole('button', { name: 'General' }).click()
  const title = page.getByRole('textbox', { name: 'Title', exact: true })
  await title.fill('')
  const problem = summary(page).getByRole('button', { name: /^Go to the field in General: / })
  await expect(problem).toBeVisible()
  await sections(page).getByRole('button', { name: 'Scoring' }).click()
  await problem.click()
  await expect(title).toBeFocused()
  await title.fill('Dam talks')
  await expect(problem).toHaveCount(0)
})

test('the studio fits narrow and wide windows, and play-tests in one click', async ({ page, base, shot }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await startBlank(page, base)
  await pasteArticle(page)
  await fitsTheWidth(page, 'studio at 390 px')
  await shot('studio-390', { fullPage: true })
  await page.setViewportSize({ width: 1920, height: 1080 })
  await fitsTheWidth(page, 'studio at 1920 px')
  await shot('studio-1920')

  // A scenario with errors is not played: the studio says why.
  await page.getByRole('button', { name: 'Play-test' }).click()
  await expect(page.getByRole('alert')).toContainText('The scenario has 1 error, so it cannot be played yet.')

  const article = page.getByLabel('The article’s text')
  await article.evaluate((el, passage) => {
    const at = el.value.indexOf(passage)
    el.focus()
    el.setSelectionRange(at, at + passage.length)
  }, PASSAGE)
  await page.getByRole('button', { name: 'Use selection' }).click()
  await page.getByLabel('Quote it as').selectOption({ label: 'First offer' })
  await page.getByRole('button', { name: 'Quote it there' }).click()
  await expect(summary(page).getByText('The check finds no problem.')).toBeVisible()

  // Hot-seat, every side played by a person, in instructor mode; and the way back to the draft.
  await page.getByRole('button', { name: 'Play-test' }).click()
  await expect(page.getByRole('heading', { name: 'Pass the device to Side A' })).toBeVisible()
  await page.getByRole('button', { name: 'I play Side A: show my position' }).click()
  await page.getByRole('link', { name: 'Back to the studio' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario studio: My scenario' })).toBeVisible()
})

test('a file written by hand saves back with its comments and layout', async ({ page, base }) => {
  const file = join(ROOT, 'scenarios/template/new-scenario.yaml')
  const original = readFileSync(file, 'utf8')
  await page.goto(`${base}#studio`)
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'From a scenario file…' }).click(),
  ])
  await chooser.setFiles(file)
  await expect(page.getByRole('heading', { level: 2, name: /^Scenario studio: New scenario/ })).toBeVisible()
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Dam talks')
  await expect(page.getByText('Saved on this device.')).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download scenario file' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('new-scenario.yaml')
  const saved = readFileSync(await download.path(), 'utf8')
  // Every line of the file is there, in order, but the title's; the library article's text is written in.
  const kept = original.split('\n').filter((line) => !line.startsWith('title:'))
  let at = 0
  for (const line of kept) {
    const found = saved.indexOf(`${line}\n`, at)
    expect(found, `kept: ${line}`).toBeGreaterThanOrEqual(0)
    at = found + line.length
  }
  expect(saved).toMatch(/^title: "Dam talks"$/m)
  expect(saved).toMatch(/^ {4}text: [|>]/m)
})
