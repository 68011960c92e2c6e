/**
 * Screenshots of the Phaser stage alone (bench/stage-demo), for looking at it while working on it:
 * `node bench/stage-shots.mjs` writes PNGs to test-results/stage/ at 1024×640 and 1920×1080, at the start of
 * a computer-played game, while the package fills, at Russia's first response and at the ending.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startDemo } from './demo-server.mjs'

const out = fileURLToPath(new URL('../test-results/stage/', import.meta.url))
mkdirSync(out, { recursive: true })
const sizes = (process.argv[2] ?? '1024x640,1920x1080').split(',').map((s) => s.split('x').map(Number))
const reduced = process.argv.includes('--reduced')
const { url, browser, close } = await startDemo()
try {
  for (const [width, height] of sizes) {
    const page = await browser.newPage({ viewport: { width, height } })
    page.on('pageerror', (e) => console.log('page error:', e.message))
    page.on('console', (m) => m.type() !== 'debug' && console.log(`console ${m.type()}:`, m.text()))
    await page.goto(`${url}?seed=${process.env.SEED ?? 7}${reduced ? '&reduced=1' : ''}`)
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 })
    await page.waitForTimeout(800)
    const tag = `${width}x${height}${reduced ? '-reduced' : ''}`
    await page.screenshot({ path: `${out}${tag}-1-start.png` })
    // Fill the package until it holds several items, then until Russia answers, then to the end.
    await page.evaluate(() => {
      for (let i = 0; i < 60 && window.demo.store.getState().game.package.length < 5; i++) window.demo.step(1)
    })
    await page.waitForTimeout(1500)
    await page.screenshot({ path: `${out}${tag}-2-package.png` })
    await page.evaluate(() => {
      for (let i = 0; i < 200 && window.demo.store.getState().game.phase === 'negotiating'; i++)
        window.demo.step(1)
    })
    await page.waitForTimeout(350)
    await page.screenshot({ path: `${out}${tag}-3-verdict-flash.png` })
    await page.waitForTimeout(3500)
    await page.screenshot({ path: `${out}${tag}-4-verdict.png` })
    await page.evaluate(() => {
      for (let i = 0; i < 2000 && window.demo.store.getState().game.phase !== 'ended'; i++)
        window.demo.step(1)
    })
    await page.waitForTimeout(3500)
    await page.screenshot({ path: `${out}${tag}-5-ending.png` })
    console.log(tag, await page.locator('#status').textContent())
    // A second game with a package holding every kind of marker, tabled (Russia rejects it).
    await page.reload()
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 })
    const refused = await page.evaluate(() => {
      const add = (side, instrument, variant) => ({
        type: 'add',
        side,
        payload: variant ? { instrument, variant } : { instrument },
      })
      const commands = [
        add('europe', 'reassurance-force'),
        add('europe', 'buffer-zone'),
        add('us', 'us-intelligence-air-defence'),
        add('us', 'article5-style-clause', 'shall'),
        add('europe', 'military-financial-aid'),
        add('us', 'military-financial-aid'),
        add('europe', 'asset-seizure'),
        add('ukraine', 'elections-in-ukraine'),
        add('ukraine', 'territorial-questions'),
        add('us', 'bilateral-defence-agreements'),
        add('ukraine', 'eu-membership'),
        add('us', 'european-security-talks'),
        { type: 'endorse', side: 'ukraine', payload: {} },
        { type: 'object', side: 'us', payload: { reason: 'Too costly.' } },
      ]
      return commands.filter((c) => !window.demo.send(c)).map((c) => c.payload.instrument ?? c.type)
    })
    if (refused.length) console.log('refused:', refused.join(', '))
    await page.waitForTimeout(2500)
    await page.screenshot({ path: `${out}${tag}-6-full-package.png` })
    await page.evaluate(() => {
      for (const side of ['ukraine', 'europe', 'us']) window.demo.send({ type: 'endorse', side, payload: {} })
      window.demo.send({ type: 'table', side: 'europe', payload: {} })
    })
    await page.waitForTimeout(400)
    await page.screenshot({ path: `${out}${tag}-7-reject-flash.png` })
    await page.waitForTimeout(3500)
    await page.screenshot({ path: `${out}${tag}-8-reject.png` })
    console.log(tag, await page.locator('#status').textContent())
    await page.close()
  }
} finally {
  await close()
}
