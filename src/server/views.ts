import { buildDebrief, type Debrief } from '../core/debrief/debrief.ts'
import { csvRow, debriefToCsv } from '../core/record/csv.ts'
import { exportRecord, recordToJson } from '../core/record/record.ts'
import type { Scenario } from '../core/scenario/schema/scenario.ts'
import { type Language, type Words, wordsIn } from '../messages/index.ts'
import { gameFor, type RoomSummary, type RoomView, type Seat, scenarioFor } from '../net/view.ts'
import type { Classroom } from './classroom.ts'

/** Who is looking: the instructor, or a student's seat id. */
export type Viewer = { role: 'instructor' } | { role: 'student'; seat: string }

const debriefs = new WeakMap<Classroom, { key: string; debrief: Debrief }>()

/** The debrief once the game is over (by the rules or by the instructor), built once per log length. */
export function debriefOf(room: Classroom): Debrief | null {
  const { game, setup } = room
  if (!game || !setup || (game.phase !== 'ended' && room.status !== 'ended')) return null
  const key = `${room.log.length}:${room.status}`
  const cached = debriefs.get(room)
  if (cached?.key === key) return cached.debrief
  const debrief = buildDebrief(
    room.index,
    setup,
    game,
    room.log.map((e) => e.command),
  )
  debriefs.set(room, { key, debrief })
  return debrief
}

function seatOf(room: Classroom, viewer: Viewer): Seat {
  return viewer.role === 'instructor'
    ? viewer
    : { role: 'student', side: room.seat(viewer.seat)?.side ?? null }
}

/** The scenario as this viewer may see it (sent when they join and when their side changes). */
export function scenarioView(room: Classroom, viewer: Viewer): Scenario {
  return scenarioFor(room.index.scenario, seatOf(room, viewer))
}

/**
 * The room as this viewer may see it, with the log entries from `logFrom` on; `contested` counts, per seat,
 * the refused attempts to open it on a second device.
 */
export function roomView(
  room: Classroom,
  viewer: Viewer,
  online: ReadonlySet<string>,
  logFrom: number,
  now: Date,
  contested: ReadonlyMap<string, number> = new Map(),
): RoomView {
  const seat = viewer.role === 'student' ? room.seat(viewer.seat) : undefined
  const { game, setup } = room
  const view: RoomView = {
    code: room.code,
    title: room.index.scenario.title,
    status: room.status,
    settings: room.settings,
    timer: { ...room.timer, serverNow: now.getTime() },
    you: seat ? { role: 'student', seat: seat.id, name: seat.name, side: seat.side } : { role: 'instructor' },
    seats: room.seats.map((s) => ({
      id: s.id,
      name: s.name,
      side: s.side,
      online: online.has(s.id),
      ...(contested.has(s.id) ? { contested: contested.get(s.id) } : {}),
    })),
    humanSides: setup ? Object.keys(setup.seats).filter((s) => setup.seats[s] === 'human') : null,
    game: game
      ? gameFor(game, seatOf(room, viewer), game.phase === 'ended' || room.status === 'ended')
      : null,
    log: { from: logFrom, entries: room.log.slice(logFrom) },
    debrief: debriefOf(room),
  }
  if (viewer.role === 'instructor') view.journal = room.journal.slice(-50)
  return view
}

/** The room as the session's dashboard lists it. */
export function roomSummary(room: Classroom, online: number): RoomSummary {
  const { game } = room
  return {
    code: room.code,
    title: room.index.scenario.title,
    scenarioId: room.index.scenario.id,
    status: room.status,
    round: game?.round ?? null,
    phase: game?.phase ?? null,
    ending: game?.ending?.id ?? null,
    seats: room.seats.length,
    online,
    createdAt: room.createdAt,
  }
}

/** An export of the room's results: the game record (JSON, opens in the game) or the debrief table (CSV). */
export function exportRoom(
  room: Classroom,
  format: 'json' | 'csv',
  now: Date,
  language: Language = 'en',
): { ok: true; filename: string; mime: string; text: string } | { ok: false; message: string } {
  const { setup, game } = room
  if (!setup || !game)
    return { ok: false, message: 'The game has not started: there is nothing to export yet.' }
  const log = room.log.map((e) => e.command)
  const stem = `red-lines-${room.code}-${now.toISOString().slice(0, 10)}`
  if (format === 'json')
    return {
      ok: true,
      filename: `${stem}.json`,
      mime: 'application/json',
      text: recordToJson(exportRecord(room.index, setup, log, now)),
    }
  const debrief = debriefOf(room) ?? buildDebrief(room.index, setup, game, log)
  const words = wordsIn(language)
  return {
    ok: true,
    filename: `${stem}.csv`,
    mime: 'text/csv',
    text: debriefToCsv(debrief, words) + logCsv(room, words),
  }
}

/** Who did what, after the debrief's tables: one row per command, with its author. */
function logCsv(room: Classroom, { t }: Words): string {
  const rows = [
    '',
    csvRow([
      t('csv.log.time'),
      t('csv.log.author'),
      t('csv.side'),
      t('csv.log.command'),
      t('csv.log.details'),
    ]),
  ]
  for (const e of room.log) {
    const author =
      e.by.kind === 'student'
        ? e.by.name
        : e.by.kind === 'instructor'
          ? t('csv.log.instructor')
          : e.by.kind === 'timer'
            ? t('csv.log.timer')
            : t('csv.log.computer')
    const side = e.command.side.startsWith('@') ? '' : room.sideName(e.command.side)
    rows.push(csvRow([e.at, author, side, e.command.type, JSON.stringify(e.command.payload)]))
  }
  return `${rows.join('\r\n')}\r\n`
}
