/**
 * Browser test of classroom rooms (see classroom-fixtures.mjs): the game is built once (vite build --mode classroom into a temporary
 * folder), the classroom server runs in a child process on a free loopback port with a temporary data folder,
 * and a whole game is played with an instructor and three students in four browser contexts (one of them a
 * tablet), and a fourth student who arrives late and shares a side. Midway a student reloads, and the server
 * is killed outright (SIGKILL) and started again on the same data folder; the game goes on to the debrief.
 * Every device is found only by role and accessible name; no device may show another side's briefing.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { classroomTest } from './classroom-fixtures.mjs'
import { expect, ROOT, shotsDir, watchErrors } from './fixtures.mjs'
import { checkA11y, showAftermath } from './helpers.mjs'

const LAPTOP = { viewport: { width: 1280, height: 800 } }
const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true }
const SCENARIO = 'guarantees-2025'
const REASON = 'The class judged the reassurance force credible enough for talks to go on.'
const PAUSED = 'The instructor has paused the game.'
/** Console errors a dropped connection causes by design while the server is down (the page retries). */
const EXPECTED_OFFLINE =
  /WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource|Failed to fetch|NetworkError/i

const round = (page, n) => page.getByRole('heading', { level: 2, name: `Round ${n} of 6` })
const ending = (page) => page.getByRole('heading', { level: 2, name: /^Ending: / })

const test = classroomTest

/** The shipped scenario's private briefings by side, to check that no device shows another side's. */
function briefings() {
  const text = readFileSync(join(ROOT, `scenarios/${SCENARIO}.yaml`), 'utf8')
  return Object.fromEntries(parse(text).sides.map((s) => [s.name, String(s.briefing).trim()]))
}

/** A student joins with the code and a name typed in the form (already open), and waits in the lobby. */
async function joinRoom(page, code, name) {
  await page.getByRole('textbox', { name: 'Room code' }).fill(code)
  await page.getByRole('textbox', { name: 'Your display name' }).fill(name)
  await page.getByRole('button', { name: 'Join' }).click()
}

/** Each student's vote, or endorsement, in turn. */
async function each(pages, step) {
  for (const page of pages) await step(page)
}

/** Opens a scenario file with the page's "Open scenario file…" button, as a teacher picks one. */
async function openFile(page, name, buffer) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open scenario file…' }).click(),
  ])
  await chooser.setFiles({ name, mimeType: 'application/yaml', buffer })
}

/** Clicks and returns the text of the file the page offers for download. */
async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return readFileSync(await download.path(), 'utf8')
}

