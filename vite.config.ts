import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { firstScreen } from './src/node/first-screen.ts'
import { singlePage } from './src/node/single-page.ts'
import { CLASSROOM_BUILD_MODE, withoutShippedScenarios } from './src/server/classroom-build.ts'

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url))

/**
 * The game is a static page: Vite serves `index.html` in development and builds it into `dist/`.
 * Scenario YAML and seed articles are imported as raw text (`?raw`), so the browser never fetches
 * anything at run time and a student can read every cited article offline. `stage.html` is the page of
 * the decorative Phaser stage, which the game loads in a frame (see `src/client/stage/index.ts`).
 * `--mode classroom` builds the game a classroom server serves: without the shipped scenario files, whose
 * every side's private texts a student must not receive (see `src/server/classroom-build.ts`). The title
 * screen's shell is written into the page itself, usable at its first paint (`src/node/first-screen.ts`).
 * Every URL in the built pages is relative (`base: './'`), so `dist/` works from any folder of any static host;
 * and the ordinary build also writes `dist/red-lines.html`, the whole game in one file that opens from a
 * double-click, offline (`src/node/single-page.ts`; the development server builds it on request).
 */
export default defineConfig(({ mode }) => ({
  plugins:
    mode === CLASSROOM_BUILD_MODE
      ? [firstScreen({ fileNotice: false }), withoutShippedScenarios()]
      : [firstScreen(), singlePage(() => [firstScreen({ fileNotice: false })])],
  base: './',
  server: { port: 5173, strictPort: false },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { input: { index: page('index.html'), stage: page('stage.html') } },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    testTimeout: 30_000,
  },
}))
