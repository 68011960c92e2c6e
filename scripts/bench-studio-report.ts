/**
 * The figures of `scripts/bench-studio.ts`, as bench-studio-results.json holds them, and the table it prints.
 */
import type { TraceTasks } from './bench-studio-page.ts'

/** A figure taken several times: its median, its range, and every sample. */
export interface Spread {
  median: number
  min: number
  max: number
  samples: number[]
}

/** The median, the range and the samples of `xs` (not empty). */
export function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  const median = s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
  return { median, min: Math.min(...xs), max: Math.max(...xs), samples: xs }
}

/** The same work in the studio's worker and in Node, and the ratio of their medians against its target. */
export interface SideBySide {
  worker: Spread
  node: Spread
  ratio: number
  target: number
}

/** Everything bench-studio-results.json holds. */
export interface StudioResults {
  date: string
  chromium: string
  node: string
  scenario: { file: string; chars: number; articlesWrittenIn: string[] }
  /** The machine's load average (1, 5 and 15 minutes) around the run, and how many processors it has. */
  machine: { processors: number; loadAverageBefore: number[]; loadAverageAfter: number[] }
  check: SideBySide
  dryRun: SideBySide & { budget: number }
  typing: {
    characters: number
    typedMs: number
    /** From the first key until the check and the dry run of the last text came back. */
    watchedMs: number
    longTasksOverBound: number
    longTaskBoundMs: number
    longestTaskMs: number
    longTasks: Array<{ start: number; duration: number }>
    trace: TraceTasks
    target: number
  }
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`
const verdict = (x: SideBySide) =>
  `${x.ratio.toFixed(2)}× (target ≤ ${x.target}×: ${x.ratio <= x.target ? 'met' : 'MISSED'})`
const range = (x: Spread) => `${ms(x.median)} (${ms(x.min)}–${ms(x.max)})`

/** Prints the figures as a table, with the machine's load beside them. */
export function report(r: StudioResults): void {
  const t = r.typing
  const rows = [
    ['figure', 'studio (worker)', 'Node, same call', 'ratio'],
    [
      `check after a change (median of ${r.check.worker.samples.length})`,
      range(r.check.worker),
      range(r.check.node),
      verdict(r.check),
    ],
    [
      `dry run, budget ${r.dryRun.budget} (median of ${r.dryRun.worker.samples.length})`,
      range(r.dryRun.worker),
      range(r.dryRun.node),
      verdict(r.dryRun),
    ],
    [
      `typing ${t.characters} keys: tasks > ${t.longTaskBoundMs} ms`,
      String(t.longTasksOverBound),
      `longest ${ms(t.longestTaskMs)}`,
      `target ${t.target}: ${t.longTasksOverBound <= t.target ? 'met' : 'MISSED'}`,
    ],
    [
      '  the same tasks by work done (trace)',
      String(t.trace.overBoundByWork),
      `most work in one task ${ms(t.trace.mostWorkMs)}`,
      `${t.trace.tasks} tasks in ${(t.watchedMs / 1000).toFixed(1)} s`,
    ],
  ]
  const widths = (rows[0] as string[]).map((_, c) =>
    Math.max(...rows.map((row) => (row[c] as string).length)),
  )
  console.log(
    `Red Lines studio bench — Chromium ${r.chromium}, ${r.scenario.file} with its articles (${r.scenario.chars} characters)`,
  )
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c] as number))
        .join('  ')
        .trimEnd(),
    )
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
  const { processors, loadAverageBefore: before, loadAverageAfter: after } = r.machine
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(', ')
  const busy = Math.max(before[0] ?? 0, after[0] ?? 0) > processors
  console.log(
    `load average (1, 5, 15 min) on ${processors} processors: ${load(before)} before, ${load(after)} after`,
  )
  if (busy)
    console.log(
      'the machine was busier than its processors: its tasks waited for a processor as well as worked',
    )
}