test('an instructor and four students (one late) play a whole game in rooms, through a reload and a server crash', async ({
  browser,
  classroom,
}, testInfo) => {
  test.setTimeout(420_000)
  const { server, errors, base, adminKey } = classroom
  const timings = {}
  const shots = shotsDir(testInfo)
  const shot = (page, file, options = {}) => page.screenshot({ path: join(shots, `${file}.png`), ...options })
  const device = async (options, who) => {
    const context = await browser.newContext(options)
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    watchErrors(page, errors, { who, expected: EXPECTED_OFFLINE })
    return page
  }

  const teacher = await device(LAPTOP, 'instructor')
  const olena = await device(LAPTOP, 'Olena')
  const taras = await device(LAPTOP, 'Taras')
  const marta = await device(TABLET, 'Marta')
  const students = [olena, taras, marta]
  const briefs = briefings()

  // The instructor opens the link the server printed; the key leaves the address bar at once.
  await teacher.goto(`${base}/#instructor=${adminKey}`)
  await expect(teacher.getByRole('heading', { level: 2, name: 'Instructor dashboard' })).toBeVisible()
  expect(teacher.url(), 'the admin key is taken out of the address bar').not.toContain(adminKey)
  const form = teacher.getByRole('region', { name: 'New room' })

  // A teacher's file: a broken one is explained line by line; a good one (a shipped scenario under an id of
  // its own) becomes a room, its text sent to the server.
  await openFile(
    teacher,
    'schema-errors.yaml',
    readFileSync(new URL('../fixtures/broken/schema-errors.yaml', import.meta.url)),
  )
  await expect(form.getByRole('heading', { name: 'schema-errors.yaml could not be loaded' })).toBeVisible()
  await expect(form.getByText(/^schema-errors\.yaml:\d+:\d+\s+[A-Z_]+$/).first()).toBeVisible()
  const own = readFileSync(join(ROOT, 'scenarios/late-august.yaml'), 'utf8').replace(
    /^id: late-august$/m,
    'id: late-august-class',
  )
  await openFile(teacher, 'late-august-class.yaml', Buffer.from(own))
  await expect(form.getByRole('heading', { name: 'late-august-class.yaml is ready to play' })).toBeVisible()
  await expect(form.getByRole('combobox', { name: 'Scenario' }).locator('option:checked')).toHaveText(
    /\(from file: late-august-class\.yaml\)$/,
  )
  await form.getByRole('button', { name: 'Create room' }).click()
  await expect(
    teacher.getByRole('heading', { level: 3, name: /^Room [A-Z2-9]{6}: Late August/ }),
  ).toBeVisible()

  // The class's own room, from the shipped scenario, with a timer.
  await form.getByRole('combobox', { name: 'Scenario' }).selectOption(SCENARIO)
  await form.getByRole('textbox', { name: 'Minutes per round' }).fill('10')
  await form.getByRole('button', { name: 'Create room' }).click()
  const panelHeading = teacher.getByRole('heading', { level: 3, name: /^Room [A-Z2-9]{6}: Red Lines/ })
  await expect(panelHeading).toBeVisible()
  const code = /Room ([A-Z2-9]{6})/.exec((await panelHeading.textContent()) ?? '')?.[1] ?? ''
  expect(code, 'the room has a code').toMatch(/^[A-Z2-9]{6}$/)
  const panel = teacher.getByRole('region', { name: /^Room [A-Z2-9]{6}: Red Lines/ })
  const link = `${base}/#join=${code}`
  await expect(panel.getByRole('img', { name: `QR code of the join link ${link}` })).toBeVisible()
  await expect(panel.getByRole('link', { name: link })).toBeVisible()
  await expect(panel.getByText('hidden', { exact: true })).toBeVisible()
  await panel.getByRole('button', { name: 'Show the instructor key' }).click()
  await expect(panel.getByRole('code')).toBeVisible()
  const key = ((await panel.getByRole('code').textContent()) ?? '').trim()
  expect(key.length, 'the instructor key is shown once revealed').toBeGreaterThanOrEqual(16)
  await panel.getByRole('button', { name: 'Hide the instructor key' }).click()
  await expect(panel.getByRole('code')).toHaveCount(0)
  await checkA11y(teacher, 'instructor dashboard')

  // A wrong code, then a name already taken, each said in words; then three students join.
  await taras.goto(`${base}/#join`)
  await expect(taras.getByRole('heading', { level: 2, name: 'Join a class' })).toBeVisible()
  await joinRoom(taras, 'ZZZZ22', 'Taras')
  await expect(taras.getByText('There is no room with the code ZZZZ22.', { exact: false })).toBeVisible()
  await olena.goto(link)
  await expect(olena.getByRole('textbox', { name: 'Room code' }), 'the link fills the code').toHaveValue(code)
  await checkA11y(olena, 'join form')
  await olena.getByRole('textbox', { name: 'Your display name' }).fill('Olena')
  await olena.getByRole('button', { name: 'Join' }).click()
  await expect(olena.getByRole('heading', { level: 2, name: 'Waiting for the game to start' })).toBeVisible()
  await checkA11y(olena, 'waiting room')
  await joinRoom(taras, `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`, 'olena')
  await expect(
    taras.getByText('Someone in this room is already called “olena”', { exact: false }),
  ).toBeVisible()
  await taras.getByRole('textbox', { name: 'Your display name' }).fill('Taras')
  await taras.keyboard.press('Enter')
  await expect(taras.getByRole('heading', { level: 2, name: 'Waiting for the game to start' })).toBeVisible()
  await marta.goto(`${base}/`)
  await marta.getByRole('button', { name: 'Join a class' }).click()
  await expect(marta.getByRole('heading', { level: 2, name: 'Join a class' })).toBeVisible()
  await joinRoom(marta, code, 'Marta')
  await expect(marta.getByRole('heading', { level: 2, name: 'Waiting for the game to start' })).toBeVisible()

  // The instructor gives two sides out and lets the third student pick.
  await expect(panel.getByRole('row', { name: /Marta/ })).toBeVisible()
  await panel.getByRole('combobox', { name: 'Side of Olena' }).selectOption({ label: 'Ukraine' })
  await panel.getByRole('combobox', { name: 'Side of Taras' }).selectOption({ label: 'European governments' })
  await expect(olena.getByText('You: Olena, Ukraine')).toBeVisible()
  await panel.getByRole('checkbox', { name: 'Students pick their own side' }).check()
  await marta.getByRole('radio', { name: 'United States' }).check()
  await expect(marta.getByText('You: Marta, United States')).toBeVisible()
  await panel.getByRole('button', { name: 'Projector view' }).click()
  await expect(teacher.getByRole('heading', { level: 2, name: 'Join the game' })).toBeVisible()
  await expect(teacher.getByText('3 students have joined.')).toBeVisible()
  await expect(teacher.getByRole('img', { name: `QR code of the join link ${link}` })).toBeVisible()
  await checkA11y(teacher, 'projector view')
  await shot(teacher, 'classroom-projector')
  await teacher.getByRole('button', { name: 'Back to the dashboard' }).click()
  await panel.getByRole('button', { name: 'Start the game' }).click()

  // Each student reads only their own side's briefing, then goes to the table; the round is timed.
  const sides = { Ukraine: olena, 'European governments': taras, 'United States': marta }
  for (const [side, page] of Object.entries(sides)) {
    await expect(page.getByRole('heading', { level: 2, name: `Briefing: ${side}` })).toBeVisible()
    const text = (await page.locator('body').textContent()) ?? ''
    for (const [other, brief] of Object.entries(briefs))
      if (other in sides)
        expect(text.includes(brief.slice(0, 80)), `${side} sees ${other}'s briefing`).toBe(other === side)
    await page.getByRole('button', { name: 'Go to the table' }).click()
    await expect(round(page, 1)).toBeVisible()
  }
  await expect(marta.getByRole('timer').getByText(/^Time left in this round: \d+:\d\d$/)).toBeVisible()
  await checkA11y(marta, 'student table')

  // Europe puts in an instrument; everyone sees it, and who did it.
  await taras.getByRole('button', { name: 'Add Multinational reassurance force' }).click()
  await expect(
    olena.getByRole('list', { name: 'Items in the package' }).getByText('Multinational reassurance force'),
  ).toBeVisible()
  await expect(
    olena.getByRole('list', { name: 'Commands so far, newest first' }).getByText(/\(Taras\)$/),
  ).toBeVisible()
  await shot(marta, 'classroom-student-table')
  await shot(teacher, 'classroom-dashboard')

  // A reload mid-round takes the same seat back, straight to the table.
  await taras.reload()
  await expect(round(taras, 1)).toBeVisible()
  await expect(taras.getByText('You: Taras, European governments')).toBeVisible()
  await expect(
    taras.getByRole('list', { name: 'Items in the package' }).getByText('Multinational reassurance force'),
  ).toBeVisible()

  // All endorse and Ukraine tables the package: Russia answers.
  await each(students, (p) => p.getByRole('button', { name: 'Endorse', exact: true }).click())
  await expect(olena.getByRole('listitem').filter({ hasText: 'United States: endorsed' })).toBeVisible()
  await olena.getByRole('button', { name: 'Table the package' }).click()
  await each(students, (p) =>
    expect(p.getByRole('heading', { level: 3, name: "Russia's response" })).toBeVisible(),
  )

  // The instructor overrules the answer; a reason is required.
  const overrule = panel.getByRole('region', { name: 'Overrule Russia’s answer' })
  await expect(overrule).toBeVisible()
  const current = (await overrule.getByText(/^The rules answered: /).textContent()) ?? ''
  const verdict = /rejects/.test(current) ? 'Demands that parts be removed' : 'Rejects the package'
  await overrule.getByRole('combobox', { name: 'The instructor’s verdict' }).selectOption({ label: verdict })
  await overrule.getByRole('button', { name: 'Overrule the answer' }).click()
  await shot(teacher, 'classroom-dashboard-full', { fullPage: true })
  await checkA11y(teacher, 'dashboard with a room in play')
  await expect(overrule.getByRole('alert').getByText('Write the reason', { exact: false })).toBeVisible()
  await overrule.getByRole('textbox', { name: 'Reason (the students read it)' }).fill(REASON)
  await overrule.getByRole('button', { name: 'Overrule the answer' }).click()
  await each(students, (p) =>
    expect(
      p.getByText(`the instructor's decision, overruling the rules`, { exact: false }).first(),
    ).toBeVisible(),
  )
  await expect(olena.getByText(REASON, { exact: false }).first()).toBeVisible()

  // Paused: every student is told, and a move is refused with the same words.
  await panel.getByRole('button', { name: 'Pause' }).press('Enter')
  await each(students, (p) => expect(p.getByText(PAUSED, { exact: true }).first()).toBeVisible())
  await expect(marta.getByRole('timer').getByText(/^Timer stopped with \d+:\d\d left$/)).toBeVisible()
  await olena.getByRole('button', { name: 'Continue negotiating' }).click()
  await expect(olena.getByRole('alert').getByText(PAUSED)).toBeVisible()
  await panel.getByRole('button', { name: 'Resume' }).click()
  await expect(marta.getByRole('timer').getByText(/^Time left in this round/)).toBeVisible()

  // The server dies mid-game and comes back on the same data folder: every seat is taken back.
  // A late student opens the join link just before; they try to join while the server is down.
  const bohdan = await device(LAPTOP, 'Bohdan')
  await bohdan.goto(link)
  await expect(bohdan.getByRole('textbox', { name: 'Your display name' })).toBeVisible()
  let t0 = Date.now()
  await server.kill()
  await joinRoom(bohdan, code, 'Bohdan')
  await expect(
    bohdan.getByRole('status').getByText(/^The classroom server cannot be reached\. Trying again in \d+ s/),
  ).toBeVisible()
  const reconnecting = (p) =>
    p.getByRole('region', { name: 'Your seat' }).getByText('Connection lost: taking your seat back…')
  await each(students, (p) => expect(reconnecting(p)).toBeVisible())
  const again = await server.start()
  expect(again.restored, 'both rooms are restored from their files').toBe(2)
  await each(students, (p) => expect(reconnecting(p)).toHaveCount(0, { timeout: 30_000 }))
  timings.seatsBackAfterRestart = Date.now() - t0
  await each(students, (p) => expect(p.getByText(REASON, { exact: false }).first()).toBeVisible())
  await expect(panel.getByText('Playing', { exact: true })).toBeVisible({ timeout: 30_000 })

  // Everyone votes to go on: the round's summary, then round 2.
  await each(students, (p) => p.getByRole('button', { name: 'Continue negotiating' }).click())
  for (const page of students) {
    await expect(page.getByRole('heading', { level: 2, name: 'Round 1 summary' })).toBeVisible()
    await page.getByRole('button', { name: 'Back to the table' }).click()
    await expect(round(page, 2)).toBeVisible()
  }

  // The instructor brings an event in; then the package is tabled again and the sides implement it.
  // The late student is in (the join went through once the server was back), sees the game as it stands,
  // then shares Ukraine's side with Olena.
  await expect(round(bohdan, 2)).toBeVisible()
  await expect(bohdan.getByText('You are watching', { exact: false })).toBeVisible()
  await panel.getByRole('combobox', { name: 'Side of Bohdan' }).selectOption({ label: 'Ukraine' })
  await expect(bohdan.getByRole('heading', { level: 2, name: 'Briefing: Ukraine' })).toBeVisible()
  await bohdan.getByRole('button', { name: 'Go to the table' }).click()
  await expect(round(bohdan, 2)).toBeVisible()

  const inject = panel.getByRole('region', { name: 'Bring in an event' })
  const event = (
    (await inject
      .getByRole('combobox', { name: 'Scenario event' })
      .locator('option')
      .first()
      .textContent()) ?? ''
  ).trim()
  await inject.getByRole('button', { name: 'Bring in the event' }).click()
  await expect(
    olena
      .getByRole('list', { name: 'Commands so far, newest first' })
      .getByText(`The instructor brings in an event: ${event}.`),
  ).toBeVisible()
  await each([bohdan, taras, marta], (p) => p.getByRole('button', { name: 'Endorse', exact: true }).click())
  await expect(
    olena
      .getByRole('list', { name: 'Commands so far, newest first' })
      .getByText(/^Ukraine \(human\) endorses the package\. \(Bohdan\)$/),
  ).toBeVisible()
  await expect(olena.getByRole('listitem').filter({ hasText: 'United States: endorsed' })).toBeVisible()
  await olena.getByRole('button', { name: 'Table the package' }).click()
  const seeEnding = (page) => page.getByRole('button', { name: 'See how the game ended' })
  await expect(
    olena.getByRole('button', { name: /^Implement without Russia/ }).or(seeEnding(olena)),
  ).toBeVisible()
  if (!(await seeEnding(olena).isVisible()))
    await each(students, (p) => p.getByRole('button', { name: /^Implement without Russia/ }).click())
  t0 = Date.now()
  // As in solo play, the last round's summary comes first; then each student answers their side's questions
  // for reflection on their own device, and the full debrief opens once they hand them in.
  for (const page of [...students, bohdan]) {
    await seeEnding(page).click()
    await expect(page.getByRole('heading', { name: 'Questions for reflection', level: 2 })).toBeVisible()
    const answer = page.getByRole('main').getByRole('textbox').first()
    await answer.fill('Deterrence and consent pulled apart; we chose deterrence.')
    await answer.blur()
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
    await page.getByRole('button', { name: 'Hand in my answers' }).click()
    await expect(ending(page)).toBeVisible()
  }
  await checkA11y(olena, 'student debrief')
  await shot(marta, 'classroom-student-debrief', { fullPage: true })
  // A deal or an imposition is followed by the years after: the rounds show once they are played out.
  await showAftermath(olena)
  await expect(olena.getByText(REASON, { exact: false }).first()).toBeVisible()
  await expect(ending(bohdan)).toBeVisible()

  // Another device of the instructor's runs the room once given its key.
  const laptop = await device(LAPTOP, 'second instructor device')
  await laptop.goto(`${base}/#instructor=${adminKey}`)
  await laptop.getByRole('button', { name: `Manage room ${code}` }).click()
  await laptop.getByRole('textbox', { name: `Instructor key of room ${code}` }).fill(key)
  await laptop.getByRole('button', { name: 'Use this key' }).click()
  await expect(laptop.getByRole('button', { name: 'Show the debrief' })).toBeVisible()
  await laptop.context().close()

  // The instructor's debrief and exports: the room's results, and every room at once for grading.
  await panel.getByRole('button', { name: 'Show the debrief' }).click()
  await expect(ending(teacher)).toBeVisible()
  await checkA11y(teacher, 'instructor debrief')
  const csv = await downloaded(teacher, () =>
    teacher.getByRole('button', { name: 'Export results (CSV)' }).click(),
  )
  expect(csv, 'the room CSV names the students who acted').toMatch(/Olena/)
  expect(csv, 'the room CSV shows the instructor’s decisions').toMatch(/Instructor/)
  await teacher.getByRole('button', { name: 'Back to the dashboard' }).click()
  const all = await downloaded(teacher, () =>
    teacher.getByRole('button', { name: 'Export all rooms for grading (CSV)' }).click(),
  )
  expect(all, 'one row per student').toMatch(/^Room,Scenario,Student,Side,Role,Status,/)
  expect(all).toMatch(new RegExp(`${code},[^\\r\\n]*,Olena,Ukraine,`))
  expect(all).toMatch(new RegExp(`${code},[^\\r\\n]*,Bohdan,Ukraine,`))
  const json = JSON.parse(
    await downloaded(teacher, () =>
      teacher.getByRole('button', { name: 'Export all game records (JSON)' }).click(),
    ),
  )
  expect(
    json.rooms.map((r) => [r.status, Boolean(r.record)]),
    'both rooms are in the session export, with the played game’s record',
  ).toEqual([
    ['lobby', false],
    ['ended', true],
  ])
  expect(json.rooms[1].code).toBe(code)
  await expect(
    teacher
      .getByRole('region', { name: 'Every room of this session' })
      .or(teacher.getByRole('list', { name: 'Every room of this session' }))
      .getByText('Game over'),
  ).toBeVisible()
  timings.debrief = Date.now() - t0
  testInfo.annotations.push({ type: 'timings (ms)', description: JSON.stringify(timings) })
})
