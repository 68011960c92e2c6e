import { z } from 'zod'
import type { RefusalCode, RefusalParams } from '../core/rules/apply.ts'
import { SentCommandSchema } from '../core/rules/commands.ts'
import type { RuleWarning } from '../core/rules/constraints.ts'
import { DifficultySchema } from '../core/rules/setup.ts'

/**
 * The classroom protocol, shared by the server (`src/server/`) and every client (`client.ts`, the browser
 * screens, the tests). Pure: zod schemas and types only. Each message a device sends is checked against
 * its schema here before the server looks at it; the rules then check the commands themselves.
 *
 * Devices send requests (`room.request(type, payload)` in the Colyseus SDK) and get a `Reply`. The server
 * pushes `welcome` (the seat and its token, to this device only), `scenario` (the scenario as this seat may
 * see it), `view` (the room as this seat may see it, after every change) and `error` (for a message sent
 * without waiting for a reply).
 */

/** The name rooms are registered under on the server. */
export const ROOM_NAME = 'classroom'

/** Join codes: six characters without look-alikes (no 0/O, 1/I/L), easy to read off a projector. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 6
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`)

/** A join code as typed by a student ("ab3 k7p", "AB3-K7P") brought to its canonical form, or null. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '')
  return CODE_PATTERN.test(code) ? code : null
}

/** The longest display name, in characters. */
export const MAX_NAME_LENGTH = 40

/** A display name trimmed and with runs of spaces made one; null when empty, too long or with control characters. */
export function normalizeName(input: string): string | null {
  const name = input.normalize('NFC').trim().replace(/\s+/g, ' ')
  if (name.length === 0 || [...name].length > MAX_NAME_LENGTH) return null
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/.test(name)) return null
  return name
}

/** Limits every server applies; a message over them is refused with a named error, and the room goes on. */
export const LIMITS = {
  /** Bytes of a message, as JSON. The largest real one (a 500-character reason) is under 2 KB. */
  messageBytes: 8 * 1024,
  /** Per device: a burst of this many messages… */
  burst: 20,
  /** …then this many per second. */
  perSecond: 10,
  /** Seats in one room (students who joined, present or not). */
  seats: 60,
  /** Bytes of a scenario file an instructor may send. */
  scenarioBytes: 1024 * 1024,
  /** Characters of a student's answer to a reflection question. */
  answerChars: 2000,
  /** Characters of a question the instructor adds, and how many they may add to one room. */
  questionChars: 500,
  roomQuestions: 20,
  /** Round timer bounds, in seconds. */
  timerMin: 30,
  timerMax: 3600,
} as const

const side = z.string().min(1).max(80)
const role = z.string().min(1).max(80)
/** A reflection question's id: `SIDE/ID` for a scenario's question, `room-N` for one the instructor added. */
const questionId = z.string().min(1).max(170)
/** The round timer, in seconds; null turns it off. */
const timerSeconds = z.number().int().min(LIMITS.timerMin).max(LIMITS.timerMax).nullable()

/**
 * Everything a device may send, by message type. Strict: unknown fields are refused. The game's own moves,
 * the sides' and the instructor's alike, are core commands sent in `command`; the other messages are the
 * room's controls (seats, settings, start, pause, resume, end, export), which the game record does not hold.
 */
