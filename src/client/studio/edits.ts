/**
 * The contract between the studio's screen and its section forms: which sections there are, the edits a
 * form asks for (applied to the YAML document by the studio, so comments and layout survive), and the ids
 * of the fields, so that a problem in the summary list can move focus to the field it is about.
 */

import type { Problem } from '../../core/scenario/load/problems.ts'
import type { MessageKey } from '../../messages/index.ts'
import type { View } from '../dom.ts'

/** A place in the scenario document: keys of groups of fields and indexes of lists, from the top. */
export type DocPath = ReadonlyArray<string | number>

/** One change a form asks for. `append` adds to the end of a list (creating it), `move` reorders one. */
export type StudioEdit =
  | { op: 'set'; path: DocPath; value: unknown }
  | { op: 'remove'; path: DocPath }
  | { op: 'append'; path: DocPath; value: unknown }
  | { op: 'move'; path: DocPath; from: number; to: number }

/** The parts of a scenario the studio edits, each a form of its own. */
export type StudioSection =
  | 'general'
  | 'sources'
  | 'sides'
  | 'actors'
  | 'instruments'
  | 'tags'
  | 'meters'
  | 'flags'
  | 'redLines'
  | 'preferences'
  | 'response'
  | 'events'
  | 'endings'
  | 'scoring'

/** What a section form is given: the whole document as plain data, every problem, and a way to edit. */
export interface SectionFormProps {
  section: StudioSection
  /** The whole scenario document as plain JavaScript (what `getAt(doc, [])` gives). */
  data: unknown
  /** Every problem the checker found; a form shows those whose `path` is one of its fields'. */
  problems: readonly Problem[]
  edit: (e: StudioEdit) => void
}

/** A section form: the studio places it under the section's heading. */
export type SectionForm = (props: SectionFormProps) => View

/** The sections in the order the studio lists them, each with the catalogue key of its name. */
export const SECTIONS: ReadonlyArray<{ id: StudioSection; label: MessageKey }> = [
  { id: 'general', label: 'studio.section.general' },
  { id: 'sources', label: 'studio.section.sources' },
  { id: 'sides', label: 'studio.section.sides' },
  { id: 'actors', label: 'studio.section.actors' },
  { id: 'instruments', label: 'studio.section.instruments' },
  { id: 'tags', label: 'studio.section.tags' },
  { id: 'meters', label: 'studio.section.meters' },
  { id: 'flags', label: 'studio.section.flags' },
  { id: 'redLines', label: 'studio.section.redLines' },
  { id: 'preferences', label: 'studio.section.preferences' },
  { id: 'response', label: 'studio.section.response' },
  { id: 'events', label: 'studio.section.events' },
  { id: 'endings', label: 'studio.section.endings' },
  { id: 'scoring', label: 'studio.section.scoring' },
]

/** The path's steps from either form: a list, or the checker's text (`instruments[3].tags[1]`). */
export function pathSteps(path: DocPath | string): Array<string | number> {
  if (typeof path !== 'string') return [...path]
  const steps: Array<string | number> = []
  for (const m of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    steps.push(m[1] !== undefined ? Number(m[1]) : (m[2] as string))
  }
  return steps
}

/** The checker's way of writing a path (`instruments[3].tags[1]`), so a form can compare with `Problem.path`. */
export function pathText(path: DocPath | string): string {
  return pathSteps(path).reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  )
}

/**
 * The element id of the field that edits `path` (a list or the checker's text: both give the same id).
 * Forms put it on the control; the studio's problem list moves focus to it. Characters other than letters,
 * digits and `-` are escaped, so any key makes a valid, unique id.
 */
export function fieldId(path: DocPath | string): string {
  const steps = pathSteps(path).map((step) =>
    String(step).replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}_`),
  )
  return `studio-field.${steps.join('.')}`
}

/** The problems found at `path` itself (not inside it): what a field shows beside it. */
export function problemsAt(problems: readonly Problem[], path: DocPath | string): Problem[] {
  const at = pathText(path)
  return problems.filter((p) => p.path === at)
}
