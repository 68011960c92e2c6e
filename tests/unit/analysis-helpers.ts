import type { Analysis } from '../../src/core/analyze/analysis.ts'
import { settableFlags } from '../../src/core/analyze/offers.ts'
import type { Step } from '../../src/core/analyze/tally.ts'
import type { Command } from '../../src/core/rules/commands.ts'
import type { PackageItem } from '../../src/core/rules/package.ts'
import type { ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import { replay } from '../../src/core/store.ts'

/** The commands a table of human players would send to play `steps`, as the search describes them. */
export function commandsFor(index: ScenarioIndex, steps: readonly Step[]): Command[] {
  const commands: Command[] = []
  const [first = ''] = index.proposers
  let onTable: readonly PackageItem[] = []
  for (const step of steps) {
    for (const item of onTable)
      commands.push({ type: 'withdraw', side: item.backedBy, payload: { instrument: item.instrument } })
    onTable = step.tabled ?? []
    if (!step.tabled) {
      for (const side of index.proposers) commands.push({ type: 'object', side, payload: { reason: 'No.' } })
      commands.push({ type: 'endRound', side: first, payload: {} })
      continue
    }
    for (const flag of settableFlags(index)) {
      const side = index.scenario.flags.find((f) => f.id === flag)?.settableBy[0] ?? first
      commands.push({ type: 'setFlag', side, payload: { flag, value: step.flags.includes(flag) } })
    }
    for (const { instrument, variant, backedBy } of step.tabled)
      commands.push({
        type: 'add',
        side: backedBy,
        payload: variant ? { instrument, variant } : { instrument },
      })
    for (const side of index.proposers) commands.push({ type: 'endorse', side, payload: {} })
    commands.push({ type: 'table', side: first, payload: {} })
    const choice = step.decision
    if (choice)
      for (const side of index.proposers) commands.push({ type: 'decide', side, payload: { choice } })
  }
  return commands
}

/** Replays a way found by the analysis with the real commands, from the start of a game with its seed. */
export function replayWay(index: ScenarioIndex, way: NonNullable<Analysis['endings'][number]['way']>) {
  const seats = Object.fromEntries(index.proposers.map((s) => [s, 'human' as const]))
  const setup = { scenarioId: index.scenario.id, seats, seed: way.seed, difficulty: 'normal' as const }
  return replay(index, setup, commandsFor(index, way.steps))
}
