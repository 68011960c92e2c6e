/**
 * WCAG 2.2 AA on every screen, in English and in Ukrainian, at 320 px wide (a phone; WCAG's reflow width) and
 * at 640 px (a 1280 px window zoomed to 200%, as WCAG's reflow measures zoom): the solo game's title, set-up,
 * hand-over, briefing, table (with a card added, a request and an objection), round summary and debrief
 * (with the years after played out); and the classroom's instructor dashboard, projector view, join form,
 * waiting room and student table. On each screen (see a11y-checks.mjs):
 * - axe-core finds no violation of the rules tagged up to WCAG 2.2 AA;
 * - 1.4.10 reflow: nothing scrolls the page sideways, outside labelled regions that scroll by themselves;
 * - 2.4.11 focus not obscured: tabbing through every focusable element, each lands in the viewport and
 *   nothing covers it; 2.4.3: focus never falls to <body>;
 * - 3.1.2 language of parts: every phrase in another language than <html lang> has a `lang` (English quotes,
 *   article titles and engine messages in the Ukrainian interface);
 * - 2.5.8 target size: every button, link, select, input and summary is 24×24 px or has 24 px around it.
 * And the focus after the moves that used to lose it ("New game", "Dismiss message", "Add"), and the language
 * select, which must not switch the interface while arrow keys browse its options (3.2.2).
 */
import { axeViolations, focusFaults, langFaults, reflowFaults, targetFaults } from './a11y-checks.mjs'
import { classroomTest } from './classroom-fixtures.mjs'
import { expect, test } from './fixtures.mjs'
import { openTitle, passInterstitials, playToEnd, roundHeading } from './helpers.mjs'

/** 320 px: WCAG's reflow width. 640×400: a 1280×800 window at 200% zoom (CSS pixels halve). */
const SIZES = [
  { name: '320px', viewport: { width: 320, height: 640 } },
  { name: '200% zoom', viewport: { width: 640, height: 400 } },
]
/** What the tests type as a reason: its language is the player's, which no page can know. */
const TYPED = 'We cannot agree on this package.'

/** Every check on the page as it is; soft, so that one run names every fault of every screen. */
async function checkScreen(page, screen, { ignore = [TYPED] } = {}) {
  await expect.soft(await axeViolations(page), `axe (WCAG 2.2 AA) on ${screen}`).toEqual([])
  await expect.soft(await reflowFaults(page), `reflow (1.4.10) on ${screen}`).toEqual([])
  await expect.soft(await langFaults(page, { ignore }), `language of parts (3.1.2) on ${screen}`).toEqual([])
  await expect.soft(await targetFaults(page), `target size (2.5.8) on ${screen}`).toEqual([])
  await expect.soft(await focusFaults(page), `focus not obscured (2.4.11) on ${screen}`).toEqual([])
  await expect
    .soft(await focusFaults(page, { backward: true }), `focus not obscured (2.4.11), Shift+Tab, on ${screen}`)
    .toEqual([])
}

/** The quotes and the article titles are in the articles' language (English): in Ukrainian, they say so. */
async function englishPartsMarked(page, screen) {
  const unmarked = await page.evaluate(() =>
    [
      ...document.querySelectorAll('blockquote'),
      ...[...document.querySelectorAll('figure.statement button')].map((b) => b.querySelector('[lang]') ?? b),
    ]
      .filter((el) => el.closest('[lang]')?.getAttribute('lang') !== 'en')
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 50)}"`),
  )
  expect.soft(unmarked, `quotes and article titles without lang="en" on ${screen}`).toEqual([])
}

