/**
 * The classroom game the browser test plays (see classroom.mjs): an instructor's dashboard and three
 * students' devices, found only by role and accessible name. The rooms' rules are the game's own; this
 * checks what each person sees and can do, and that seats, rooms and games survive a reload and a crash.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { checkA11y, showAftermath } from './helpers.mjs'

const LAPTOP = { viewport: { width: 1280, height: 800 } }
const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true }
const SCENARIO = 'guarantees-2025'
const REASON = 'The class judged the reassurance force credible enough for talks to go on.'
const PAUSED = 'The instructor has paused the game.'
const round = (page, n) => page.getByRole('heading', { level: 2, name: `Round ${n} of 6` })
const ending = (page) => page.getByRole('heading', { level: 2, name: /^Ending: / })

/** The shipped scenario's private briefings by side, to check that no device shows another side's. */
function briefings() {
  const text = readFileSync(new URL(`../../scenarios/${SCENARIO}.yaml`, import.meta.url), 'utf8')
  return Object.fromEntries(parse(text).sides.map((s) => [s.name, String(s.briefing).trim()]))
}

async function device(browser, options, watch, who) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  watch(page, who)
  return page
}

/** A student joins with the code and a name typed in the form (already open), and waits in the lobby. */
async function join(page, code, name) {
  await page.getByRole('textbox', { name: 'Room code' }).fill(code)
  await page.getByRole('textbox', { name: 'Your display name' }).fill(name)
  await page.getByRole('button', { name: 'Join' }).click()
}

/** Each student's vote, or endorsement, in turn. */
async function each(pages, step) {
  for (const page of pages) await step(page)
}

