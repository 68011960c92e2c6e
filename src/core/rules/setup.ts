import { z } from 'zod'

/**
 * The schemas of what a game starts from, each defined once: the difficulty, who plays a seat, the mode,
 * the phase and the set-up itself. Records, saves, classroom rooms and the protocol all check against these,
 * and the TypeScript types are inferred from them.
 */

/** An id of the scenario (a side, an instrument, an event…) as commands and records carry it. */
export const IdSchema = z.string().min(1).max(80)

/** How hard Russia and the computer partners are; what each level changes is in difficulty.ts. */
export const DifficultySchema = z.enum(['easy', 'normal', 'hard'])
export type Difficulty = z.infer<typeof DifficultySchema>

/** Who plays a proposing side: a person or the computer. */
const SeatSchema = z.enum(['human', 'computer'])
export type Seat = z.infer<typeof SeatSchema>

/**
 * `play`: the hidden parts stay hidden. `instructor`: an instructor or author studies the scenario, with the
 * Backstage panel open to Russia's hidden resolve and every side's constraints; records and the debrief say so.
 */
const GameModeSchema = z.enum(['play', 'instructor'])
export type GameMode = z.infer<typeof GameModeSchema>

/** Where a game stands: the sides negotiate, decide on Russia's answer, or the game is over. */
export const PhaseSchema = z.enum(['negotiating', 'deciding', 'ended'])
export type Phase = z.infer<typeof PhaseSchema>

/** What a game starts from: everything a replay needs besides the scenario and the commands. */
export const GameSetupSchema = z.strictObject({
  scenarioId: IdSchema,
  seats: z.record(IdSchema, SeatSchema),
  seed: z.number().int(),
  difficulty: DifficultySchema,
  /** Play mode unless the game was started as an instructor or author (older records have none: play). */
  mode: GameModeSchema.optional(),
})
export type GameSetup = z.infer<typeof GameSetupSchema>
