/**
 * Reflection after a classroom game: the instructor gives a student a named role and adds a question of
 * their own, ends the game, and each student answers their questions on their own device (a laptop and a
 * phone) before the full debrief opens; nobody sees another student's answers; the instructor's grading
 * table (one row per student, the room's export and the class-wide one) carries every answer, with a column
 * for the mark beside each question that has a rubric.
 */
import { readFileSync } from 'node:fs'
import { classroomTest } from './classroom-fixtures.mjs'
import { expect, watchErrors } from './fixtures.mjs'
import { checkA11y, openSetup, playToEnd, startGame } from './helpers.mjs'

const test = classroomTest
const LAPTOP = { viewport: { width: 1280, height: 800 } }
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
const ROOM_QUESTION = 'What would you try differently next time?'
const OLENA_ANSWER = 'Air defence deterred without crossing a stated red line; troops on the ground did not.'
const TARAS_ANSWER = 'Firmer than the words suggested: the answers never moved.'
const TARAS_ROOM = 'Table the package earlier, before the second round.'

/** Clicks and returns the text of the file the page offers for download. */
async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return readFileSync(await download.path(), 'utf8')
}

/** A student joins room `code` by its link under `name`, and waits in the lobby. */
async function join(page, base, code, name) {
  await page.goto(`${base}/#join=${code}`)
  await page.getByRole('textbox', { name: 'Your display name' }).fill(name)
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting for the game to start' })).toBeVisible()
}

