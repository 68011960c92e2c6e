/**
 * A game on a tablet held upright (820×1180, touch screen): every control is tapped, once (a tap that brings
 * nothing fails the test: it is never given again), a card is dragged onto the package with a finger (real
 * touch events through the DevTools protocol, which the browser turns into pointer events as a tablet would),
 * and on every screen nothing is wider than the screen, so no text hides off to the side. Screenshots of each
 * screen go with the other artifacts.
 */
import { expect, test } from './fixtures.mjs'
import {
  endingHeading,
  endorseUntilRussiaAnswers,
  fitsTheWidth,
  playToEnd,
  roundHeading,
} from './helpers.mjs'

test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true })

/** Drags `from` onto `to` with one finger. */
async function fingerDrag(page, from, to) {
  const cdp = await page.context().newCDPSession(page)
  await from.scrollIntoViewIfNeeded()
  const a = await from.boundingBox()
  const start = { x: a.x + 12, y: a.y + 8 }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [start] })
  await to.scrollIntoViewIfNeeded().catch(() => {})
  const b = await to.boundingBox()
  const end = { x: b.x + 40, y: b.y + 20 }
  for (let i = 1; i <= 10; i++) {
    const point = { x: start.x + ((end.x - start.x) * i) / 10, y: start.y + ((end.y - start.y) * i) / 10 }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] })
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

test('a game on a tablet by touch: taps, a finger drag, and every screen fits the width', async ({
  page,
  base,
  shot,
}) => {
  await page.goto(base)
  await page.evaluate(() => localStorage.setItem('red-lines:guide-done', '1'))
  await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
  await fitsTheWidth(page, 'title')
  await shot('tablet-title')
  await page.getByRole('button', { name: 'New game' }).tap()
  await expect(page.getByRole('heading', { name: 'New game' })).toBeVisible()
  await fitsTheWidth(page, 'set-up')
  await shot('tablet-setup')
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('5')
  await page.getByRole('button', { name: 'Start game' }).tap()
  await expect(page.getByRole('heading', { name: /^Briefing: / })).toBeVisible()
  await fitsTheWidth(page, 'briefing')
  await shot('tablet-briefing')
  await page.getByRole('button', { name: 'Go to the table' }).tap()
  await expect(roundHeading(page)).toBeVisible()
  await fitsTheWidth(page, 'table')
  await shot('tablet-table')

  const items = page.getByRole('list', { name: 'Items in the package' }).getByRole('listitem')
  const before = await items.count()
  await page.getByRole('button', { name: /^Add EU membership/ }).tap()
  await expect(items.filter({ hasText: 'EU membership' }).first()).toBeVisible()
  const card = page.getByRole('list', { name: 'Instrument cards' }).getByRole('listitem').filter({
    hasText: 'Elections in Ukraine',
  })
  await fingerDrag(page, card.getByRole('heading').first(), page.getByRole('region', { name: 'The package' }))
  await expect(items.filter({ hasText: 'Elections in Ukraine' }).first()).toBeVisible()
  await expect(items, 'a tapped card and a card dragged by finger are both added').toHaveCount(before + 2)
  await shot('tablet-dragged')

  // Endorse, round after round, until Russia answers: the computer partners hold out for their own package at
  // first and end the round untabled while they object; each round summary passed fits the width too. Each
  // tap on "Endorse" is given once and must move the round on.
  let summaries = 0
  await endorseUntilRussiaAnswers(page, {
    press: (control) => control.tap(),
    onSummary: async () => {
      if (summaries++ > 0) return
      await fitsTheWidth(page, 'round summary')
      await shot('tablet-summary')
    },
  })
  await fitsTheWidth(page, 'response')
  await shot('tablet-response')
  await playToEnd(page)
  await expect(endingHeading(page)).toBeVisible()
  await fitsTheWidth(page, 'debrief')
  await shot('tablet-debrief', { fullPage: true })
})
