import { PROBLEM_CODES, type ProblemCode } from '../../core/scenario/load/problems.ts'

/** An example message for a problem code, and the test file it comes from. */
export interface ProblemExample {
  file: string
  message: string
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')

/**
 * Finds, for each code, the first message the broken test files give for it. Each `.expected.txt` line
 * reads `file:line:col  [warning ]CODE  message (at path). Fix: …`; the message is what a teacher sees.
 */
export function examplesFromExpected(
  expected: ReadonlyArray<{ file: string; text: string }>,
): Partial<Record<ProblemCode, ProblemExample>> {
  const out: Partial<Record<ProblemCode, ProblemExample>> = {}
  for (const { file, text } of expected)
    for (const line of text.split('\n')) {
      const match = /^\S+ {2}(?:warning )?([A-Z_]+) {2}(.*?)(?: \(at [^)]*\))?\. Fix: /.exec(line)
      const code = match?.[1] as ProblemCode | undefined
      if (!match || !code || !(code in PROBLEM_CODES) || out[code]) continue
      out[code] = { file, message: match[2] ?? '' }
    }
  return out
}

/**
 * The catalogue of problem codes as a Markdown table, from `PROBLEM_CODES` in the loader: each code, whether
 * it stops the scenario (error) or only warns, the fix the checker prints, and a real message from the
 * broken test files where one exists.
 */
export function problemReference(examples: Partial<Record<ProblemCode, ProblemExample>>): string {
  const lines = ['| Code | Kind | What to do | Example message |', '| --- | --- | --- | --- |']
  for (const [code, [severity, fix]] of Object.entries(PROBLEM_CODES)) {
    const example = examples[code as ProblemCode]
    const shown = example ? `${example.message} *(${example.file})*` : '—'
    const kind = severity === 'error' ? 'error' : 'warning'
    lines.push(`| \`${code}\` | ${kind} | ${cell(fix)} | ${cell(shown)} |`)
  }
  return lines.join('\n')
}
