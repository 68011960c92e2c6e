import type { DocPath, StudioEdit } from '../edits.ts'
import type { ProblemIndex } from './problem-paths.ts'

/**
 * What every part of a section form is given: the whole scenario (to offer the elements a field may name),
 * the problems by path, and the one way to change the document. Forms never change the data themselves: they
 * ask for an edit, and the studio applies it to the YAML document and draws them again.
 */
export interface FormCtx {
  /** The whole scenario document as plain data. */
  data: unknown
  problems: ProblemIndex
  edit: (e: StudioEdit) => void
}

/** The value at `path` in `data`, or undefined when a step is missing. */
export function valueAt(data: unknown, path: DocPath): unknown {
  let node = data
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[step]
  }
  return node
}

/** `value` as a group of fields, or an empty one when it is anything else. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** `value` as a list, or an empty one when it is anything else. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
