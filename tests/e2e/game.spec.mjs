/** The game in a browser, solo and hot-seat: every test gets a fresh page (and so a fresh localStorage). */
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures.mjs'
import {
  checkA11y,
  endingHeading,
  fitsTheWidth,
  notice,
  openSetup,
  openTitle,
  passInterstitials,
  playAs,
  playToEnd,
  roundHeading,
  showAftermath,
  startGame,
  switcherSides,
} from './helpers.mjs'

const squash = (s) => s.replace(/\s+/g, ' ').trim()
/** Curly quotes as straight ones, lower case: a quote and its highlighted source compare equal. */
const plain = (s) =>
  squash(s)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase()

test('solo game against computer partners plays to an ending with scores', async ({ page, base, shot }) => {
  await openTitle(page, base)
  await checkA11y(page, 'title')
  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.getByRole('heading', { name: 'New game' })).toBeVisible()
  await checkA11y(page, 'set-up')
  await shot('setup')
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('1')
  await page.getByRole('button', { name: 'Start game' }).click()
  await expect(page.getByRole('heading', { name: /^Briefing: / })).toBeVisible()
  await checkA11y(page, 'briefing')
  await shot('briefing', { fullPage: true })
  await passInterstitials(page)
  await expect(roundHeading(page)).toHaveText(/^Round 1 of/)
  await expect(page.getByRole('heading', { name: 'The package' })).toBeVisible()
  await checkA11y(page, 'table')
  await shot('table-solo', { fullPage: true })
  let shotResponse = true
  let shotSummary = true
  await playToEnd(page, {
    onScreen: async (heading) => {
      if (!shotSummary || !/summary$/.test(heading)) return
      shotSummary = false
      await checkA11y(page, 'round summary')
      await shot('summary', { fullPage: true })
    },
    onResponse: async () => {
      if (!shotResponse) return
      shotResponse = false
      await checkA11y(page, 'response')
      await shot('response-solo', { fullPage: true })
    },
  })
  await expect(endingHeading(page)).toBeVisible()
  await checkA11y(page, 'ending')
  const scores = page.getByRole('table', { name: 'Scores' })
  await expect(scores, 'the score table is visible').toBeVisible()
  expect(await scores.getByRole('row').count(), 'the score table has a row per side').toBeGreaterThanOrEqual(
    2,
  )
  await expect(page.getByRole('heading', { name: 'The rounds' })).toBeVisible()
  await shot('ending', { fullPage: true })
  // On a phone and a wide screen the score table fits the width, and each line's points stand apart from
  // its label, coloured by their own sign (a label is never coloured, so never green beside a loss).
  for (const width of [390, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 })
    const box = await scores.boundingBox()
    expect(box, 'the score table has a box').not.toBeNull()
    expect(box.x, `the score table starts inside ${width}px`).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, `the score table fits ${width}px (${box.width}px)`).toBeLessThanOrEqual(
      width + 1,
    )
    await fitsTheWidth(page, `debrief at ${width}px`)
    await shot(`ending-${width}`, { fullPage: true })
    const y = await page.evaluate(() => window.scrollY)
    await shot(`scores-${width}`, { fullPage: true, clip: { ...box, y: box.y + y } })
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  const lines = await scores.locator('.score-lines li').evaluateAll((items) =>
    items.map((li) => {
      const what = li.querySelector('.score-what')
      const num = li.querySelector('.num')
      return {
        text: li.textContent ?? '',
        gap: (num?.getBoundingClientRect().left ?? 0) - (what?.getBoundingClientRect().right ?? 0),
        top: (num?.getBoundingClientRect().top ?? 0) - (what?.getBoundingClientRect().top ?? 0),
        label: what ? getComputedStyle(what).color : '',
        negative: /^\s*\S*\s*[−-]/.test(num?.textContent ?? ''),
        numColour: num ? getComputedStyle(num).color : '',
        good: li.classList.contains('up'),
      }
    }),
  )
  expect(lines.length, 'the score table lists what drove each score').toBeGreaterThan(0)
  for (const l of lines) {
    expect(l.gap >= 4 || l.top > 4, `"${l.text}": the points stand apart from the label`).toBe(true)
    expect(l.negative && l.good, `"${l.text}": a loss is not marked as a gain`).toBe(false)
    expect(l.label, `"${l.text}": the label is not coloured as its points`).not.toBe(l.numColour)
  }
  await page.emulateMedia({ media: 'print' })
  await shot('debrief-print', { fullPage: true })
  await page.emulateMedia({ media: 'screen' })
  // Export as JSON, then import it: the replayed game shows the same debrief.
  const debrief = squash(await page.getByRole('main').textContent())
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export game (JSON)' }).click(),
  ])
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export results (CSV)' }).click(),
  ])
  expect(csv.suggestedFilename()).toMatch(/\.csv$/)
  const csvText = await readFile(await csv.path(), 'utf8')
  expect(csvText.split('\r\n')[0] ?? '', 'the CSV starts with a header row').toMatch(/round/i)
  await page.evaluate(() => sessionStorage.clear())
  await openTitle(page, base)
  await page.getByLabel('Game record file (JSON)').setInputFiles(await json.path())
  await expect(endingHeading(page)).toBeVisible()
  await showAftermath(page)
  await expect(notice(page).getByText(/was replayed move by move/)).toBeVisible()
  expect(squash(await page.getByRole('main').textContent()), 'the imported game has the same debrief').toBe(
    debrief,
  )
  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.getByRole('heading', { name: 'New game' })).toBeVisible()
  await openTitle(page, base)
  // The title screen lists both finished games (played and imported) with their debriefs.
  await expect(page.getByRole('button', { name: /^Open the debrief of / })).toHaveCount(2)
})

