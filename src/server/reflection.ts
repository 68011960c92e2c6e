import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import { LIMITS, type Reply } from '../net/protocol.ts'
import type { ReflectionQuestionView, ReflectionView } from '../net/view.ts'
import { fail, ok } from './reply.ts'
import type { RoomFile } from './room-file.ts'

/**
 * Reflection after the game: the questions each student answers on their own device once the game is over
 * (their side's questions from the scenario, and those the instructor adds to the room), their answers, and
 * who handed theirs in. These act on the room's record directly (the Classroom delegates to them). An answer
 * is the student's and the instructor's only: no other device ever receives it.
 */

/** What reflection acts on: the room's record, its scenario, whether its game is over, and its journal. */
export interface ReflectionRoom {
  readonly file: RoomFile
  readonly index: ScenarioIndex
  /** Whether the game is over (the rules ended it, or the instructor did). */
  readonly over: boolean
  note(now: Date, text: string): void
}

type Stored = NonNullable<RoomFile['reflection']>

/** The room's reflection record, made when first needed (older room files have none). */
function stored(file: RoomFile): Stored {
  file.reflection ??= { questions: [], answers: [], submitted: [] }
  return file.reflection
}

/** A scenario question's id as devices name it: its side and its own id. */
export function scenarioQuestionId(side: string, id: string): string {
  return `${side}/${id}`
}

/**
 * The questions asked of a student of `side`: their side's from the scenario and the room's own (null: an
 * observer, who played no side and is asked nothing), or every question when `side` is `all` (the
 * instructor's view, with the rubrics). The scenario's come first, side by side.
 */
export function questionsFor(room: ReflectionRoom, side: string | null | 'all'): ReflectionQuestionView[] {
  const all = side === 'all'
  const out: ReflectionQuestionView[] = []
  if (side === null) return out
  for (const s of room.index.scenario.sides) {
    if (!all && s.id !== side) continue
    for (const q of s.reflection ?? [])
      out.push({
        id: scenarioQuestionId(s.id, q.id),
        text: q.question,
        side: s.id,
        ...(all && q.rubric ? { rubric: q.rubric } : {}),
      })
  }
  for (const q of room.file.reflection?.questions ?? []) out.push({ id: q.id, text: q.text, side: null })
  return out
}

/**
 * Whether every student who is asked questions has handed their answers in: the debrief is then fully open
 * to the whole room. Observers and students whose side has no questions are asked nothing and never hand in,
 * so they are not waited for; while nobody is asked anything, the instructor may still add a question.
 */
function closed(room: ReflectionRoom): boolean {
  const { seats, reflection } = room.file
  if (!room.over) return false
  const asked = seats.filter((s) => questionsFor(room, s.side).length > 0)
  const handed = new Set(reflection?.submitted.map((s) => s.seat))
  return asked.length > 0 && asked.every((s) => handed.has(s.id))
}

/** The instructor adds a question for every student of the room. */
export function addQuestion(room: ReflectionRoom, text: string, now: Date): Reply {
  if (closed(room))
    return fail('REFLECTION_CLOSED', 'Every student has handed in their answers: the debrief is open.')
  const r = stored(room.file)
  if (r.questions.length >= LIMITS.roomQuestions)
    return fail('MALFORMED_MESSAGE', `A room holds at most ${LIMITS.roomQuestions} questions of its own.`)
  // Numbered past the highest ever given, so that a removed question's id is never given again.
  const next = Math.max(0, ...r.questions.map((q) => Number(q.id.slice(5)) || 0)) + 1
  r.questions.push({ id: `room-${next}`, text: text.trim(), at: now.toISOString() })
  room.note(now, `Question added: ${text.trim()}`)
  return ok
}

/** The instructor removes a question of their own, while nobody has answered it. */
export function removeQuestion(room: ReflectionRoom, id: string, now: Date): Reply {
  const r = room.file.reflection
  const question = r?.questions.find((q) => q.id === id)
  if (!r || !question) return fail('UNKNOWN_QUESTION', 'The room has no such question of its own.')
  if (closed(room))
    return fail('REFLECTION_CLOSED', 'Every student has handed in their answers: the debrief is open.')
  if (r.answers.some((a) => a.question === id && a.text.length > 0))
    return fail('REFLECTION_CLOSED', 'A student has answered this question: it stays.')
  r.questions = r.questions.filter((q) => q !== question)
  r.answers = r.answers.filter((a) => a.question !== id)
  room.note(now, `Question removed: ${question.text}`)
  return ok
}

/** Why the student in `seat` may not answer now, or null when they may. */
function mayAnswer(room: ReflectionRoom, seat: RoomFile['seats'][number] | undefined) {
  if (!seat) return fail('UNKNOWN_SEAT', 'This seat is no longer in the room.')
  if (!room.over) return fail('GAME_NOT_OVER', 'The questions open once the game is over.')
  if (room.file.reflection?.submitted.some((s) => s.seat === seat.id))
    return fail('ANSWERS_SUBMITTED', 'You have handed in your answers.')
  return null
}

/** A student's answer to one of their questions; an empty text clears it. */
export function answer(
  room: ReflectionRoom,
  seatId: string,
  question: string,
  text: string,
  now: Date,
): Reply {
  const seat = room.file.seats.find((s) => s.id === seatId)
  const refused = mayAnswer(room, seat)
  if (refused || !seat) return refused ?? ok
  if (!questionsFor(room, seat.side).some((q) => q.id === question))
    return fail('UNKNOWN_QUESTION', 'That is not one of your questions.')
  const r = stored(room.file)
  r.answers = r.answers.filter((a) => !(a.seat === seatId && a.question === question))
  if (text.trim().length > 0) r.answers.push({ seat: seatId, question, text, at: now.toISOString() })
  return ok
}

/** A student hands in their answers (or skips the questions); the debrief opens fully for them. */
export function submit(room: ReflectionRoom, seatId: string, now: Date): Reply {
  const seat = room.file.seats.find((s) => s.id === seatId)
  if (seat && room.file.reflection?.submitted.some((s) => s.seat === seatId)) return ok
  const refused = mayAnswer(room, seat)
  if (refused || !seat) return refused ?? ok
  stored(room.file).submitted.push({ seat: seatId, at: now.toISOString() })
  room.note(now, `${seat.name} handed in their answers`)
  return ok
}

/** What `viewer` gets of the reflection: everything for the instructor; a student's own, once the game is over. */
export function reflectionFor(
  room: ReflectionRoom,
  viewer: { role: 'instructor' } | { role: 'student'; seat: string },
): ReflectionView | undefined {
  const r = room.file.reflection
  const answers = r?.answers ?? []
  const submitted = r?.submitted.map((s) => s.seat) ?? []
  if (viewer.role === 'instructor') return { questions: questionsFor(room, 'all'), answers, submitted }
  const seat = room.file.seats.find((s) => s.id === viewer.seat)
  if (!seat || !room.over) return undefined
  return {
    questions: questionsFor(room, seat.side),
    answers: answers.filter((a) => a.seat === seat.id),
    submitted: submitted.filter((s) => s === seat.id),
  }
}
