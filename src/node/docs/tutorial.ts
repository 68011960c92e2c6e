import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type LoadResult, loadScenario } from '../../core/scenario/load/index.ts'
import { PROJECT_ROOT, readSeeds } from '../scenario-files.ts'

/** Where the tutorial's stages live: each is a whole scenario file as it stands after that step. */
export const TUTORIAL_DIR = join(PROJECT_ROOT, 'tests/fixtures/tutorial')

/** The name the guide tells the teacher to save the tutorial file under, in `scenarios/`. */
export const TUTORIAL_FILE = 'first-steps.yaml'

/** One stage of the tutorial: the file after the step, what the step added, and what the loader says. */
export interface TutorialStep {
  number: number
  text: string
  /** The lines this step adds at the end of the previous step's file (the whole file for step 1). */
  added: string
  result: LoadResult
}

/**
 * Reads `step-1.yaml`, `step-2.yaml`, … in order and loads each as the game would, against the articles in
 * `seeds/`. Each step only adds lines at the end of the one before, so the guide can show just what is new;
 * a step that changes earlier lines is refused here rather than shown wrongly.
 */
export function readTutorial(folder = TUTORIAL_DIR): TutorialStep[] {
  const numbers = readdirSync(folder)
    .map((name) => /^step-(\d+)\.yaml$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
  const seeds = readSeeds()
  let previous = ''
  return numbers.map((number, i) => {
    if (number !== i + 1) throw new Error(`The tutorial has no step-${i + 1}.yaml before step-${number}.yaml`)
    const text = readFileSync(join(folder, `step-${number}.yaml`), 'utf8')
    if (!text.startsWith(previous))
      throw new Error(`step-${number}.yaml must start with the whole of step-${number - 1}.yaml`)
    const added = text.slice(previous.length).replace(/^\n+/, '')
    previous = text
    return { number, text, added, result: loadScenario(text, { file: TUTORIAL_FILE, seeds }) }
  })
}