export const MESSAGES = {
  /**
   * A command of the rules (see core/rules/commands.ts), checked against CommandSchema itself. `side` may be
   * left out: the server stamps it from who sent it, a student's seat or the instructor. Only the
   * instructor's connection may send the instructor's commands (`overrule`, `inject`): a student's is
   * refused with NOT_INSTRUCTOR.
   */
  command: z.strictObject({ command: SentCommandSchema }),
  /** A student picks a side (or none), when the instructor lets students pick. */
  /** `role`: one of the side's named roles (see the scenario's `sides[].roles`), when the side has them. */
  pickSide: z.strictObject({ side: side.nullable(), role: role.nullable().optional() }),
  /** Instructor: puts a student on a side, or takes them off (null). */
  /** `role`: one of the side's named roles; left out, the seat keeps its role unless its side changes. */
  assign: z.strictObject({
    seat: z.string().min(1).max(40),
    side: side.nullable(),
    role: role.nullable().optional(),
  }),
  /** Instructor: mutes a student's messages (their `say` commands are refused with MUTED), or unmutes them. */
  mute: z.strictObject({ seat: z.string().min(1).max(40), muted: z.boolean() }),
  /** Instructor: removes a student's seat (one who lost it joins again under the same name). */
  removeSeat: z.strictObject({ seat: z.string().min(1).max(40) }),
  /** Instructor: removes, in one action, every seat that never played and has no device connected. */
  clearSeats: z.strictObject({}),
  /** Instructor: room settings. The timer is per round, in seconds; null turns it off. */
  configure: z.strictObject({
    picking: z.boolean().optional(),
    timerSeconds: timerSeconds.optional(),
    difficulty: DifficultySchema.optional(),
  }),
  start: z.strictObject({}),
  pause: z.strictObject({}),
  resume: z.strictObject({}),
  /** Instructor: adds a question for reflection for every student of the room, until the debrief is fully open. */
  addQuestion: z.strictObject({ text: z.string().trim().min(1).max(LIMITS.questionChars) }),
  /** Instructor: removes a question it added, while nobody has answered it. */
  removeQuestion: z.strictObject({ id: questionId }),
  /**
   * A student, once the game is over: their answer to one of their questions (empty clears it), which they
   * may change until they submit. Nobody but the instructor and the student reads it.
   */
  answer: z.strictObject({ question: questionId, text: z.string().max(LIMITS.answerChars) }),
  /** A student: hands in their answers (or skips the questions); the debrief then opens fully for them. */
  submitAnswers: z.strictObject({}),
  /** Instructor: ends the game where it stands (the debrief shows it as it is). */
  end: z.strictObject({}),
  /** Instructor: the room's results as a game record (JSON) or a debrief table (CSV). */
  /** `language`: the CSV's words (the asker's interface language; English when absent). */
  /** `grading`: one row per student with their answers (CSV), as the dashboard's class-wide table has them. */
  export: z.strictObject({
    format: z.enum(['json', 'csv', 'grading']),
    language: z.enum(['en', 'uk']).optional(),
  }),
} as const

export type MessageType = keyof typeof MESSAGES
export type Message<T extends MessageType> = z.infer<(typeof MESSAGES)[T]>
export const MESSAGE_TYPES = Object.keys(MESSAGES) as MessageType[]
/** The messages only the room's instructor may send. */
export const INSTRUCTOR_MESSAGES: ReadonlySet<MessageType> = new Set([
  'assign',
  'mute',
  'removeSeat',
  'clearSeats',
  'configure',
  'start',
  'pause',
  'resume',
  'end',
  'export',
  'addQuestion',
  'removeQuestion',
])

/**
 * What an instructor sends to create a room (`POST /api/rooms`): a shipped scenario by id, or the YAML
 * text of a scenario file, and the first settings.
 */
export const CreateRoomSchema = z.strictObject({
  scenario: z.union([
    z.strictObject({ id: z.string().min(1).max(80) }),
    z.strictObject({
      yaml: z.string().min(1).max(LIMITS.scenarioBytes),
      file: z.string().max(200).optional(),
    }),
  ]),
  settings: z
    .strictObject({
      picking: z.boolean().optional(),
      timerSeconds: timerSeconds.optional(),
      difficulty: DifficultySchema.optional(),
      seed: z
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 1)
        .optional(),
    })
    .optional(),
})
export type CreateRoom = z.infer<typeof CreateRoomSchema>

/** The answer to a room's creation: its join code and the instructor's private key. */
export interface CreatedRoom {
  code: string
  instructorKey: string
}

/** `GET /api/session`: the address students open (the join link is it plus `/#join=CODE`). */
export interface SessionInfo {
  joinBase: string
}

/** How a device joins a room (the options of `joinById(code, options)`). */
export const JoinOptionsSchema = z.union([
  z.strictObject({ role: z.literal('student'), name: z.string().max(200) }),
  z.strictObject({ role: z.literal('student'), seatToken: z.string().min(16).max(100) }),
  z.strictObject({ role: z.literal('instructor'), key: z.string().min(16).max(100) }),
])
export type JoinOptions = z.infer<typeof JoinOptionsSchema>

