import type { ClassroomClient } from '../../net/client.ts'
import { download } from '../download.ts'
import { getLanguage, t } from '../i18n/index.ts'
import { errorText } from './connect.ts'
import { allRoomsCsv, allRoomsJson } from './grading.ts'
import type { RoomEntry } from './rooms.ts'

/** A download: the file's name, or why it did not come, in words. */
export type Exported = { ok: true; file: string } | { ok: false; problem: string }

const TYPES = { csv: 'text/csv', json: 'application/json', grading: 'text/csv' } as const
/** A room's export: its results (CSV), its game record (JSON), or its grading table (one row per student). */
type RoomFormat = keyof typeof TYPES
const stamp = () => new Date().toISOString().slice(0, 10)

/**
 * The dashboard's downloads, fetched from the server with the session's admin key: one room's results
 * (CSV) or game record (JSON), and every room at once for grading. Each resolves with the file's name once
 * it is downloaded, or with the problem in words (the dashboard shows either beside the buttons).
 */
export function createExports(client: ClassroomClient, adminKey: () => string) {
  // A room's CSV comes worded in the instructor's interface language, as the grading table is.
  const fetchExport = (code: string, format: RoomFormat) =>
    client.exportRoom(code, adminKey(), format, getLanguage())
  return {
    async room(code: string, format: RoomFormat): Promise<Exported> {
      try {
        const out = await fetchExport(code, format)
        if (!out.ok) return { ok: false, problem: errorText(out.error) }
        const file = `red-lines-${code}-${stamp()}${format === 'grading' ? '-grading.csv' : `.${format}`}`
        download(file, out.value, TYPES[format])
        return { ok: true, file }
      } catch {
        return { ok: false, problem: t('classroom.error.NOT_CONNECTED') }
      }
    },
    async all(entries: readonly RoomEntry[], format: 'csv' | 'json'): Promise<Exported> {
      try {
        const text =
          format === 'csv'
            ? await allRoomsCsv(entries, fetchExport)
            : await allRoomsJson(entries, fetchExport, new Date())
        const file = `red-lines-session-${stamp()}.${format}`
        download(file, text, TYPES[format])
        return { ok: true, file }
      } catch {
        return { ok: false, problem: t('classroom.error.NOT_CONNECTED') }
      }
    },
  }
}
