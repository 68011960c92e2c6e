/**
 * Browser test of the table's messages (src/client/render/messages.ts). In a classroom room (see
 * classroom-fixtures.mjs) three students on three sides, one without a side, and the instructor: a private
 * message reaches its two sides and not the third, a public one everyone (the student without a side reads
 * it, and cannot write; a student alone on a side has no Team tab until a teammate joins), the instructor
 * reads every channel with its authors and mutes a student: their box says so, and their next message is
 * refused in words next to it. At a shared screen (hot-seat), the table's messages are a log the acting side
 * writes in, and each message is in the table's log of moves. Controls are found by role and accessible name;
 * each device is one a student would use (a laptop, a phone by touch, the keyboard).
 */
import { join } from 'node:path'
import { classroomTest, joinByLink } from './classroom-fixtures.mjs'
import { expect, shotsDir, test, watchErrors } from './fixtures.mjs'
import { checkA11y, fitsTheWidth, openSetup, startGame } from './helpers.mjs'

const LAPTOP = { viewport: { width: 1280, height: 800 } }
const WIDE = { viewport: { width: 1920, height: 1080 } }
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }
const SCENARIO = 'guarantees-2025'
const SECRET = 'Between us: we could accept the buffer zone if you drop the asset seizure.'
const PUBLIC = 'The United States will back a force only with a clear exit plan.'
const MUTED = 'The instructor has muted your messages: you can still play your moves.'
const MUTED_LINE = 'The instructor has muted you: you can read messages but not send them.'

const round = (page, n) => page.getByRole('heading', { level: 2, name: `Round ${n} of 6` })
const messages = (page) => page.getByRole('region', { name: 'Messages', exact: true })

/** Screenshots of `page` at a phone's, a laptop's and a wide screen's width, the messages panel in view. */
async function shots(page, dir, name) {
  for (const width of [390, 1280, 1920]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : width === 1280 ? 800 : 1080 })
    await fitsTheWidth(page, `${name} at ${width} px`)
    await messages(page).scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(dir, `${name}-${width}.png`) })
  }
}

test('hot-seat: the acting side writes to the table, and each message is in the table’s log', async ({
  page,
  base,
}, testInfo) => {
  await openSetup(page, base)
  await startGame(page, { allHuman: true })
  const panel = messages(page)
  await expect(panel.getByRole('tab'), 'a shared screen has the table’s channel only').toHaveCount(0)
  await expect(panel.getByText('No messages yet.')).toBeVisible()
  const box = panel.getByRole('textbox', { name: 'Message to the table' })
  // An empty message is not sent, and the field says why.
  await panel.getByRole('button', { name: 'Send' }).click()
  await expect(panel.getByRole('alert').getByText('Write the message first.')).toBeVisible()
  await expect(box).toBeFocused()
  // By keyboard: type, then Ctrl+Enter sends; a message with markup in it is shown as the text typed.
  const text = 'Ukraine asks for <b>guarantees</b> before any ceasefire.'
  await box.fill(text)
  await expect(panel.getByText(`${text.length} of 500 characters`)).toBeVisible()
  await box.press('Control+Enter')
  const list = panel.getByRole('list', { name: 'Messages: Table (public), oldest first' })
  await expect(list.getByText(text, { exact: true })).toBeVisible()
  await expect(list.locator('b'), 'a message is text, never markup').toHaveCount(0)
  await expect(box, 'the box is emptied once the message is at the table').toHaveValue('')
  await expect(
    page
      .getByRole('list', { name: 'Commands so far, newest first' })
      .getByText(`Ukraine (human) says to the table: ${text}`),
  ).toBeVisible()
  // Too long: the counter says by how much, and nothing is sent.
  await box.fill('x'.repeat(503))
  await expect(panel.getByText('3 characters over the 500 allowed')).toBeVisible()
  await panel.getByRole('button', { name: 'Send' }).click()
  await expect(panel.getByRole('alert').getByText('A message has at most 500 characters')).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await box.fill('')
  await checkA11y(page, 'table with messages')
  await shots(page, shotsDir(testInfo), 'messages-hot-seat')
})

