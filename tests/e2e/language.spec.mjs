/**
 * The interface in Ukrainian: the language switch on the title screen (and in the header of every screen),
 * a game started and played in Ukrainian with controls found by their Ukrainian accessible names, a switch
 * back to English in the middle of a round that keeps the game, and the debrief in Ukrainian. Run at
 * 1024×640, where long Ukrainian words must not push anything off the side of the screen.
 */
import { expect, test } from './fixtures.mjs'
import {
  checkA11y,
  endingHeading,
  endorseUntilRussiaAnswers,
  fitsTheWidth,
  playToEnd,
  roundHeading,
} from './helpers.mjs'

test.use({ viewport: { width: 1024, height: 640 } })

/** The controls endorseUntilRussiaAnswers needs, by their Ukrainian names. */
const UK_PLAY_NAMES = {
  endorse: 'Схвалити',
  response: /^Відповідь сторони /,
  nextRound: /^Почати раунд \d+$/,
  seeEnding: 'Подивитися, чим завершилася гра',
  ending: /^Фінал: /,
}

const language = (page, name) => page.getByRole('combobox', { name })
const html = (page) => page.locator('html')

test('the interface in Ukrainian: switch on the title screen, play, switch back mid-game, debrief', async ({
  page,
  base,
  shot,
}) => {
  await page.goto(base)
  await expect(page.getByRole('heading', { name: 'Saved games' })).toBeVisible()
  // The browser of the tests speaks English, so the game starts in English.
  expect(await page.evaluate(() => navigator.language)).toMatch(/^en/)
  await expect(html(page)).toHaveAttribute('lang', 'en')
  const options = language(page, 'Language').getByRole('option')
  expect(await options.evaluateAll((os) => os.map((o) => [o.value, o.lang, o.textContent]))).toEqual([
    ['en', 'en', 'English'],
    ['uk', 'uk', 'Українська'],
  ])

  await language(page, 'Language').selectOption('uk')
  await expect(page.getByRole('heading', { name: 'Збережені ігри' })).toBeVisible()
  await expect(html(page)).toHaveAttribute('lang', 'uk')
  await expect(page).toHaveTitle('Червоні лінії')
  // The choice is remembered: a reload stays in Ukrainian.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Збережені ігри' })).toBeVisible()
  await expect(language(page, 'Мова')).toBeVisible()
  await checkA11y(page, 'title in Ukrainian')
  await fitsTheWidth(page, 'title')
  await shot('uk-title')

  await page.getByRole('button', { name: 'Нова гра' }).click()
  await expect(page.getByRole('heading', { name: 'Нова гра' })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Хто грає за кожну сторону' })).toBeVisible()
  // On the normal difficulty this seed's partners come round and table a package that Russia refuses before
  // the game ends, so that its answer and the vote show (found by playing the rules in Node).
  await page.getByRole('radio', { name: 'Звичайна' }).check()
  await page.getByRole('spinbutton', { name: 'Зерно' }).fill('4')
  await checkA11y(page, 'set-up in Ukrainian')
  await fitsTheWidth(page, 'set-up')
  await shot('uk-setup', { fullPage: true })
  await page.getByRole('button', { name: 'Почати гру' }).click()

  await expect(page.getByRole('heading', { name: /^Брифінг: / })).toBeVisible()
  await fitsTheWidth(page, 'briefing')
  await shot('uk-briefing')
  await page.getByRole('button', { name: 'До столу переговорів' }).click()
  await expect(page.getByRole('heading', { name: /^Раунд 1 з \d+$/ })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Пакет' })).toBeVisible()
  await page
    .getByRole('button', { name: /^Додати: /, disabled: false })
    .first()
    .click()
  const items = page.getByRole('list', { name: 'Пункти пакета' }).getByRole('listitem')
  await expect(items.first(), 'the card added in Ukrainian is in the package').toBeVisible()
  await expect(page.getByRole('button', { name: /^Відкликати: / })).toBeVisible()
  // A refusal of the rules, worded in Ukrainian from its code: tabling before every side has endorsed.
  await page.getByRole('button', { name: 'Подати пакет' }).click()
  const refusal = page.getByRole('alert')
  await expect(refusal.getByText(/^Неможливо: /)).toBeVisible()
  // The code is kept for tests and support, never shown to the player.
  await expect(page.locator('.notice-bar')).toHaveAttribute('data-code', 'NOT_ALL_ENDORSED')
  await expect(refusal).not.toHaveText(/NOT_ALL_ENDORSED|Код:/)
  await expect(refusal).toHaveText(
    /^Неможливо: Пакет можна подати, щойно його схвал(ить сторона|ять сторони) \S/,
  )
  await expect(refusal).not.toHaveText(/Waiting for|to endorse/)
  // The notice follows a language switch: worded again from the same refusal.
  await language(page, 'Мова').selectOption('en')
  await expect(refusal.getByText(/Not possible: The package can be tabled once /)).toBeVisible()
  // So does the guide.
  await expect(page.getByRole('button', { name: 'Skip the guide' })).toBeVisible()
  await language(page, 'Language').selectOption('uk')
  await expect(refusal.getByText(/Неможливо: Пакет можна подати, щойно /)).toBeVisible()
  await expect(page.getByRole('list', { name: 'Позиції сторін' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Подати пакет' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Пропустити навчання' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Причина заперечення' })).toBeVisible()
  await checkA11y(page, 'table in Ukrainian')
  await fitsTheWidth(page, 'table')
  await shot('uk-table')
  await shot('uk-table-full', { fullPage: true })
  // Endorsing, round after round: the computer partners hold out for their own package at first and end the
  // round untabled while they object; once they endorse too they table it. Russia's answer, then the vote,
  // in Ukrainian; the round summaries on the way are in Ukrainian and fit the width too.
  let summaries = 0
  await endorseUntilRussiaAnswers(page, {
    names: UK_PLAY_NAMES,
    onSummary: async () => {
      await expect(page.getByRole('heading', { name: /^Підсумки раунду \d+$/ })).toBeVisible()
      if (summaries++ > 0) return
      await checkA11y(page, 'round summary in Ukrainian')
      await fitsTheWidth(page, 'round summary')
      await shot('uk-summary')
    },
  })
  const [, answered, rounds] =
    /^Раунд (\d+) з (\d+)$/.exec(
      (await page.getByRole('heading', { name: /^Раунд \d+ з \d+$/ }).textContent()) ?? '',
    ) ?? []
  expect(answered, 'the round Russia answered in is shown').toBeTruthy()
  await expect(page.getByRole('button', { name: 'Продовжити переговори' })).toBeVisible()
  await expect(page.locator('blockquote').first(), 'quotes keep their language').toHaveAttribute('lang', 'en')
  await checkA11y(page, 'response in Ukrainian')
  await fitsTheWidth(page, 'response')
  await shot('uk-response', { fullPage: true })

  // Back to English in the middle of the round: the same game, the same package, in English.
  await language(page, 'Мова').selectOption('en')
  await expect(roundHeading(page)).toHaveText(`Round ${answered} of ${rounds}`)
  await expect(html(page)).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { name: /'s response$/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Continue negotiating' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Відповідь/ }), 'nothing is left in Ukrainian').toHaveCount(
    0,
  )
  // The guide follows the player up to Russia's first answer, whatever the round: it is still there to
  // explain the vote that follows the answer.
  await page.getByRole('button', { name: 'Skip the guide' }).click()
  await playToEnd(page)
  await expect(endingHeading(page)).toBeVisible()

  // The debrief in Ukrainian; quotes stay in their article's English and say so.
  await language(page, 'Language').selectOption('uk')
  await expect(page.getByRole('heading', { name: /^Фінал: / })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Очки' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Експортувати гру (JSON)' })).toBeVisible()
  // The ending's summary, the score lines and the what-if are worded in Ukrainian from the engine's data.
  await expect(page.locator('.ending-text')).toHaveText(
    /(Вище норми: .+|Жодна сторона не піднялася вище норми)\.$/,
  )
  await expect(page.locator('.debrief')).not.toHaveText(/Came out ahead|Endorsed against|Ending: /)
  const whatIf = page.getByRole('region', { name: 'Що, якби?' })
  await expect(whatIf).toBeVisible()
  const findings = whatIf.locator('.what-if-sentence')
  if ((await findings.count()) > 0) {
    await expect(findings.first()).toHaveText(/, сторона .+ (прийняла|відхилила|вимагала) б /)
    await expect(whatIf.locator('.basis')).toHaveText(
      /^Як це обчислено: Передбачувана частина відповіді сторони /,
    )
    await expect(whatIf.getByRole('list', { name: /^Зміни варіанта 1$/ })).toHaveText(
      /^(Додати|Відкликати|Читати) /,
    )
  } else await expect(whatIf.getByText(/^Жодна зміна останнього пакета/)).toBeVisible()
  await expect(whatIf).not.toHaveText(/would have|rather than|predictable part/)
  const quotes = page.locator('blockquote')
  if ((await quotes.count()) > 0) await expect(quotes.first()).toHaveAttribute('lang', 'en')
  await checkA11y(page, 'debrief in Ukrainian')
  await fitsTheWidth(page, 'debrief')
  await shot('uk-debrief')
  await shot('uk-debrief-full', { fullPage: true })
  await language(page, 'Мова').selectOption('en')
  await expect(endingHeading(page)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Scores' })).toBeVisible()
})
