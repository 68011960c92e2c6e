import { buildDebrief, type Debrief } from '../core/debrief/debrief.ts'
import { type StoryAuthor, storyOf } from '../core/debrief/story.ts'
import { csvRow, debriefToCsv } from '../core/record/csv.ts'
import type { GameRecord } from '../core/record/format.ts'
import { exportRecord, recordToJson } from '../core/record/record.ts'
import { indexScenario } from '../core/rules/scenario-index.ts'
import { localiseScenario } from '../core/scenario/localise.ts'
import type { Scenario } from '../core/scenario/schema/scenario.ts'
import { type Language, type Words, wordsIn } from '../messages/index.ts'
import { storyText } from '../messages/story.ts'
import { type GradingRoom, gradingCsv } from '../net/grading.ts'
import { gameFor, type RoomSummary, type RoomView, type Seat, scenarioFor } from '../net/view.ts'
import type { Classroom } from './classroom.ts'
import { reflectionFor } from './reflection.ts'
import { roleName } from './roles.ts'
import { type LogCursor, logFor } from './visible-log.ts'

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
    storyAuthors(room),
  )
  // "Played by": the students seated on each side, by name.
  debrief.seats = debrief.seats.map((s) => {
    // A student with a named role is shown with it: "Olena (lead negotiator)".
    const students = room.seats
      .filter((seat) => seat.side === s.side)
      .map((seat) => (seat.role ? `${seat.name} (${roleName(room.index, s.side, seat.role)})` : seat.name))
    return students.length ? { ...s, students } : s
  })
  // What ended it, which only the room knows: the rules, the round timer, or the instructor (in this round).
  const by = room.endedBy
  if (by) debrief.endedBy = { by, round: game.ending?.round ?? game.round }
  debriefs.set(room, { key, debrief })
  return debrief
}

/** Who sent each logged command, for the debrief's story: a student (name, seat, role), or who else. */
function storyAuthors(room: Classroom): StoryAuthor[] {
  return room.log.map(({ by }): StoryAuthor => {
    if (by.kind !== 'student') return { name: '', kind: by.kind }
    const role = room.seat(by.seat)?.role
    return { name: by.name, seat: by.seat, kind: 'student', ...(role ? { role } : {}) }
  })
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
 * The room as this viewer may see it, with the log entries it may read from `logFrom` on (a device's
 * cursor, or an index into the room's log; see visible-log.ts); `contested` counts, per seat, the refused
 * attempts to open it on a second device.
 */
export function roomView(
  room: Classroom,
  viewer: Viewer,
  online: ReadonlySet<string>,
  logFrom: number | LogCursor,
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
    you: seat
      ? {
          role: 'student',
          seat: seat.id,
          name: seat.name,
          side: seat.side,
          ...(seat.role ? { sideRole: seat.role } : {}),
        }
      : { role: 'instructor' },
    seats: room.seats.map((s) => ({
      id: s.id,
      name: s.name,
      side: s.side,
      online: online.has(s.id),
      muted: s.muted === true,
      ...(s.role ? { role: s.role } : {}),
      ...(contested.has(s.id) ? { contested: contested.get(s.id) } : {}),
    })),
    humanSides: setup ? Object.keys(setup.seats).filter((s) => setup.seats[s] === 'human') : null,
    game: game
      ? gameFor(game, seatOf(room, viewer), game.phase === 'ended' || room.status === 'ended')
      : null,
    log: logFor(room, viewer, logFrom),
    debrief: debriefOf(room),
  }
  // Answers are the student's and the instructor's only: a student's view carries their own alone.
  const reflection = reflectionFor(room.reflecting, viewer)
  if (reflection) view.reflection = reflection
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
    endedBy: room.endedBy,
    seats: room.seats.length,
    online,
    createdAt: room.createdAt,
  }
}

/** What a room exports: its game record (JSON), its debrief table (CSV), or its grading table (CSV). */
export type ExportFormat = 'json' | 'csv' | 'grading'

/** An export of the room's results: the game record (JSON, opens in the game) or the debrief table (CSV). */
export function exportRoom(
  room: Classroom,
  format: ExportFormat,
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
      text: recordToJson({ ...exportRecord(room.index, setup, log, now), classroom: classroomPart(room) }),
    }
  if (format === 'grading')
    return {
      ok: true,
      filename: `${stem}-grading.csv`,
      mime: 'text/csv',
      text: gradingCsv([gradingRoom(room, now, language)], wordsIn(language)),
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

/** The room as the grading table reads it: the instructor's view, the whole log, the scenario in `language`. */
export function gradingRoom(room: Classroom, now: Date, language: Language): GradingRoom {
  return {
    code: room.code,
    view: roomView(room, { role: 'instructor' }, new Set(), 0, now),
    log: room.log,
    scenario: localiseScenario(room.index.scenario, language),
  }
}

/**
 * What the room's game record carries of the classroom: the students by seat, the questions, the answers, and
 * who sent each command when.
 */
function classroomPart(room: Classroom): NonNullable<GameRecord['classroom']> {
  const reflection = reflectionFor(room.reflecting, { role: 'instructor' })
  return {
    room: room.code,
    students: room.seats.map((s) => ({
      seat: s.id,
      name: s.name,
      side: s.side,
      ...(s.role ? { role: s.role } : {}),
    })),
    questions: (reflection?.questions ?? []).map(({ id, text, side }) => ({ id, text, side })),
    answers: (reflection?.answers ?? []).map(({ seat, question, text, at }) => ({
      seat,
      question,
      text,
      at,
    })),
    // Who sent each command and when, parallel to the record's log: two students on one side told apart.
    log: room.log.map(({ by, at }) => ({ by, at })),
  }
}

/**
 * How the negotiation went, after the debrief's tables: one row per entry of the debrief's story (a command,
 * or what followed it: an answer, an event, a decision), with the time and author of its command and what
 * happened worded in the export's language, names as the scenario gives them in that language.
 */
function logCsv(room: Classroom, words: Words): string {
  const { t } = words
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
  const { setup, game } = room
  if (!setup || !game) return `${rows.join('\r\n')}\r\n`
  const index = indexScenario(localiseScenario(room.index.scenario, words.language))
  const story = storyOf(
    room.index,
    setup,
    game,
    room.log.map((e) => e.command),
    storyAuthors(room),
  )
  for (const entry of story) {
    const { author, side } = entry.by
    const who =
      author === undefined
        ? ''
        : author.kind === 'instructor'
          ? t('csv.log.instructor')
          : author.kind === 'timer'
            ? t('csv.log.timer')
            : author.kind === 'computer'
              ? t('csv.log.computer')
              : author.name
    const named = side === null || side.startsWith('@') ? '' : (index.sides.get(side)?.name ?? side)
    const text = storyText(words, index, entry)
    rows.push(csvRow([room.log[entry.at]?.at ?? '', who, named, entry.kind, text]))
  }
  return `${rows.join('\r\n')}\r\n`
}
