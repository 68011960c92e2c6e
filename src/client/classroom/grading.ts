import { csvRow } from '../../core/record/csv.ts'
import { localiseScenario } from '../../core/scenario/localise.ts'
import type { Words } from '../../messages/index.ts'
import type { ApiResult } from '../../net/client.ts'
import { type GradingRoom, gradingCsv } from '../../net/grading.ts'
import { words as interfaceWords } from '../i18n/index.ts'
import { errorText } from './connect.ts'
import { type RoomEntry, STATUS, statusOf } from './rooms.ts'

/** Fetches one room's export (the server's file text; a CSV worded in the interface's language). */
export type FetchExport = (code: string, format: 'csv' | 'json') => Promise<ApiResult<string>>

/**
 * The grading table for every room at once: one row per student of each room (their side and role, moves
 * made, messages sent, answers to the questions for reflection with a column for the teacher's mark beside
 * each question that has a rubric, their side's score and par), built by the same function as a room's own
 * grading export (see net/grading.ts), from the rooms' live views. A room the dashboard has no view of yet
 * gets a line with its code, title and status only. Worded from the catalogue in `words`' language.
 */
export function gradingTable(entries: readonly RoomEntry[], words: Words = interfaceWords()): string {
  const { t } = words
  const rooms: GradingRoom[] = []
  const missing: string[] = []
  for (const entry of entries) {
    const connection = entry.connection
    const view = connection?.view
    const scenario = connection?.scenario
    if (connection && view && scenario)
      rooms.push({
        code: entry.code,
        view,
        log: connection.log,
        scenario: localiseScenario(scenario, words.language),
      })
    else
      missing.push(
        csvRow([
          entry.code,
          view?.title ?? entry.summary?.title ?? '',
          '',
          '',
          '',
          t(STATUS[statusOf(entry)]),
        ]),
      )
  }
  return gradingCsv(rooms, words) + missing.map((row) => `${row}\r\n`).join('')
}

/** Every room's results in one CSV: the grading table, then each room's own export under its code. */
export async function allRoomsCsv(
  entries: readonly RoomEntry[],
  fetch: FetchExport,
  words: Words = interfaceWords(),
): Promise<string> {
  const { t } = words
  let text = gradingTable(entries, words)
  for (const entry of entries) {
    const out = await fetch(entry.code, 'csv')
    text += `\r\n${csvRow([t('csv.grading.room'), entry.code])}\r\n`
    text += out.ok ? out.value : `${csvRow([t('csv.grading.notExported'), errorText(out.error)])}\r\n`
  }
  return text
}

/** Every room's game record in one JSON file (each record re-imports in the game as it is). */
export async function allRoomsJson(
  entries: readonly RoomEntry[],
  fetch: FetchExport,
  now: Date,
): Promise<string> {
  const rooms = []
  for (const entry of entries) {
    const out = await fetch(entry.code, 'json')
    const view = entry.connection?.view
    rooms.push({
      code: entry.code,
      title: view?.title ?? entry.summary?.title ?? null,
      status: view?.status ?? entry.summary?.status ?? null,
      endedBy: view?.debrief?.endedBy?.by ?? entry.summary?.endedBy ?? null,
      students: view?.seats.map((s) => ({ name: s.name, side: s.side, role: s.role ?? null })) ?? null,
      record: out.ok ? (JSON.parse(out.value) as unknown) : null,
      problem: out.ok ? null : out.error.message,
    })
  }
  return `${JSON.stringify({ format: 'red-lines-classroom-session', exportedAt: now.toISOString(), rooms }, null, 2)}\n`
}
