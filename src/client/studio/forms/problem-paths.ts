import type { Problem } from '../../../core/scenario/load/problems.ts'
import { type DocPath, pathText } from '../edits.ts'

/**
 * Which problems the checker found belong to which field. A problem's `path` is the checker's text
 * (`instruments[3].tags[1]`); a field shows the problems at its path or anywhere under it (a wrong tag in a list
 * of tags shows at the list), and a group of fields shows those at the group itself and under it at a field it
 * does not draw (an unknown field, say), so that no problem is left without a place.
 */

/** True when a problem's path (the checker's text) is `at` itself or a place inside it. */
export function isAtOrUnder(problemPath: string, at: string): boolean {
  if (at === '') return true
  return (
    problemPath === at ||
    (problemPath.startsWith(at) && (problemPath[at.length] === '.' || problemPath[at.length] === '['))
  )
}

/** The problems of one section form, found once and asked by path as the form draws its fields. */
export class ProblemIndex {
  private readonly entries: ReadonlyArray<{ path: string; problem: Problem }>

  constructor(problems: readonly Problem[]) {
    this.entries = problems.map((problem) => ({ path: pathText(problem.path), problem }))
  }

  /** The problems at `path` or under it, errors first, in the checker's order otherwise. */
  under(path: DocPath): Problem[] {
    const at = pathText(path)
    return bySeverity(this.entries.filter((e) => isAtOrUnder(e.path, at)).map((e) => e.problem))
  }

  /**
   * The problems a group of fields shows itself: at its path, or under it but not under any of `drawn`
   * (the keys or indexes of the parts it draws, which show their own).
   */
  unclaimed(path: DocPath, drawn: Iterable<string | number>): Problem[] {
    const at = pathText(path)
    const children = [...drawn].map((key) => pathText([...path, key]))
    return bySeverity(
      this.entries
        .filter((e) => isAtOrUnder(e.path, at) && !children.some((child) => isAtOrUnder(e.path, child)))
        .map((e) => e.problem),
    )
  }

  /** How many errors and warnings lie at `path` or under it (for the summary of a folded entry). */
  count(path: DocPath): { errors: number; warnings: number } {
    const found = this.under(path)
    const errors = found.filter((p) => p.severity === 'error').length
    return { errors, warnings: found.length - errors }
  }
}

function bySeverity(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'))
}
