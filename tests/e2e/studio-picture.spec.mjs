/**
 * Browser test of the studio's stage picture (General section): a small PNG chosen becomes the stage, with its
 * preview; a picture too large is refused with its size and the limit, and made smaller in the browser on
 * request; "Remove picture" gives back the neutral table; an SVG with a script and an event handler is made
 * safe and the teacher told what was removed; and the play-test draws the picture behind the table.
 */
import { expect, test } from './fixtures.mjs'
import { checkA11y, fitsTheWidth, passInterstitials, roundHeading } from './helpers.mjs'

/** A 1×1 transparent PNG. */
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

/** A river between two banks, with a script and an onload handler the studio must take out. */
const HOSTILE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 400" width="600" height="400" onload="alert('onload')">
  <script>alert('script')</script>
  <rect width="600" height="400" fill="#d9ead3"/>
  <path d="M0 220 C150 160 300 280 600 200 L600 260 C300 340 150 220 0 280 Z" fill="#3d85c6"/>
  <rect x="280" y="150" width="40" height="160" fill="#666"/>
  <text x="300" y="60" font-size="36" text-anchor="middle" font-family="sans-serif">Kessa dam</text>
</svg>`

const ALT = 'The Kessa river and its dam between two green banks'

const ARTICLE = `Upstream and downstream states resume talks on the Kessa dam

By Ana Lint, River Post, 12 March 2025

Water ministers from the upstream and downstream states met in Geneva on Tuesday to discuss the filling of the Kessa dam.

