import type { Command } from '../rules/commands.ts'
import type { PackageItem } from '../rules/package.ts'
import type { Request } from '../rules/state.ts'
import type { ResponseKind } from '../scenario/schema/conditions.ts'
import type { Ending } from '../scenario/schema/scenario.ts'
import type { AftermathKind } from '../scenario/schema/uncertainty.ts'
import type { AftermathEvent } from './reveal.ts'

/**
 * The entries of the debrief's story (see story.ts): what happened in a game, one entry per thing, each
 * attributed. Plain data with codes and ids only, no words: `src/messages/story.ts` words them in a
 * language with the names a (localised) scenario index gives, for the browser and the exports alike. The
 * story's small helpers (a request as the story names it, the group of an entry) are here too.
 */

/** Who sent a logged command in a classroom room, as the room's log has it. */
export type StoryAuthorKind = 'student' | 'instructor' | 'timer' | 'computer'

/**
 * Who sent a command, when a classroom room knows it: a student (their display name and seat), or the
 * instructor, the round's timer or the computer (`kind`, with an empty name). Solo and hot-seat games have
 * none: their entries name the side, and mark a computer-played side as such.
 */
export interface StoryAuthor {
  /** A student's display name; empty for the instructor, the timer and the computer. */
  name: string
  /** The student's seat in the room. */
  seat?: string
  /** The student's named role on the side (a lead negotiator, an adviser), where the room gives one. */
  role?: string
  /** Who the author is; a student when absent. */
  kind?: StoryAuthorKind
}

/** Whom an entry is by. */
export interface StoryBy {
  /**
   * The side that acted (a proposer), the instructor's INSTRUCTOR, the responder (its answers), or null for
   * what the game itself does (a scheduled event, the sides' decision, the ending, the years after).
   */
  side: string | null
  /** The side is played by the computer. */
  computer?: true
  /** Who sent the command in a classroom room. */
  author?: StoryAuthor
}

/** A channel of a message: the table, privately to one side, or within the sender's own team. */
export type StoryChannel = 'public' | 'private' | 'team'

/** A request, as the story names it: its number (from 0, as the state counts), what and of whom. */
export interface StoryRequest {
  number: number
  from: string
  to: string
  instrument: string
  variant?: string
  action: 'add' | 'withdraw'
}

/** What happened, by kind. */
export type StoryWhat =
  /** A side put an instrument into the package (granting the requests numbered in `grants`). */
  | { kind: 'add'; instrument: string; variant?: string; grants: number[] }
  /** A side took its instrument out of the package (granting the requests numbered in `grants`). */
  | { kind: 'withdraw'; instrument: string; variant?: string; grants: number[] }
  /** A side asked another to add or withdraw something, perhaps in return for one of that side's requests. */
  | { kind: 'request'; request: StoryRequest; inReturnFor?: StoryRequest }
  /** A side turned down a request made of it, with its reason. */
  | { kind: 'decline'; request: StoryRequest; reason: string }
  | { kind: 'endorse' }
  | { kind: 'object'; reason: string }
  | { kind: 'flag'; flag: string; value: boolean }
  /** The package was tabled: its items with who backed each. */
  | { kind: 'table'; items: PackageItem[] }
  /** The round ended with no package tabled. */
  | { kind: 'endRound' }
  /**
   * The responder's answer as the rules gave it (an instructor's overrule follows as its own entry): the
   * red lines crossed, those of them let pass with a warning only, and the items it demanded be removed.
   */
  | {
      kind: 'answer'
      verdict: ResponseKind
      redLines: string[]
      yielded: string[]
      demands: PackageItem[]
    }
  /** The instructor replaced the rules' answer (`rulesVerdict`) with `verdict`, for a reason. */
  | { kind: 'overrule'; verdict: ResponseKind; rulesVerdict: ResponseKind; reason: string }
  /** An event: brought in by the instructor (`injected`), or fired by the scenario when the round closed. */
  | { kind: 'event'; event: string; injected: boolean }
  | { kind: 'vote'; choice: 'implement' | 'continue' }
  /** What the sides' votes came to. */
  | { kind: 'decision'; decision: 'implement' | 'continue' }
  | { kind: 'ending'; ending: string; endingKind: Ending['kind'] }
  /** One year after the deal or the imposition (year 0: the responder's answer to an imposition). */
  | { kind: 'aftermathYear'; year: number; events: AftermathEvent[] }
  | { kind: 'aftermathOutcome'; outcome: AftermathKind }
  /** A message: to the table, privately to the side `to`, or to the sender's team. */
  | { kind: 'message'; channel: StoryChannel; to?: string; text: string }

/** One entry of the story: what happened, by whom, in which round, and after which logged command. */
export type StoryEntry = StoryWhat & {
  round: number
  /** The position in the log of the command the entry comes from (or, for what followed it, comes after). */
  at: number
  by: StoryBy
}

/** The story's entries by kind, for a screen's filter: the sides' moves, messages, and what answered them. */
export type StoryGroup = 'moves' | 'messages' | 'answers'

const GROUPS: Record<StoryEntry['kind'], StoryGroup> = {
  add: 'moves',
  withdraw: 'moves',
  request: 'moves',
  decline: 'moves',
  endorse: 'moves',
  object: 'moves',
  flag: 'moves',
  table: 'moves',
  endRound: 'moves',
  vote: 'moves',
  message: 'messages',
  answer: 'answers',
  overrule: 'answers',
  event: 'answers',
  decision: 'answers',
  ending: 'answers',
  aftermathYear: 'answers',
  aftermathOutcome: 'answers',
}

/** The group an entry belongs to: a side's move, a message, or the answers and events that followed. */
export function storyGroup(entry: Pick<StoryEntry, 'kind'>): StoryGroup {
  return GROUPS[entry.kind]
}

/** A request of the state, as the story names it, with its number. */
export function storyRequest(r: Request, number: number): StoryRequest {
  const out: StoryRequest = {
    number,
    from: r.from,
    to: r.to,
    instrument: r.instrument,
    action: r.action ?? 'add',
  }
  if (r.variant) out.variant = r.variant
  return out
}

/** A request as the state keeps it, or as the command asked it should the state not have it. */
export function requestOf(
  kept: Request | undefined,
  number: number,
  command: Extract<Command, { type: 'request' }>,
): StoryRequest {
  if (kept) return storyRequest(kept, number)
  const { to, instrument, variant, action } = command.payload
  const out: StoryRequest = { number, from: command.side, to, instrument, action: action ?? 'add' }
  if (variant) out.variant = variant
  return out
}
