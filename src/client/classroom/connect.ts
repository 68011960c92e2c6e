import type { RefusalCode } from '../../core/rules/apply.ts'
import type { Scenario } from '../../core/scenario/schema/scenario.ts'
import { type ClassroomClient, type ClassroomConnection, JoinError } from '../../net/client.ts'
import type { ErrorCode, JoinOptions, NetError } from '../../net/protocol.ts'
import { type MessageKey, t } from '../i18n/index.ts'
import { REFUSAL_KEYS, refusalText } from '../render/rule-texts.ts'
import { roomIndex } from './game-view.ts'

/** The refusals a person can do something about, in the interface's language; others keep the server's words. */
const NAMED: Partial<Record<ErrorCode, MessageKey>> = {
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
}

/** What to tell the person about a refusal (`params` fill the message, e.g. the code or the name typed). */
export function errorText(error: { code: ErrorCode | string; message: string }, params = {}): string {
  const key = NAMED[error.code as ErrorCode]
  // How long to wait is in the server's words ("try again in 8 s"): the translated message says it too.
  const seconds = /(\d+) s\b/.exec(error.message)?.[1] ?? '…'
  return key ? t(key, { seconds, ...params }) : error.message
}

/**
 * A refused command in the interface's language: a refusal of the rules worded from its code and parameters
 * with the room's names, as in solo play; any other refusal as `errorText` words it.
 */
export function commandErrorText(error: NetError, scenario: Scenario | null): string {
  if (!scenario || !Object.hasOwn(REFUSAL_KEYS, error.code)) return errorText(error)
  return refusalText(roomIndex(scenario), { code: error.code as RefusalCode, params: error.params ?? {} })
}

/** The server could not be reached (or dropped the request): worth trying again by itself. */
export const unreachable = (e: unknown): boolean => !(e instanceof JoinError) || e.code === 'NOT_CONNECTED'

/** A way to stop a loop of retries (the person left the screen). */
export interface Cancel {
  cancelled: boolean
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** After the server was unreachable, how long a missing room is still waited for (a restart restores rooms). */
const RESTORE_MS = 15_000

/**
 * Joins a room, trying again while the server cannot be reached (after 2, 4, then every 5 seconds, telling
 * `onWait` how long until the next try) and while the room is not there yet: for `notFoundMs` from the
 * start, and for a while after a server that could not be reached answers again (a server that just
 * restarted brings its rooms back a moment after it answers). Any other refusal is thrown as a JoinError;
 * a cancelled loop throws a JoinError NOT_CONNECTED.
 */
export async function joinUntilReached(
  client: ClassroomClient,
  code: string,
  options: JoinOptions,
  onWait: (seconds: number) => void,
  cancel: Cancel,
  notFoundMs = 0,
): Promise<ClassroomConnection> {
  let notFoundUntil = Date.now() + notFoundMs
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.join(code, options)
    } catch (e) {
      const down = unreachable(e)
      if (down) notFoundUntil = Math.max(notFoundUntil, Date.now() + RESTORE_MS)
      const again =
        down || (e instanceof JoinError && e.code === 'ROOM_NOT_FOUND' && Date.now() < notFoundUntil)
      if (!again || cancel.cancelled)
        throw e instanceof JoinError ? e : new JoinError('NOT_CONNECTED', String(e))
      const seconds = down ? Math.min(5, 2 * (attempt + 1)) : 1
      if (down) onWait(seconds)
      await sleep(seconds * 1000)
      if (cancel.cancelled) throw new JoinError('NOT_CONNECTED', 'cancelled')
    }
  }
}
