/**
 * The end-to-end story of issue #13: a teacher who has never written YAML makes a scenario on a river-dam
 * dispute (scenarios/examples/river-dam-talks.txt, a fictional article) in the scenario studio, from the
 * pasted article and the forms alone, until the check is clean and the dry run answers; play-tests it in
 * one click to the debrief; downloads the scenario file and opens it in a fresh browser profile; downloads
 * the single page and plays it from file://, offline; and makes a classroom room of the file, where a
 * student opens the article behind a red line's words. No YAML is typed anywhere. The minutes the studio
 * part took are recorded as the annotation `studio-minutes` (and printed) for the closing note.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { classroomTest as test } from './classroom-fixtures.mjs'
import { expect, ROOT, watchErrors } from './fixtures.mjs'
import {
  endingHeading,
  openTitle,
  passInterstitials,
  playToEnd,
  roundHeading,
  startGame,
} from './helpers.mjs'

const ARTICLE = readFileSync(join(ROOT, 'scenarios/examples/river-dam-talks.txt'), 'utf8')
const HEADLINE = 'Sorrel Dam talks resume as Tarvonia sets out what it will not accept'
const TITLE = 'The Sorrel Dam talks'
const FILE = 'sorrel-dam-talks.yaml'
const LAPTOP = { viewport: { width: 1280, height: 800 } }

/** The passages the teacher selects in the article, and what each becomes. */
const PASSAGE = {
  slowFilling: 'a filling schedule spread over several years',
  dryRelease: 'a guaranteed release in dry years',
  inspectors: 'to station a permanent international team at the dam site',
  redLine: 'We will not let foreign inspectors run a Tarvonian dam',
  constraint: 'Ebrenia would not sign any agreement that lacked a guaranteed minimum release for dry years',
}

const studioHeading = (page) => page.getByRole('heading', { level: 2, name: /^Scenario studio: / })
const summary = (page) => page.getByRole('complementary', { name: 'Problems and dry run' })

/** Opens a part of the scenario from the studio's navigation. */
async function goTo(page, section) {
  const button = page
    .getByRole('navigation', { name: 'Parts of the scenario' })
    .getByRole('button', { name: section, exact: true })
  if ((await button.getAttribute('aria-current')) === 'true') return
  await button.click()
  await expect(page.getByRole('heading', { level: 3, name: section, exact: true })).toBeFocused()
}

/**
 * An entry of a list (a side, an instrument, a red line…), unfolded. Its line (a `<summary>`, which
 * Playwright gives no role, though Chromium exposes it as a disclosure button) is found by the entry's
 * name; a click on it unfolds the entry, as a teacher would.
 */
async function openEntry(scope, name) {
  const line = scope.locator('summary', { has: scope.page().getByText(name, { exact: true }) })
  const entry = line.locator('xpath=..')
  if ((await entry.getAttribute('open')) === null) await line.click()
  await expect(entry).toHaveAttribute('open', '')
  return entry
}

/** Folds an open entry again, so that its fields' names do not mix with the next one's. */
async function foldEntry(entry) {
  await entry.locator('summary').first().click()
  await expect(entry).not.toHaveAttribute('open', '')
}

/** Renames an entry in its Name (or Title) box; returns the entry under its new name. */
async function rename(scope, entry, box, name) {
  await entry.getByRole('textbox', { name: box, exact: true }).fill(name)
  return openEntry(scope, name)
}

/**
 * Selects a passage of the article (as a drag of the mouse would; the keyboard way is tested in
 * studio.spec.mjs), and quotes it where `target` says, with the details the form asks for.
 */
async function quotePassage(page, passage, target, details = {}) {
  await goTo(page, 'Sources')
  const article = page.getByRole('textbox', { name: 'The article’s text' })
  await article.evaluate((el, words) => {
    const at = el.value.indexOf(words)
    if (at < 0) throw new Error(`not in the article: ${words}`)
    el.focus()
    el.setSelectionRange(at, at + words.length)
  }, passage)
  await page.getByRole('button', { name: 'Use selection' }).click()
  const form = page.getByRole('group', { name: 'Quote this passage' })
  await expect(form.getByText(`“${passage}”`)).toBeVisible()
  await form.getByRole('combobox', { name: 'Quote it as' }).selectOption({ label: target })
  if (details.speaker)
    await form.getByRole('combobox', { name: 'Who said it' }).selectOption({ label: details.speaker })
  if (details.date)
    await form.getByRole('textbox', { name: 'When it was said (as the article gives it)' }).fill(details.date)
  await form.getByRole('button', { name: 'Quote it there' }).click()
}

