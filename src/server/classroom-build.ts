/**
 * The game as a classroom server serves it (`vite build --mode classroom`, which `npm run classroom` runs):
 * the same pages without the shipped scenario files inside. A solo game needs a scenario's every side
 * (its briefings, constraints, positions), so a page that bundles the shipped files would hand each student
 * every other side's private texts: on a classroom server, students receive a scenario only through their
 * room, seat by seat (see `src/net/scenario-view.ts`). Solo and hot-seat play of the shipped scenarios is
 * the ordinary build (`npm start`, `npm run build`); see the README.
 *
 * Pure of Node's file system so that `vite.config.ts` can import it.
 */

/** The module that bundles the shipped scenario files, and the call that does it. */
const SCENARIOS_MODULE = /[\\/]src[\\/]client[\\/]scenarios\.ts$/
const SHIPPED_GLOB = /import\.meta\.glob<string>\(\s*'\/scenarios\/\*\.yaml'[^)]*\)/
/** The call that bundles the authors' template, which reuses texts of the shipped files. */
const TEMPLATE_GLOB = /import\.meta\.glob<string>\(\s*'\/scenarios\/template\/\*\.yaml'[^)]*\)/

/** Marks a classroom build, for the server's check that it serves no shipped scenario (see `leaks.ts`). */
export const CLASSROOM_BUILD_MODE = 'classroom'

/** A Vite plugin that leaves the shipped scenario files out of the build. Fails the build when it cannot. */
export function withoutShippedScenarios() {
  return {
    name: 'red-lines:without-shipped-scenarios',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!SCENARIOS_MODULE.test(id.split('?')[0] ?? id)) return null
      if (!SHIPPED_GLOB.test(code) || !TEMPLATE_GLOB.test(code))
        throw new Error(
          'src/client/scenarios.ts no longer bundles /scenarios/*.yaml and /scenarios/template/*.yaml as the classroom build expects: update SHIPPED_GLOB and TEMPLATE_GLOB in src/server/classroom-build.ts, or a classroom server would serve every side’s private texts.',
        )
      const none = '({} as Record<string, string>)'
      return { code: code.replace(SHIPPED_GLOB, none).replace(TEMPLATE_GLOB, none), map: null }
    },
  }
}
