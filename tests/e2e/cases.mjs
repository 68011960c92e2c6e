/** The browser test cases: each gets a fresh page (and so a fresh localStorage). */
import assert from 'node:assert/strict'
import { aftermathCase, aftermathShowAllCase } from './aftermath.mjs'
import { authoringCases } from './authoring.mjs'
import { fidelityCase } from './fidelity.mjs'
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
import { playByKeyboard } from './keyboard.mjs'
import { languageCase } from './language.mjs'
import { leaveCases } from './leave.mjs'
import { tabletCase } from './tablet.mjs'

const squash = (s) => s.replace(/\s+/g, ' ').trim()

export const cases = [
  {
    name: 'solo game against computer partners plays to an ending with scores',
    async run({ page, base, shot }) {
      await openTitle(page, base)
      await checkA11y(page, 'title')
      await page.getByRole('button', { name: 'New game' }).click()
      await page.getByRole('heading', { name: 'New game' }).waitFor()
      await checkA11y(page, 'set-up')
      await shot('setup')
      await page.getByRole('spinbutton', { name: 'Seed' }).fill('1')
      await page.getByRole('button', { name: 'Start game' }).click()
      await page.getByRole('heading', { name: /^Briefing: / }).waitFor()
      await checkA11y(page, 'briefing')
      await shot('briefing', { fullPage: true })
      await passInterstitials(page)
      await roundHeading(page).waitFor()
      assert.match(await roundHeading(page).textContent(), /^Round 1 of/)
      await page.getByRole('heading', { name: 'The package' }).waitFor()
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
      await endingHeading(page).waitFor()
      await checkA11y(page, 'ending')
      const scores = page.getByRole('table', { name: 'Scores' })
      assert.ok(await scores.isVisible(), 'the score table is visible')
      assert.ok((await scores.getByRole('row').count()) >= 2, 'the score table has a row per side')
      await page.getByRole('heading', { name: 'The rounds' }).waitFor()
      await shot('ending', { fullPage: true })
      // On a phone and a wide screen the score table fits the width, and each line's points stand apart from
      // its label, coloured by their own sign (a label is never coloured, so never green beside a loss).
      for (const width of [390, 1280, 1920]) {
        await page.setViewportSize({ width, height: 900 })
        const box = await scores.boundingBox()
        assert.ok(
          box && box.x >= 0 && box.x + box.width <= width + 1,
          `the score table fits ${width}px (${box?.width}px)`,
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
      assert.ok(lines.length > 0, 'the score table lists what drove each score')
      for (const l of lines) {
        assert.ok(l.gap >= 4 || l.top > 4, `"${l.text}": the points stand apart from the label`)
        assert.ok(!(l.negative && l.good), `"${l.text}": a loss is not marked as a gain`)
        assert.notEqual(l.label, l.numColour, `"${l.text}": the label is not coloured as its points`)
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
      assert.match(csv.suggestedFilename(), /\.csv$/)
      const csvText = await (await import('node:fs/promises')).readFile(await csv.path(), 'utf8')
      assert.match(csvText.split('\r\n')[0] ?? '', /round/i, 'the CSV starts with a header row')
      await page.evaluate(() => sessionStorage.clear())
      await openTitle(page, base)
      await page.getByLabel('Game record file (JSON)').setInputFiles(await json.path())
      await endingHeading(page).waitFor()
      await showAftermath(page)
      await notice(page)
        .getByText(/was replayed move by move/)
        .waitFor()
      assert.equal(
        squash(await page.getByRole('main').textContent()),
        debrief,
        'the imported game has the same debrief',
      )
      await page.getByRole('button', { name: 'New game' }).click()
      await page.getByRole('heading', { name: 'New game' }).waitFor()
      await openTitle(page, base)
      // The title screen lists both finished games (played and imported) with their debriefs.
      assert.equal(await page.getByRole('button', { name: /^Open the debrief of / }).count(), 2)
    },
  },
  {
    name: 'hot-seat: every side human, endorse via the switcher, table, read the source of a quote',
    async run({ page, base, shot }) {
      await openSetup(page, base)
      await startGame(page, { allHuman: true })
      const sides = await switcherSides(page)
      assert.ok(sides.length >= 2, 'the switcher lists every human side')
      // Switching sides passes through the hand-over screen, which hides the next side's position.
      await page.getByRole('combobox', { name: 'Playing as' }).selectOption({ label: sides[1] })
      await page.getByRole('heading', { name: `Pass the device to ${sides[1]}` }).waitFor()
      assert.equal(
        await page.getByRole('heading', { name: /^Your stance as / }).count(),
        0,
        'no position shows',
      )
      await checkA11y(page, 'hand-over')
      await shot('handover')
      await page.getByRole('button', { name: `I play ${sides[1]}: show my position` }).click()
      for (const side of sides) {
        await playAs(page, side)
        await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
      }
      const items = page.getByRole('list', { name: 'Items in the package' }).getByRole('listitem')
      const added = await items.count()
      assert.ok(added >= 1, 'the package holds what was added')
      // The acting side withdraws its own item, then puts it back.
      await page
        .getByRole('button', { name: /^Withdraw / })
        .first()
        .click()
      assert.equal(await items.count(), added - 1, 'withdrawing removes the item')
      await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
      assert.equal(await items.count(), added)
      // A command the rules refuse is shown to the player.
      await page.getByRole('button', { name: 'Table the package' }).click()
      await notice(page)
        .getByText(/^Not possible:/)
        .waitFor()
      // Worded for the player: no raw code such as "Code: NOT_ALL_ENDORSED".
      assert.doesNotMatch(await notice(page).textContent(), /Code:|\b[A-Z]+_[A-Z_]+\b/)
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
      for (const side of sides) await stances.getByText(`${side}: endorsed`).waitFor()
      await page.setViewportSize({ width: 1024, height: 640 })
      await shot('table-hotseat-1024x640')
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.getByRole('button', { name: 'Table the package' }).click()
      await page.getByRole('heading', { name: /'s response$/ }).waitFor()
      const quote = page.getByRole('blockquote').first()
      await quote.waitFor()
      const quoted = squash(await quote.textContent())
      await shot('response-hotseat', { fullPage: true })
      const open = page.getByRole('button', { name: /^Open source: / }).first()
      await open.click()
      const dialog = page.getByRole('dialog', { name: /^Source: / })
      await dialog.waitFor()
      const mark = dialog.getByRole('mark')
      assert.ok(await mark.isVisible(), 'the quoted passage is highlighted and in view')
      const marked = squash(await mark.textContent())
        .replace(/[\u2018\u2019]/g, "'")
        .replace(/[\u201c\u201d]/g, '"')
      assert.equal(
        marked.toLowerCase(),
        quoted
          .replace(/[\u2018\u2019]/g, "'")
          .replace(/[\u201c\u201d]/g, '"')
          .toLowerCase(),
      )
      await checkA11y(page, 'source dialog')
      await shot('source-dialog')
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'hidden' })
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '')
      assert.match(focused, /^Open source: /, 'focus returns to the button that opened the dialog')
      await page.getByRole('button', { name: 'Continue negotiating' }).waitFor()
    },
  },
  {
    name: 'reload mid-game resumes the same round and package',
    async run({ page, base, shot }) {
      await openSetup(page, base)
      await startGame(page, { seed: 777 })
      await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
      const round = await roundHeading(page).textContent()
      const pkg = page.getByRole('region', { name: 'The package' })
      const before = squash(await pkg.textContent())
      const log = squash(await page.getByRole('list', { name: /^Commands so far/ }).textContent())
      await page.reload()
      await roundHeading(page).waitFor()
      assert.equal(await roundHeading(page).textContent(), round)
      assert.equal(squash(await pkg.textContent()), before)
      assert.equal(squash(await page.getByRole('list', { name: /^Commands so far/ }).textContent()), log)
      assert.ok(before.length > 'The package'.length, 'the package was not empty')
      await shot('resumed')
    },
  },
  {
    name: 'damaged, too-new and unreplayable saves are explained on the title screen; the others still open',
    async run({ page, base, shot }) {
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
        refused.state.log.unshift({
          type: 'decide',
          side: Object.keys(good.state.setup.seats)[0],
          payload: { choice: 'implement' },
        })
        localStorage.setItem('red-lines:game:refuse', JSON.stringify(refused))
        // The old single-slot save of the first version, damaged: it is moved into the list and explained.
        localStorage.setItem('red-lines:save:v1', 'not json')
        sessionStorage.clear()
      })
      await page.reload()
      const saves = page.getByRole('list', { name: 'Saved games' })
      await saves
        .getByText(/This saved game is damaged/)
        .first()
        .waitFor()
      await saves.getByText(/written by a newer version of Red Lines/).waitFor()
      await saves.getByText(/cannot be replayed/).waitFor()
      assert.equal(
        await page.evaluate(() => localStorage.getItem('red-lines:save:v1')),
        null,
        'the old save was moved',
      )
      await checkA11y(page, 'title with damaged saves')
      await shot('title-damaged-saves', { fullPage: true })
      // The good game still opens exactly where it was.
      await page.getByRole('button', { name: /^Continue / }).click()
      await passInterstitials(page)
      assert.equal(await roundHeading(page).textContent(), round)
      // Back on the title screen, a damaged save can be deleted; the too-new one is never overwritten.
      await page.evaluate(() => sessionStorage.clear())
      await openTitle(page, base)
      const before = await page.getByRole('button', { name: /^Delete damaged save / }).count()
      await page.getByRole('button', { name: 'Delete damaged save damage' }).click()
      await page.getByRole('heading', { name: 'Saved games' }).waitFor()
      assert.equal(await page.getByRole('button', { name: /^Delete damaged save / }).count(), before - 1)
      assert.match(
        await page.evaluate(() => localStorage.getItem('red-lines:game:future') ?? ''),
        /"version":99/,
      )
    },
  },
  {
    name: 'a whole game by keyboard alone, from the title screen to the debrief',
    async run({ page, base, shot }) {
      await openTitle(page, base)
      await page.evaluate(() => localStorage.setItem('red-lines:guide-done', '1'))
      await playByKeyboard(page)
      await endingHeading(page).waitFor()
      await shot('keyboard-ending')
    },
  },
  ...['European governments', 'United States'].map((side) => ({
    name: `a solo game as ${side} to the debrief`,
    async run({ page, base, shot }) {
      await openSetup(page, base)
      await startGame(page, { seed: 21, only: side })
      await page.getByRole('heading', { name: `Your stance as ${side}` }).waitFor()
      await playToEnd(page)
      await endingHeading(page).waitFor()
      const played = page.getByText(new RegExp(`${side} \\(human\\)`)).first()
      assert.ok(await played.isVisible(), 'the debrief says who played the side')
      await shot(`debrief-${side.split(' ')[0].toLowerCase()}`)
    },
  })),
  {
    name: 'a hot-seat game with three humans to the debrief',
    async run({ page, base, shot }) {
      await openSetup(page, base)
      await startGame(page, { allHuman: true, seed: 8 })
      const sides = await switcherSides(page)
      assert.equal(sides.length, 3)
      for (const side of sides) {
        await playAs(page, side)
        await page.getByRole('button', { name: /^Add /, disabled: false }).first().click()
      }
      await playToEnd(page)
      await endingHeading(page).waitFor()
      await shot('debrief-hotseat')
    },
  },
  {
    name: 'cards are dragged onto the package and back by pointer (mouse, pen or touch)',
    async run({ page, base, shot }) {
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
        assert.equal(await selected(), '', 'dragging a card selects no text on the page')
        await page.mouse.up()
      }
      const card = page
        .getByRole('list', { name: 'Instrument cards' })
        .getByRole('listitem')
        .filter({ hasText: 'EU membership' })
      await drag(card.getByRole('heading').first(), page.getByRole('region', { name: 'The package' }))
      await items.filter({ hasText: 'EU membership' }).waitFor()
      assert.equal(await items.count(), before + 1, 'dropping a card on the package adds it')
      await shot('dragged-in')
      // Dropped on the cards panel (its heading is a point inside it that is surely on screen).
      await drag(
        items.filter({ hasText: 'EU membership' }),
        page.getByRole('heading', { name: /^Instruments .+ can put in$/ }),
      )
      await items.filter({ hasText: 'EU membership' }).waitFor({ state: 'detached' })
      assert.equal(await items.count(), before, 'dragging an item back to the cards withdraws it')
    },
  },
  tabletCase,
  languageCase,
  aftermathCase,
  aftermathShowAllCase,
  fidelityCase,
  ...leaveCases,
  ...authoringCases,
]