test('students answer their questions on their own devices after the game, and the grading table has the answers', async ({
  browser,
  classroom,
}, testInfo) => {
  test.setTimeout(240_000)
  const { errors, base, adminKey } = classroom
  const device = async (options, who) => {
    const page = await (await browser.newContext(options)).newPage()
    page.setDefaultTimeout(30_000)
    watchErrors(page, errors, { who })
    return page
  }
  const teacher = await device(LAPTOP, 'instructor')
  const olena = await device(LAPTOP, 'Olena')
  const taras = await device(PHONE, 'Taras')

  await teacher.goto(`${base}/#instructor=${adminKey}`)
  const form = teacher.getByRole('region', { name: 'New room' })
  await form.getByRole('combobox', { name: 'Scenario' }).selectOption('guarantees-2025')
  await form.getByRole('button', { name: 'Create room' }).click()
  const heading = teacher.getByRole('heading', { level: 3, name: /^Room [A-Z2-9]{6}: Red Lines/ })
  await expect(heading).toBeVisible()
  const code = /Room ([A-Z2-9]{6})/.exec((await heading.textContent()) ?? '')?.[1] ?? ''
  const panel = teacher.getByRole('region', { name: /^Room [A-Z2-9]{6}: Red Lines/ })

  await join(olena, base, code, 'Olena')
  await join(taras, base, code, 'Taras')

  // Sides, a named role, and a question of the instructor's own for the whole room.
  await panel.getByRole('combobox', { name: 'Side of Olena' }).selectOption({ label: 'Ukraine' })
  await panel.getByRole('combobox', { name: 'Role of Olena' }).selectOption({ label: 'lead negotiator' })
  await panel.getByRole('combobox', { name: 'Side of Taras' }).selectOption({ label: 'European governments' })
  await expect(olena.getByText('You: Olena, Ukraine, lead negotiator')).toBeVisible()
  await expect(panel.getByRole('combobox', { name: 'Side of Taras' }).locator('option').first()).toHaveText(
    'Observer',
  )
  await panel.getByRole('textbox', { name: 'New question for the room' }).fill(ROOM_QUESTION)
  await panel.getByRole('button', { name: 'Add question' }).click()
  await expect(panel.getByRole('button', { name: `Remove the question “${ROOM_QUESTION}”` })).toBeVisible()
  await expect(panel.getByRole('textbox', { name: 'New question for the room' })).toHaveValue('')

  await panel.getByRole('region', { name: 'Questions for reflection' }).screenshot({
    path: testInfo.outputPath('dashboard-questions.png'),
  })
  await panel.getByRole('button', { name: 'Start the game' }).click()
  for (const page of [olena, taras]) {
    await page.getByRole('button', { name: 'Go to the table' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Round 1 of 6' })).toBeVisible()
  }

  // The instructor ends the game; each device asks its student's questions before the full debrief.
  await panel.getByRole('button', { name: 'End the game' }).click()
  await panel.getByRole('button', { name: 'Yes, end the game' }).click()
  const reflection = (page) => page.getByRole('heading', { level: 2, name: 'Questions for reflection' })
  for (const page of [olena, taras]) await expect(reflection(page)).toBeVisible()
  await expect(
    panel.getByRole('status').filter({
      hasText:
        'Ended: students answer the questions for reflection, then see the debrief (0 of 2 handed in).',
    }),
  ).toBeVisible()
  const olenaDeters = olena.getByRole('textbox', { name: /^Which guarantees did your side judge/ })
  await expect(olenaDeters).toBeVisible()
  await expect(olena.getByRole('textbox', { name: ROOM_QUESTION })).toBeVisible()
  await expect(olena.getByRole('textbox', { name: /^How firm did Russia/ }), 'Europe’s question').toHaveCount(
    0,
  )
  await checkA11y(taras, 'reflection on a phone')
  await taras.screenshot({ path: testInfo.outputPath('reflection-390.png'), fullPage: true })
  await olena.screenshot({ path: testInfo.outputPath('reflection-1280.png'), fullPage: true })

  await olenaDeters.fill(OLENA_ANSWER)
  await olenaDeters.blur()
  await expect(olena.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await olena.getByRole('button', { name: 'Hand in my answers' }).click()
  await expect(reflection(olena)).toHaveCount(0)
  await expect(olena.getByRole('button', { name: 'Export results (CSV)' })).toBeVisible()
  await expect(olena.getByText('Olena (lead negotiator)').first()).toBeVisible()
  await olena.screenshot({ path: testInfo.outputPath('debrief-1280.png') })

  await taras.getByRole('textbox', { name: /^How firm did Russia/ }).fill(TARAS_ANSWER)
  await taras.getByRole('textbox', { name: ROOM_QUESTION }).fill(TARAS_ROOM)
  await taras.getByRole('button', { name: 'Hand in my answers' }).click()
  await expect(reflection(taras)).toHaveCount(0)
  // A student's answers are theirs and the instructor's only.
  await expect(olena.getByText(TARAS_ANSWER)).toHaveCount(0)
  await expect(taras.getByText(OLENA_ANSWER)).toHaveCount(0)
  await expect(panel.getByText('Answers handed in: 2 of 2')).toBeVisible()
  await expect(teacher.getByText('Answers: 2 of 2 handed in')).toBeVisible()
  await expect(
    panel.getByRole('status').filter({ hasText: 'Ended: every student sees the debrief.' }),
  ).toBeVisible()
  // Every student asked has handed in: the questions are settled, none may be added or removed.
  await expect(panel.getByRole('button', { name: 'Add question' })).toHaveCount(0)
  await expect(panel.getByRole('button', { name: /^Remove the question/ })).toHaveCount(0)

  // The room's grading table: one row per student, their answers, a mark column beside each rubric.
  const csv = await downloaded(teacher, () =>
    panel.getByRole('button', { name: 'Grading table (CSV)' }).click(),
  )
  const [header, ...rows] = csv.trim().split('\r\n')
  await testInfo.attach('grading.csv', { body: csv, contentType: 'text/csv' })
  expect(header).toMatch(
    /^Room,Scenario,Student,Side,Role,Status,Ending,Moves made,Messages sent,Answers handed in,"?Ukraine: Which guarantees/,
  )
  expect(header).toContain('Mark against: ')
  expect(header).toContain(`Room ${code}: ${ROOM_QUESTION}`)
  expect(header).toMatch(/,Score,Par$/)
  expect(rows).toHaveLength(2)
  expect(rows.find((r) => r.includes(',Olena,'))).toContain(`Ukraine,lead negotiator,Game over`)
  expect(rows.find((r) => r.includes(',Olena,'))).toContain(OLENA_ANSWER)
  expect(rows.find((r) => r.includes(',Taras,'))).toContain(TARAS_ANSWER)
  expect(rows.find((r) => r.includes(',Taras,'))).toContain(TARAS_ROOM)

  // The class-wide download agrees: the same header, the same rows, then each room's own results.
  const all = await downloaded(teacher, () =>
    teacher.getByRole('button', { name: 'Export all rooms for grading (CSV)' }).click(),
  )
  expect(all.startsWith(`${header}\r\n`)).toBe(true)
  for (const row of rows) expect(all).toContain(row)
})

test('a solo game offers its side’s questions to think about in the debrief', async ({ page, base }) => {
  test.setTimeout(180_000)
  await openSetup(page, base)
  await startGame(page, { seed: 4 })
  await playToEnd(page)
  const questions = page.getByRole('region', { name: 'Questions to think about' })
  await expect(questions).toBeVisible()
  await expect(questions.getByText('Questions for Ukraine after the game', { exact: false })).toBeVisible()
  await expect(questions.getByRole('listitem')).toHaveCount(2)
  await expect(questions.getByText(/^Which guarantees did your side judge/)).toBeVisible()
})
