import type { Debrief, EndedBy } from '../core/debrief/debrief.ts'
import type { Command } from '../core/rules/commands.ts'
import { visibleMessages } from '../core/rules/messages.ts'
import type { Difficulty, GameState } from '../core/rules/state.ts'
import type { Scenario } from '../core/scenario/schema/scenario.ts'
import { type Reader, scenarioFor } from './scenario-view.ts'

/**
 * What each device of a classroom room may see. Pure: the server builds every view with these functions,
 * and the tests read them directly.
 *
 * Private to a side, while the game goes on: its briefing, interests, constraints, outlook, positions and
 * scoring, in every language (see scenario-view.ts), and its breaches (which constraints it endorsed against). Everything said at
 * the table is public: the package, stances and their reasons, requests, flags, meters, Russia's answers
 * and the command log, but for the sides' messages: a team's and a private channel's reach only their
 * sides (and the instructor) until the game is over, in the game and in the log alike. Nobody but the instructor gets the generator's state or the seed (they would tell
 * Russia's chance in advance) nor the snapshot kept for an overrule, nor, while the game goes on, Russia's
 * hidden resolve (how firm each red line is: players learn it only from the answers). Once the game is over
 * the debrief, built by the server from everything, is public, as on the shared screen, and so is the resolve.
 */

/**
 * Who a device is in a room. A student with no side yet sees what an observer would. The scenario each seat
 * receives is built by allow-list in `scenario-view.ts`.
 */
export type Seat = Reader

export { scenarioFor }

/**
 * The game state as `seat` may see it. `over` says the game has ended (by the rules, or by the instructor
 * ending the room), when the debrief reveals Russia's resolve to everyone.
 */
export function gameFor(game: GameState, seat: Seat, over = game.phase === 'ended'): GameState {
  if (seat.role === 'instructor') return { ...game, beforeResponse: null }
  const own = seat.side
  return {
    ...game,
    setup: { ...game.setup, seed: 0 },
    rng: 0,
    // Emptied, not left out: the state keeps its shape, and a red line with no drawn firmness reads as its
    // range's top (see firmnessOf), so nothing in the browser can tell how firm Russia really is.
    resolve: over ? game.resolve : {},
    beforeResponse: null,
    breaches: game.breaches.filter((b) => b.side === own),
    // Public messages to all, team ones to their side, private ones to their two sides; all once it is over.
    messages: over ? game.messages : visibleMessages(game.messages, { side: own }),
  }
}

/** The scenario and the game as one seat may see them. */
export function viewFor(
  game: GameState,
  scenario: Scenario,
  seat: Seat,
): { scenario: Scenario; game: GameState } {
  return { scenario: scenarioFor(scenario, seat), game: gameFor(game, seat) }
}

/** Who sent a logged command. */
export type Author =
  | { kind: 'student'; seat: string; name: string }
  | { kind: 'instructor' }
  | { kind: 'computer' }
  | { kind: 'timer' }

/** One applied command of the room's game, with who sent it and when (ISO time). */
export interface LogEntry {
  command: Command
  by: Author
  at: string
}

export type RoomStatus = 'lobby' | 'running' | 'paused' | 'ended'

/** The room's settings, which the instructor can change. */
export interface RoomSettings {
  /** Whether students may pick their own side. */
  picking: boolean
  /** Seconds per round, or null for no timer. */
  timerSeconds: number | null
  difficulty: Difficulty
}

/** A student's seat as everyone in the room sees it. */
export interface SeatView {
  id: string
  name: string
  side: string | null
  online: boolean
  /** The student's named role within their side (an id of the side's `roles`), when they have one. */
  role?: string
  /** Whether the instructor muted this student's messages. */
  muted: boolean
  /** Times another device tried to open this seat with its token while it was connected (refused). */
  contested?: number
}

/**
 * The room as one device sees it, sent after every change. `log` carries only the entries from `from` on
 * (the device appends them to what it has; a device that just joined gets them all, from 0).
 */
export interface RoomView {
  code: string
  title: string
  status: RoomStatus
  settings: RoomSettings
  /** The round's deadline as the server's epoch milliseconds; `remainingMs` while paused. */
  timer: { deadline: number | null; remainingMs: number | null; serverNow: number }
  /** This device's seat; the student's side is the one its commands act for. */
  you:
    | { role: 'instructor' }
    | { role: 'student'; seat: string; name: string; side: string | null; sideRole?: string }
  seats: SeatView[]
  /** Sides played by students once the game has started (the others are computer-played); null before. */
  humanSides: string[] | null
  game: GameState | null
  log: { from: number; entries: LogEntry[] }
  /** The debrief once the game is over (by the rules or by the instructor); null before. */
  debrief: Debrief | null
  /**
   * The questions for reflection after the game and the answers: a student gets theirs once the game is over
   * (their side's questions and the room's, their own answers); the instructor every question with its
   * rubric and every answer, all along. Absent for a student before the end.
   */
  reflection?: ReflectionView
  /** Instructor only: what the instructor did besides commands (start, pause, assignments…), newest last. */
  journal?: Array<{ at: string; text: string }>
}

/** A question for reflection as a device receives it. */
export interface ReflectionQuestionView {
  /** `SIDE/ID` for a question of the scenario, `room-N` for one the instructor added to the room. */
  id: string
  /** The question in the scenario's language (the device shows its translation when the scenario has one). */
  text: string
  /** The side whose question it is; null for the instructor's questions, asked of every student. */
  side: string | null
  /** Instructor only: what a good answer shows. */
  rubric?: string
}

/** One student's answer to one question. */
export interface AnswerView {
  seat: string
  question: string
  text: string
  /** When it was last changed (ISO time). */
  at: string
}

/** What a device gets of the reflection after the game (see `RoomView.reflection`). */
export interface ReflectionView {
  questions: ReflectionQuestionView[]
  /** A student's own answers; every student's for the instructor. */
  answers: AnswerView[]
  /** The seats that handed their answers in: the student's own (or none), every one for the instructor. */
  submitted: string[]
}

/** A room as the session's dashboard lists it. */
export interface RoomSummary {
  code: string
  title: string
  scenarioId: string
  status: RoomStatus
  round: number | null
  phase: GameState['phase'] | null
  ending: string | null
  /** What ended the game once the room is over (the rules, the round timer, the instructor); null before. */
  endedBy: EndedBy | null
  seats: number
  online: number
  createdAt: string
}
