import type { Scenario } from '../schema/scenario.ts'
import type { ParsedFile } from './parse.ts'
import type { Problem } from './problems.ts'
import { reachabilityWarnings } from './reachability.ts'
import { uncertaintyWarnings } from './uncertainty-warnings.ts'

/** Things that are legal but probably not what the author meant. */
export function suspiciousThings(parsed: ParsedFile, s: Scenario): Problem[] {
  const out: Problem[] = []
  s.seeds.forEach((seed, i) => {
    if (seed.title === undefined)
      out.push(
        parsed.problem(
          'SEED_TITLE_MISSING',
          `The article "${seed.file}" has no title, so students see its file name`,
          ['seeds', i],
        ),
      )
  })
  const proposers = new Set(s.sides.filter((x) => x.role === 'proposer').map((x) => x.id))
  s.instruments.forEach((x, i) => {
    if (!x.proposers.some((p) => proposers.has(p)))
      out.push(
        parsed.problem('INSTRUMENT_UNPROPOSABLE', `No proposing side can put in "${x.id}"`, [
          'instruments',
          i,
          'proposers',
        ]),
      )
  })
  s.events.forEach((e, i) => {
    if (e.round !== undefined && e.round > s.rounds)
      out.push(
        parsed.problem(
          'EVENT_AFTER_LAST_ROUND',
          `Event "${e.id}" is set for round ${e.round} of ${s.rounds}`,
          ['events', i, 'round'],
        ),
      )
  })
  return [...out, ...uncertaintyWarnings(parsed, s), ...reachabilityWarnings(parsed, s)]
}