classroomTest(
  'classroom: private messages reach their two sides only, public ones everyone; the instructor reads all and mutes',
  async ({ browser, classroom }, testInfo) => {
    classroomTest.setTimeout(300_000)
    const { errors, base, adminKey } = classroom
    const dir = shotsDir(testInfo)
    const device = async (options, who) => {
      const context = await browser.newContext(options)
      const page = await context.newPage()
      page.setDefaultTimeout(30_000)
      watchErrors(page, errors, { who })
      return page
    }
    const teacher = await device(WIDE, 'instructor')
    const olena = await device(LAPTOP, 'Olena')
    const taras = await device(LAPTOP, 'Taras')
    const marta = await device(PHONE, 'Marta')
    const bohdan = await device(LAPTOP, 'Bohdan (no side)')
    const students = [olena, taras, marta]

    await teacher.goto(`${base}/#instructor=${adminKey}`)
    const form = teacher.getByRole('region', { name: 'New room' })
    await form.getByRole('combobox', { name: 'Scenario' }).selectOption(SCENARIO)
    await form.getByRole('button', { name: 'Create room' }).click()
    const heading = teacher.getByRole('heading', { level: 3, name: /^Room [A-Z2-9]{6}: Red Lines/ })
    await expect(heading).toBeVisible()
    const code = /Room ([A-Z2-9]{6})/.exec((await heading.textContent()) ?? '')?.[1] ?? ''
    const panel = teacher.getByRole('region', { name: /^Room [A-Z2-9]{6}: Red Lines/ })
    const link = `${base}/#join=${code}`
    await joinByLink(olena, link, 'Olena')
    await joinByLink(taras, link, 'Taras')
    await joinByLink(marta, link, 'Marta')
    await joinByLink(bohdan, link, 'Bohdan')
    const sides = { Olena: 'Ukraine', Taras: 'European governments', Marta: 'United States' }
    for (const [name, side] of Object.entries(sides))
      await panel.getByRole('combobox', { name: `Side of ${name}` }).selectOption({ label: side })
    await expect(marta.getByText('You: Marta, United States')).toBeVisible()
    await panel.getByRole('button', { name: 'Start the game' }).click()
    for (const page of students) {
      await page.getByRole('button', { name: 'Go to the table' }).click()
      await expect(round(page, 1)).toBeVisible()
    }

    // Each student has the table and a private line to each other side, the table open; alone on their
    // side, no team.
    await expect(messages(olena).getByRole('tab')).toHaveText([
      'Table (public)',
      'Private: European governments',
      'Private: United States',
    ])
    await expect(messages(olena).getByRole('tab', { name: 'Table (public)' })).toHaveAttribute(
      'aria-selected',
      'true',
    )

    // Ukraine writes privately to Europe: by keyboard, the arrow keys move along the tabs.
    await messages(olena).getByRole('tab', { name: 'Table (public)' }).focus()
    await olena.keyboard.press('ArrowRight')
    const toEurope = messages(olena).getByRole('tab', { name: 'Private: European governments' })
    await expect(toEurope).toBeFocused()
    await expect(toEurope).toHaveAttribute('aria-selected', 'true')
    await olena.keyboard.press('Tab')
    const privateBox = messages(olena).getByRole('textbox', {
      name: 'Private message to European governments',
    })
    await expect(privateBox).toBeFocused()
    await olena.keyboard.type(SECRET)
    await olena.keyboard.press('Tab')
    await olena.keyboard.press('Enter')
    await expect(messages(olena).getByText(SECRET)).toBeVisible()

    // Europe's screen reader is told who wrote, to whom and what; the tab counts one new message.
    await expect(taras.locator('[aria-live="polite"]')).toContainText(
      `Message from Olena · Ukraine privately to European governments: ${SECRET}`,
    )
    // Europe opens it by mouse and reads who wrote it.
    const fromUkraine = messages(taras).getByRole('tab', { name: 'Private: Ukraine' })
    await expect(fromUkraine).toHaveText('Private: Ukraine 1 new')
    await messages(taras).screenshot({ path: join(dir, 'messages-unread-1280.png') })
    await fromUkraine.click()
    const line = messages(taras).getByRole('listitem').filter({ hasText: SECRET })
    await expect(line.getByText('Olena · Ukraine')).toBeVisible()
    await expect(fromUkraine).toHaveText('Private: Ukraine')

    // The United States writes to the table on a phone, by touch; everyone reads it, the senders included.
    const tableBox = messages(marta).getByRole('textbox', { name: 'Message to the table' })
    await tableBox.tap()
    await tableBox.fill(PUBLIC)
    await messages(marta).getByRole('button', { name: 'Send' }).tap()
    await expect(tableBox).toHaveValue('')
    await expect(messages(olena).getByRole('tab', { name: 'Table (public)' })).toHaveText(
      'Table (public) 1 new',
    )
    for (const page of students) {
      await messages(page).getByRole('tab', { name: 'Table (public)' }).click()
      await expect(
        messages(page).getByRole('listitem').filter({ hasText: PUBLIC }).getByText('Marta · United States'),
      ).toBeVisible()
    }
    // The third side never received the private message: not in its messages, its log, anywhere on its page.
    await expect(marta.getByText(SECRET)).toHaveCount(0)
    expect(await marta.locator('body').textContent()).not.toContain('Between us')
    for (const tab of await messages(marta).getByRole('tab').all()) {
      await tab.click()
      await expect(messages(marta).getByText(SECRET)).toHaveCount(0)
    }
    // A student without a side reads the table's messages only, and has nothing to write with.
    await expect(round(bohdan, 1)).toBeVisible()
    await expect(messages(bohdan).getByRole('listitem').filter({ hasText: PUBLIC })).toBeVisible()
    await expect(messages(bohdan).getByRole('tab')).toHaveCount(0)
    await expect(messages(bohdan).getByRole('textbox')).toHaveCount(0)
    await expect(bohdan.getByText(SECRET)).toHaveCount(0)
    await checkA11y(marta, 'student table with messages')
    await shots(olena, dir, 'messages-classroom-student')

    // The instructor reads every channel, each message with its author and where it went.
    const all = panel.getByRole('list', { name: 'Every message on every channel, oldest first' })
    await expect(all.getByRole('listitem')).toHaveCount(2)
    await expect(all.getByRole('listitem').first()).toContainText('Olena · Ukraine')
    await expect(all.getByRole('listitem').first()).toContainText('privately to European governments')
    await expect(all.getByRole('listitem').first()).toContainText(SECRET)
    await expect(all.getByRole('listitem').nth(1)).toContainText('Marta · United States')
    await expect(all.getByRole('listitem').nth(1)).toContainText('to the table')

    // Muting Taras: the dashboard says so, and Taras's box says so above it for as long as it holds.
    await panel.getByRole('button', { name: 'Mute Taras' }).click()
    await expect(panel.getByText('Taras is muted: their messages are refused.')).toBeVisible()
    const tarasBox = messages(taras).getByRole('textbox', { name: 'Message to the table' })
    await expect(messages(taras).getByText(MUTED_LINE)).toBeVisible()
    await expect(tarasBox).toHaveAccessibleDescription(new RegExp(MUTED_LINE.replace('.', '\\.')))
    await expect(panel.getByRole('button', { name: 'Unmute Taras' })).toBeVisible()
    await checkA11y(teacher, 'dashboard with messages')
    await all.scrollIntoViewIfNeeded()
    await teacher.screenshot({ path: join(dir, 'messages-instructor-1920.png') })
    // His next message is refused in words next to the box, where he pressed Send (not at the page's top),
    // and the box keeps it; his moves go on.
    await tarasBox.fill('Europe objects to this whole idea.')
    const send = messages(taras).getByRole('button', { name: 'Send' })
    await send.scrollIntoViewIfNeeded()
    await send.click()
    const refusal = messages(taras).getByRole('alert').getByText(MUTED)
    await expect(refusal).toBeVisible()
    await expect(refusal, 'the refusal shows where Send was pressed').toBeInViewport()
    await expect(taras.getByText(MUTED), 'said once, by the box').toHaveCount(1)
    await expect(tarasBox).toHaveAttribute('aria-invalid', 'true')
    await expect(tarasBox).toHaveAccessibleDescription(new RegExp(`^${MUTED}`))
    await expect(tarasBox, 'a refused message stays in the box').toHaveValue(
      'Europe objects to this whole idea.',
    )
    await checkA11y(taras, 'muted student’s table')
    for (const width of [390, 1280]) {
      await taras.setViewportSize({ width, height: width === 390 ? 844 : 800 })
      await fitsTheWidth(taras, `muted compose box at ${width} px`)
      await send.scrollIntoViewIfNeeded()
      await taras.screenshot({ path: join(dir, `messages-muted-${width}.png`) })
    }
    await taras.setViewportSize(LAPTOP.viewport)
    await taras.getByRole('button', { name: 'Endorse', exact: true }).click()
    await expect(
      olena.getByRole('listitem').filter({ hasText: 'European governments: endorsed' }),
    ).toBeVisible()
    await expect(olena.getByText('Europe objects to this whole idea.')).toHaveCount(0)

    // Unmuted, the same message goes through.
    await panel.getByRole('button', { name: 'Unmute Taras' }).click()
    await expect(panel.getByText('Taras can send messages again.')).toBeVisible()
    await expect(messages(taras).getByText(MUTED_LINE)).toHaveCount(0)
    await send.click()
    await expect(messages(olena).getByText('Europe objects to this whole idea.')).toBeVisible()
    await expect(all.getByRole('listitem')).toHaveCount(3)
    await expect(tarasBox).not.toHaveAttribute('aria-invalid', 'true')

    // A teammate joins Olena's side: her Team tab appears.
    await panel.getByRole('combobox', { name: 'Side of Bohdan' }).selectOption({ label: 'Ukraine' })
    await expect(messages(olena).getByRole('tab', { name: 'Team' })).toBeVisible()
  },
)
