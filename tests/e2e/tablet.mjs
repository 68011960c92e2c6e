/**
 * A game on a tablet held upright (820×1180, touch screen): every control is tapped, a card is dragged onto the
 * package with a finger (real touch events through the DevTools protocol, which the browser turns into pointer
 * events as a tablet would), and on every screen nothing is wider than the screen, so no text hides off to the
 * side. Screenshots of each screen go with the other artifacts.
 */
import assert from 'node:assert/strict'
import {
  endingHeading,
  endorseUntilRussiaAnswers,
  fitsTheWidth,
  playToEnd,
  roundHeading,
} from './helpers.mjs'

const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true }

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

export const tabletCase = {
  name: 'a game on a tablet by touch: taps, a finger drag, and every screen fits the width',
  context: TABLET,
  async run({ page, base, shot }) {
    await page.goto(base)
    await page.evaluate(() => localStorage.setItem('red-lines:guide-done', '1'))
    await page.getByRole('heading', { name: 'Saved games' }).waitFor()
    await fitsTheWidth(page, 'title')
    await shot('tablet-title')
    await page.getByRole('button', { name: 'New game' }).tap()
    await page.getByRole('heading', { name: 'New game' }).waitFor()
    await fitsTheWidth(page, 'set-up')
    await shot('tablet-setup')
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('5')
    await page.getByRole('button', { name: 'Start game' }).tap()
    await page.getByRole('heading', { name: /^Briefing: / }).waitFor()
    await fitsTheWidth(page, 'briefing')
    await shot('tablet-briefing')
    await page.getByRole('button', { name: 'Go to the table' }).tap()
    await roundHeading(page).waitFor()
    await fitsTheWidth(page, 'table')
    await shot('tablet-table')

    const items = page.getByRole('list', { name: 'Items in the package' }).getByRole('listitem')
    const before = await items.count()
    await page.getByRole('button', { name: /^Add EU membership/ }).tap()
    await items.filter({ hasText: 'EU membership' }).first().waitFor()
    const card = page.getByRole('list', { name: 'Instrument cards' }).getByRole('listitem').filter({
      hasText: 'Elections in Ukraine',
    })
    await fingerDrag(
      page,
      card.getByRole('heading').first(),
      page.getByRole('region', { name: 'The package' }),
    )
    await items.filter({ hasText: 'Elections in Ukraine' }).first().waitFor()
    assert.equal(await items.count(), before + 2, 'a tapped card and a card dragged by finger are both added')
    await shot('tablet-dragged')

    // Endorse, round after round, until Russia answers: the computer partners hold out for their own package at
    // first and end the round untabled while they object; each round summary passed fits the width too.
    let summaries = 0
    await endorseUntilRussiaAnswers(page, {
      press: (control) => control.tap(),
      lostTaps: true,
      onSummary: async () => {
        if (summaries++ > 0) return
        await fitsTheWidth(page, 'round summary')
        await shot('tablet-summary')
      },
    })
    await fitsTheWidth(page, 'response')
    await shot('tablet-response')
    await playToEnd(page)
    await endingHeading(page).waitFor()
    await fitsTheWidth(page, 'debrief')
    await shot('tablet-debrief', { fullPage: true })
  },
}
