import type { RefusalCode } from '../../core/rules/apply.ts'
import type { Scenario } from '../../core/scenario/schema/scenario.ts'
import { type ClassroomClient, type ClassroomConnection, JoinError } from '../../net/client.ts'
import type { JoinOptions, NetError } from '../../net/protocol.ts'
import { REFUSAL_KEYS, refusalText } from '../render/rule-texts.ts'
import { roomErrorText } from '../table/outcome-text.ts'
import { roomIndex } from './game-view.ts'

/** What to tell the person about a room's refusal, in the interface's language (one wording, shared with the table). */
export const errorText = roomErrorText

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