Analysts expect a deal on a joint monitoring commission to be the first step.`
const PASSAGE = 'a joint monitoring commission'

const sections = (page) => page.getByRole('navigation', { name: 'Parts of the scenario' })
const summary = (page) => page.getByRole('complementary', { name: 'Problems and dry run' })
const picture = (page) => page.getByRole('group', { name: 'Picture', exact: true })

/** Chooses a file with the picture button (whichever of its two names it has). */
async function choose(page, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    picture(page)
      .getByRole('button', { name: /^Choose (a|another) picture…$/ })
      .click(),
  ])
  await chooser.setFiles(file)
}

/** The draft's YAML, as "The file as text" shows it; the General section is opened again after. */
async function fileText(page) {
  await sections(page).getByRole('button', { name: 'The file as text' }).click()
  const text = await page.getByLabel('The scenario file').inputValue()
  await sections(page).getByRole('button', { name: 'General' }).click()
  return text
}

/** The type and bytes of the stage's picture in the file (written plain, quoted or as a `>-` block). */
function savedPicture(text) {
  const [, type, data] = text.match(/image:\s*(?:>-?\s+|")?data:([^;]+);base64,([A-Za-z0-9+/=]+)/) ?? []
  return { type, bytes: data ? Buffer.from(data, 'base64') : Buffer.alloc(0) }
}

test('a picture chosen in the studio becomes the stage, made safe and small enough', async ({
  page,
  base,
  shot,
}) => {
  await page.goto(`${base}#studio`)
  await page.getByRole('button', { name: 'From nothing, on any topic' }).click()
  await sections(page).getByRole('button', { name: 'General' }).click()

  // A small PNG: it is the stage at once, with its preview, and the checker asks for the words for it.
  await choose(page, { name: 'dot.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1X1, 'base64') })
  await expect(picture(page).getByText('The picture is the stage now (1 kB).')).toBeVisible()
  await expect(picture(page).locator('img')).toHaveAttribute('src', `data:image/png;base64,${PNG_1X1}`)
  await expect(page.getByLabel('Kind')).toHaveValue('image')
  let text = await fileText(page)
  expect(text).toMatch(/^ {2}kind: image$/m)
  expect(savedPicture(text).type).toBe('image/png')

  // Too large: refused with its size and the limit, then made smaller in the browser when asked.
  const noisy = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 900
    canvas.height = 700
    const context = canvas.getContext('2d')
    const pixels = context.createImageData(900, 700)
    for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i * 2654435761) >>> 24
    context.putImageData(pixels, 0, 0)
    return canvas.toDataURL('image/png').split(',')[1]
  })
  const big = Buffer.from(noisy, 'base64')
  expect(big.length).toBeGreaterThan(400_000)
  await choose(page, { name: 'photo.png', mimeType: 'image/png', buffer: big })
  const kB = Math.ceil(big.length / 1000).toLocaleString('en-GB')
  await expect(
    picture(page).getByText(`This picture is ${kB} kB, and a stage picture may be at most 400 kB.`),
  ).toBeVisible()
  // The refusal describes the button, for a screen reader.
  const button = picture(page).getByRole('button', { name: 'Choose another picture…' })
  await expect(button).toHaveAccessibleDescription(/may be at most 400 kB/)
  await shot('studio-picture-too-large', {}, picture(page))
  await picture(page).getByRole('button', { name: 'Make it smaller and use it' }).click()
  await expect(picture(page).getByText(/^The studio made the picture smaller/)).toBeVisible()
  await expect(button).toBeFocused()
  text = await fileText(page)
  const shrunk = savedPicture(text)
  expect(shrunk.type).toBe('image/webp')
  expect(shrunk.bytes.length).toBeLessThanOrEqual(400_000)

  // Remove picture: the neutral table again.
  await picture(page).getByRole('button', { name: 'Remove picture' }).click()
  await expect(page.getByLabel('Kind')).toHaveValue('table')
  await expect(picture(page).getByRole('button', { name: 'Choose a picture…' })).toBeFocused()
  await expect(picture(page).locator('img')).toHaveCount(0)

  // An SVG with a script and an onload handler: both removed, and the teacher told so.
  await choose(page, { name: 'dam.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(HOSTILE_SVG) })
  await expect(picture(page).getByText(/^Removed from the picture/)).toBeVisible()
  const removed = picture(page).getByRole('listitem')
  await expect(removed.filter({ hasText: /^<script>$/ })).toHaveCount(1)
  await expect(removed.filter({ hasText: /^onload=/ })).toHaveCount(1)
  const remind = picture(page).getByText(
    'Describe it under “What the picture shows” for players who cannot see it.',
  )
  await expect(remind).toBeVisible()

  // The alt text the checker asks for; then the preview carries it.
  const alt = page.getByRole('textbox', { name: 'What the picture shows' })
  await expect(alt).toHaveAttribute('aria-invalid', 'true')
  await alt.fill(ALT)
  await expect(alt).not.toHaveAttribute('aria-invalid', 'true')
  await expect(remind).toHaveCount(0)
  await expect(picture(page).getByRole('img', { name: ALT })).toBeVisible()
  await checkA11y(page, 'studio picture')
  await shot('studio-picture-1280', { fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await fitsTheWidth(page, 'studio picture at 390 px')
  await shot('studio-picture-390', { fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })

  // What is saved is the picture without its script and handler.
  const svg = savedPicture(await fileText(page))
  expect(svg.type).toBe('image/svg+xml')
  expect(svg.bytes.toString('utf8')).toContain('Kessa dam')
  expect(svg.bytes.toString('utf8')).not.toMatch(/script|onload|alert/i)

  // An article and one quote make the scenario clean; the play-test draws the picture behind the table.
  await sections(page).getByRole('button', { name: 'Sources' }).click()
  await page.getByLabel('Paste the article').fill(ARTICLE)
  await page.getByRole('button', { name: 'Read the article' }).click()
  await page.getByRole('button', { name: 'Add the article to the scenario' }).click()
  await page.getByLabel('The article’s text').evaluate((el, passage) => {
    const at = el.value.indexOf(passage)
    el.focus()
    el.setSelectionRange(at, at + passage.length)
  }, PASSAGE)
  await page.getByRole('button', { name: 'Use selection' }).click()
  await page.getByLabel('Quote it as').selectOption({ label: 'First offer' })
  await page.getByRole('button', { name: 'Quote it there' }).click()
  await expect(summary(page).getByText('The check finds no problem.')).toBeVisible()
  await page.getByRole('button', { name: 'Play-test' }).click()
  await passInterstitials(page)
  await expect(roundHeading(page)).toBeVisible()
  await expect(page.getByRole('img', { name: ALT })).toBeVisible()
  await expect(page.frameLocator('iframe.stage-canvas').locator('canvas')).toBeVisible()
  // The stage draws in its own frame a moment after the table appears.
  await page.waitForTimeout(1500)
  await shot('studio-picture-table')
})
