import type { ClassroomConnection } from '../../net/client.ts'
import type { LogEntry } from '../../net/view.ts'
import { t } from '../i18n/index.ts'
import type { Notice } from '../notices.ts'
import { nameOf } from '../view.ts'
import { roomIndex } from './game-view.ts'
import { teammateStances } from './teammates.ts'

/**
 * The notice for a student whose teammate (another seat on the same side) just changed the side's stance,
 * e.g. "Olena changed Ukraine's stance to Object: …"; null when `fresh` (the log entries just received)
 * holds no such change. Worded when shown, so a language switch words it again.
 */
export function teammateNotice(joined: ClassroomConnection, fresh: readonly LogEntry[]): Notice | null {
  const view = joined.view
  const scenario = joined.scenario
  if (!view || !scenario || fresh.length === 0) return null
  const changes = teammateStances(fresh, view.you)
  if (changes.length === 0) return null
  return {
    kind: 'info',
    lines: () => {
      const index = roomIndex(scenario)
      return changes.map(({ name, side, stance }) =>
        stance.kind === 'object'
          ? t('classroom.teammate.objected', { name, side: nameOf(index, side), reason: stance.reason })
          : t('classroom.teammate.endorsed', { name, side: nameOf(index, side) }),
      )
    },
  }
}
