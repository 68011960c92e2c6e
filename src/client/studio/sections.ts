/**
 * Which section of the studio edits which part of a scenario, so that a problem in the summary list opens
 * the section that shows its field. The parts the general form edits (the title, the stage, the rounds…) and
 * any key the file has that no section knows go to General, where the form shows what it cannot place.
 */
import { pathSteps, type StudioSection } from './edits.ts'

const OWNERS: Record<string, StudioSection> = {
  seeds: 'sources',
  sides: 'sides',
  actors: 'actors',
  instruments: 'instruments',
  tags: 'tags',
  meters: 'meters',
  flags: 'flags',
  redLines: 'redLines',
  preferences: 'preferences',
  response: 'response',
  noPackage: 'response',
  unilateral: 'response',
  aftermath: 'response',
  events: 'events',
  endings: 'endings',
  scoring: 'scoring',
  constraintPenalty: 'scoring',
}

/** The section whose form shows the field at `path` (the checker's text or a list of steps). */
export function sectionOf(path: string | ReadonlyArray<string | number>): StudioSection {
  const first = pathSteps(path)[0]
  return (typeof first === 'string' && Object.hasOwn(OWNERS, first) ? OWNERS[first] : undefined) ?? 'general'
}
