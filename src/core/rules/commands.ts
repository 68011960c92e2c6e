import { z } from 'zod'
import { VerdictSchema } from '../scenario/schema/conditions.ts'
import { messageTextClean } from './messages.ts'
import { IdSchema as id } from './setup.ts'

const reason = z.string().trim().min(1).max(500)

/**
 * A message's payload (see messages.ts). Its length is checked by the rules, not here, so that an empty or
 * too long message is refused by name (MESSAGE_EMPTY, MESSAGE_TOO_LONG) rather than as malformed.
 */
const sayPayload = z
  .strictObject({
    channel: z.enum(['public', 'team', 'private']),
    /** The side a private message is addressed to: required for `private`, refused on the other channels. */
    to: id.optional(),
    text: z.string().trim().refine(messageTextClean, 'A message has no control characters but newlines.'),
  })
  .refine((p) => (p.channel === 'private') === (p.to !== undefined), {
    message: 'A private message names the side it is addressed to (`to`); the other channels do not.',
    path: ['to'],
  })

/**
 * The `side` of the instructor's commands. It starts with "@", which no scenario id can, so it can never
 * be mistaken for a side of the scenario.
 */
export const INSTRUCTOR = '@instructor'

/**
 * The commands a side can send. They are plain serializable objects (type, side, payload), the same whether
 * they come from a button, a computer player, a replayed log or a student's device over the network; this
 * schema checks them before the rules do.
 */
export const CommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('add'),
    side: id,
    payload: z.strictObject({ instrument: id, variant: id.optional() }),
  }),
  z.strictObject({ type: z.literal('withdraw'), side: id, payload: z.strictObject({ instrument: id }) }),
  z.strictObject({
    type: z.literal('request'),
    side: id,
    payload: z.strictObject({
      to: id,
      instrument: id,
      variant: id.optional(),
      /** Ask the other side to add the instrument (the default) or to withdraw what it put in. */
      action: z.enum(['add', 'withdraw']).optional(),
      /** The number of the request this one asks for in return (a trade). */
      inReturnFor: z.number().int().min(0).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('decline'),
    side: id,
    payload: z.strictObject({ request: z.number().int().min(0), reason }),
  }),
  z.strictObject({ type: z.literal('endorse'), side: id, payload: z.strictObject({}) }),
  z.strictObject({ type: z.literal('object'), side: id, payload: z.strictObject({ reason }) }),
  z.strictObject({
    type: z.literal('setFlag'),
    side: id,
    payload: z.strictObject({ flag: id, value: z.boolean() }),
  }),
  z.strictObject({ type: z.literal('table'), side: id, payload: z.strictObject({}) }),
  z.strictObject({ type: z.literal('endRound'), side: id, payload: z.strictObject({}) }),
  z.strictObject({
    type: z.literal('decide'),
    side: id,
    payload: z.strictObject({ choice: z.enum(['implement', 'continue']) }),
  }),
  // A message to the table, a teammate or another side (messages.ts): logged, but it changes nothing else.
  z.strictObject({ type: z.literal('say'), side: id, payload: sayPayload }),
  // The instructor's commands in a classroom room (see instructor.ts): logged and replayed like the others.
  z.strictObject({
    type: z.literal('overrule'),
    side: z.literal(INSTRUCTOR),
    payload: z.strictObject({ verdict: VerdictSchema, reason }),
  }),
  z.strictObject({
    type: z.literal('inject'),
    side: z.literal(INSTRUCTOR),
    payload: z.strictObject({ event: id }),
  }),
])

/** A command, as sent by a side (or, for `overrule` and `inject`, by the instructor). */
export type Command = z.infer<typeof CommandSchema>
/** The commands only the instructor of a classroom room sends. */
export type InstructorCommand = Extract<Command, { side: typeof INSTRUCTOR }>
/** The commands the negotiating sides send. */
export type SideCommand = Exclude<Command, InstructorCommand>

const INSTRUCTOR_TYPES: ReadonlySet<string> = new Set<InstructorCommand['type']>(['overrule', 'inject'])

/** Whether a command is one of the instructor's, by its type (whoever claims to send it). */
export function isInstructorCommand<C extends { type: string }>(
  command: C,
): command is Extract<C, { type: InstructorCommand['type'] }> {
  return INSTRUCTOR_TYPES.has(command.type)
}

/** A command as a device sends it over the network: the server stamps its `side` from who sent it. */
export type SentCommand = Command extends infer C
  ? C extends Command
    ? Omit<C, 'side'> & { side?: C['side'] }
    : never
  : never

/**
 * The schema of a command as a device sends it: CommandSchema itself, with `side` left to the server. A
 * student's side is stamped from their seat, the instructor's is INSTRUCTOR (see server/classroom.ts).
 */
export const SentCommandSchema = z.discriminatedUnion(
  'type',
  CommandSchema.options.map((option) => (option as z.ZodObject).partial({ side: true })) as unknown as [
    (typeof CommandSchema.options)[number],
    ...(typeof CommandSchema.options)[number][],
  ],
) as unknown as z.ZodType<SentCommand>
