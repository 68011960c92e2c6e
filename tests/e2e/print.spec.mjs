/**
 * Browser test of the printable sheets (src/client/print/): a scenario's role sheets from the set-up screen and
 * a side's briefing, and a classroom room's teacher's sheet and role sheets from the dashboard, with a
 * student's own sheet. Each is printed to PDF by Chromium (A4 and Letter), as the print dialog would; the PDFs
 * go to scratch/print/ and to the test's output folder, and their pages are counted. A screenshot of the page
 * as printed (print media, 794 px: A4 at 96 dpi) goes to test-results/screenshots/ to be looked at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { classroomTest } from './classroom-fixtures.mjs'
import { expect, ROOT, shotsDir, test, watchErrors } from './fixtures.mjs'
import { checkA11y, openSetup } from './helpers.mjs'

const SCENARIO = 'guarantees-2025'
const SCRATCH = join(ROOT, 'scratch', 'print')

/** The shipped scenario's proposing sides' names, from its file. */
function proposers() {
  const scenario = parse(readFileSync(join(ROOT, `scenarios/${SCENARIO}.yaml`), 'utf8'))
  return {
    title: scenario.title,
    sides: scenario.sides.filter((s) => s.role === 'proposer').map((s) => s.name),
  }
}

/** A PDF's pages: its page objects (`/Type /Page`, not the `/Pages` tree). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length

/**
 * Prints the page to PDF on `format` paper (print media), writes it to scratch/print/ and the test's output
 * folder, and returns its page count.
 */
async function printPdf(page, testInfo, name, format) {
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format, printBackground: true })
  mkdirSync(SCRATCH, { recursive: true })
  writeFileSync(join(SCRATCH, `${name}-${format}.pdf`), pdf)
  writeFileSync(testInfo.outputPath(`${name}-${format}.pdf`), pdf)
  await page.emulateMedia({ media: 'screen' })
  return pageCount(pdf)
}

/** A screenshot of the whole page as printed, 794 px wide, to look at. */
async function printShot(page, testInfo, name) {
  const size = page.viewportSize()
  await page.setViewportSize({ width: 794, height: 1123 })
  await page.emulateMedia({ media: 'print' })
  await page.screenshot({ path: join(shotsDir(testInfo), `${name}.png`), fullPage: true })
  await page.emulateMedia({ media: 'screen' })
  if (size) await page.setViewportSize(size)
}

/** The print view's page rule (paper size and margins), as its style element has it. */
const pageStyle = (page) => page.locator('#print-view style').evaluate((el) => el.textContent)

/** The print view's sheets. */
const sheets = (page) => page.getByRole('region', { name: 'Sheets to print' })

test('the role sheets of a scenario print on A4 and Letter, one sheet per side, with quotes and sources', async ({
  page,
  base,
}, testInfo) => {
  // Each PDF is a whole layout of the sheets: slow on a shared machine.
  test.setTimeout(360_000)
  const { title, sides } = proposers()
  await openSetup(page, base)
  await page.getByRole('radio', { name: title }).check()
  const open = page.getByRole('button', { name: 'Print role sheets' })
  await open.click()

  // The view replaces the page: its heading has the focus, the game's screens are hidden.
  const heading = page.getByRole('heading', { level: 1, name: `Role sheets: ${title}` })
  await expect(heading).toBeFocused()
  await expect(page.locator('#app')).toBeHidden()
  for (const side of sides) {
    const sheet = sheets(page).getByRole('article', { name: `Role sheet: ${side}` })
    await expect(sheet).toBeVisible()
    await expect(sheet.getByRole('heading', { level: 3, name: 'What you must respect' })).toBeVisible()
    await expect(sheet.getByRole('heading', { level: 3, name: 'Who is who' })).toBeVisible()
    await expect(sheet.locator('blockquote').first()).toBeVisible()
    await expect(sheet.getByText(/^Source: .+ \(file \d{3}_[0-9a-f]{16}\.txt\)$/).first()).toBeVisible()
  }
  await expect(sheets(page).getByRole('article')).toHaveCount(sides.length)
  await checkA11y(page, 'print view (role sheets)')

  // The paper's size goes into the page rule; Letter, then A4, and each prints to PDF.
  await page.getByRole('radio', { name: /^Letter/ }).check()
  await expect.poll(() => pageStyle(page)).toMatch(/size: letter/)
  const letter = await printPdf(page, testInfo, 'role-sheets', 'Letter')
  await page.getByRole('radio', { name: /^A4/ }).check()
  await expect.poll(() => pageStyle(page)).toMatch(/size: A4/)
  const a4 = await printPdf(page, testInfo, 'role-sheets', 'A4')
  for (const [format, pages] of [
    ['A4', a4],
    ['Letter', letter],
  ]) {
    expect(pages, `${format}: a page or more per side`).toBeGreaterThanOrEqual(sides.length)
    expect(pages, `${format}: no more than a dozen pages per side`).toBeLessThanOrEqual(sides.length * 12)
  }
  await printShot(page, testInfo, 'print-role-sheets')

  // "Print" hands over to the browser's print dialog (replaced here: a test cannot press its buttons).
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = 'yes'
    }
  })
  await page.getByRole('button', { name: 'Print', exact: true }).click()
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes')

  // "Back" returns to the set-up screen, focus on the button that opened the view; Escape does the same.
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'New game' })).toBeVisible()
  await expect(open).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(heading).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(open).toBeFocused()
  await expect(page.locator('#print-view')).toHaveCount(0)

  // A side's briefing prints that side's sheet alone.
  await page.getByRole('button', { name: 'Start game' }).click()
  await expect(page.getByRole('heading', { level: 2, name: `Briefing: ${sides[0]}` })).toBeVisible()
  await page.getByRole('button', { name: 'Print this role sheet' }).click()
  await expect(sheets(page).getByRole('article')).toHaveCount(1)
  await expect(sheets(page).getByRole('article', { name: `Role sheet: ${sides[0]}` })).toBeVisible()
  expect(await printPdf(page, testInfo, 'role-sheet-one', 'A4')).toBeGreaterThanOrEqual(1)
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByRole('heading', { level: 2, name: `Briefing: ${sides[0]}` })).toBeVisible()
})