/** Fills an instrument's card: what players read, who may put it in, and how much it deters. */
async function describeInstrument(entry, { description, deterrence }) {
  await entry.getByRole('textbox', { name: 'Description', exact: true }).fill(description)
  for (const side of ['Ebrenia', 'Lowmar']) await entry.getByRole('checkbox', { name: side }).check()
  await entry.getByRole('spinbutton', { name: 'Deterrence' }).fill(String(deterrence))
}

/** Clicks a download button and keeps the file in `dir`; returns its path and suggested name. */
async function download(page, button, dir) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])
  const path = join(dir, file.suggestedFilename())
  await file.saveAs(path)
  return { path, name: file.suggestedFilename() }
}

/** A page in a fresh browser profile (a context of its own), its errors collected in `errors`. */
async function freshPage(browser, errors, who) {
  const context = await browser.newContext(LAPTOP)
  const page = await context.newPage()
  watchErrors(page, errors, { who })
  return page
}

/** Fails unless the debrief on `page` speaks of the river's states, never of Russia or Ukraine. */
async function debriefNamesOwnSides(page) {
  await expect(endingHeading(page)).toBeVisible()
  const main = page.getByRole('main')
  for (const side of ['Ebrenia', 'Lowmar', 'Tarvonia']) await expect(main).toContainText(side)
  await expect(main).not.toContainText(/Russia|Ukrain|Responder|Side A|Side B/)
}

