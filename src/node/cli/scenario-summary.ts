import type { Scenario } from '../../core/scenario/schema/scenario.ts'
import { possessive } from '../../core/text/possessive.ts'

/**
 * What the checker says of a file that loads, under its problems: the parts of format 3 that put the dilemma
 * into play (the responder's hidden resolve, the aftermath, the proposing sides' outlooks and positions), so
 * that an author sees at a glance what the game will keep uncertain. `npm run analyze` says what they do.
 */
export function scenarioSummary(s: Scenario): string[] {
  const responder = s.sides.find((x) => x.role === 'responder')?.name ?? 'The responding side'
  const ranged = s.redLines.filter((r) => r.resolve)
  const ranges = ranged.map((r) => `${r.id} ${r.resolve?.low}–${r.resolve?.high}`).join(', ')
  const proposers = s.sides.filter((x) => x.role === 'proposer')
  const outlooks = proposers.filter((x) => x.outlook).map((x) => `${x.name} ${x.outlook?.firmness}`)
  const positions = proposers.filter((x) => x.positions.length).map((x) => `${x.name} ${x.positions.length}`)
  const years = s.aftermath?.years ?? 0
  return [
    s.redLines.length === 0
      ? `  ${responder} has no red lines.`
      : ranged.length
        ? `  ${possessive(responder, "'")} resolve: a hidden range on ${ranged.length} of ${s.redLines.length} red lines (${ranges})${ranged.length < s.redLines.length ? '; the others always hold' : ''}.`
        : `  ${possessive(responder, "'")} red lines always hold: none has a resolve range.`,
    s.aftermath
      ? `  Aftermath: ${years} ${years === 1 ? 'year' : 'years'} played out after a deal or guarantees imposed without consent.`
      : '  No aftermath: the game ends when the negotiation does.',
    `  Outlooks: ${outlooks.join(', ') || 'none'}; positions: ${positions.join(', ') || 'none'}.`,
  ]
}