test('hot-seat: every side human, endorse via the switcher, table, read the source of a quote', async ({
  page,
  base,
  shot,
}) => {
  await openSetup(page, base)
  await startGame(page, { allHuman: true })
  const sides = await switcherSides(page)
  expect(sides.length, 'the switcher lists every human side').toBeGreaterThanOrEqual(2)
  // Switching sides passes through the hand-over screen, which hides the next side's position.
  await page.getByRole('combobox', { name: 'Playing as' }).selectOption({ label: sides[1] })
  await expect(page.getByRole('heading', { name: `Pass the device to ${sides[1]}` })).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Your stance as / }), 'no position shows').toHaveCount(0)
  await checkA11y(page, 'hand-over')
  await shot('handover')
  await page.getByRole('button', { name: `I play ${sides[1]}: show my position` }).click()
  for (const side of sides) {
    await playAs(page, side)
    await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
  }
  const items = page.getByRole('list', { name: 'Items in the package' }).getByRole('listitem')
  const added = await items.count()
  expect(added, 'the package holds what was added').toBeGreaterThanOrEqual(1)
  // The acting side withdraws its own item, then puts it back.
  await page
    .getByRole('button', { name: /^Withdraw / })
    .first()
    .click()
  await expect(items, 'withdrawing removes the item').toHaveCount(added - 1)
  await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
  await expect(items).toHaveCount(added)
  // A command the rules refuse is shown to the player.
  await page.getByRole('button', { name: 'Table the package' }).click()
  await expect(notice(page).getByText(/^Not possible:/)).toBeVisible()
  // Worded for the player: no raw code such as "Code: NOT_ALL_ENDORSED".
  await expect(notice(page)).not.toHaveText(/Code:|\b[A-Z]+_[A-Z_]+\b/)
  await shot('refusal')
  for (const width of [390, 1920]) {
    await page.setViewportSize({ width, height: 800 })
    await shot(`refusal-${width}`)
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  for (const side of sides) {
    await playAs(page, side)
    await page.getByRole('button', { name: 'Endorse', exact: true }).click()
  }
  const stances = page.getByRole('list', { name: 'Stances of the sides' })
  for (const side of sides) await expect(stances.getByText(`${side}: endorsed`)).toBeVisible()
  await page.setViewportSize({ width: 1024, height: 640 })
  await shot('table-hotseat-1024x640')
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByRole('button', { name: 'Table the package' }).click()
  await expect(page.getByRole('heading', { name: /'s response$/ })).toBeVisible()
  const quote = page.getByRole('blockquote').first()
  await expect(quote).toBeVisible()
  const quoted = plain(await quote.textContent())
  await shot('response-hotseat', { fullPage: true })
  await page
    .getByRole('button', { name: /^Open source: / })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: /^Source: / })
  await expect(dialog).toBeVisible()
  const mark = dialog.getByRole('mark')
  await expect(mark, 'the quoted passage is highlighted and in view').toBeInViewport()
  expect(plain(await mark.textContent()), 'the highlighted passage is the quote').toBe(quoted)
  await checkA11y(page, 'source dialog')
  await shot('source-dialog')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('button', { name: /^Open source: / }).first(),
    'focus returns to the button that opened the dialog',
  ).toBeFocused()
  await expect(page.getByRole('button', { name: 'Continue negotiating' })).toBeVisible()
})

test('reload mid-game resumes the same round and package', async ({ page, base, shot }) => {
  await openSetup(page, base)
  await startGame(page, { seed: 777 })
  await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
  const round = await roundHeading(page).textContent()
  const pkg = page.getByRole('region', { name: 'The package' })
  const log = page.getByRole('list', { name: /^Commands so far/ })
  const before = squash(await pkg.textContent())
  const commands = squash(await log.textContent())
  expect(before.length, 'the package was not empty').toBeGreaterThan('The package'.length)
  await page.reload()
  await expect(roundHeading(page)).toHaveText(round)
  await expect(pkg).toHaveText(before)
  await expect(log).toHaveText(commands)
  await shot('resumed')
})

