/**
 * Browser test of events and endings in a classroom room (see classroom-fixtures.mjs): the instructor brings
 * an event in, and a student on a phone (390×844, touch) sees its title, text and effects near the top of the
 * table without scrolling, and hears it from the live region; a student on a laptop, scrolled down at the
 * messages, is shown a "New event" button that takes them to the card; the instructor's dashboard shows it too. Then the instructor ends the game: each device reads that the instructor ended it in
 * that round (not "The game goes on"), and the dashboard says the room's game is over. Screenshots of the
 * phone, the laptop (1280) and the dashboard (1920) go to test-results/screenshots/events-*.png.
 */
import { join } from 'node:path'
import { classroomTest, joinByLink } from './classroom-fixtures.mjs'
import { expect, shotsDir, watchErrors } from './fixtures.mjs'
import { checkA11y } from './helpers.mjs'

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
const LAPTOP = { viewport: { width: 1280, height: 800 } }
const WIDE = { viewport: { width: 1920, height: 1080 } }
const SCENARIO = 'guarantees-2025'

const test = classroomTest

test('an event brought in reaches a phone at the top of its table, and an ending by the instructor reads as one', async ({
  browser,
  classroom,
}, testInfo) => {
  test.setTimeout(240_000)
  const { errors, base, adminKey } = classroom
  const shots = shotsDir(testInfo)
  const shot = (page, file, options = {}) => page.screenshot({ path: join(shots, `${file}.png`), ...options })
  const device = async (options, who) => {
    const context = await browser.newContext(options)
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    watchErrors(page, errors, { who })
    return page
  }
  const teacher = await device(WIDE, 'instructor')
  const phone = await device(PHONE, 'Iryna (phone)')
  const laptop = await device(LAPTOP, 'Pavlo (laptop)')

  // A room of the shipped scenario; two students, on Ukraine and Europe (the United States is the computer's).
  await teacher.goto(`${base}/#instructor=${adminKey}`)
  const form = teacher.getByRole('region', { name: 'New room' })
  await form.getByRole('combobox', { name: 'Scenario' }).selectOption(SCENARIO)
  await form.getByRole('button', { name: 'Create room' }).click()
  const panelHeading = teacher.getByRole('heading', { level: 3, name: /^Room [A-Z2-9]{6}: Red Lines/ })
  await expect(panelHeading).toBeVisible()
  const code = /Room ([A-Z2-9]{6})/.exec((await panelHeading.textContent()) ?? '')?.[1] ?? ''
  const panel = teacher.getByRole('region', { name: /^Room [A-Z2-9]{6}: Red Lines/ })
  await joinByLink(phone, `${base}/#join=${code}`, 'Iryna')
  await joinByLink(laptop, `${base}/#join=${code}`, 'Pavlo')
  await panel.getByRole('combobox', { name: 'Side of Iryna' }).selectOption({ label: 'Ukraine' })
  await panel.getByRole('combobox', { name: 'Side of Pavlo' }).selectOption({ label: 'European governments' })
  await expect(phone.getByText('You: Iryna, Ukraine')).toBeVisible()
  await panel.getByRole('button', { name: 'Start the game' }).click()
  for (const page of [phone, laptop]) {
    await page.getByRole('button', { name: 'Go to the table' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Round 1 of 6' })).toBeVisible()
  }

  // The instructor brings in the scenario's first event.
  const inject = panel.getByRole('region', { name: 'Bring in an event' })
  const title = (
    (await inject
      .getByRole('combobox', { name: 'Scenario event' })
      .locator('option')
      .first()
      .textContent()) ?? ''
  ).trim()
  expect(title, 'the scenario has an event to bring in').not.toBe('')
  // The laptop student is down at the messages when it comes.
  await laptop.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  expect(await laptop.evaluate(() => window.scrollY), 'the laptop is scrolled down').toBeGreaterThan(0)
  await inject.getByRole('button', { name: 'Bring in the event' }).click()

  // On the phone: a card near the top with the title, the text and what it changes, with no scrolling.
  const card = phone.getByRole('article', { name: title })
  await expect(card).toBeVisible()
  await expect(card.getByText(/^Event brought in by the instructor · round 1$/)).toBeVisible()
  const heading = card.getByRole('heading', { name: title })
  await expect(heading).toBeInViewport()
  expect(await phone.evaluate(() => window.scrollY), 'the phone did not have to scroll').toBe(0)
  const text = card.locator('.event-text')
  await expect(text).toBeInViewport()
  const top = (await heading.boundingBox())?.y ?? Number.POSITIVE_INFINITY
  expect(top, 'the event’s title is in the top two thirds of the phone’s screen').toBeLessThan((844 * 2) / 3)
  const effects = card.getByRole('list', { name: 'What it changes' }).getByRole('listitem')
  expect(await effects.count(), 'its effects are listed').toBeGreaterThan(0)
  await expect(effects.last(), 'its effects show with its title').toBeInViewport()
  await expect(effects.first()).toHaveText(/^.+ [+−]\d+(\.\d+)?$|: (yes|no)$| set /)
  const story = (await text.textContent()) ?? ''
  expect(story.length, 'the event’s text is shown').toBeGreaterThan(20)
  // Screen readers hear it: the title, the text and the effects, in the polite live region.
  const live = phone.locator('[aria-live="polite"]').filter({ hasText: `Event: ${title}.` })
  await expect(live).toHaveCount(1)
  await expect(live).toContainText(story.slice(0, 60))
  await expect(live).toContainText('It changes: ')
  // It stays in the log.
  await expect(
    phone
      .getByRole('list', { name: 'Commands so far, newest first' })
      .getByText(`The instructor brings in an event: ${title}.`),
  ).toBeAttached()
  const pointer = phone.getByRole('button', { name: /^New event/ })
  await expect(pointer, 'no pointer to a card in view').toHaveCount(0)
  await checkA11y(phone, 'phone table with an event')
  await shot(phone, 'events-phone-390')

  // The laptop student and the instructor's panel show it too. The laptop, scrolled down, is shown a button
  // to the card; it scrolls there, puts the focus on the card, and goes.
  const laptopCard = laptop.getByRole('article', { name: title })
  await expect(laptopCard).not.toBeInViewport()
  const jump = laptop.getByRole('button', { name: `New event: ${title}` })
  await expect(jump).toBeInViewport()
  await checkA11y(laptop, 'laptop table with a pointer to an event')
  await shot(laptop, 'events-laptop-jump-1280')
  await jump.click()
  await expect(laptopCard).toBeInViewport()
  await expect(laptopCard).toBeFocused()
  await expect(jump).toHaveCount(0)
  await shot(laptop, 'events-laptop-1280')
  await expect(panel.getByRole('article', { name: title })).toBeVisible()
  await shot(teacher, 'events-dashboard-1920')

  // Dismissed on the phone, it goes (the focus stays on the page) and stays in the log.
  await card.getByRole('button', { name: `Dismiss the event “${title}”`, exact: false }).click()
  await expect(card).toHaveCount(0)
  await expect(phone.locator(':focus')).toHaveCount(1)
  await expect(
    phone
      .getByRole('list', { name: 'Commands so far, newest first' })
      .getByText(`The instructor brings in an event: ${title}.`),
  ).toBeAttached()

  // The instructor ends the game in round 1: each device says so, with the round, not "The game goes on".
  await panel.getByRole('button', { name: 'End the game' }).click()
  await panel.getByRole('button', { name: 'Yes, end the game' }).click()
  const ended = (page) => page.getByRole('heading', { level: 2, name: 'Ended by the instructor in round 1' })
  // Questions for reflection may come first (when the scenario asks them): skipped here.
  const reflection = (page) => page.getByRole('heading', { level: 2, name: 'Questions for reflection' })
  for (const page of [phone, laptop]) {
    await expect(ended(page).or(reflection(page))).toBeVisible()
    if (await reflection(page).isVisible()) {
      page.once('dialog', (dialog) => dialog.accept())
      await page.getByRole('button', { name: 'Skip the questions' }).click()
    }
    await expect(ended(page)).toBeVisible()
    await expect(
      page.getByText('The instructor ended the game in round 1, before it', { exact: false }),
    ).toBeVisible()
    await expect(page.getByText('The game goes on')).toHaveCount(0)
    await expect(page.getByText('The game has not ended yet')).toHaveCount(0)
    await expect(page.getByText('0 completed, stopped in round 1')).toBeVisible()
  }
  await checkA11y(phone, 'phone debrief of a game the instructor ended')
  await shot(phone, 'events-ended-phone-390')
  await shot(laptop, 'events-ended-laptop-1280')
  await expect(panel.getByText('Ended by the instructor in round 1').first()).toBeVisible()
  await expect(panel.getByText('Negotiating the package.')).toHaveCount(0)
  const grid = teacher.getByRole('list', { name: 'Every room of this session' })
  await expect(grid.getByText('Game over')).toBeVisible()
  await expect(grid.getByText('Ended in round 1 of 6')).toBeVisible()
  await shot(teacher, 'events-ended-dashboard-1920')
  await panel.getByRole('button', { name: 'Show the debrief' }).click()
  await expect(ended(teacher)).toBeVisible()
  await shot(teacher, 'events-ended-debrief-1920')
})
