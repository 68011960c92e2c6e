/**
 * Shared steps for the browser tests (and the browser bench, scripts/bench-browser.mjs, which plays a game
 * with them outside the test runner). Controls are found only by accessible role and name, as a player using
 * a screen reader or a keyboard would find them; every wait is one of Playwright's waiting assertions.
 */
import { expect as playwrightExpect } from '@playwright/test'

/**
 * Playwright's waiting assertions: in the test runner with the configured timeout; outside it (the bench),
 * with a timeout as generous as the runner's, where the default would be 5 s.
 */
const expect =
  process.env.TEST_WORKER_INDEX === undefined
    ? playwrightExpect.configure({ timeout: 30_000 })
    : playwrightExpect

/** Opens the page at the title screen. */
export async function openTitle(page, base) {
  await page.goto(base)
  await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
}

/** Opens the page and goes from the title screen to the set-up screen. */
export async function openSetup(page, base) {
  await openTitle(page, base)
  await page.getByRole('button', { name: 'New game' }).click()
  await expect(page.getByRole('heading', { name: 'New game' })).toBeVisible()
}

/** The "Round N of M" heading of the table screen. */
export const roundHeading = (page) => page.getByRole('heading', { name: /^Round \d+ of \d+$/ })

/** The heading of the ending screen. */
export const endingHeading = (page) => page.getByRole('heading', { name: /^Ending: / })

/**
 * Plays out at once the years after a deal or an imposition, when the ending has them ("Show all"): the
 * scores and the rest of the debrief show only once they are played out.
 */
export async function showAftermath(page) {
  const all = page.getByRole('button', { name: /^(Show all|Показати все)$/ })
  if (!(await all.isVisible())) return
  await all.click()
  await expect(page.getByRole('heading', { name: /^(Outcome|Підсумок): / })).toBeVisible()
}

/** The message shown when the rules refuse a command (or a note or warning). */
export const notice = (page) => page.getByRole('alert')

/**
 * Starts a game with the default setup (first proposer human, the rest computer), or with every side human;
 * `instructor` ticks the instructor or author mode (the Backstage).
 */
export async function startGame(page, { allHuman = false, seed = 12345, only, instructor = false } = {}) {
  if (only) {
    const seats = page.getByRole('group', { name: 'Who plays each side' }).getByRole('group')
    for (let i = 0; i < (await seats.count()); i++) {
      const group = seats.nth(i)
      const legend = ((await group.locator('legend').first().textContent()) ?? '').trim()
      await group.getByRole('radio', { name: legend === only ? 'Human' : 'Computer' }).check()
    }
  }
  if (allHuman) {
    const humans = page.getByRole('radio', { name: 'Human' })
    const count = await humans.count()
    expect(count, 'the setup lists at least one side').toBeGreaterThanOrEqual(1)
    for (let i = 0; i < count; i++) await humans.nth(i).check()
  }
  if (instructor) await page.getByRole('checkbox', { name: 'Instructor or author mode' }).check()
  await page.getByRole('spinbutton', { name: 'Seed' }).fill(String(seed))
  await page.getByRole('button', { name: 'Start game' }).click()
  await passInterstitials(page)
  await expect(roundHeading(page)).toBeVisible()
}

