import type { ClassroomClient } from '../../net/client.ts'
import { download } from '../download.ts'
import { getLanguage, t } from '../i18n/index.ts'
import { errorText } from './connect.ts'
import { allRoomsCsv, allRoomsJson } from './grading.ts'
import type { RoomEntry } from './rooms.ts'

const TYPES = { csv: 'text/csv', json: 'application/json' } as const
const stamp = () => new Date().toISOString().slice(0, 10)

/**
 * The dashboard's downloads, fetched from the server with the session's admin key: one room's results
 * (CSV) or game record (JSON), and every room at once for grading. A failure is told in words.
 */
export function createExports(
  client: ClassroomClient,
  adminKey: () => string,
  tell: (problem: string) => void,
) {
  // A room's CSV comes worded in the instructor's interface language, as the grading table is.
  const fetchExport = (code: string, format: 'csv' | 'json') =>
    client.exportRoom(code, adminKey(), format, getLanguage())
  return {
    async room(code: string, format: 'csv' | 'json'): Promise<void> {
      try {
        const out = await fetchExport(code, format)
        if (!out.ok) return tell(errorText(out.error))
        download(`red-lines-${code}-${stamp()}.${format}`, out.value, TYPES[format])
      } catch {
        tell(t('classroom.error.NOT_CONNECTED'))
      }
    },
    async all(entries: readonly RoomEntry[], format: 'csv' | 'json'): Promise<void> {
      try {
        const text =
          format === 'csv'
            ? await allRoomsCsv(entries, fetchExport)
            : await allRoomsJson(entries, fetchExport, new Date())
        download(`red-lines-session-${stamp()}.${format}`, text, TYPES[format])
      } catch {
        tell(t('classroom.error.NOT_CONNECTED'))
      }
    },
  }
}
