/**
 * The debrief's story, "How the negotiation went": a solo game played to its debrief, with a first round that
 * ends without a package (an objection, with its reason), shows the objection's reason and Russia's answers in
 * the timeline, under a heading per round; its filter shows one kind of entry at a time; it fits a phone's
 * width. Screenshots of the story at 390, 1280 and 1920 px go to test-results/screenshots/.
 */
import { expect, test } from './fixtures.mjs'
import { checkA11y, endingHeading, fitsTheWidth, openSetup, playToEnd, startGame } from './helpers.mjs'

/** The reason helpers.mjs gives when it objects to end a round without a package. */
const REASON = 'We cannot agree on this package.'

test('the debrief tells how the negotiation went: objections with their reasons and Russia’s answers', async ({
  page,
  base,
  shot,
}) => {
  await openSetup(page, base)
  await startGame(page, { seed: 21 })
  await playToEnd(page, { stallRounds: 1 })
  await expect(endingHeading(page)).toBeVisible()

  const story = page.getByRole('region', { name: 'How the negotiation went' })
  await expect(story).toBeVisible()
  // A long story starts folded, round by round: each round's heading opens it.
  const rounds = await story.getByRole('heading', { level: 4 }).count()
  expect(rounds, 'a round heading for each round played').toBeGreaterThanOrEqual(2)
  for (let round = 1; round <= rounds; round++) {
    const heading = story.getByRole('heading', { name: `Round ${round}`, level: 4 })
    await expect(heading).toBeVisible()
    if (!(await story.getByRole('list', { name: `Round ${round}` }).isVisible())) await heading.click()
    await expect(story.getByRole('list', { name: `Round ${round}` })).toBeVisible()
  }
  const round1 = story.getByRole('list', { name: 'Round 1' })
  // The first round ended without a package: the player objected, with the reason as written.
  const objection = round1.getByRole('listitem').filter({ hasText: REASON })
  await expect(objection.first()).toContainText(/^Ukraine objects to the package:/)
  await expect(
    round1.getByRole('listitem').filter({ hasText: 'ends the round without a package.' }),
  ).toHaveCount(1)
  // Russia answers every package tabled, right after it is tabled, with the red lines behind the answer.
  const answers = story
    .getByRole('listitem')
    .filter({ hasText: /^Russia (accepts the package|rejects the package|demands that parts)/ })
  await expect(answers.first()).toBeVisible()
  await expect(answers.first()).toContainText(/Red lines? crossed|No red line crossed/)
  // Each entry says who: the player's side is named, the computer partners are marked as such.
  await expect(story.getByText(/\(computer\)/).first()).toBeVisible()

  // The filter shows one kind at a time: the answers without the moves, then everything again.
  await story.getByRole('radio', { name: 'Answers and events' }).check()
  await expect(round1.getByRole('listitem').filter({ hasText: REASON })).toHaveCount(0)
  await expect(answers.first()).toBeVisible()
  await story.getByRole('radio', { name: 'Moves' }).check()
  await expect(answers).toHaveCount(0)
  await expect(objection.first()).toBeVisible()
  await story.getByRole('radio', { name: 'Everything' }).check()
  await expect(answers.first()).toBeVisible()
  await checkA11y(page, 'debrief with its story')

  for (const width of [390, 1280, 1920]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1080 })
    await story.scrollIntoViewIfNeeded()
    await fitsTheWidth(page, `debrief at ${width} px`)
    await shot(`story-${width}`, {}, story)
  }
})
