import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatProblem } from '../../core/scenario/load/problems.ts'
import { scenarioJsonSchema } from '../../core/scenario/schema/json-schema.ts'
import { runAnalyze } from '../cli/analyze.ts'
import { runCheck } from '../cli/check.ts'
import type { CliIo } from '../cli/io.ts'
import { PROJECT_ROOT } from '../scenario-files.ts'
import { exampleDryRun } from './examples.ts'
import { fieldReference, formsReference } from './field-reference.ts'
import type { JsonSchema } from './json-schema-words.ts'
import { limitsReference } from './limits-reference.ts'
import { replaceSection, sectionNames } from './markers.ts'
import { examplesFromExpected, problemReference } from './problem-reference.ts'
import { readTutorial, TUTORIAL_DIR, TUTORIAL_FILE, type TutorialStep } from './tutorial.ts'

/** The authoring guide for teachers, relative to the project root. */
export const GUIDE_PATH = 'scenarios/README.md'

const BROKEN_DIR = join(PROJECT_ROOT, 'tests/fixtures/broken')

const fence = (lang: string, body: string) => `\`\`\`${lang}\n${body.trimEnd()}\n\`\`\``

/**
 * What `npm run <command> -- scenarios/first-steps.yaml` prints for a tutorial step: the real command, run
 * on the step's file without colour at its usual width and without timings, with the file shown under the
 * name the guide uses.
 */
function transcript(command: 'check' | 'analyze', step: TutorialStep): string {
  const file = `step-${step.number}.yaml`
  let printed = ''
  const io: CliIo = {
    out: (text) => {
      printed += text
    },
    err: (text) => {
      printed += text
    },
    cwd: TUTORIAL_DIR,
    colour: false,
    width: 100,
  }
  if (command === 'check') runCheck([file], io)
  else runAnalyze([file], io)
  const shown = printed.split(file).join(`scenarios/${TUTORIAL_FILE}`)
  return fence('text', `$ npm run ${command} -- scenarios/${TUTORIAL_FILE}\n${shown}`)
}

/** The body of every generated section of the guide (whose hand-written examples some read), by name. */
export function guideSections(guide: string): Record<string, string> {
  const schema = JSON.parse(scenarioJsonSchema()) as JsonSchema
  const expected = readdirSync(BROKEN_DIR)
    .filter((name) => name.endsWith('.expected.txt'))
    .sort()
    .map((name) => ({
      file: name.replace(/\.expected\.txt$/, '.yaml'),
      text: readFileSync(join(BROKEN_DIR, name), 'utf8'),
    }))
  const steps = readTutorial()
  const last = steps.at(-1)
  // The tutorial's messages come after the broken files', for the codes those files never show.
  const tutorial = steps.map((step) => ({
    file: `tutorial step-${step.number}.yaml`,
    text: step.result.problems.map(formatProblem).join('\n'),
  }))
  return {
    fields: fieldReference(schema),
    conditions: formsReference(schema, 'condition'),
    effects: formsReference(schema, 'effect'),
    problems: problemReference(examplesFromExpected([...expected, ...tutorial])),
    limits: limitsReference(),
    ...Object.fromEntries(
      steps.flatMap((step) => [
        [`tutorial-step-${step.number}`, fence('yaml', step.added)],
        [`tutorial-check-${step.number}`, transcript('check', step)],
        // A dry run is worth reading only once the file loads.
        ...(step.result.scenario ? [[`tutorial-analyze-${step.number}`, transcript('analyze', step)]] : []),
      ]),
    ),
    ...(last
      ? {
          'tutorial-whole': fence('yaml', last.text),
          'example-dry-run': fence('text', exampleDryRun(guide, last.text)),
        }
      : {}),
  }
}

/**
 * Fills every generated section of the guide's text. Throws when the guide has a section the generator
 * does not know (a renamed or mistyped marker) or lacks one it should have (a tutorial step not shown).
 */
export function renderGuide(text: string, sections = guideSections(text)): string {
  const present = new Set(sectionNames(text))
  const unknown = [...present].filter((name) => !(name in sections))
  if (unknown.length) throw new Error(`${GUIDE_PATH} has unknown generated sections: ${unknown.join(', ')}`)
  const absent = Object.keys(sections).filter((name) => !present.has(name))
  if (absent.length) throw new Error(`${GUIDE_PATH} lacks generated sections: ${absent.join(', ')}`)
  return Object.entries(sections).reduce((out, [name, body]) => replaceSection(out, name, body), text)
}

/** Regenerates the guide's sections in place; returns whether the file changed. */
export function writeGuide(): boolean {
  const path = join(PROJECT_ROOT, GUIDE_PATH)
  const current = readFileSync(path, 'utf8')
  const next = renderGuide(current)
  if (next !== current) writeFileSync(path, next)
  return next !== current
}
