import { csvRow } from '../core/record/csv.ts'
import type { Scenario } from '../core/scenario/schema/scenario.ts'
import { endingCell } from '../messages/debrief.ts'
import type { MessageKey, Words } from '../messages/index.ts'
import type { LogEntry, ReflectionQuestionView, RoomStatus, RoomView } from './view.ts'

/**
 * The grading table: one row per student of every room, with their room, side and role, the room's status
 * and ending, what they did (moves made, messages sent), their answer to every question (with a column for
 * the teacher's mark beside each question that has a rubric), and their side's score and par. One pure
 * function for the server's per-room export and the dashboard's class-wide download, so that the two agree.
 */

/** One room as the grading table reads it. */
export interface GradingRoom {
  code: string
  /** The room as its instructor sees it: every seat, question and answer. */
  view: RoomView
  /** The room's whole command log (a view carries only its newest entries). */
  log: readonly LogEntry[]
  /** The room's scenario, localised into the table's language (see localiseScenario). */
  scenario: Scenario
}

const STATUS: Record<RoomStatus, MessageKey> = {
  lobby: 'classroom.status.lobby',
  running: 'classroom.status.running',
  paused: 'classroom.status.paused',
  ended: 'classroom.status.ended',
}

/** A question's text and rubric in the scenario's words as localised (the instructor's own as written). */
export function questionWords(
  question: ReflectionQuestionView,
  scenario: Scenario,
): { text: string; rubric?: string } {
  if (question.side === null) return { text: question.text }
  const own = question.id.slice(question.side.length + 1)
  const found = scenario.sides.find((s) => s.id === question.side)?.reflection?.find((q) => q.id === own)
  return found
    ? { text: found.question, rubric: found.rubric }
    : { text: question.text, rubric: question.rubric }
}

/**
 * Whether a student of `side` is asked any of the room's questions for reflection: a side's student is asked
 * their side's questions from the scenario and the room's own; an observer (no side) is asked nothing. The
 * server's rule too (src/server/reflection.ts), read here from the instructor's view of the questions.
 */
export function isAsked(questions: readonly ReflectionQuestionView[], side: string | null): boolean {
  return side !== null && questions.some((q) => q.side === null || q.side === side)
}

/**
 * How many of the room's students hand in answers (`total`: those asked any question) and how many did
 * (`handed`); `closed` once the game is over and every one asked has handed in (the room's questions are
 * then settled: none may be added).
 */
export function handInCount(view: RoomView): { handed: number; total: number; closed: boolean } {
  const questions = view.reflection?.questions ?? []
  const submitted = new Set(view.reflection?.submitted ?? [])
  const asked = view.seats.filter((s) => isAsked(questions, s.side))
  const handed = asked.filter((s) => submitted.has(s.id)).length
  const over = view.status === 'ended' || view.game?.phase === 'ended'
  return { handed, total: asked.length, closed: over && asked.length > 0 && handed === asked.length }
}

/** A room's status as the table gives it: a game the rules ended reads as over, whatever the room says. */
function statusOf(view: RoomView): RoomStatus {
  return view.game?.phase === 'ended' ? 'ended' : view.status
}

interface Column {
  header: string
  rubric?: string
}

/**
 * The question columns of every room, in order: one per question of the scenarios' sides that students
 * play (shared by rooms that play the same scenario), and one per question an instructor added to a room.
 */
function questionColumns(rooms: readonly GradingRoom[], { t }: Words): Map<string, Column> {
  const columns = new Map<string, Column>()
  for (const room of rooms) {
    // A side no student of the room plays asks nobody its questions: no empty columns for it.
    const seated = new Set(room.view.seats.map((s) => s.side))
    for (const q of room.view.reflection?.questions ?? []) {
      const key = columnKey(room, q)
      if (columns.has(key) || (q.side !== null && !seated.has(q.side))) continue
      const { text, rubric } = questionWords(q, room.scenario)
      const side = room.scenario.sides.find((s) => s.id === q.side)?.name ?? q.side ?? ''
      const header =
        q.side === null
          ? t('csv.grading.roomQuestion', { room: room.code, question: text })
          : t('csv.grading.question', { side, question: text })
      columns.set(key, rubric ? { header, rubric } : { header })
    }
  }
  return columns
}

function columnKey(room: GradingRoom, q: ReflectionQuestionView): string {
  return q.side === null ? `${room.code}|${q.id}` : `${room.scenario.id}|${q.id}`
}

/** The table's rows, header first, as cells. */
export function gradingRows(
  rooms: readonly GradingRoom[],
  words: Words,
): Array<Array<string | number | null>> {
  const { t } = words
  const columns = questionColumns(rooms, words)
  const header: Array<string | number | null> = [
    t('csv.grading.room'),
    t('csv.grading.scenario'),
    t('csv.grading.student'),
    t('csv.side'),
    t('csv.grading.role'),
    t('csv.grading.status'),
    t('csv.grading.ending'),
    t('csv.grading.moves'),
    t('csv.grading.messages'),
    t('csv.grading.submitted'),
  ]
  for (const c of columns.values()) {
    header.push(c.header)
    if (c.rubric) header.push(t('csv.grading.rubric', { rubric: c.rubric }))
  }
  header.push(t('csv.score'), t('csv.par'))
  const rows = [header]
  for (const room of rooms) {
    const { view, scenario, log } = room
    const debrief = view.debrief
    const keys = new Map((view.reflection?.questions ?? []).map((q) => [q.id, columnKey(room, q)]))
    const questions = view.reflection?.questions ?? []
    const handed = new Set(view.reflection?.submitted ?? [])
    for (const seat of view.seats) {
      const side = scenario.sides.find((s) => s.id === seat.side)
      const role = side?.roles?.find((r) => r.id === seat.role)
      const mine = log.filter((e) => e.by.kind === 'student' && e.by.seat === seat.id)
      const said = mine.filter((e) => e.command.type === 'say').length
      const answers = new Map<string, string>()
      for (const a of view.reflection?.answers ?? [])
        if (a.seat === seat.id) answers.set(keys.get(a.question) ?? '', a.text)
      const score = debrief?.scores.find((s) => s.side === seat.side)
      const row: Array<string | number | null> = [
        room.code,
        scenario.title,
        seat.name,
        side?.name ?? t('csv.grading.observer'),
        role?.name ?? '',
        t(STATUS[statusOf(view)]),
        debrief ? endingCell(words, debrief) : '',
        mine.length - said,
        said,
        // Empty for a student asked nothing (an observer): there was nothing to hand in.
        isAsked(questions, seat.side) ? t(handed.has(seat.id) ? 'csv.yes' : 'csv.no') : '',
      ]
      for (const [key, c] of columns) {
        row.push(answers.get(key) ?? '')
        // The teacher's mark goes here.
        if (c.rubric) row.push('')
      }
      row.push(score?.total ?? null, score?.par ?? null)
      rows.push(row)
    }
  }
  return rows
}

/** The grading table as CSV for any spreadsheet (RFC 4180, CRLF line ends), worded in `words`' language. */
export function gradingCsv(rooms: readonly GradingRoom[], words: Words): string {
  return `${gradingRows(rooms, words).map(csvRow).join('\r\n')}\r\n`
}
