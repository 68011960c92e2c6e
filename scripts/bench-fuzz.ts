/**
 * The long fuzz run of `npm run bench`: over 100,000 generated scenario files through `loadScenario`, each
 * timed alone. It fails (exit code 1) if any load throws, returns no list of problems, breaks the promises
 * checked by `brokenPromise` (places, fixes, a scenario exactly when there is no error), touches
 * Object.prototype, or takes longer than HANG_MS. Small inputs load with every warning, as the checker does;
 * the seed scenario's mutations skip the reachability warnings, as the game does. Run alone with
 * `npx tsx scripts/bench-fuzz.ts` (FUZZ_SCALE=0.1 for a tenth of the inputs).
 */
import fc from 'fast-check'
import { loadScenario } from '../src/core/scenario/load/index.ts'
import { readSeeds } from '../src/node/scenario-files.ts'
import {
  aliasBombs,
  arbitraryText,
  brokenPromise,
  deepNesting,
  hugeInputs,
  mutatedScenario,
  SEED_SCENARIO,
  SMALL_SCENARIOS,
  yamlish,
} from '../tests/unit/fuzz-inputs.ts'
import { FIXTURE_SEEDS } from '../tests/unit/helpers.ts'

/** A single load slower than this counts as a hang. */
const HANG_MS = 10_000
const SCALE = Number(process.env.FUZZ_SCALE ?? 1)
const BATCH = 500

interface Kind {
  name: string
  count: number
  inputs: fc.Arbitrary<string>
  seeds: Readonly<Record<string, string>>
  skipWarnings: boolean
}

export interface FuzzResult {
  inputs: number
  failures: string[]
  totalMs: number
  slowestMs: number
  slowestKind: string
  byKind: Record<string, { inputs: number; ms: number; slowestMs: number; refused: number }>
}

/** Runs every kind of input through the loader and reports counts, times and any broken promise. */
export function runFuzz(seed = 20_250_827): FuzzResult {
  const articles = readSeeds()
  const kinds: Kind[] = [
    {
      name: 'arbitrary text',
      count: 50_000,
      inputs: arbitraryText,
      seeds: FIXTURE_SEEDS,
      skipWarnings: false,
    },
    { name: 'YAML-ish documents', count: 40_000, inputs: yamlish, seeds: FIXTURE_SEEDS, skipWarnings: false },
    {
      name: 'small scenarios mutated',
      count: 8_000,
      inputs: mutatedScenario(SMALL_SCENARIOS),
      seeds: FIXTURE_SEEDS,
      skipWarnings: false,
    },
    {
      name: 'seed scenario mutated',
      count: 800,
      inputs: mutatedScenario([SEED_SCENARIO]),
      seeds: articles,
      skipWarnings: true,
    },
    { name: 'deep nesting', count: 1_000, inputs: deepNesting, seeds: FIXTURE_SEEDS, skipWarnings: false },
    { name: 'alias bombs', count: 1_000, inputs: aliasBombs, seeds: FIXTURE_SEEDS, skipWarnings: false },
  ]
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join()
  const result: FuzzResult = {
    inputs: 0,
    failures: [],
    totalMs: 0,
    slowestMs: 0,
    slowestKind: '',
    byKind: {},
  }
  const one = (
    kind: string,
    text: string,
    seeds: Readonly<Record<string, string>>,
    skipWarnings: boolean,
  ) => {
    const stats = result.byKind[kind] ?? { inputs: 0, ms: 0, slowestMs: 0, refused: 0 }
    result.byKind[kind] = stats
    const t0 = performance.now()
    let broken: string | null
    let refused = false
    try {
      const loaded = loadScenario(text, { seeds, skipWarnings })
      refused = loaded.scenario === null
      broken = brokenPromise(text, loaded)
    } catch (e) {
      broken = `threw ${e instanceof Error ? e.message : String(e)}`
    }
    const ms = performance.now() - t0
    if (ms > HANG_MS) broken = `took ${ms.toFixed(0)} ms`
    if (broken && result.failures.length < 20)
      result.failures.push(`${kind}: ${broken}: ${JSON.stringify(text.slice(0, 160))}`)
    result.inputs++
    result.totalMs += ms
    stats.inputs++
    stats.ms += ms
    if (refused) stats.refused++
    if (ms > stats.slowestMs) stats.slowestMs = ms
    if (ms > result.slowestMs) {
      result.slowestMs = ms
      result.slowestKind = kind
    }
  }
  for (const kind of kinds) {
    const count = Math.max(1, Math.round(kind.count * SCALE))
    for (let done = 0, batch = 0; done < count; batch++) {
      const size = Math.min(BATCH, count - done)
      for (const text of fc.sample(kind.inputs, { numRuns: size, seed: seed + batch * 7919 + kind.count }))
        one(kind.name, text, kind.seeds, kind.skipWarnings)
      done += size
    }
  }
  for (const [name, text] of hugeInputs()) one(`huge: ${name}`, text, FIXTURE_SEEDS, false)
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeBefore)
    result.failures.push('Object.prototype was changed')
  return result
}

/** Prints the run as rows of the bench's table and returns whether it passed. */
export function printFuzz(r: FuzzResult): boolean {
  console.log(`\nLoader fuzz — ${r.inputs.toLocaleString('en')} generated inputs through loadScenario`)
  const rows = Object.entries(r.byKind).filter(([name]) => !name.startsWith('huge: '))
  const huge = Object.entries(r.byKind).filter(([name]) => name.startsWith('huge: '))
  const w = Math.max(...Object.keys(r.byKind).map((k) => k.length))
  for (const [name, s] of rows)
    console.log(
      `  ${name.padEnd(w)}  ${String(s.inputs).padStart(6)} inputs  ${s.ms.toFixed(0).padStart(6)} ms  mean ${(s.ms / s.inputs).toFixed(3)} ms  slowest ${s.slowestMs.toFixed(1)} ms  refused ${s.refused}`,
    )
  for (const [name, s] of huge) console.log(`  ${name.padEnd(w)}  ${s.slowestMs.toFixed(0).padStart(6)} ms`)
  console.log(
    `  total ${(r.totalMs / 1000).toFixed(1)} s; slowest single input ${r.slowestMs.toFixed(0)} ms (${r.slowestKind}); hang limit ${HANG_MS} ms`,
  )
  if (r.failures.length) console.log(`  FAILED:\n    ${r.failures.join('\n    ')}`)
  else console.log('  no input threw, hung, returned no list, or broke a promise')
  return r.failures.length === 0
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!printFuzz(runFuzz())) process.exitCode = 1
}
