import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameState } from '../../core/rules/state.ts'
import type { ErrorCode } from '../../net/protocol.ts'
import { type MessageKey, t, words } from '../i18n/index.ts'
import { endingTitle } from '../render/debrief/outcome-text.ts'
import { eventsAnnouncement } from '../render/event-news.ts'
import { refusalText, warningText } from '../render/rule-texts.ts'
import { verdictText } from '../view.ts'
import type { News } from './flow.ts'
import type { Refused } from './table.ts'

/** The room's refusals a person can do something about, in the interface's language. */
const ROOM_REFUSALS: Partial<Record<ErrorCode, MessageKey>> = {
  ROOM_NOT_FOUND: 'classroom.error.ROOM_NOT_FOUND',
  NAME_TAKEN: 'classroom.error.NAME_TAKEN',
  NAME_INVALID: 'classroom.error.NAME_INVALID',
  ROOM_FULL: 'classroom.error.ROOM_FULL',
  UNKNOWN_SEAT: 'classroom.error.UNKNOWN_SEAT',
  BAD_KEY: 'classroom.error.BAD_KEY',
  NOT_CONNECTED: 'classroom.error.NOT_CONNECTED',
  PAUSED: 'classroom.error.PAUSED',
  NOT_STARTED: 'classroom.error.NOT_STARTED',
  ROOM_ENDED: 'classroom.error.ROOM_ENDED',
  NOT_SEATED: 'classroom.error.NOT_SEATED',
  PICKING_CLOSED: 'classroom.error.PICKING_CLOSED',
  RATE_LIMITED: 'classroom.error.RATE_LIMITED',
  NOT_INSTRUCTOR: 'classroom.error.NOT_INSTRUCTOR',
  NAME_RESERVED: 'classroom.error.NAME_RESERVED',
  TOO_MANY_ATTEMPTS: 'classroom.error.TOO_MANY_ATTEMPTS',
  SEAT_IN_USE: 'classroom.error.SEAT_IN_USE',
  SEAT_CONTESTED: 'classroom.error.SEAT_CONTESTED',
  MUTED: 'classroom.error.MUTED',
  NOT_A_ROLE: 'classroom.error.NOT_A_ROLE',
  GAME_NOT_OVER: 'classroom.error.GAME_NOT_OVER',
  ANSWERS_SUBMITTED: 'classroom.error.ANSWERS_SUBMITTED',
  UNKNOWN_QUESTION: 'classroom.error.UNKNOWN_QUESTION',
  REFLECTION_CLOSED: 'classroom.error.REFLECTION_CLOSED',
}

/**
 * A room's refusal in the interface's language (`params` fill the message, e.g. the code or the name
 * typed); one the interface does not know keeps the server's words.
 */
export function roomErrorText(error: { code: ErrorCode | string; message: string }, params = {}): string {
  const key = ROOM_REFUSALS[error.code as ErrorCode]
  // How long to wait is in the server's words ("try again in 8 s"): the translated message says it too.
  const seconds = /(\d+) s\b/.exec(error.message)?.[1] ?? '…'
  return key ? t(key, { seconds, ...params }) : error.message
}

/** Why a command was not applied, in the interface's language with the names the screen shows. */
export function refusedText(index: ScenarioIndex, refused: Refused): string {
  if (refused.by === 'rules') return refusalText(index, refused.refusal)
  return roomErrorText({ code: refused.code, message: refused.message }, refused.params)
}

/** A warning the rules gave the side that moved. */
export const warnedText = warningText

/**
 * What screen readers are told when the table changes: Russia's answers, a round without one, the events
 * that happened (title, text and effects), the end.
 */
export function newsText(index: ScenarioIndex, state: GameState, news: News): string {
  if (news.kind === 'ended') return t('session.over', { ending: endingTitle(index, state) })
  if (news.kind === 'events') return eventsAnnouncement(words(), index, news.events)
  return news.responses
    .map((response, i) =>
      response ? verdictText(index, response) : t('session.noPackage', { round: news.rounds[i] ?? 0 }),
    )
    .join(' ')
}
