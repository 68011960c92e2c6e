import { sideName } from '../core/rules/apply.ts'
import type { Command } from '../core/rules/commands.ts'
import { type PackageItem, resolveItem } from '../core/rules/package.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { GameState, Response } from '../core/rules/state.ts'
import { verdictText as sharedVerdictText } from '../messages/debrief.ts'
import { type MessageKey, t, words } from './i18n/index.ts'

/** What the game screens render from, and the only ways they can change anything. */
export interface GameView {
  index: ScenarioIndex
  state: GameState
  /** Every command applied so far, computer players' included. */
  log: readonly Command[]
  /** In a classroom room: who sent each logged command (a student's display name), null where the line says it. */
  authors?: readonly (string | null)[]
  /** The human-played proposer sides, in scenario order. */
  humans: string[]
  /** The human side the controls act for, or null when no side is human. */
  acting: string | null
  /**
   * Sends a command for the acting side, lets computer partners answer, saves and re-renders. A refusal is
   * shown in the page's notices, or, when `refused` is given, handed to it worded (a form shows it by its
   * field, where the player is looking).
   */
  act: (command: Command, refused?: (text: string) => void) => void
  /** In a classroom room, the student's own seat (absent on other devices). */
  seat?: SeatFacts
  /** Shows a message that needs no command, such as a missing reason. */
  tell: (message: string) => void
  setActing: (side: string) => void
  openSource: (seed: string, quote: string) => void
  newGame: () => void
}

/** What a student's device knows of its own seat in a room, from the room's view of the seats. */
export interface SeatFacts {
  /** Whether the instructor muted the student's messages. */
  muted: boolean
  /** How many other students sit on the same side. */
  teammates: number
}

/** A side's name, e.g. "Europe". */
export const nameOf = (index: ScenarioIndex, side: string): string => sideName(index, side)

/** A side's name with who plays it, e.g. "Europe (computer)". */
export function seatedName(index: ScenarioIndex, state: GameState, side: string): string {
  const seat = state.setup.seats[side] === 'computer' ? 'seat.computer' : 'seat.human'
  return t('seat.named', { side: nameOf(index, side), seat: t(seat) })
}

const VERDICT_KIND: Record<Response['verdict'], MessageKey> = {
  accept: 'verdictKind.accept',
  demandRemoval: 'verdictKind.demandRemoval',
  reject: 'verdictKind.reject',
}

/**
 * The one-line verdict in the interface's language, e.g. "Russia rejects the package."; when the instructor
 * overruled the rules, it says so, with the rules' verdict and the instructor's reason.
 */
export function verdictText(index: ScenarioIndex, response: Pick<Response, 'verdict' | 'overruled'>): string {
  return sharedVerdictText(words(), nameOf(index, index.responder), response)
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
  const responder = nameOf(index, index.responder)
  switch (command.type) {
    case 'add':
      return t('log.add', {
        who,
        instrument: instrumentName(index, command.payload.instrument, command.payload.variant),
      })
    case 'withdraw':
      return t('log.withdraw', { who, instrument: instrumentName(index, command.payload.instrument) })
    case 'request':
      return t('log.request', {
        who,
        to: nameOf(index, command.payload.to),
        instrument: instrumentName(index, command.payload.instrument, command.payload.variant),
      })
    case 'decline': {
      const r = state.requests[command.payload.request]
      const instrument = r
        ? instrumentName(index, r.instrument, r.variant)
        : t('log.requestNumber', { number: command.payload.request + 1 })
      return t('log.decline', { who, instrument, reason: command.payload.reason })
    }
    case 'endorse':
      return t('log.endorse', { who })
    case 'object':
      return t('log.object', { who, reason: command.payload.reason })
    case 'setFlag': {
      const flag =
        index.scenario.flags.find((f) => f.id === command.payload.flag)?.name ?? command.payload.flag
      return t(command.payload.value ? 'log.setFlag' : 'log.clearFlag', { who, flag })
    }
    case 'table':
      return t('log.table', { who })
    case 'endRound':
      return t('log.endRound', { who })
    case 'decide':
      return command.payload.choice === 'implement'
        ? t('log.implement', { who, responder })
        : t('log.continue', { who })
    case 'overrule':
      return t('log.overrule', {
        responder,
        verdict: t(VERDICT_KIND[command.payload.verdict]),
        reason: command.payload.reason,
      })
    case 'inject': {
      const event = index.scenario.events.find((e) => e.id === command.payload.event)
      return t('log.inject', { event: event?.title ?? command.payload.event })
    }
    case 'say': {
      const { channel, to, text } = command.payload
      if (channel === 'private') return t('log.sayPrivate', { who, to: nameOf(index, to ?? ''), text })
      return t(channel === 'team' ? 'log.sayTeam' : 'log.say', { who, text })
    }
  }
}
