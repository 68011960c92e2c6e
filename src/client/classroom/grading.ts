import { csvRow } from '../../core/record/csv.ts'
import type { ApiResult } from '../../net/client.ts'
import { roomIndex } from './game-view.ts'
import type { RoomEntry } from './rooms.ts'

/** Fetches one room's export (the server's file text). */
export type FetchExport = (code: string, format: 'csv' | 'json') => Promise<ApiResult<string>>

/**
 * The grading table for every room at once: one row per side of each room, with the students who played it
 * (display names only), the score once the game is over, and the room's status and ending. Files for tools,
 * so the headings are the same in every interface language (as the game's own CSV).
 */
export function gradingTable(entries: readonly RoomEntry[]): string {
  const rows = [
    csvRow(['Room', 'Scenario', 'Status', 'Rounds', 'Ending', 'Side', 'Students', 'Score', 'Par', 'Ahead']),
  ]
  for (const entry of entries) {
    const view = entry.connection?.view
    const scenario = entry.connection?.scenario
    const status = view?.status ?? entry.summary?.status ?? ''
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
          score ? (score.ahead ? 'yes' : 'no') : '',
        ]),
      )
    }
  }
  return `${rows.join('\r\n')}\r\n`
}

/** Every room's results in one CSV: the grading table, then each room's own export under its code. */
export async function allRoomsCsv(entries: readonly RoomEntry[], fetch: FetchExport): Promise<string> {
  let text = gradingTable(entries)
  for (const entry of entries) {
    const out = await fetch(entry.code, 'csv')
    text += `\r\n${csvRow(['Room', entry.code])}\r\n`
    text += out.ok ? out.value : `${csvRow(['Not exported', out.error.message])}\r\n`
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
