import { defineConfig } from 'vitest/config'

/**
 * The game is a static page: Vite serves `index.html` in development and builds it into `dist/`.
 * Scenario YAML and seed articles are imported as raw text (`?raw`), so the browser never fetches
 * anything at run time and a student can read every cited article offline.
 */
export default defineConfig({
  server: { port: 5173, strictPort: false },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    testTimeout: 30_000,
  },
})