classroomTest(
  "a room's teacher's sheet has its code, link, QR code and students; a student prints only their own sheet",
  async ({ browser, classroom }, testInfo) => {
    classroomTest.setTimeout(360_000)
    const { base, adminKey, errors } = classroom
    const { title, sides } = proposers()
    const device = async (who) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      const page = await context.newPage()
      watchErrors(page, errors, { who })
      return page
    }
    const teacher = await device('instructor')
    const olena = await device('Olena')
    await teacher.goto(`${base}/#instructor=${adminKey}`)
    const form = teacher.getByRole('region', { name: 'New room' })
    await form.getByRole('combobox', { name: 'Scenario' }).selectOption(SCENARIO)
    await form.getByRole('textbox', { name: 'Minutes per round' }).fill('12')
    await form.getByRole('button', { name: 'Create room' }).click()
    const panel = teacher.getByRole('region', { name: /^Room [A-Z2-9]{6}: / })
    const code = /Room ([A-Z2-9]{6})/.exec(
      (await panel.getByRole('heading').first().textContent()) ?? '',
    )?.[1]
    expect(code).toMatch(/^[A-Z2-9]{6}$/)
    const link = ((await panel.locator('a.join-link').textContent()) ?? '').trim()
    expect(link).toContain(`#join=${code}`)

    await olena.goto(link)
    await olena.getByRole('textbox', { name: 'Your display name' }).fill('Olena')
    await olena.getByRole('button', { name: 'Join' }).click()
    await expect(
      olena.getByRole('heading', { level: 2, name: 'Waiting for the game to start' }),
    ).toBeVisible()
    await panel.getByRole('combobox', { name: 'Side of Olena' }).selectOption({ label: sides[0] })
    await expect(olena.getByText(`You: Olena, ${sides[0]}`)).toBeVisible()

    // The teacher's sheet: code, the same link and QR code as the panel, Olena on her side, the settings.
    await panel.getByRole('button', { name: 'Print the teacher’s sheet' }).click()
    const sheet = sheets(teacher).getByRole('article', { name: `Teacher’s sheet: room ${code}` })
    await expect(sheet).toBeVisible()
    await expect(sheet.getByText(code, { exact: true })).toBeVisible()
    await expect(sheet.getByText(link, { exact: true })).toBeVisible()
    await expect(sheet.getByRole('img', { name: `QR code of the join link ${link}` })).toBeVisible()
    await expect(sheet.getByRole('row', { name: `${sides[0]} Olena` })).toBeVisible()
    await expect(sheet.getByText('Timer: 12 min per round.')).toBeVisible()
    await expect(sheet.getByText('Difficulty: Normal.')).toBeVisible()
    await checkA11y(teacher, "print view (teacher's sheet)")
    expect(await printPdf(teacher, testInfo, 'teacher-sheet', 'A4')).toBe(1)
    expect(await printPdf(teacher, testInfo, 'teacher-sheet', 'Letter')).toBe(1)
    await printShot(teacher, testInfo, 'print-teacher-sheet')
    await teacher.getByRole('button', { name: 'Back' }).click()

    // Every side's role sheet from the dashboard.
    await panel.getByRole('button', { name: 'Print role sheets' }).click()
    await expect(sheets(teacher).getByRole('article')).toHaveCount(sides.length)
    await expect(teacher.getByRole('heading', { level: 1, name: `Role sheets: ${title}` })).toBeVisible()
    await teacher.getByRole('button', { name: 'Back' }).click()
    await expect(panel.getByRole('button', { name: 'Print role sheets' })).toBeFocused()

    // The student's device holds only her side: her sheet, and no other side's.
    const shots = shotsDir(testInfo)
    await olena.screenshot({ path: join(shots, 'print-student-lobby.png') })
    await panel.screenshot({ path: join(shots, 'print-room-panel.png') })
    await olena.getByRole('button', { name: 'Print my role sheet' }).click()
    await expect(sheets(olena).getByRole('article')).toHaveCount(1)
    await expect(sheets(olena).getByRole('article', { name: `Role sheet: ${sides[0]}` })).toBeVisible()
    await expect(sheets(olena).locator('blockquote').first()).toBeVisible()
    expect(await printPdf(olena, testInfo, 'student-sheet', 'A4')).toBeGreaterThanOrEqual(1)
    await olena.getByRole('button', { name: 'Back' }).click()
    await expect(
      olena.getByRole('heading', { level: 2, name: 'Waiting for the game to start' }),
    ).toBeVisible()
  },
)
