/**
 * The interface in Ukrainian: the language switch on the title screen (and in the header of every screen),
 * a game started and played in Ukrainian with controls found by their Ukrainian accessible names, a switch
 * back to English in the middle of a round that keeps the game, and the debrief in Ukrainian. Run at
 * 1024×640, where long Ukrainian words must not push anything off the side of the screen.
 */
import assert from 'node:assert/strict'
import {
  checkA11y,
  endingHeading,
  endorseUntilRussiaAnswers,
  fitsTheWidth,
  playToEnd,
  roundHeading,
} from './helpers.mjs'

const SMALL = { viewport: { width: 1024, height: 640 } }

/** The controls endorseUntilRussiaAnswers needs, by their Ukrainian names. */
const UK_PLAY_NAMES = {
  endorse: 'Схвалити',
  response: /^Відповідь сторони /,
  nextRound: /^Почати раунд \d+$/,
  seeEnding: 'Подивитися, чим завершилася гра',
  ending: /^Фінал: /,
}

const language = (page, name) => page.getByRole('combobox', { name })
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang)

export const languageCase = {
  name: 'the interface in Ukrainian: switch on the title screen, play, switch back mid-game, debrief',
  context: SMALL,
  async run({ page, base, shot }) {
    await page.goto(base)
    await page.getByRole('heading', { name: 'Saved games' }).waitFor()
    // The browser of the tests speaks English, so the game starts in English.
    assert.match(await page.evaluate(() => navigator.language), /^en/)
    assert.equal(await htmlLang(page), 'en')
    const options = language(page, 'Language').getByRole('option')
    assert.deepEqual(await options.evaluateAll((os) => os.map((o) => [o.value, o.lang, o.textContent])), [
      ['en', 'en', 'English'],
      ['uk', 'uk', 'Українська'],
    ])

    await language(page, 'Language').selectOption('uk')
    await page.getByRole('heading', { name: 'Збережені ігри' }).waitFor()
    assert.equal(await htmlLang(page), 'uk')
    assert.equal(await page.title(), 'Червоні лінії')
    // The choice is remembered: a reload stays in Ukrainian.
    await page.reload()
    await page.getByRole('heading', { name: 'Збережені ігри' }).waitFor()
    await language(page, 'Мова').waitFor()
    await checkA11y(page, 'title in Ukrainian')
    await fitsTheWidth(page, 'title')
    await shot('uk-title')

    await page.getByRole('button', { name: 'Нова гра' }).click()
    await page.getByRole('heading', { name: 'Нова гра' }).waitFor()
    await page.getByRole('group', { name: 'Хто грає за кожну сторону' }).waitFor()
    // On the normal difficulty this seed's partners come round and table a package that Russia refuses before
    // the game ends, so that its answer and the vote show (found by playing the rules in Node).
    await page.getByRole('radio', { name: 'Звичайна' }).check()
    await page.getByRole('spinbutton', { name: 'Зерно' }).fill('4')
    await checkA11y(page, 'set-up in Ukrainian')
    await fitsTheWidth(page, 'set-up')
    await shot('uk-setup', { fullPage: true })
    await page.getByRole('button', { name: 'Почати гру' }).click()

    await page.getByRole('heading', { name: /^Брифінг: / }).waitFor()
    await fitsTheWidth(page, 'briefing')
    await shot('uk-briefing')
    await page.getByRole('button', { name: 'До столу переговорів' }).click()
    const round = page.getByRole('heading', { name: /^Раунд 1 з \d+$/ })
    await round.waitFor()
    await page.getByRole('region', { name: 'Пакет' }).waitFor()
    await page
      .getByRole('button', { name: /^Додати: /, disabled: false })
      .first()
      .click()
    const items = page.getByRole('list', { name: 'Пункти пакета' }).getByRole('listitem')
    const added = await items.count()
    assert.ok(added >= 1, 'the card added in Ukrainian is in the package')
    await page.getByRole('button', { name: /^Відкликати: / }).waitFor()
    // A refusal of the rules, worded in Ukrainian from its code: tabling before every side has endorsed.
    await page.getByRole('button', { name: 'Подати пакет' }).click()
    const refusal = page.getByRole('alert')
    await refusal.getByText(/^Неможливо: /).waitFor()
    // The code is kept for tests and support, never shown to the player.
    assert.equal(await page.locator('.notice-bar').getAttribute('data-code'), 'NOT_ALL_ENDORSED')
    assert.doesNotMatch(await refusal.textContent(), /NOT_ALL_ENDORSED|Код:/)
    assert.match(
      await refusal.textContent(),
      /^Неможливо: Пакет можна подати, щойно його схвал(ить сторона|ять сторони) \S/,
    )
    assert.doesNotMatch(await refusal.textContent(), /Waiting for|to endorse/)
    // The notice follows a language switch: worded again from the same refusal.
    await language(page, 'Мова').selectOption('en')
    await refusal.getByText(/Not possible: The package can be tabled once /).waitFor()
    // So does the guide.
    await page.getByRole('button', { name: 'Skip the guide' }).waitFor()
    await language(page, 'Language').selectOption('uk')
    await refusal.getByText(/Неможливо: Пакет можна подати, щойно /).waitFor()
    await page.getByRole('list', { name: 'Позиції сторін' }).waitFor()
    await page.getByRole('button', { name: 'Подати пакет' }).waitFor()
    await page.getByRole('button', { name: 'Пропустити навчання' }).waitFor()
    await page.getByRole('textbox', { name: 'Причина заперечення' }).waitFor()
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
        await page.getByRole('heading', { name: /^Підсумки раунду \d+$/ }).waitFor()
        if (summaries++ > 0) return
        await checkA11y(page, 'round summary in Ukrainian')
        await fitsTheWidth(page, 'round summary')
        await shot('uk-summary')
      },
    })
    const [, answered, rounds] =
      /^Раунд (\d+) з (\d+)$/.exec(
        await page.getByRole('heading', { name: /^Раунд \d+ з \d+$/ }).textContent(),
      ) ?? []
    assert.ok(answered, 'the round Russia answered in is shown')
    await page.getByRole('button', { name: 'Продовжити переговори' }).waitFor()
    assert.equal(
      await page.locator('blockquote').first().getAttribute('lang'),
      'en',
      'quotes keep their language',
    )
    await checkA11y(page, 'response in Ukrainian')
    await fitsTheWidth(page, 'response')
    await shot('uk-response', { fullPage: true })

    // Back to English in the middle of the round: the same game, the same package, in English.
    await language(page, 'Мова').selectOption('en')
    await roundHeading(page).waitFor()
    assert.equal(await roundHeading(page).textContent(), `Round ${answered} of ${rounds}`)
    assert.equal(await htmlLang(page), 'en')
    await page.getByRole('heading', { name: /'s response$/ }).waitFor()
    await page.getByRole('button', { name: 'Continue negotiating' }).waitFor()
    assert.equal(
      await page.getByRole('heading', { name: /^Відповідь/ }).count(),
      0,
      'nothing is left in Ukrainian',
    )
    // The guide follows the player up to Russia's first answer, whatever the round: it is still there to
    // explain the vote that follows the answer.
    await page.getByRole('button', { name: 'Skip the guide' }).click()
    await playToEnd(page)
    await endingHeading(page).waitFor()

    // The debrief in Ukrainian; quotes stay in their article's English and say so.
    await language(page, 'Language').selectOption('uk')
    await page.getByRole('heading', { name: /^Фінал: / }).waitFor()
    await page.getByRole('table', { name: 'Очки' }).waitFor()
    await page.getByRole('button', { name: 'Експортувати гру (JSON)' }).waitFor()
    // The ending's summary, the score lines and the what-if are worded in Ukrainian from the engine's data.
    assert.match(
      await page.locator('.ending-text').textContent(),
      /(Вище норми: .+|Жодна сторона не піднялася вище норми)\.$/,
    )
    assert.doesNotMatch(
      await page.locator('.debrief').textContent(),
      /Came out ahead|Endorsed against|Ending: /,
    )
    const whatIf = page.getByRole('region', { name: 'Що, якби?' })
    await whatIf.waitFor()
    const findings = whatIf.locator('.what-if-sentence')
    if ((await findings.count()) > 0) {
      assert.match(await findings.first().textContent(), /, сторона .+ (прийняла|відхилила|вимагала) б /)
      assert.match(
        await whatIf.locator('.basis').textContent(),
        /^Як це обчислено: Передбачувана частина відповіді сторони /,
      )
      const changes = await whatIf.getByRole('list', { name: /^Зміни варіанта 1$/ }).textContent()
      assert.match(changes, /^(Додати|Відкликати|Читати) /)
    } else await whatIf.getByText(/^Жодна зміна останнього пакета/).waitFor()
    assert.doesNotMatch(await whatIf.textContent(), /would have|rather than|predictable part/)
    const quotes = page.locator('blockquote')
    if ((await quotes.count()) > 0) assert.equal(await quotes.first().getAttribute('lang'), 'en')
    await checkA11y(page, 'debrief in Ukrainian')
    await fitsTheWidth(page, 'debrief')
    await shot('uk-debrief')
    await shot('uk-debrief-full', { fullPage: true })
    await language(page, 'Мова').selectOption('en')
    await endingHeading(page).waitFor()
    await page.getByRole('table', { name: 'Scores' }).waitFor()
  },
}