test('a teacher makes a river-dam scenario from a pasted article, plays it, and shares it three ways', async ({
  page,
  base,
  browser,
  classroom,
  shot,
}) => {
  test.setTimeout(900_000)
  // The downloads are kept with the test's results (test-results/…/downloads), for a look afterwards.
  const dir = test.info().outputPath('downloads')
  mkdirSync(dir, { recursive: true })
  const errors = []

  // 1. From the title screen to the studio, and a new scenario from nothing.
  await page.goto(base)
  await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
  const started = Date.now()
  await page.getByRole('button', { name: 'Open the scenario studio' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Scenario studio' })).toBeFocused()
  await page.getByRole('button', { name: 'From nothing, on any topic' }).click()
  await expect(studioHeading(page)).toHaveText('Scenario studio: My scenario')
  await shot('story-studio-blank')

  // What the game is called, what it is about, and where it is played: at a neutral table, not on a map.
  await goTo(page, 'General')
  await page.getByRole('textbox', { name: 'Id', exact: true }).fill('sorrel-dam-talks')
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE)
  await page
    .getByRole('textbox', { name: 'Summary', exact: true })
    .fill(
      'Ebrenia and Lowmar, downstream on the Verrin, negotiate with Tarvonia over how its new dam is filled and who checks it.',
    )
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'A neutral table' })

  // 2. The article, pasted whole, with its headline, paper and date.
  await goTo(page, 'Sources')
  await page.getByRole('textbox', { name: 'Paste the article' }).fill(ARTICLE)
  await page.getByRole('button', { name: 'Read the article' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('sorrel-dam-talks.txt')
  await page.getByRole('textbox', { name: 'Title (students see it instead of the name)' }).fill(HEADLINE)
  await page.getByRole('textbox', { name: 'Where it appeared' }).fill('The Basin Courier')
  await page.getByRole('textbox', { name: 'Date', exact: true }).fill('14 March')
  await page.getByRole('button', { name: 'Add the article to the scenario' }).click()
  await expect(page.getByRole('heading', { name: `Quote from “${HEADLINE}”` })).toBeVisible()

  // 3. Three of the statements the studio finds, each from a minister or a president, become actors.
  const found = page.getByRole('region', { name: /statements found/ })
  for (const [who, words] of [
    ['Dora Malvik, Water Minister', 'A slower filling costs us revenue'],
    ['Samir Dace, Agriculture Minister', 'Our farmers cannot plant on promises'],
    ['Amara Tellin, President', 'Lowmar needs a treaty, not assurances'],
  ])
    await found.getByRole('button', { name: new RegExp(`^Accept the statement of ${who}: ${words}`) }).click()
  await expect(found.getByText('Accepted: it is among the actors’ statements.')).toHaveCount(3)
  await shot('story-studio-article')

  // 4. The sides: the blank's "Side A", "Side B" and "Responder" become the states of the article.
  await goTo(page, 'Sides')
  const sides = page.getByRole('region', { name: 'Sides', exact: true })
  for (const [blank, name, briefing, interest] of [
    [
      'Side A',
      'Ebrenia',
      'You represent Ebrenia, whose farms drink from the Verrin. With Lowmar, you put a package on the table; Tarvonia answers it.',
      'Water for the farms in a drought, promised in numbers.',
    ],
    [
      'Side B',
      'Lowmar',
      'You represent Lowmar, at the delta, where the sea comes in if the reservoir fills too fast. With Ebrenia, you put a package on the table; Tarvonia answers it.',
      'A slow filling, checked by people who do not answer to Tarvonia.',
    ],
    [
      'Responder',
      'Tarvonia',
      'You play Tarvonia, which is building the Sorrel Dam upstream and answers each package Ebrenia and Lowmar put on the table.',
      'A finished dam that stays under Tarvonian control.',
    ],
  ]) {
    const side = await rename(sides, await openEntry(sides, blank), 'Name', name)
    await side.getByRole('textbox', { name: 'Briefing' }).fill(briefing)
    await side.getByRole('textbox', { name: 'Interests, line 1' }).fill(interest)
    await foldEntry(side)
  }

  // The actors speak for their states.
  await goTo(page, 'Actors')
  const actors = page.getByRole('region', { name: 'Actors', exact: true })
  for (const [name, side] of [
    ['Dora Malvik', 'Tarvonia'],
    ['Samir Dace', 'Ebrenia'],
    ['Amara Tellin', 'Lowmar'],
  ]) {
    const actor = await openEntry(actors, name)
    await actor.getByRole('combobox', { name: 'Side', exact: true }).selectOption({ label: side })
    await foldEntry(actor)
  }

  // The endings, and what going ahead without Tarvonia means, in the scenario's own words.
  await goTo(page, 'Endings')
  const endings = page.getByRole('region', { name: 'Endings', exact: true })
  for (const [title, text] of [
    ['Agreement', 'Tarvonia accepts the package: the Sorrel Dam fills on the terms agreed.'],
    ['Imposed', 'Ebrenia and Lowmar go ahead without Tarvonia’s consent.'],
    ['No agreement', 'The rounds run out without an agreement on the Sorrel Dam.'],
  ]) {
    const ending = await openEntry(endings, title)
    await ending.getByRole('textbox', { name: 'Text', exact: true }).fill(text)
    await foldEntry(ending)
  }
  await goTo(page, 'Response')
  const alone = page.getByRole('group', { name: 'Going ahead without consent' })
  await alone.getByRole('textbox', { name: 'Title', exact: true }).fill('Go ahead without Tarvonia’s consent')
  await alone
    .getByRole('textbox', { name: 'Description', exact: true })
    .fill('Ebrenia and Lowmar put the package into effect although Tarvonia did not accept it.')

  // The instruments, each from the passage that describes it: the blank's "First offer" becomes the slow
  // filling; two more are new.
  await quotePassage(page, PASSAGE.slowFilling, 'First offer')
  const instruments = page.getByRole('region', { name: 'Instruments', exact: true })
  let instrument = await rename(
    instruments,
    await openEntry(instruments, 'First offer'),
    'Name',
    'Slow filling of the reservoir',
  )
  await describeInstrument(instrument, {
    description: 'Tarvonia fills the reservoir over seven years instead of three.',
    deterrence: 2,
  })
  for (const [passage, name, description, deterrence] of [
    [
      PASSAGE.dryRelease,
      'Guaranteed release in dry years',
      'Tarvonia lets a minimum flow, set in numbers, pass the dam in a drought.',
      1,
    ],
    [
      PASSAGE.inspectors,
      'International inspectors at the dam',
      'A permanent international team is stationed at the dam site.',
      4,
    ],
  ]) {
    await quotePassage(page, passage, 'A new instrument')
    instrument = await rename(instruments, await openEntry(instruments, passage), 'Name', name)
    await describeInstrument(instrument, { description, deterrence })
  }

  // The red line: Tarvonia's water minister's words, and what crosses it, chosen from the instruments.
  await quotePassage(page, PASSAGE.redLine, 'A new red line', { speaker: 'Dora Malvik', date: '13 March' })
  const redLines = page.getByRole('region', { name: 'Red lines', exact: true })
  const redLine = await rename(
    redLines,
    await openEntry(redLines, PASSAGE.redLine),
    'Title',
    'No foreign inspectors at the dam',
  )
  await redLine.getByRole('combobox', { name: 'Whose red line' }).selectOption({ label: 'Tarvonia' })
  await redLine
    .getByRole('combobox', { name: 'What it tests' })
    .selectOption({ label: 'The package holds an instrument' })
  await redLine
    .getByRole('combobox', { name: 'Instrument', exact: true })
    .selectOption({ label: 'International inspectors at the dam' })
  await redLine.getByRole('spinbutton', { name: 'Severity (1 to 5)' }).fill('5')
  await redLine.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Reject the package' })
  // The check asks why so grave an answer: the teacher says so, and gives the red line a short id.
  await redLine
    .getByRole('textbox', { name: 'Rationale' })
    .fill('Said by the minister who leads the delegation, as a flat refusal, and repeated by the expert.')
  await redLine.getByRole('textbox', { name: 'Id', exact: true }).fill('no-inspectors')
  await shot('story-studio-red-line')

  // Ebrenia's constraint, from the article's report of what its minister will not sign.
  await quotePassage(page, PASSAGE.constraint, 'A new constraint of Ebrenia')
  // A new element is named after the first words of its passage, until the teacher names it.
  const constraint = await rename(
    sides,
    await openEntry(sides, `${PASSAGE.constraint.slice(0, 59)}…`),
    'Text',
    'No agreement without a guaranteed release in dry years',
  )
  await constraint
    .getByRole('combobox', { name: 'Instrument', exact: true })
    .selectOption({ label: 'Guaranteed release in dry years' })

  // The check is clean: the studio part is done.
  await expect(summary(page).getByText('The check finds no problem.')).toBeVisible()
  const minutes = ((Date.now() - started) / 60_000).toFixed(1)
  test.info().annotations.push({
    type: 'studio-minutes',
    description: `${minutes} min from opening the studio to a clean check`,
  })
  console.log(`studio-story: ${minutes} min from opening the studio to a clean check`)

  // 5. The dry run answers: how many packages it tried, and how Tarvonia answers them.
  await expect(
    summary(page).getByText(/^All \d+ packages .* were tried at the start of round 1\.$/),
  ).toBeVisible()
  await expect(summary(page).getByText(/^How Tarvonia answers \(\d+ offers?\)$/)).toBeVisible()
  await expect(summary(page).getByText(/^No foreign inspectors at the dam: \d+ packages? /)).toBeVisible()
  await shot('story-studio-clean')

  // Play-test in one click: hot-seat, with the Backstage open, to the debrief. Ebrenia starts the package with
  // the slow filling and the release in dry years; the sides then endorse and table it, round after round.
  await page.getByRole('button', { name: 'Play-test' }).click()
  await expect(page.getByRole('heading', { name: 'Pass the device to Ebrenia' })).toBeVisible()
  await passInterstitials(page)
  await expect(page.getByRole('region', { name: /^Backstage: / })).toBeVisible()
  await page.getByRole('button', { name: 'Add Slow filling of the reservoir' }).click()
  await page.getByRole('button', { name: 'Add Guaranteed release in dry years' }).click()
  await expect(page.getByRole('list', { name: 'Items in the package' }).getByRole('listitem')).toHaveCount(2)
  await shot('story-play-test-table')
  await playToEnd(page)
  await debriefNamesOwnSides(page)
  await shot('story-play-test-debrief')
  await page.getByRole('link', { name: 'Back to the studio' }).click()
  await expect(studioHeading(page)).toHaveText(`Scenario studio: My scenario`)

  // 6. The scenario file, opened in another browser (a fresh profile) with "Open scenario file…".
  const shared = await download(page, 'Download scenario file', dir)
  expect(shared.name).toBe(FILE)
  const colleague = await freshPage(browser, errors, 'colleague')
  await openTitle(colleague, base)
  await colleague.getByRole('button', { name: 'New game' }).click()
  const [chooser] = await Promise.all([
    colleague.waitForEvent('filechooser'),
    colleague.getByRole('button', { name: 'Open scenario file…' }).click(),
  ])
  await chooser.setFiles(shared.path)
  await expect(colleague.getByRole('heading', { name: `${FILE} is ready to play` })).toBeVisible()
  await expect(colleague.getByRole('radio', { name: `${TITLE} (from file: ${FILE})` })).toBeChecked()
  await startGame(colleague, { seed: 7 })
  await expect(colleague.getByRole('banner').getByText(TITLE)).toBeVisible()
  await shot('story-colleague-table', {}, colleague)
  await playToEnd(colleague)
  await debriefNamesOwnSides(colleague)
  await colleague.context().close()

  // 7. The single page, opened by double-click (file://) in a fresh profile: nothing leaves the file.
  const single = await download(page, 'Download single page', dir)
  expect(single.name).toBe('sorrel-dam-talks.html')
  const offline = await browser.newContext(LAPTOP)
  const outside = []
  offline.on('request', (request) => {
    if (!/^(file|data|blob|about):/.test(request.url())) outside.push(request.url())
  })
  const double = await offline.newPage()
  watchErrors(double, errors, { who: 'single page' })
  await double.goto(pathToFileURL(single.path).href)
  await expect(double.getByRole('radio', { name: `${TITLE} (from file: ${FILE})` })).toBeChecked()
  await startGame(double, { seed: 11 })
  await playToEnd(double)
  await debriefNamesOwnSides(double)
  await shot('story-single-page-debrief', {}, double)
  expect(outside, 'requests that left the file').toEqual([])
  await offline.close()

  // 8. A classroom room from the file: two students join, put the inspectors on the table, and one opens
  // the article behind Tarvonia's red line.
  const device = async (who) => {
    const context = await browser.newContext(LAPTOP)
    const p = await context.newPage()
    watchErrors(p, classroom.errors, { who })
    return p
  }
  const teacher = await device('instructor')
  await teacher.goto(`${classroom.base}/#instructor=${classroom.adminKey}`)
  await expect(teacher.getByRole('heading', { level: 2, name: 'Instructor dashboard' })).toBeVisible()
  const form = teacher.getByRole('region', { name: 'New room' })
  const [roomFile] = await Promise.all([
    teacher.waitForEvent('filechooser'),
    teacher.getByRole('button', { name: 'Open scenario file…' }).click(),
  ])
  await roomFile.setFiles(shared.path)
  await expect(form.getByRole('heading', { name: `${FILE} is ready to play` })).toBeVisible()
  await form.getByRole('button', { name: 'Create room' }).click()
  const roomHeading = teacher.getByRole('heading', {
    level: 3,
    name: /^Room [A-Z2-9]{6}: The Sorrel Dam talks/,
  })
  await expect(roomHeading).toBeVisible()
  const code = /Room ([A-Z2-9]{6})/.exec((await roomHeading.textContent()) ?? '')?.[1] ?? ''
  const room = teacher.getByRole('region', { name: /^Room [A-Z2-9]{6}: The Sorrel Dam talks/ })
  const amira = await device('Amira')
  const jonah = await device('Jonah')
  const seats = [
    [amira, 'Amira', 'Ebrenia'],
    [jonah, 'Jonah', 'Lowmar'],
  ]
  for (const [student, name, side] of seats) {
    await student.goto(`${classroom.base}/#join=${code}`)
    await student.getByRole('textbox', { name: 'Your display name' }).fill(name)
    await student.getByRole('button', { name: 'Join' }).click()
    await expect(
      student.getByRole('heading', { level: 2, name: 'Waiting for the game to start' }),
    ).toBeVisible()
    await room.getByRole('combobox', { name: `Side of ${name}` }).selectOption({ label: side })
  }
  await room.getByRole('button', { name: 'Start the game' }).click()
  for (const [student, , side] of seats) {
    await expect(student.getByRole('heading', { level: 2, name: `Briefing: ${side}` })).toBeVisible()
    await student.getByRole('button', { name: 'Go to the table' }).click()
    await expect(roundHeading(student)).toBeVisible()
  }
  await amira.getByRole('button', { name: 'Add International inspectors at the dam' }).click()
  for (const student of [amira, jonah])
    await student.getByRole('button', { name: 'Endorse', exact: true }).click()
  await expect(amira.getByRole('listitem').filter({ hasText: 'Lowmar: endorsed' })).toBeVisible()
  await amira.getByRole('button', { name: 'Table the package' }).click()
  await expect(amira.getByRole('heading', { level: 3, name: "Tarvonia's response" })).toBeVisible()
  await amira
    .getByRole('button', { name: `Open source: ${HEADLINE}` })
    .first()
    .click()
  const dialog = amira.getByRole('dialog', { name: /^Source: / })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('mark')).toHaveText(PASSAGE.redLine)
  await expect(dialog.getByRole('mark')).toBeInViewport()
  await expect(dialog).not.toContainText('not available')
  await shot('story-classroom-source', {}, amira)

  expect(errors, 'errors in the pages of the fresh profiles').toEqual([])
})
