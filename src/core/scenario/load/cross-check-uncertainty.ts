import type { Condition } from '../schema/conditions.ts'
import type { Effect, Scenario } from '../schema/scenario.ts'
import { AFTERMATH_KINDS } from '../schema/uncertainty.ts'
import type { DocPath, ProblemCode } from './problems.ts'

/**
 * The checks `crossCheck` makes with, handed over so that the parts of format 3 are judged exactly as the
 * rest of the file is (the same messages for an unknown tag, the same walk through conditions and effects).
 */
export interface ReferenceChecks {
  report: (code: ProblemCode, message: string, path: DocPath) => false
  side: (id: string, path: DocPath) => boolean
  tag: (id: string, path: DocPath) => boolean
  instrument: (id: string, variant: string | undefined, path: DocPath) => unknown
  condition: (c: Condition, path: DocPath) => void
  effects: (list: readonly Effect[], path: DocPath) => void
  citations: (list: Array<{ seed: string; speaker?: string }>, path: DocPath) => void
  /** Whether a side has a `scoring` entry (true for any side while that section is incomplete). */
  scored: (id: string) => boolean
}

/**
 * Cross-checks what format 3 added: the hidden resolve ranges of red lines, the proposing sides' outlooks and
 * positions, and the aftermath's terms, outcomes and sources. Every citation among them is checked for its
 * seed here; their quotes are checked with all the others (quotes.ts walks the whole scenario).
 */
export function crossCheckUncertainty(s: Scenario, check: ReferenceChecks): void {
  s.sides.forEach((x, i) => {
    const path = ['sides', i]
    if (x.outlook) {
      if (x.role === 'responder')
        check.report(
          'PROPOSER_ONLY',
          `"${x.id}" is the responding side: an outlook is how a proposing side reads its resolve`,
          [...path, 'outlook'],
        )
      check.citations(x.outlook.source, [...path, 'outlook', 'source'])
    }
    if (x.role === 'responder' && x.positions.length)
      check.report(
        'PROPOSER_ONLY',
        `"${x.id}" is the responding side: positions are the reasons proposing sides give at the table`,
        [...path, 'positions'],
      )
    x.positions.forEach((p, j) => {
      const at = [...path, 'positions', j]
      if (p.instruments.length + p.tags.length === 0)
        check.report('POSITION_EMPTY', `Position ${j + 1} of "${x.id}" names no instrument and no tag`, at)
      p.instruments.forEach((id, k) => {
        check.instrument(id, undefined, [...at, 'instruments', k])
      })
      p.tags.forEach((id, k) => {
        check.tag(id, [...at, 'tags', k])
      })
      check.citations(p.source, [...at, 'source'])
    })
  })
  s.redLines.forEach((r, i) => {
    if (!r.resolve) return
    const path = ['redLines', i, 'resolve']
    if (r.resolve.low > r.resolve.high)
      check.report(
        'RESOLVE_RANGE',
        `Red line "${r.id}" has a resolve range from ${r.resolve.low} to ${r.resolve.high}: \`low\` is above \`high\``,
        [...path, 'low'],
      )
    check.citations(r.resolve.source, [...path, 'source'])
  })
  const aftermath = s.aftermath
  if (!aftermath) return
  for (const key of ['test', 'respond', 'confront'] as const)
    aftermath[key].terms.forEach((t, j) => {
      check.condition(t.when, ['aftermath', key, 'terms', j, 'when'])
    })
  for (const kind of AFTERMATH_KINDS) {
    const outcome = aftermath.outcomes[kind]
    const path = ['aftermath', 'outcomes', kind]
    checkScores(check, outcome.scores, [...path, 'scores'])
    check.effects(outcome.effects, [...path, 'effects'])
    check.citations(outcome.source, [...path, 'source'])
  }
  check.citations(aftermath.source, ['aftermath', 'source'])
}

/** Points given to sides (by an ending or an outcome): each to a known side that has a score to count them in. */
export function checkScores(check: ReferenceChecks, points: Record<string, number>, path: DocPath): void {
  for (const id of Object.keys(points))
    if (check.side(id, [...path, id]) && !check.scored(id))
      check.report(
        'SCORE_NOT_COUNTED',
        `The side "${id}" has no scoring, so these ${points[id]} points never count`,
        [...path, id],
      )
}
