import { sideName } from '../rules/apply.ts'
import type { Command } from '../rules/commands.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import { finalVerdict, type SideScore } from '../rules/scoring.ts'
import {
  type Difficulty,
  type GameMode,
  type GameSetup,
  type GameState,
  newGame,
  type Seat,
} from '../rules/state.ts'
import type { Ending } from '../scenario/schema/scenario.ts'
import { situationFromLog, situationFromState } from './predict.ts'
import { aftermathOf, type DebriefAftermath, type RevealedResolve, revealResolve } from './reveal.ts'
import { type StoryAuthor, type StoryEntry, storyOf } from './story.ts'
import {
  type CrossedRedLine,
  crossedRedLines,
  type DebriefRound,
  type MeterSeries,
  meterSeries,
  timeline,
} from './timeline.ts'
import { type WhatIf, whatIf } from './what-if.ts'

/** How the game ended. */
export interface DebriefOutcome {
  id: string
  kind: Ending['kind']
  title: string
  /** The ending's text (the scenario's words; who came out ahead is in `scores`). */
  text: string
  round: number
}

/**
 * What ended a game, where a classroom room knows it: the rules (an ending reached by the sides' moves), the
 * round timer (its time-out closed the last round and the rules then ended the game), or the instructor
 * (who ended the room where it stood, before any ending).
 */
export type EndedBy = 'rules' | 'timer' | 'instructor'

/** A side's score, with its name. */
export interface DebriefScore extends SideScore {
  name: string
}

/** An endorsement against a side's own constraint. */
export interface DebriefBreach {
  side: string
  sideName: string
  constraint: string
  text: string
  round: number
}

/**
 * A plain-data summary of a game for the debrief screen and the class discussion. It is built from the
 * scenario, the setup and the command log alone, so a game record imported elsewhere gives the same one.
 */
export interface Debrief {
  scenario: { id: string; title: string }
  /** Null while the game is still going on. */
  outcome: DebriefOutcome | null
  /**
   * Who ended the game and in which round, set by a classroom server (absent in a game played alone, which
   * only the rules end). With `by: 'instructor'` there is no `outcome`: the game stopped where it stood.
   */
  endedBy?: { by: EndedBy; round: number }
  /** The ending's title, or empty while the game goes on (the catalogue words that: `debrief.goesOn`). */
  title: string
  roundsPlayed: number
  /** The side that answers the packages, with its name. */
  responder: { side: string; name: string }
  /** Who played each side; in a classroom, the names of the students seated on it (set by the server). */
  seats: Array<{ side: string; name: string; seat: Seat; students?: string[] }>
  difficulty: Difficulty
  seed: number
  /** `instructor` when the game was played with the hidden parts open (Backstage): its result is a study. */
  mode: GameMode
  scores: DebriefScore[]
  timeline: DebriefRound[]
  /** Start values, then values after each round: `roundsPlayed + 1` values per meter. */
  meters: MeterSeries[]
  redLines: CrossedRedLine[]
  breaches: DebriefBreach[]
  /** The smallest changes to the last tabled package that would have changed Russia's answer. */
  whatIf: WhatIf | null
  /** The hidden firmness of each red line with a range, revealed, with the answers that tested it. */
  resolve: RevealedResolve[]
  /** The years after a deal or an imposition, with their odds; null when none were played out. */
  aftermath: DebriefAftermath | null
  /** How the negotiation went: every move, message, answer and event in order, each attributed (story.ts). */
  story: StoryEntry[]
}

/**
 * Builds the debrief of a game. `state` must be the replay of `log` from `setup` (as the store holds it);
 * the log is used to rebuild the exact situation the last package was answered in, for the what-if, and to
 * tell the story. `authors`, in a classroom, says who sent each logged command (see story.ts).
 */
export function buildDebrief(
  index: ScenarioIndex,
  setup: GameSetup,
  state: GameState,
  log: readonly Command[],
  authors?: ReadonlyArray<StoryAuthor | null>,
): Debrief {
  const { scenario } = index
  const verdict = finalVerdict(index, state)
  const ending = scenario.endings.find((e) => e.id === state.ending?.id)
  const constraintText = (side: string, id: string) =>
    index.sides.get(side)?.constraints.find((c) => c.id === id)?.text ?? id
  return {
    scenario: { id: scenario.id, title: scenario.title },
    outcome:
      ending && state.ending
        ? {
            id: ending.id,
            kind: ending.kind,
            title: verdict.title,
            text: verdict.text,
            round: state.ending.round,
          }
        : null,
    title: verdict.title,
    roundsPlayed: state.history.length,
    responder: { side: index.responder, name: sideName(index, index.responder) },
    seats: index.proposers.map((side) => ({
      side,
      name: sideName(index, side),
      seat: setup.seats[side] ?? 'human',
    })),
    difficulty: setup.difficulty,
    seed: setup.seed,
    mode: setup.mode ?? 'play',
    scores: verdict.scores.map((s) => ({ ...s, name: sideName(index, s.side) })),
    timeline: timeline(index, state),
    meters: meterSeries(index, newGame(index, setup).meters, state),
    redLines: crossedRedLines(index, state),
    breaches: state.breaches.map((b) => ({
      side: b.side,
      sideName: sideName(index, b.side),
      constraint: b.constraint,
      text: constraintText(b.side, b.constraint),
      round: b.round,
    })),
    whatIf: whatIf(index, state, situationFromLog(index, setup, log) ?? situationFromState(index, state)),
    resolve: revealResolve(index, state),
    aftermath: aftermathOf(index, state),
    story: storyOf(index, setup, state, log, authors),
  }
}
