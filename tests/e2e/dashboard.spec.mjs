/**
 * Browser test of the instructor's dashboard for a whole class (see classroom-fixtures.mjs): four rooms in
 * view at once on a classroom's 1920×1080 screen (and at 1280×800, and usable at 390 px), a room's card with
 * its countdown and whom the game waits for, a teammate's change of their side's stance told to the other
 * student on it, an overrule shown as done with its form emptied, alerts when a device drops and when a room
 * ends, and the join link and QR code built from the address the server reports students reach (never the
 * loopback address the dashboard itself was opened with).
 */
import { join } from 'node:path'
import { classroomTest, joinByLink } from './classroom-fixtures.mjs'
import { expect, shotsDir, watchErrors } from './fixtures.mjs'
import { checkA11y, fitsTheWidth } from './helpers.mjs'

const SCREEN = { viewport: { width: 1920, height: 1080 } }
const LAPTOP = { viewport: { width: 1280, height: 800 } }
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
/** The address the server reports (TEST-NET-1: documentation only, reached by nobody). */
const PUBLIC = 'http://192.0.2.10:2567'
const OBJECTION = 'The package leaves our cities without air defence.'
const REASON = 'The class judged the package a fair start for talks.'

const test = classroomTest
test.use({ classroomPublicUrl: PUBLIC })