/** Buttons of the screens between the table's turns: hand-over, briefing, and round summary. */
const INTERSTITIAL =
  /^(I play .+: show my position|Go to the table|Next: .+'s? briefing|Start round \d+|See how the game ended)$/

/** Clicks through hand-over, briefing and summary screens until the table or the ending shows. */
export async function passInterstitials(page, { max = 12, onScreen } = {}) {
  for (let i = 0; i < max; i++) {
    await settled(page)
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
    const next = page.getByRole('button', { name: INTERSTITIAL })
    if ((await next.count()) === 0) return
    await onScreen?.((await page.locator('#screen-heading').textContent()) ?? '')
    await next.first().click()
  }
}

/** The names of the sides in the "Playing as" switcher. */
export async function switcherSides(page) {
  const switcher = page.getByRole('combobox', { name: 'Playing as' })
  return (await switcher.getByRole('option').allTextContents()).map((s) => s.trim())
}

/** Chooses the side the controls act for. */
export async function playAs(page, side, { deciding = false } = {}) {
  await page.getByRole('combobox', { name: 'Playing as' }).selectOption({ label: side })
  await page.getByRole('button', { name: `I play ${side}: show my position` }).click()
  if (deciding) await expect(roundHeading(page)).toBeVisible()
  else await expect(page.getByRole('heading', { name: `Your stance as ${side}` })).toBeVisible()
}

const visible = (locator) => locator.isVisible()

/**
 * Waits until the table has answered the last move: the computer partners answer in short slices of work
 * after a player's move, with the screen marked busy meanwhile (see src/client/table/local-table.ts).
 * Checks of what shows "now" come after this.
 */
export async function settled(page) {
  await expect(page.locator('main[aria-busy="true"]')).toHaveCount(0)
}

/** The names of the controls `endorseUntilRussiaAnswers` looks for, in English; a test in another language passes its own. */
export const PLAY_NAMES = {
  endorse: 'Endorse',
  response: /'s response$/,
  nextRound: /^Start round \d+$/,
  seeEnding: 'See how the game ended',
  ending: /^Ending: /,
}

/**
 * Plays a solo game's rounds until Russia answers a tabled package, as a player would: endorse the package
 * (the computer partners table it once they endorse it too); when they object and end the round untabled, go
 * on to the next round and endorse again. Leaves the page on Russia's answer and returns how many rounds ended
 * untabled first; fails if the game ends before Russia has answered. `names` are the controls' names in the
 * interface's language, `press` clicks (or taps), `onSummary` runs on each round summary passed. Every press
 * is given once: a click or a tap that brings nothing is a fault of the page, never tried again.
 */
export async function endorseUntilRussiaAnswers(
  page,
  { names = PLAY_NAMES, press = (l) => l.click(), onSummary, maxSteps = 30 } = {},
) {
  const response = page.getByRole('heading', { name: names.response })
  const nextRound = page.getByRole('button', { name: names.nextRound })
  const over = page
    .getByRole('button', { name: names.seeEnding })
    .or(page.getByRole('heading', { name: names.ending }))
  const progress = response.or(nextRound).or(over).first()
  let untabled = 0
  for (let step = 0; step < maxSteps; step++) {
    await settled(page)
    if (await visible(response)) return untabled
    if (await visible(over.first())) throw new Error('the game ended before Russia answered a package')
    if (await visible(nextRound)) {
      untabled += 1
      await onSummary?.()
      await press(nextRound)
      await expect(nextRound).toHaveCount(0)
      continue
    }
    await press(page.getByRole('button', { name: names.endorse, exact: true }))
    // Once the player has endorsed, the partners table the package or end the round: either shows at once.
    await expect(progress, 'one press of "Endorse" moves the round on').toBeVisible()
  }
  throw new Error(`Russia did not answer within ${maxSteps} steps`)
}

/**
 * Plays a solo game to its ending by clicking: endorse and table each round; when the package cannot be
 * tabled twice in a round, object and end the round; after each response, continue negotiating. With
 * `stallRounds: n`, the first n rounds end without a package, so that the game runs long. At the ending,
 * the years after (if any) are shown at once, so that the whole debrief is there.
 */
export async function playToEnd(page, { maxSteps = 200, onResponse, onScreen, stallRounds = 0 } = {}) {
  const tries = new Map()
  const ended = async (step) => {
    await showAftermath(page)
    return step
  }
  for (let step = 0; step < maxSteps; step++) {
    await settled(page)
    if (await visible(endingHeading(page))) return ended(step)
    await passInterstitials(page, { onScreen })
    if (await visible(endingHeading(page))) return ended(step)
    const carryOn = page.getByRole('button', { name: 'Continue negotiating' })
    const switcher = page.getByRole('combobox', { name: 'Playing as' })
    if (await visible(carryOn)) {
      await onResponse?.()
      if (!(await visible(switcher))) {
        await carryOn.click()
        continue
      }
      // Hot-seat: every human side votes in turn.
      for (const side of await switcherSides(page)) {
        if (!(await visible(roundHeading(page)))) break
        await playAs(page, side, { deciding: true })
        const vote = page.getByRole('button', { name: 'Continue negotiating' })
        if (await visible(vote)) await vote.click()
        await settled(page)
      }
      continue
    }
    const endorse = page.getByRole('button', { name: 'Endorse', exact: true })
    await expect(endorse, 'the table offers "Endorse" while negotiating').toBeVisible()
    if (await visible(switcher)) {
      // Hot-seat: every human side endorses in turn, passing the device, then one tables.
      for (const side of await switcherSides(page)) {
        await playAs(page, side)
        await page.getByRole('button', { name: 'Endorse', exact: true }).click()
        await settled(page)
      }
      const table = page.getByRole('button', { name: 'Table the package' })
      if (await visible(table)) await table.click()
      if (await visible(page.getByRole('alert').getByText(/^Not possible:/)))
        throw new Error('hot-seat tabling refused')
      continue
    }
    const round = await roundHeading(page).textContent()
    const attempt = (tries.get(round) ?? 0) + 1
    tries.set(round, attempt)
    const table = page.getByRole('button', { name: 'Table the package' })
    const stalling = Number(/\d+/.exec(round ?? '')?.[0] ?? 0) <= stallRounds
    if (attempt <= 2 && !stalling) {
      await endorse.click()
      await settled(page)
      if (await visible(table)) await table.click()
      continue
    }
    await page.getByRole('textbox', { name: 'Reason for objecting' }).fill('We cannot agree on this package.')
    await page.getByRole('button', { name: 'Object', exact: true }).click()
    await settled(page)
    const endRound = page.getByRole('button', { name: 'End round without a package' })
    if (await visible(endRound)) await endRound.click()
  }
  throw new Error(`the game did not end within ${maxSteps} steps`)
}

/**
 * Runs axe-core on the page as it is and fails on any serious or critical violation, naming the rule, the
 * impact and the first elements concerned. `screen` names the screen in the message.
 */
export async function checkA11y(page, screen) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined')
  if (!hasAxe)
    await page.addScriptTag({
      path: new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname,
    })
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join('; ')}`,
      )
  })
  expect(violations, `axe-core on the ${screen} screen`).toEqual([])
}

/**
 * Fails when the page scrolls sideways: a word or a control is wider than the window, so some text would
 * hide off to the side. Names the first element that sticks out.
 */
export async function fitsTheWidth(page, screen) {
  const { scroll, width, culprit } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const wide = [...document.querySelectorAll('body *')].find(
      (el) => el.getBoundingClientRect().right > width + 1,
    )
    return {
      scroll: document.documentElement.scrollWidth,
      width,
      culprit: wide ? `${wide.tagName.toLowerCase()} "${(wide.textContent ?? '').trim().slice(0, 40)}"` : '',
    }
  })
  expect(
    scroll,
    `the ${screen} screen is ${scroll}px wide in a ${width}px window (${culprit})`,
  ).toBeLessThanOrEqual(width + 1)
}
