import { csvRow } from '../../core/record/csv.ts'
import type { Words } from '../../messages/index.ts'
import type { ApiResult } from '../../net/client.ts'
import { words as interfaceWords } from '../i18n/index.ts'
import { errorText } from './connect.ts'
import { roomIndex } from './game-view.ts'
import { type RoomEntry, STATUS, statusOf } from './rooms.ts'

/** Fetches one room's export (the server's file text; a CSV worded in the interface's language). */
export type FetchExport = (code: string, format: 'csv' | 'json') => Promise<ApiResult<string>>

/**
 * The grading table for every room at once: one row per side of each room, with the students who played it
 * (display names only), the score once the game is over, and the room's status and ending. Worded from the
 * catalogue in `words`' language (the interface's by default), as the rooms' own CSV exports are.
 */
export function gradingTable(entries: readonly RoomEntry[], words: Words = interfaceWords()): string {
  const { t } = words
  const rows = [
    csvRow([
      t('csv.grading.room'),
      t('csv.grading.scenario'),
      t('csv.grading.status'),
      t('csv.grading.rounds'),
      t('csv.grading.ending'),
      t('csv.side'),
      t('csv.grading.students'),
      t('csv.score'),
      t('csv.par'),
      t('csv.ahead'),
    ]),
  ]
  for (const entry of entries) {
    const view = entry.connection?.view
    const scenario = entry.connection?.scenario
    const status = t(STATUS[statusOf(entry)])
    const title = view?.title ?? entry.summary?.title ?? ''
    if (!view || !scenario) {
      rows.push(csvRow([entry.code, title, status, entry.summary?.round ?? '', entry.summary?.ending ?? '']))
      continue
    }
    const index = roomIndex(scenario)
    const debrief = view.debrief
    const rounds = debrief?.roundsPlayed ?? view.game?.history.length ?? ''
    const ending = debrief?.outcome?.title ?? ''
    for (const side of index.proposers) {
      const score = debrief?.scores.find((s) => s.side === side)
      const students = view.seats
        .filter((s) => s.side === side)
        .map((s) => s.name)
        .join('; ')
      rows.push(
        csvRow([
          entry.code,
          title,
          status,
          rounds,
          ending,
          index.sides.get(side)?.name ?? side,
          students,
          score?.total ?? '',
          score?.par ?? '',
          score ? t(score.ahead ? 'csv.yes' : 'csv.no') : '',
        ]),
      )
    }
  }
  return `${rows.join('\r\n')}\r\n`
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
      students: view?.seats.map((s) => ({ name: s.name, side: s.side })) ?? null,
      record: out.ok ? (JSON.parse(out.value) as unknown) : null,
      problem: out.ok ? null : out.error.message,
    })
  }
  return `${JSON.stringify({ format: 'red-lines-classroom-session', exportedAt: now.toISOString(), rooms }, null, 2)}\n`
}
