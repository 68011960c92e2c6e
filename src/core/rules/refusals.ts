import type { Phase } from './state.ts'

/** Every reason a command can be refused. The codes are stable: tests, logs and the network rely on them. */
export const REFUSAL_CODES = [
  'MALFORMED_COMMAND',
  'GAME_OVER',
  'WRONG_PHASE',
  'NOT_A_PROPOSER',
  'UNKNOWN_INSTRUMENT',
  'NOT_YOUR_INSTRUMENT',
  'VARIANT_REQUIRED',
  'UNKNOWN_VARIANT',
  'ALREADY_IN_PACKAGE',
  'EXCLUDED',
  'NOT_IN_PACKAGE',
  'NOT_YOUR_ITEM',
  'UNKNOWN_SIDE',
  'CANNOT_PROPOSE',
  'UNKNOWN_REQUEST',
  'NOT_YOUR_REQUEST',
  'EMPTY_PACKAGE',
  'NOT_ALL_ENDORSED',
  'NO_DISAGREEMENT',
  'UNKNOWN_FLAG',
  'FLAG_NOT_SETTABLE',
  'ALREADY_VOTED',
  'ALREADY_REQUESTED',
  'NOTHING_TO_OVERRULE',
  'SAME_VERDICT',
  'UNKNOWN_EVENT',
  'EVENT_ALREADY_FIRED',
  'MESSAGE_EMPTY',
  'MESSAGE_TOO_LONG',
  'UNKNOWN_RECIPIENT',
] as const

/** Why a command was refused. */
export type RefusalCode = (typeof REFUSAL_CODES)[number]

/**
 * What a refusal is about, as ids and numbers (never words), so that each screen can say it in its own
 * language with the names it shows. Only the fields the code needs are present.
 */
export interface RefusalParams {
  /** The instrument (id) the command names. */
  instrument?: string
  /** EXCLUDED: the instrument (id) already in the package that cannot stand with `instrument`. */
  excludedBy?: string
  /** UNKNOWN_VARIANT: the reading (id) asked for. */
  variant?: string
  /** VARIANT_REQUIRED: the readings (ids) to choose from. */
  variants?: string[]
  /** The side (id) concerned: the one refused, the one asked, or the backer of an item. */
  side?: string
  /** NOT_ALL_ENDORSED: the proposing sides (ids) that have not endorsed. */
  sides?: string[]
  /** The flag (id) the command names. */
  flag?: string
  /** UNKNOWN_REQUEST: the request's position in the list of requests (from 0). */
  request?: number
  /** WRONG_PHASE: the command's type and the phase the game is in. */
  command?: string
  phase?: Phase
  /** The event (id) the instructor named. */
  event?: string
  /** MALFORMED_COMMAND: the command checker's own words, which only a developer reads. */
  detail?: string
  /** CANNOT_PROPOSE: why the side asked could not put the instrument in itself. */
  cause?: Refusal
}

/**
 * A refused command: its code and its parameters, never words. Every screen, the classroom server's
 * students and the command-line tools word it from these in their own language (src/messages).
 */
export interface Refusal {
  code: RefusalCode
  params: RefusalParams
}

/** What the rules answer to a command they refuse: no new state, and why. */
export interface Refused {
  ok: false
  refusal: Refusal
}

/** The one way the rules refuse a command: its code and what it is about (ids and numbers only). */
export function refuse(code: RefusalCode, params: RefusalParams = {}): Refused {
  return { ok: false, refusal: { code, params } }
}