export async function classroomGame({ browser, base, adminKey, watch, shot, server, timings }) {
  const teacher = await device(browser, LAPTOP, watch, 'instructor')
  const olena = await device(browser, LAPTOP, watch, 'Olena')
  const taras = await device(browser, LAPTOP, watch, 'Taras')
  const marta = await device(browser, TABLET, watch, 'Marta')
  const students = [olena, taras, marta]
  const briefs = briefings()

  // The instructor opens the link the server printed; the key leaves the address bar at once.
  await teacher.goto(`${base}/#instructor=${adminKey}`)
  await teacher.getByRole('heading', { level: 2, name: 'Instructor dashboard' }).waitFor()
  assert.ok(!teacher.url().includes(adminKey), 'the admin key is taken out of the address bar')
  const form = teacher.getByRole('region', { name: 'New room' })

  // A teacher's file: a broken one is explained line by line; a good one (a shipped scenario under an id of
  // its own) becomes a room, its text sent to the server.
  await openFile(
    teacher,
    'schema-errors.yaml',
    readFileSync(new URL('../fixtures/broken/schema-errors.yaml', import.meta.url)),
  )
  await form.getByRole('heading', { name: 'schema-errors.yaml could not be loaded' }).waitFor()
  await form
    .getByText(/^schema-errors\.yaml:\d+:\d+\s+[A-Z_]+$/)
    .first()
    .waitFor()
  const own = readFileSync(new URL('../../scenarios/late-august.yaml', import.meta.url), 'utf8').replace(
    /^id: late-august$/m,
    'id: late-august-class',
  )
  await openFile(teacher, 'late-august-class.yaml', Buffer.from(own))
  await form.getByRole('heading', { name: 'late-august-class.yaml is ready to play' }).waitFor()
  assert.match(
    await form.getByRole('combobox', { name: 'Scenario' }).locator('option:checked').textContent(),
    /\(from file: late-august-class\.yaml\)$/,
  )
  await form.getByRole('button', { name: 'Create room' }).click()
  await teacher.getByRole('heading', { level: 3, name: /^Room [A-Z2-9]{6}: Late August/ }).waitFor()

  // The class's own room, from the shipped scenario, with a timer.
  await form.getByRole('combobox', { name: 'Scenario' }).selectOption(SCENARIO)
  await form.getByRole('textbox', { name: 'Minutes per round' }).fill('10')
  await form.getByRole('button', { name: 'Create room' }).click()
  const panelHeading = teacher.getByRole('heading', { level: 3, name: /^Room [A-Z2-9]{6}: Red Lines/ })
  await panelHeading.waitFor()
  const code = /Room ([A-Z2-9]{6})/.exec(await panelHeading.textContent())[1]
  const panel = teacher.getByRole('region', { name: /^Room [A-Z2-9]{6}: Red Lines/ })
  const link = `${base}/#join=${code}`
  await panel.getByRole('img', { name: `QR code of the join link ${link}` }).waitFor()
  await panel.getByRole('link', { name: link }).waitFor()
  await panel.getByText('hidden', { exact: true }).waitFor()
  await panel.getByRole('button', { name: 'Show the instructor key' }).click()
  const key = (await panel.getByRole('code').textContent()).trim()
  assert.ok(key.length >= 16, 'the instructor key is shown once revealed')
  await panel.getByRole('button', { name: 'Hide the instructor key' }).click()
  await panel.getByRole('code').waitFor({ state: 'detached' })
  await checkA11y(teacher, 'instructor dashboard')

  // A wrong code, then a name already taken, each said in words; then three students join.
  await taras.goto(`${base}/#join`)
  await taras.getByRole('heading', { level: 2, name: 'Join a class' }).waitFor()
  await join(taras, 'ZZZZ22', 'Taras')
  await taras.getByText('There is no room with the code ZZZZ22.', { exact: false }).waitFor()
  await olena.goto(link)
  assert.equal(
    await olena.getByRole('textbox', { name: 'Room code' }).inputValue(),
    code,
    'the link fills the code',
  )
  await checkA11y(olena, 'join form')
  await olena.getByRole('textbox', { name: 'Your display name' }).fill('Olena')
  await olena.getByRole('button', { name: 'Join' }).click()
  await olena.getByRole('heading', { level: 2, name: 'Waiting for the game to start' }).waitFor()
  await checkA11y(olena, 'waiting room')
  await join(taras, `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`, 'olena')
  await taras.getByText('Someone in this room is already called “olena”', { exact: false }).waitFor()
  await taras.getByRole('textbox', { name: 'Your display name' }).fill('Taras')
  await taras.keyboard.press('Enter')
  await taras.getByRole('heading', { level: 2, name: 'Waiting for the game to start' }).waitFor()
  await marta.goto(`${base}/`)
  await marta.getByRole('button', { name: 'Join a class' }).click()
  await marta.getByRole('heading', { level: 2, name: 'Join a class' }).waitFor()
  await join(marta, code, 'Marta')
  await marta.getByRole('heading', { level: 2, name: 'Waiting for the game to start' }).waitFor()

  // The instructor gives two sides out and lets the third student pick.
  await panel.getByRole('row', { name: /Marta/ }).waitFor()
  await panel.getByRole('combobox', { name: 'Side of Olena' }).selectOption({ label: 'Ukraine' })
  await panel.getByRole('combobox', { name: 'Side of Taras' }).selectOption({ label: 'European governments' })
  await olena.getByText('You: Olena, Ukraine').waitFor()
  await panel.getByRole('checkbox', { name: 'Students pick their own side' }).check()
  await marta.getByRole('radio', { name: 'United States' }).check()
  await marta.getByText('You: Marta, United States').waitFor()
  await panel.getByRole('button', { name: 'Projector view' }).click()
  await teacher.getByRole('heading', { level: 2, name: 'Join the game' }).waitFor()
  await teacher.getByText('3 students have joined.').waitFor()
  await teacher.getByRole('img', { name: `QR code of the join link ${link}` }).waitFor()
  await checkA11y(teacher, 'projector view')
  await shot(teacher, 'classroom-projector')
  await teacher.getByRole('button', { name: 'Back to the dashboard' }).click()
  await panel.getByRole('button', { name: 'Start the game' }).click()

  // Each student reads only their own side's briefing, then goes to the table; the round is timed.
  const sides = { Ukraine: olena, 'European governments': taras, 'United States': marta }
  for (const [side, page] of Object.entries(sides)) {
    await page.getByRole('heading', { level: 2, name: `Briefing: ${side}` }).waitFor()
    const text = await page.locator('body').textContent()
    for (const [other, brief] of Object.entries(briefs))
      if (other in sides)
        assert.equal(text.includes(brief.slice(0, 80)), other === side, `${side} sees ${other}'s briefing`)
    await page.getByRole('button', { name: 'Go to the table' }).click()
    await round(page, 1).waitFor()
  }
  await marta
    .getByRole('timer')
    .getByText(/^Time left in this round: \d+:\d\d$/)
    .waitFor()
  await checkA11y(marta, 'student table')

  // Europe puts in an instrument; everyone sees it, and who did it.
  await taras.getByRole('button', { name: 'Add Multinational reassurance force' }).click()
  await olena
    .getByRole('list', { name: 'Items in the package' })
    .getByText('Multinational reassurance force')
    .waitFor()
  await olena
    .getByRole('list', { name: 'Commands so far, newest first' })
    .getByText(/\(Taras\)$/)
    .waitFor()
  await shot(marta, 'classroom-student-table')
  await shot(teacher, 'classroom-dashboard')

  // A reload mid-round takes the same seat back, straight to the table.
  await taras.reload()
  await round(taras, 1).waitFor()
  await taras.getByText('You: Taras, European governments').waitFor()
  await taras
    .getByRole('list', { name: 'Items in the package' })
    .getByText('Multinational reassurance force')
    .waitFor()

  // All endorse and Ukraine tables the package: Russia answers.
  await each(students, (p) => p.getByRole('button', { name: 'Endorse', exact: true }).click())
  await olena.getByRole('listitem').filter({ hasText: 'United States: endorsed' }).waitFor()
  await olena.getByRole('button', { name: 'Table the package' }).click()
  await each(students, (p) => p.getByRole('heading', { level: 3, name: "Russia's response" }).waitFor())

  // The instructor overrules the answer; a reason is required.
  const overrule = panel.getByRole('region', { name: 'Overrule Russia’s answer' })
  await overrule.waitFor()
  const current = await overrule.getByText(/^The rules answered: /).textContent()
  const verdict = /rejects/.test(current) ? 'Demands that parts be removed' : 'Rejects the package'
  await overrule.getByRole('combobox', { name: 'The instructor’s verdict' }).selectOption({ label: verdict })
  await overrule.getByRole('button', { name: 'Overrule the answer' }).click()
  await shot(teacher, 'classroom-dashboard-full', { fullPage: true })
  await checkA11y(teacher, 'dashboard with a room in play')
  await overrule.getByRole('alert').getByText('Write the reason', { exact: false }).waitFor()
  await overrule.getByRole('textbox', { name: 'Reason (the students read it)' }).fill(REASON)
  await overrule.getByRole('button', { name: 'Overrule the answer' }).click()
  await each(students, (p) =>
    p.getByText(`the instructor's decision, overruling the rules`, { exact: false }).first().waitFor(),
  )
  await olena.getByText(REASON, { exact: false }).first().waitFor()

  // Paused: every student is told, and a move is refused with the same words.
  await panel.getByRole('button', { name: 'Pause' }).press('Enter')
  await each(students, (p) => p.getByText(PAUSED, { exact: true }).first().waitFor())
  await marta
    .getByRole('timer')
    .getByText(/^Timer stopped with \d+:\d\d left$/)
    .waitFor()
  await olena.getByRole('button', { name: 'Continue negotiating' }).click()
  await olena.getByRole('alert').getByText(PAUSED).waitFor()
  await panel.getByRole('button', { name: 'Resume' }).click()
  await marta
    .getByRole('timer')
    .getByText(/^Time left in this round/)
    .waitFor()

  // The server dies mid-game and comes back on the same data folder: every seat is taken back.
  // A late student opens the join link just before; they try to join while the server is down.
  const bohdan = await device(browser, LAPTOP, watch, 'Bohdan')
  await bohdan.goto(link)
  await bohdan.getByRole('textbox', { name: 'Your display name' }).waitFor()
  let t0 = Date.now()
  await server.kill()
  await join(bohdan, code, 'Bohdan')
  await bohdan
    .getByRole('status')
    .getByText(/^The classroom server cannot be reached\. Trying again in \d+ s/)
    .waitFor()
  await each(students, (p) =>
    p
      .getByRole('region', { name: 'Your seat' })
      .getByText('Connection lost: taking your seat back…')
      .waitFor(),
  )
  const again = await server.start()
  assert.equal(again.restored, 2, 'both rooms are restored from their files')
  await each(students, (p) =>
    p
      .getByRole('region', { name: 'Your seat' })
      .getByText('Connection lost: taking your seat back…')
      .waitFor({ state: 'detached', timeout: 30_000 }),
  )
  timings.seatsBackAfterRestart = Date.now() - t0
  await each(students, (p) => p.getByText(REASON, { exact: false }).first().waitFor())
  await panel.getByText('Playing', { exact: true }).waitFor({ timeout: 30_000 })

  // Everyone votes to go on: the round's summary, then round 2.
  await each(students, (p) => p.getByRole('button', { name: 'Continue negotiating' }).click())
  for (const page of students) {
    await page.getByRole('heading', { level: 2, name: 'Round 1 summary' }).waitFor()
    await page.getByRole('button', { name: 'Back to the table' }).click()
    await round(page, 2).waitFor()
  }

  // The instructor brings an event in; then the package is tabled again and the sides implement it.
  // The late student is in (the join went through once the server was back), sees the game as it stands,
  // then shares Ukraine's side with Olena.
  await round(bohdan, 2).waitFor()
  await bohdan.getByText('You are watching', { exact: false }).waitFor()
  await panel.getByRole('combobox', { name: 'Side of Bohdan' }).selectOption({ label: 'Ukraine' })
  await bohdan.getByRole('heading', { level: 2, name: 'Briefing: Ukraine' }).waitFor()
  await bohdan.getByRole('button', { name: 'Go to the table' }).click()
  await round(bohdan, 2).waitFor()

  const inject = panel.getByRole('region', { name: 'Bring in an event' })
  const event = (
    await inject.getByRole('combobox', { name: 'Scenario event' }).locator('option').first().textContent()
  ).trim()
  await inject.getByRole('button', { name: 'Bring in the event' }).click()
  await olena
    .getByRole('list', { name: 'Commands so far, newest first' })
    .getByText(`The instructor brings in an event: ${event}.`)
    .waitFor()
  await each([bohdan, taras, marta], (p) => p.getByRole('button', { name: 'Endorse', exact: true }).click())
  await olena
    .getByRole('list', { name: 'Commands so far, newest first' })
    .getByText(/^Ukraine \(human\) endorses the package\. \(Bohdan\)$/)
    .waitFor()
  await olena.getByRole('listitem').filter({ hasText: 'United States: endorsed' }).waitFor()
  await olena.getByRole('button', { name: 'Table the package' }).click()
  await olena
    .getByRole('button', { name: /^Implement without Russia/ })
    .or(ending(olena))
    .waitFor()
  if (!(await ending(olena).isVisible()))
    await each(students, (p) => p.getByRole('button', { name: /^Implement without Russia/ }).click())
  t0 = Date.now()
  for (const page of students) await ending(page).waitFor()
  await checkA11y(olena, 'student debrief')
  await shot(marta, 'classroom-student-debrief', { fullPage: true })
  // A deal or an imposition is followed by the years after: the rounds show once they are played out.
  await showAftermath(olena)
  await olena.getByText(REASON, { exact: false }).first().waitFor()
  await ending(bohdan).waitFor()

  // Another device of the instructor's runs the room once given its key.
  const laptop = await device(browser, LAPTOP, watch, 'second instructor device')
  await laptop.goto(`${base}/#instructor=${adminKey}`)
  await laptop.getByRole('button', { name: `Manage room ${code}` }).click()
  await laptop.getByRole('textbox', { name: `Instructor key of room ${code}` }).fill(key)
  await laptop.getByRole('button', { name: 'Use this key' }).click()
  await laptop.getByRole('button', { name: 'Show the debrief' }).waitFor()
  await laptop.context().close()

  // The instructor's debrief and exports: the room's results, and every room at once for grading.
  await panel.getByRole('button', { name: 'Show the debrief' }).click()
  await ending(teacher).waitFor()
  await checkA11y(teacher, 'instructor debrief')
  const csv = await downloaded(teacher, () =>
    teacher.getByRole('button', { name: 'Export results (CSV)' }).click(),
  )
  assert.match(csv, /Olena/, 'the room CSV names the students who acted')
  assert.match(csv, /Instructor/, 'the room CSV shows the instructor’s decisions')
  await teacher.getByRole('button', { name: 'Back to the dashboard' }).click()
  const all = await downloaded(teacher, () =>
    teacher.getByRole('button', { name: 'Export all rooms for grading (CSV)' }).click(),
  )
  assert.match(all, /^Room,Scenario,Status,Rounds,Ending,Side,Students,Score,Par,Ahead/)
  assert.match(all, new RegExp(`${code},.*,Ukraine,Olena; Bohdan,-?\\d`))
  const json = JSON.parse(
    await downloaded(teacher, () =>
      teacher.getByRole('button', { name: 'Export all game records (JSON)' }).click(),
    ),
  )
  assert.deepEqual(
    json.rooms.map((r) => [r.status, Boolean(r.record)]),
    [
      ['lobby', false],
      ['running', true],
    ],
    'both rooms are in the session export, with the played game’s record',
  )
  assert.equal(json.rooms[1].code, code)
  await teacher
    .getByRole('region', { name: 'Every room of this session' })
    .or(teacher.getByRole('list', { name: 'Every room of this session' }))
    .getByText('Game over')
    .waitFor()
  timings.debrief = Date.now() - t0
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
  const path = await download.path()
  return readFileSync(path, 'utf8')
}
