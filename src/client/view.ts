import { sideName } from '../core/rules/apply.ts'
import type { Command } from '../core/rules/commands.ts'
import { type PackageItem, resolveItem } from '../core/rules/package.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { GameState } from '../core/rules/state.ts'

/** What the game screens render from, and the only ways they can change anything. */
export interface GameView {
  index: ScenarioIndex
  state: GameState
  /** Every command applied so far, computer players' included. */
  log: readonly Command[]
  /** The human-played proposer sides, in scenario order. */
  humans: string[]
  /** The human side the controls act for, or null when no side is human. */
  acting: string | null
  /** Sends a command for the acting side, lets computer partners answer, saves and re-renders. */
  act: (command: Command) => void
  /** Shows a message that needs no command, such as a missing reason. */
  tell: (message: string) => void
  setActing: (side: string) => void
  openSource: (seed: string, quote: string) => void
  newGame: () => void
}

/** A side's name, e.g. "Europe". */
export const nameOf = (index: ScenarioIndex, side: string): string => sideName(index, side)

/** A side's name with who plays it, e.g. "Europe (computer)". */
export function seatedName(index: ScenarioIndex, state: GameState, side: string): string {
  const seat = state.setup.seats[side] === 'computer' ? 'computer' : 'human'
  return `${nameOf(index, side)} (${seat})`
}

/** An instrument's name in the reading chosen, e.g. "Article 5-style clause (shall)". */
export function instrumentName(index: ScenarioIndex, instrument: string, variant?: string): string {
  const item: PackageItem = { instrument, backedBy: '' }
  if (variant) item.variant = variant
  return resolveItem(index, item)?.name ?? instrument
}

/** A meter's name, or its id when the scenario does not know it. */
export const meterName = (index: ScenarioIndex, id: string): string => index.meters.get(id)?.name ?? id

/** "Escalation 40, Deterrence 20" for a record of meter values. */
export function meterSummary(index: ScenarioIndex, meters: Record<string, number>): string {
  return index.scenario.meters.map((m) => `${m.name} ${meters[m.id] ?? m.start}`).join(', ')
}

/** A plain-language line for a logged command, e.g. "Europe (computer) endorses the package." */
export function describeCommand(index: ScenarioIndex, state: GameState, command: Command): string {
  const who = seatedName(index, state, command.side)
  switch (command.type) {
    case 'add':
      return `${who} adds ${instrumentName(index, command.payload.instrument, command.payload.variant)}.`
    case 'withdraw':
      return `${who} withdraws ${instrumentName(index, command.payload.instrument)}.`
    case 'request':
      return `${who} asks ${nameOf(index, command.payload.to)} for ${instrumentName(index, command.payload.instrument, command.payload.variant)}.`
    case 'decline': {
      const r = state.requests[command.payload.request]
      const what = r
        ? instrumentName(index, r.instrument, r.variant)
        : `request ${command.payload.request + 1}`
      return `${who} declines to add ${what}: ${command.payload.reason}`
    }
    case 'endorse':
      return `${who} endorses the package.`
    case 'object':
      return `${who} objects: ${command.payload.reason}`
    case 'setFlag': {
      const flag =
        index.scenario.flags.find((f) => f.id === command.payload.flag)?.name ?? command.payload.flag
      return `${who} ${command.payload.value ? 'sets' : 'clears'} “${flag}”.`
    }
    case 'table':
      return `${who} tables the package.`
    case 'endRound':
      return `${who} ends the round without a package.`
    case 'decide':
      return command.payload.choice === 'implement'
        ? `${who} votes to implement without ${nameOf(index, index.responder)}'s consent.`
        : `${who} votes to continue negotiating.`
    case 'overrule':
      return `The instructor overrules ${nameOf(index, index.responder)}'s answer (${command.payload.verdict}): ${command.payload.reason}`
    case 'inject': {
      const event = index.scenario.events.find((e) => e.id === command.payload.event)
      return `The instructor brings in an event: ${event?.title ?? command.payload.event}.`
    }
  }
}