/** Every check, in English and then in Ukrainian (switched with the header's select, and back). */
async function bothLanguages(page, screen, options) {
  await checkScreen(page, `${screen} (English)`, options)
  await page.getByRole('combobox', { name: 'Language' }).selectOption('uk')
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk')
  await checkScreen(page, `${screen} (Ukrainian)`, options)
  await englishPartsMarked(page, `${screen} (Ukrainian)`)
  await page.getByRole('combobox', { name: 'Мова' }).selectOption('en')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
}

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${(el.textContent ?? '').trim().slice(0, 60)}`
  })

for (const size of SIZES)
  test.describe(`at ${size.name}`, () => {
    test.use({ viewport: size.viewport })

    test('the solo game, every screen, in English and Ukrainian', async ({ page, base, shot }) => {
      test.setTimeout(420_000)
      await openTitle(page, base)
      await bothLanguages(page, 'title')

      // 2.4.3: "New game" pressed from the keyboard leaves focus on the new screen's heading.
      await page.getByRole('button', { name: 'New game' }).focus()
      await page.keyboard.press('Enter')
      await expect(page.getByRole('heading', { name: 'New game' })).toBeVisible()
      expect.soft(await focused(page), 'focus after "New game"').toMatch(/^h2#screen-heading New game/)
      await bothLanguages(page, 'set-up')

      // Hot-seat: the hand-over screen, then a side's briefing.
      const humans = page.getByRole('radio', { name: 'Human' })
      await humans.nth(0).check()
      await humans.nth(1).check()
      await page.getByRole('button', { name: 'Start game' }).click()
      await expect(page.getByRole('heading', { name: /^Pass the device to / })).toBeVisible()
      await bothLanguages(page, 'hand-over')
      await page.getByRole('button', { name: /^I play .+: show my position$/ }).click()
      await expect(page.getByRole('heading', { name: /^Briefing: / })).toBeVisible()
      await bothLanguages(page, 'briefing')
      await shot(`a11y-${size.viewport.width}-briefing`, { fullPage: true })

      // A solo game from a fresh start: the table with a card added, a request and an objection.
      await page.evaluate(() => localStorage.clear())
      await openTitle(page, base)
      await page.getByRole('button', { name: 'New game' }).click()
      await page.getByRole('spinbutton', { name: 'Seed' }).fill('4')
      await page.getByRole('button', { name: 'Start game' }).click()
      await passInterstitials(page)
      await expect(roundHeading(page)).toBeVisible()

      // A refusal's notice, dismissed from the keyboard: focus goes to the screen's heading, not <body>.
      await page.getByRole('button', { name: 'Table the package' }).click()
      const dismiss = page.getByRole('button', { name: 'Dismiss message' })
      await expect(dismiss).toBeVisible()
      await dismiss.focus()
      await page.keyboard.press('Enter')
      await expect(dismiss).toHaveCount(0)
      expect.soft(await focused(page), 'focus after "Dismiss message"').not.toBe('body')

      // "Add" from the keyboard: focus stays in the play (the card's place in the package, or the next card),
      // never <body>, never the round heading.
      const add = page.getByRole('button', { name: /^Add /, disabled: false }).first()
      await add.focus()
      await page.keyboard.press('Enter')
      await expect(
        page.getByRole('list', { name: 'Items in the package' }).getByRole('listitem'),
      ).not.toHaveCount(0)
      const afterAdd = await focused(page)
      expect.soft(afterAdd, 'focus after "Add"').not.toBe('body')
      expect.soft(afterAdd, 'focus after "Add"').not.toMatch(/^h2#screen-heading/)

      await page.getByRole('button', { name: 'Request', exact: true }).first().click()
      await page.getByRole('textbox', { name: 'Reason for objecting' }).fill(TYPED)
      await page.getByRole('button', { name: 'Object', exact: true }).click()
      await expect(
        page
          .getByRole('listitem')
          .filter({ hasText: `objects: ${TYPED}` })
          .first(),
      ).toBeVisible()
      // A refusal stays in the notice bar while the table is tabbed through: it must cover no control (2.4.11).
      await page.getByRole('button', { name: 'Table the package' }).click()
      await expect(page.getByRole('button', { name: 'Dismiss message' })).toBeVisible()
      await bothLanguages(page, 'table with a notice')
      await shot(`a11y-${size.viewport.width}-table`, { fullPage: true })

      await page.getByRole('button', { name: 'End round without a package' }).click()
      await expect(page.getByRole('heading', { name: /^Round \d+ summary$/ })).toBeVisible()
      await bothLanguages(page, 'round summary')

      await playToEnd(page)
      await bothLanguages(page, 'debrief')
      await shot(`a11y-${size.viewport.width}-debrief`, { fullPage: true })
    })
  })

test('the language select does not switch the interface while arrow keys browse it (3.2.2)', async ({
  page,
  base,
}) => {
  await openTitle(page, base)
  const select = page.getByRole('combobox', { name: 'Language' })
  await select.focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('html'), 'an arrow key only browses the options').toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.locator('html'), 'Enter applies the language chosen').toHaveAttribute('lang', 'uk')
  await expect(page.getByRole('combobox', { name: 'Мова' })).toBeFocused()
})

classroomTest(
  'the classroom: dashboard, projector, join form, waiting room and student table, at 320 px and 200% zoom',
  async ({ browser, classroom }) => {
    classroomTest.setTimeout(420_000)
    const { base: server, adminKey } = classroom
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size.viewport })
      const teacher = await context.newPage()
      const student = await (await browser.newContext({ viewport: size.viewport })).newPage()
      const at = `at ${size.name}`

      await teacher.goto(`${server}/#instructor=${adminKey}`)
      await expect(teacher.getByRole('heading', { level: 2, name: 'Instructor dashboard' })).toBeVisible()
      const form = teacher.getByRole('region', { name: 'New room' })
      // The rooms made at an earlier size are listed too: the new room is the one whose code is new.
      const rooms = teacher.getByRole('heading', { level: 3, name: /^Room [A-Z2-9]{6}: / })
      const known = await rooms.allTextContents()
      await form.getByRole('button', { name: 'Create room' }).click()
      const fresh = async () => (await rooms.allTextContents()).find((text) => !known.includes(text)) ?? ''
      await expect.poll(fresh, { message: 'the new room is listed' }).not.toBe('')
      const code = /Room ([A-Z2-9]{6})/.exec(await fresh())?.[1] ?? ''
      await bothLanguages(teacher, `instructor dashboard ${at}`)

      await student.goto(`${server}/#join=${code}`)
      await expect(student.getByRole('heading', { level: 2, name: 'Join a class' })).toBeVisible()
      await bothLanguages(student, `join form ${at}`)
      await student.getByRole('textbox', { name: 'Your display name' }).fill('Olena')
      await student.getByRole('button', { name: 'Join' }).click()
      await expect(
        student.getByRole('heading', { level: 2, name: 'Waiting for the game to start' }),
      ).toBeVisible()
      await bothLanguages(student, `waiting room ${at}`)

      const panel = teacher.getByRole('region', { name: new RegExp(`^Room ${code}: `) })
      await panel.getByRole('combobox', { name: 'Side of Olena' }).selectOption({ label: 'Ukraine' })
      await expect(student.getByText('You: Olena, Ukraine')).toBeVisible()
      await panel.getByRole('button', { name: 'Projector view' }).click()
      await expect(teacher.getByRole('heading', { level: 2, name: 'Join the game' })).toBeVisible()
      await bothLanguages(teacher, `projector view ${at}`)
      await teacher.getByRole('button', { name: 'Back to the dashboard' }).click()
      await panel.getByRole('button', { name: 'Start the game' }).click()

      await expect(student.getByRole('heading', { level: 2, name: 'Briefing: Ukraine' })).toBeVisible()
      await bothLanguages(student, `student briefing ${at}`)
      await student.getByRole('button', { name: 'Go to the table' }).click()
      await expect(student.getByRole('heading', { level: 2, name: /^Round 1 of / })).toBeVisible()
      await student.getByRole('button', { name: /^Add /, disabled: false }).first().click()
      await expect(
        student.getByRole('list', { name: 'Items in the package' }).getByRole('listitem'),
      ).not.toHaveCount(0)
      await bothLanguages(student, `student table ${at}`)
      await bothLanguages(teacher, `dashboard with a room in play ${at}`)
      await context.close()
      await student.context().close()
    }
  },
)