/** Why a message or a join was refused. The rules' own refusal codes come through as they are. */
export type NetErrorCode =
  | 'MALFORMED_MESSAGE'
  | 'MESSAGE_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNKNOWN_MESSAGE'
  | 'NOT_INSTRUCTOR'
  | 'NOT_SEATED'
  | 'NOT_YOUR_SIDE'
  | 'NOT_STARTED'
  | 'ALREADY_STARTED'
  | 'PAUSED'
  /** A message (`say`) from a seat the instructor muted. */
  | 'MUTED'
  | 'NOT_PAUSED'
  | 'ROOM_ENDED'
  | 'PICKING_CLOSED'
  /** A role that is not one of the side's named roles (or a role for a seat with no side). */
  | 'NOT_A_ROLE'
  /** An answer before the game is over. */
  | 'GAME_NOT_OVER'
  /** An answer after the student handed their answers in. */
  | 'ANSWERS_SUBMITTED'
  /** A reflection question that is not (or no longer) one of the asker's. */
  | 'UNKNOWN_QUESTION'
  /** A question removed after a student answered it, or one added or removed once every student handed in. */
  | 'REFLECTION_CLOSED'
  | 'UNKNOWN_SEAT'
  | 'NOT_A_SIDE'
  | 'SIDE_COMPUTER_PLAYED'
  | 'NOT_CONNECTED'
  | 'INTERNAL_ERROR'
  // joining
  | 'BAD_JOIN'
  | 'BAD_KEY'
  | 'NAME_INVALID'
  | 'NAME_TAKEN'
  | 'NAME_RESERVED'
  | 'ROOM_FULL'
  | 'ROOM_NOT_FOUND'
  | 'NOT_FOUND'
  /** A join refused because this address tried too often or failed too often: the message says how long to wait. */
  | 'TOO_MANY_ATTEMPTS'
  /** A seat token used while another device holds the seat: refused, and shown to that device and the instructor. */
  | 'SEAT_IN_USE'
  /** Told to the device that holds a seat when another device tried to open it with its token. */
  | 'SEAT_CONTESTED'

export type ErrorCode = NetErrorCode | RefusalCode

export interface NetError {
  code: ErrorCode
  /** For logs and developers; for a refusal of the rules, its code alone (never words to show). */
  message: string
  /** A refusal of the rules: what it is about, as ids, so that each device words it in its own language. */
  params?: RefusalParams
}

/** The answer to every request: ok (with data for some), or a named error that changed nothing. */
export type Reply<T extends object = object> = ({ ok: true } & T) | { ok: false; error: NetError }

/** What the server answers to each request type. */
export interface ReplyData {
  /** The rules' warnings for the sender, as codes and ids: the device words them in its own language. */
  command: { warned: RuleWarning[] }
  export: { filename: string; mime: string; text: string }
  clearSeats: { removed: number }
}
export type ReplyTo<T extends MessageType> = Reply<T extends keyof ReplyData ? ReplyData[T] : object>

/**
 * A student's seat as the server tells its own device (the token lets it take the seat back). `servers`:
 * the addresses of the session's server processes, when there are several, which the device tries in turn
 * to take its seat back should the one it uses stop answering (see net/client.ts).
 */
export type Welcome = (
  | { role: 'student'; seat: string; name: string; seatToken: string }
  | { role: 'instructor' }
) & { servers?: string[] }

/**
 * The size, in bytes, of a message as JSON: the measure `LIMITS.messageBytes` applies to. Values JSON
 * cannot hold (functions, cycles) make it unmeasurable: Infinity.
 */
export function messageBytes(message: unknown): number {
  try {
    const json = JSON.stringify(message ?? null)
    return new TextEncoder().encode(json).length
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

/** Checks a message against its type's schema; a named error when it is not one the server knows or fits. */
export function parseMessage<T extends MessageType>(
  type: T,
  message: unknown,
): { ok: true; value: Message<T> } | { ok: false; error: NetError } {
  const bytes = messageBytes(message)
  if (bytes > LIMITS.messageBytes)
    return {
      ok: false,
      error: {
        code: 'MESSAGE_TOO_LARGE',
        message: `The message is ${bytes} bytes; the most a room accepts is ${LIMITS.messageBytes}.`,
      },
    }
  const parsed = MESSAGES[type].safeParse(message ?? {})
  if (parsed.success) return { ok: true, value: parsed.data as Message<T> }
  const issue = parsed.error.issues[0]
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
  return {
    ok: false,
    error: {
      code: 'MALFORMED_MESSAGE',
      message: `Malformed "${type}" message${where}: ${issue?.message ?? 'invalid'}.`,
    },
  }
}
