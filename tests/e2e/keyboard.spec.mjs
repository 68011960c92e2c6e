/**
 * Playing by keyboard alone: Tab (and Shift+Tab) move the focus as a keyboard user would, Enter presses the
 * focused button. Nothing is clicked, and focus must always be visible on what it lands on.
 */
import { expect, test } from './fixtures.mjs'
import { endingHeading, openTitle, settled } from './helpers.mjs'

/** The accessible name of the focused element, as far as a simple check can tell (label, aria-label, text). */
const focusedName = (page) =>
  page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return ''
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null)
    return (label ?? el.textContent ?? '').replace(/\s+/g, ' ').trim()
  })

/** Moves the focus with Tab until it is on a control whose name matches, checking focus is visible there. */
async function tabTo(page, name, { max = 600 } = {}) {
  const matches = (text) => (typeof name === 'string' ? text === name : name.test(text))
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const focused = await focusedName(page)
    if (matches(focused)) {
      const visible = await page.evaluate(() => {
        const el = document.activeElement
        const style = el ? getComputedStyle(el) : null
        return !!style && (style.outlineStyle !== 'none' || style.boxShadow !== 'none')
      })
      expect(visible, `focus is visible on "${focused}"`).toBe(true)
      return
    }
  }
  throw new Error(`Tab never reached a control named ${name}`)
}

/** Tabs to a button and presses Enter, then waits for the computer partners' answer. */
async function press(page, name) {
  await tabTo(page, name)
  await page.keyboard.press('Enter')
  await settled(page)
}

const INTERSTITIAL =
  /^(I play .+: show my position|Go to the table|Next: .+'s? briefing|Start round \d+|See how the game ended)$/

/** Plays a solo game from the title screen to the debrief with the keyboard only. */
async function playByKeyboard(page, { maxSteps = 120 } = {}) {
  await press(page, 'New game')
  await expect(page.getByRole('heading', { name: 'New game' })).toBeVisible()
  await press(page, 'Start game')
  const tried = new Map()
  for (let step = 0; step < maxSteps; step++) {
    await expect(page.locator('#screen-heading')).toBeVisible()
    const heading = (await page.locator('#screen-heading').textContent()) ?? ''
    if (heading.startsWith('Ending: ')) return step
    if (await page.getByRole('button', { name: INTERSTITIAL }).count()) {
      await press(page, INTERSTITIAL)
      continue
    }
    if (await page.getByRole('button', { name: 'Continue negotiating' }).count()) {
      await press(page, 'Continue negotiating')
      continue
    }
    const attempt = (tried.get(heading) ?? 0) + 1
    tried.set(heading, attempt)
    // Computer partners table the package themselves once every side endorses it.
    const tableIfStill = async () => {
      if (await page.getByRole('button', { name: 'Table the package' }).count())
        await press(page, 'Table the package')
    }
    if (attempt === 1) {
      await press(page, /^Add /)
      await press(page, 'Endorse')
      await tableIfStill()
    } else if (attempt === 2) {
      await press(page, 'Endorse')
      await tableIfStill()
    } else {
      await tabTo(page, 'Reason for objecting')
      await page.keyboard.type('We cannot agree on this package.')
      await press(page, 'Object')
      await press(page, 'End round without a package')
    }
  }
  throw new Error(`the keyboard game did not end within ${maxSteps} steps`)
}

test('a whole game by keyboard alone, from the title screen to the debrief', async ({ page, base, shot }) => {
  await openTitle(page, base)
  await page.evaluate(() => localStorage.setItem('red-lines:guide-done', '1'))
  await playByKeyboard(page)
  await expect(endingHeading(page)).toBeVisible()
  await shot('keyboard-ending')
})
