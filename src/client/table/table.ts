import type { Command } from '../../core/rules/commands.ts'
import type { RuleWarning } from '../../core/rules/constraints.ts'
import type { Refusal } from '../../core/rules/refusals.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameState } from '../../core/rules/state.ts'
import type { SeatFacts } from '../view.ts'

/**
 * One table for solo, hot-seat and classroom play. The screens draw a `TableSnapshot` and send commands
 * through `act`; whether the rules run here (a local store) or in a classroom room on the server is the
 * transport's business, not theirs. Outcomes are data (codes and parameters): the view words them in the
 * interface's language.
 */

/** Why a command was not applied: the rules refused it, or the room did (not your side, paused, too fast…). */
export type Refused =
  | { by: 'rules'; refusal: Refusal }
  | { by: 'room'; code: string; message: string; params: Readonly<Record<string, string | number>> }

/** What became of a command: applied, with the warnings for the side that sent it, or refused. */
export type ActOutcome = { ok: true; warned: readonly RuleWarning[] } | { ok: false; refused: Refused }

/** What a device's table shows: the game as this device may see it, and who plays on it. */
export interface TableSnapshot {
  /** The scenario as this device may see it (a classroom seat's holds only its own side's private parts). */
  index: ScenarioIndex
  state: GameState
  /** Every command applied so far, computer players' included. */
  log: readonly Command[]
  /** In a classroom room: who sent each logged command (a display name), null where the line says it. */
  authors?: readonly (string | null)[]
  /** The human-played sides this device plays, in scenario order (none: it watches). */
  humans: readonly string[]
  /** In a classroom room, a student's own seat: muted or not, and how many share its side. */
  seat?: SeatFacts
}

/** A table a device plays at: a local store, or a classroom room. */
export interface Table {
  /** Calls `listener` after every change of what the table shows; returns the way to stop. */
  subscribe(listener: () => void): () => void
  /** What the table shows now, or null while a room has not sent its game yet. */
  snapshot(): TableSnapshot | null
  /** Sends a command for a side this device plays; resolves with what became of it. */
  act(command: Command): Promise<ActOutcome>
  /** Whether the table is still answering a move (computer partners thinking); the page says so meanwhile. */
  answering(): boolean
}