test('the dashboard shows every room at once, with countdowns, whom each waits for and alerts', async ({
  browser,
  classroom,
}, testInfo) => {
  test.setTimeout(600_000)
  const { errors, base, adminKey } = classroom
  const shots = shotsDir(testInfo)
  const shot = (page, file, options = {}) => page.screenshot({ path: join(shots, `${file}.png`), ...options })
  const device = async (options, who) => {
    const context = await browser.newContext(options)
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    // A student's page closed on purpose drops its connection: its last requests may fail.
    watchErrors(page, errors, { who, expected: /WebSocket|Failed to fetch|NetworkError/i })
    return page
  }

  // Four rooms, one of them timed, created from the dashboard's form.
  const teacher = await device(SCREEN, 'instructor')
  await teacher.goto(`${base}/#instructor=${adminKey}`)
  const form = teacher.getByRole('region', { name: 'New room' })
  const codes = []
  for (const [scenario, minutes] of [
    ['guarantees-2025', '10'],
    ['late-august', ''],
    ['december', ''],
    ['guarantees-2025', ''],
  ]) {
    await form.getByRole('combobox', { name: 'Scenario' }).selectOption(scenario)
    await form.getByRole('textbox', { name: 'Minutes per round' }).fill(minutes)
    await form.getByRole('button', { name: 'Create room' }).click()
    await expect(teacher.getByRole('button', { name: /^Manage room / })).toHaveCount(codes.length + 1)
    // The new room's panel opens: its code is one not seen before.
    const panelHeading = teacher.getByRole('heading', { level: 3, name: /^Room [A-Z2-9]{6}: / })
    const next = async () => /Room ([A-Z2-9]{6})/.exec((await panelHeading.textContent()) ?? '')?.[1] ?? ''
    await expect.poll(async () => !codes.includes(await next())).toBe(true)
    codes.push(await next())
  }
  const [code] = codes
  const grid = teacher.getByRole('list', { name: 'Every room of this session' })
  const cards = grid.locator(':scope > li')
  const card = (c) => cards.filter({ has: teacher.getByRole('heading', { name: `Room ${c}`, exact: true }) })

  // The join link and QR code carry the address the server reports, not the 127.0.0.1 the page was opened at.
  await grid.getByRole('button', { name: `Manage room ${code}` }).click()
  const panel = teacher.getByRole('region', { name: new RegExp(`^Room ${code}: `) })
  const link = `${PUBLIC}/#join=${code}`
  await expect(panel.getByRole('link', { name: link })).toBeVisible()
  await expect(panel.getByRole('img', { name: `QR code of the join link ${link}` })).toBeVisible()
  await expect(panel.getByText(`Students open ${PUBLIC}/ and type the code.`)).toBeVisible()
  expect(await panel.locator('.room-access').textContent()).not.toContain('127.0.0.1')

  // Four students in the timed room: Olena and Bohdan (on a phone) share Ukraine.
  const olena = await device(LAPTOP, 'Olena')
  const bohdan = await device(PHONE, 'Bohdan')
  const taras = await device(LAPTOP, 'Taras')
  const marta = await device(LAPTOP, 'Marta')
  await joinByLink(olena, `${base}/#join=${code}`, 'Olena')
  await joinByLink(bohdan, `${base}/#join=${code}`, 'Bohdan')
  await joinByLink(taras, `${base}/#join=${code}`, 'Taras')
  await joinByLink(marta, `${base}/#join=${code}`, 'Marta')
  const sides = [
    ['Olena', 'Ukraine'],
    ['Bohdan', 'Ukraine'],
    ['Taras', 'European governments'],
    ['Marta', 'United States'],
  ]
  for (const [name, side] of sides) {
    await panel.getByRole('combobox', { name: `Side of ${name}` }).selectOption({ label: side })
    // Each action says it was done, beside the controls it came from.
    await expect(panel.getByRole('status').filter({ hasText: `${name} now plays ${side}.` })).toBeVisible()
  }
  await panel.getByRole('button', { name: 'Start the game' }).click()
  await expect(
    panel.getByRole('status').filter({ hasText: 'Started: the students are at the table.' }),
  ).toBeVisible()
  const students = [olena, bohdan, taras, marta]
  for (const page of students) {
    await page.getByRole('button', { name: 'Go to the table' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Round 1 of 6' })).toBeVisible()
  }

  // The card: the round's countdown, and whom the game waits for (every side, with its students).
  const timed = card(code)
  await expect(timed.getByRole('timer')).toHaveText(/^\d+:\d\d left in this round$/)
  await taras.getByRole('button', { name: 'Add Multinational reassurance force' }).click()
  await expect(timed.getByText(/^No stance yet on this package: /)).toHaveText(
    /^No stance yet on this package: Ukraine \(Olena and Bohdan\), European governments \(Taras\),? and United States \(Marta\)$/,
  )
  await expect(timed.getByText('4 students, 4 connected')).toBeVisible()
  await expect(timed.getByText('No messages yet')).toBeVisible()

  // Every room's card is in view at once, on a classroom's screen and on a laptop.
  await teacher.evaluate(() => window.scrollTo(0, 0))
  await expect(cards).toHaveCount(4)
  for (const c of codes) await expect(card(c)).toBeInViewport({ ratio: 1 })
  await shot(teacher, 'dashboard-1920')
  await teacher.setViewportSize(LAPTOP.viewport)
  await teacher.evaluate(() => window.scrollTo(0, 0))
  for (const c of codes) await expect(card(c)).toBeInViewport({ ratio: 1 })
  await shot(teacher, 'dashboard-1280')
  await teacher.setViewportSize(SCREEN.viewport)

  // Olena objects for Ukraine: Bohdan, on the same side, is told who changed its stance, and why.
  await olena.getByRole('textbox', { name: 'Reason for objecting' }).fill(OBJECTION)
  await olena.getByRole('button', { name: 'Object', exact: true }).click()
  await expect(
    bohdan.getByRole('alert').getByText(`Olena changed Ukraine’s stance to Object: ${OBJECTION}`),
  ).toBeVisible()
  await expect(olena.getByRole('alert').getByText('Olena changed', { exact: false })).toHaveCount(0)
  await expect(timed.getByText(/^No stance yet on this package: /)).toHaveText(
    'No stance yet on this package: European governments (Taras) and United States (Marta)',
  )
  await shot(bohdan, 'dashboard-phone-teammate')
  await olena.getByRole('button', { name: 'Endorse', exact: true }).click()
  await expect(
    bohdan.getByRole('alert').getByText('Olena changed Ukraine’s stance to Endorse.'),
  ).toBeVisible()

  // All endorse and Ukraine tables the package; the instructor overrules the answer: said as done, emptied.
  for (const page of [taras, marta]) await page.getByRole('button', { name: 'Endorse', exact: true }).click()
  await expect(timed.getByText('Every side endorsed: waiting for one to table the package')).toBeVisible()
  await olena.getByRole('button', { name: 'Table the package' }).click()
  const overrule = panel.getByRole('region', { name: 'Overrule Russia’s answer' })
  await expect(overrule).toBeVisible()
  const current = (await overrule.getByText(/^The rules answered: /).textContent()) ?? ''
  const verdict = /rejects/.test(current) ? 'Demands that parts be removed' : 'Rejects the package'
  await overrule.getByRole('combobox', { name: 'The instructor’s verdict' }).selectOption({ label: verdict })
  const reason = overrule.getByRole('textbox', { name: 'Reason (the students read it)' })
  await reason.fill(REASON)
  await overrule.getByRole('button', { name: 'Overrule the answer' }).click()
  await expect(
    panel.getByRole('status').filter({ hasText: `Overruled: ${verdict}. Reason: ${REASON}` }),
  ).toBeVisible()
  await expect(reason).toHaveValue('')
  await expect(timed.getByText(/^Not voted yet: /)).toBeVisible()
  // At 1920 px the panel takes the whole width: controls and students beside the game as it stands.
  const roster = panel.locator('.roster')
  const messages = panel.locator('.panel-game')
  const [left, right] = [await roster.boundingBox(), await messages.boundingBox()]
  expect(left && right && right.x > left.x + left.width, 'the game beside the controls').toBe(true)
  expect((await panel.boundingBox())?.width ?? 0).toBeGreaterThan(1700)
  await panel.scrollIntoViewIfNeeded()
  await shot(teacher, 'dashboard-panel-1920')

  // A student's device drops: the card and the list of alerts say so.
  await marta.context().close()
  const alerts = teacher.getByRole('log', { name: /^Alerts/ })
  await expect(
    alerts.getByText(`Room ${code}: 1 device lost its connection, 3 still connected`, { exact: false }),
  ).toBeVisible()
  await expect(timed.getByText('Alert: device lost')).toBeVisible()

  // The instructor ends the room: an alert, a badge on its card, and the status line says it was done.
  await panel.getByRole('button', { name: 'End the game' }).click()
  await panel.getByRole('button', { name: 'Yes, end the game' }).click()
  // The students answer their questions first: the line says so, and how many have handed in.
  await expect(
    panel.getByRole('status').filter({
      hasText:
        'Ended: students answer the questions for reflection, then see the debrief (0 of 4 handed in).',
    }),
  ).toBeVisible()
  await expect(timed.getByText('Answers: 0 of 4 handed in')).toBeVisible()
  // The overrule's form is gone with the game, and its status line with it.
  await expect(panel.getByRole('status').filter({ hasText: 'Overruled:' })).toHaveCount(0)
  await expect(alerts.getByText(`Room ${code}: the game ended`, { exact: false })).toBeVisible()
  await expect(timed.getByText('Alert: the game ended')).toBeVisible()
  await teacher.evaluate(() => window.scrollTo(0, 0))
  await shot(teacher, 'dashboard-alerts-1920')
  await checkA11y(teacher, 'dashboard with alerts')

  // Dismissed, an alert leaves the list and its badge the card.
  await alerts.getByRole('button', { name: /^Dismiss the alert: Room .*: the game ended/ }).click()
  await expect(timed.getByText('Alert: the game ended')).toHaveCount(0)

  // On a phone the dashboard still fits the width.
  await teacher.setViewportSize({ width: 390, height: 844 })
  await fitsTheWidth(teacher, 'dashboard at 390 px')
  await teacher.evaluate(() => window.scrollTo(0, 0))
  await shot(teacher, 'dashboard-390')
})
