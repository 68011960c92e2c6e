/**
 * What every browser test gets besides Playwright's own fixtures: `base`, the address of the game; `shot`,
 * which writes a screenshot of the page to test-results/screenshots/NAME.png (the artifacts of every screen,
 * kept whether the test passes or not); and a check, after the test, that the page reported no error (an
 * uncaught exception or a console error fails the test). ROOT is the project served (E2E_ROOT, or this one).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, expect } from '@playwright/test'

export { expect }

export const ROOT = process.env.E2E_ROOT || fileURLToPath(new URL('../..', import.meta.url))

/** The folder every screenshot goes to: test-results/screenshots/ (under the configured outputDir). */
export function shotsDir(testInfo) {
  const dir = join(testInfo.project.outputDir, 'screenshots')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Collects a page's uncaught exceptions and console errors (except those `expected` matches) into `errors`. */
export function watchErrors(page, errors, { who = '', expected } = {}) {
  const prefix = who ? `${who}: ` : ''
  page.on('pageerror', (error) => errors.push(`${prefix}${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected?.test(message.text()))
      errors.push(`${prefix}console: ${message.text()}`)
  })
}

export const test = base.extend({
  base: async ({ baseURL }, use) => {
    await use(baseURL)
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors = []
      watchErrors(page, errors)
      await use(errors)
      expect(errors, 'errors in the page').toEqual([])
    },
    { auto: true },
  ],
  shot: async ({ page }, use, testInfo) => {
    const dir = shotsDir(testInfo)
    await use(async (name, options = {}, target = page) => {
      // A whole-page picture shows the parts below the fold too, which the page lays out only when reached
      // (content-visibility: auto), as a person scrolling would see them.
      const style = options.fullPage
        ? await target.addStyleTag({ content: '* { content-visibility: visible !important; }' })
        : null
      await target.screenshot({ path: join(dir, `${name}.png`), ...options })
      await style?.evaluate((el) => el.remove())
    })
  },
})