test('damaged, too-new and unreplayable saves are explained on the title screen; the others still open', async ({
  page,
  base,
  shot,
}) => {
  await openSetup(page, base)
  await startGame(page, { seed: 5 })
  await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
  const round = await roundHeading(page).textContent()
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('red-lines:game:'))
    const good = JSON.parse(localStorage.getItem(key) ?? '{}')
    localStorage.setItem('red-lines:game:damage', '{"state":')
    localStorage.setItem('red-lines:game:future', JSON.stringify({ ...good, version: 99 }))
    const refused = structuredClone(good)
    refused.log.unshift({
      type: 'decide',
      side: Object.keys(good.setup.seats)[0],
      payload: { choice: 'implement' },
    })
    localStorage.setItem('red-lines:game:refuse', JSON.stringify(refused))
    // The old single-slot save of the first version, damaged: it is moved into the list and explained.
    localStorage.setItem('red-lines:save:v1', 'not json')
    sessionStorage.clear()
  })
  await page.reload()
  const saves = page.getByRole('list', { name: 'Saved games' })
  await expect(saves.getByText(/This saved game is damaged/).first()).toBeVisible()
  await expect(saves.getByText(/written by a newer version of Red Lines/)).toBeVisible()
  await expect(saves.getByText(/cannot be replayed/)).toBeVisible()
  expect(
    await page.evaluate(() => localStorage.getItem('red-lines:save:v1')),
    'the old save was moved',
  ).toBeNull()
  await checkA11y(page, 'title with damaged saves')
  await shot('title-damaged-saves', { fullPage: true })
  // The good game still opens exactly where it was.
  await page.getByRole('button', { name: /^Continue / }).click()
  await passInterstitials(page)
  await expect(roundHeading(page)).toHaveText(round)
  // Back on the title screen, a damaged save can be deleted; the too-new one is never overwritten.
  await page.evaluate(() => sessionStorage.clear())
  await openTitle(page, base)
  const damaged = page.getByRole('button', { name: /^Delete damaged save / })
  await expect(damaged.first()).toBeVisible()
  const before = await damaged.count()
  await page.getByRole('button', { name: 'Delete damaged save damage' }).click()
  await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
  await expect(damaged).toHaveCount(before - 1)
  expect(await page.evaluate(() => localStorage.getItem('red-lines:game:future') ?? '')).toMatch(
    /"version":99/,
  )
})

for (const side of ['European governments', 'United States'])
  test(`a solo game as ${side} to the debrief`, async ({ page, base, shot }) => {
    await openSetup(page, base)
    await startGame(page, { seed: 21, only: side })
    await expect(page.getByRole('heading', { name: `Your stance as ${side}` })).toBeVisible()
    await playToEnd(page)
    await expect(endingHeading(page)).toBeVisible()
    await expect(
      page.getByText(new RegExp(`${side} \\(human\\)`)).first(),
      'the debrief says who played the side',
    ).toBeVisible()
    await shot(`debrief-${side.split(' ')[0].toLowerCase()}`)
  })

test('a hot-seat game with three humans to the debrief', async ({ page, base, shot }) => {
  await openSetup(page, base)
  await startGame(page, { allHuman: true, seed: 8 })
  const sides = await switcherSides(page)
  expect(sides).toHaveLength(3)
  for (const side of sides) {
    await playAs(page, side)
    await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
  }
  await playToEnd(page)
  await expect(endingHeading(page)).toBeVisible()
  await shot('debrief-hotseat')
})

test('cards are dragged onto the package and back by pointer (mouse, pen or touch)', async ({
  page,
  base,
  shot,
}) => {
  await openSetup(page, base)
  await startGame(page, { seed: 3 })
  const items = page.getByRole('list', { name: 'Items in the package' }).getByRole('listitem')
  const before = await items.count()
  const selected = () => page.evaluate(() => document.getSelection()?.toString() ?? '')
  const drag = async (from, to) => {
    await from.scrollIntoViewIfNeeded()
    const a = await from.boundingBox()
    await page.mouse.move(a.x + 10, a.y + 5)
    await page.mouse.down()
    await page.mouse.move(a.x + 30, a.y + 30, { steps: 4 })
    await to.scrollIntoViewIfNeeded()
    const b = await to.boundingBox()
    await page.mouse.move(b.x + 40, b.y + 20, { steps: 8 })
    // Pressing and moving selects no text on the way (the page's text stays as it was).
    expect(await selected(), 'dragging a card selects no text on the page').toBe('')
    await page.mouse.up()
  }
  const card = page
    .getByRole('list', { name: 'Instrument cards' })
    .getByRole('listitem')
    .filter({ hasText: 'EU membership' })
  await drag(card.getByRole('heading').first(), page.getByRole('region', { name: 'The package' }))
  await expect(items.filter({ hasText: 'EU membership' })).toBeVisible()
  await expect(items, 'dropping a card on the package adds it').toHaveCount(before + 1)
  await shot('dragged-in')
  // Dropped on the cards panel (its heading is a point inside it that is surely on screen).
  await drag(
    items.filter({ hasText: 'EU membership' }),
    page.getByRole('heading', { name: /^Instruments .+ can put in$/ }),
  )
  await expect(items.filter({ hasText: 'EU membership' })).toHaveCount(0)
  await expect(items, 'dragging an item back to the cards withdraws it').toHaveCount(before)
})
