/**
 * Checks of the Phaser stage's manners, on bench/stage-demo in headless Chromium: `node bench/stage-checks.mjs`.
 * The stage's frame and its canvas are hidden from assistive technology, out of the tab order and let clicks
 * through; the canvas follows the container's size; destroy() removes the frame and stops listening to the
 * store; the loop sleeps when nothing moves; without any canvas, or when the frame cannot draw, the stage gives
 * up quietly and the game goes on. Exits 1 on a failed check.
 */
import assert from 'node:assert/strict'
import { startDemo } from './demo-server.mjs'

const { url, browser, close } = await startDemo()
const ready = (page) =>
  page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 })
/** The stage's frame, where its canvas lives (`stage.html`). */
function stageFrame(page) {
  const frame = page.frames().find((f) => new URL(f.url(), 'http://x').pathname.endsWith('/stage.html'))
  assert.ok(frame, 'the stage has a frame')
  return frame
}
let failed = 0
async function check(name, run) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 640 } })
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  try {
    await run(page)
    assert.deepEqual(errors, [], 'no errors in the page')
    console.log(`ok - ${name}`)
  } catch (error) {
    failed += 1
    console.log(
      `not ok - ${name}\n  ${String(error?.message ?? error)
        .split('\n')
        .join('\n  ')}`,
    )
  } finally {
    await page.close()
  }
}

try {
  await check('decorative canvas: aria-hidden, out of the tab order, no pointer events', async (page) => {
    await page.goto(url)
    await ready(page)
    const canvas = await stageFrame(page).evaluate(() => {
      const c = document.querySelector('canvas')
      return [c?.getAttribute('aria-hidden'), c?.getAttribute('tabindex')]
    })
    assert.deepEqual(canvas, ['true', '-1'])
    const frame = await page.evaluate(() => {
      const f = document.querySelector('iframe.stage-canvas')
      return (
        f && [
          f.getAttribute('aria-hidden'),
          f.getAttribute('tabindex'),
          f.title !== '',
          getComputedStyle(f).pointerEvents,
        ]
      )
    })
    assert.deepEqual(frame, ['true', '-1', true, 'none'])
    await page.evaluate(() => {
      const b = document.createElement('button')
      b.textContent = 'after the stage'
      document.body.append(b)
    })
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'after the stage')
  })
  await check('follows the container size, and destroy() removes everything', async (page) => {
    await page.goto(url)
    await ready(page)
    await page.evaluate(() => window.demo.step(10))
    await page.setViewportSize({ width: 800, height: 500 })
    await page.waitForTimeout(800)
    assert.deepEqual(
      await stageFrame(page).evaluate(() => {
        const c = document.querySelector('canvas')
        return [c?.width, c?.height]
      }),
      [800, 500],
    )
    await page.evaluate(() => {
      window.demo.stage.destroy()
      window.demo.stage.destroy()
    })
    await page.waitForTimeout(300)
    await page.evaluate(() => window.demo.step(40))
    await page.waitForTimeout(500)
    assert.equal(await page.evaluate(() => document.querySelectorAll('canvas, .stage-canvas').length), 0)
    assert.equal(page.frames().length, 1, 'no frame left')
  })
  await check('the loop sleeps when nothing moves', async (page) => {
    await page.goto(url)
    await ready(page)
    await page.waitForTimeout(1500)
    const draws = await stageFrame(page).evaluate(
      () =>
        new Promise((resolve) => {
          let n = 0
          const original = CanvasRenderingContext2D.prototype.drawImage
          CanvasRenderingContext2D.prototype.drawImage = function (...args) {
            n += 1
            return original.apply(this, args)
          }
          setTimeout(() => resolve(n), 1000)
        }),
    )
    assert.equal(draws, 0, 'no frame drawn in a second of rest')
  })
  await check('without any canvas the stage gives up and the game goes on', async (page) => {
    await page.addInitScript(() => {
      HTMLCanvasElement.prototype.getContext = () => null
    })
    await page.goto(url)
    await ready(page)
    await page.evaluate(() => window.demo.step(50))
    assert.equal(await page.evaluate(() => document.querySelectorAll('.stage-canvas').length), 0)
  })
  await check('when the frame cannot draw, the page removes it and the game goes on', async (page) => {
    // Only the frame loses its canvas: the page starts the frame, which then reports that it failed.
    await page.addInitScript(() => {
      if (window.parent !== window) HTMLCanvasElement.prototype.getContext = () => null
    })
    const warnings = []
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()))
    await page.goto(url)
    await ready(page)
    await page.evaluate(() => window.demo.step(50))
    assert.equal(await page.evaluate(() => document.querySelectorAll('.stage-canvas').length), 0)
    assert.equal(page.frames().length, 1, 'no frame left')
    assert.ok(
      warnings.some((w) => w.includes('not shown')),
      `a warning says the stage is not shown: ${warnings}`,
    )
  })
  await check('without WebGL the canvas renderer draws the stage', async (page) => {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return /webgl/.test(type) ? null : original.call(this, type, ...rest)
      }
    })
    await page.goto(url)
    await ready(page)
    const canvases = await stageFrame(page).evaluate(() =>
      [...document.querySelectorAll('canvas')].map((c) => c.getContext('2d') !== null),
    )
    assert.deepEqual(canvases, [true], 'one canvas, drawn in 2D')
  })
} finally {
  await close()
}
console.log(failed ? `stage checks: ${failed} failed` : 'stage checks: all passed')
process.exitCode = failed ? 1 : 0
