import { type Difficulty, DifficultySchema } from './setup.ts'

/**
 * What a difficulty level changes, in one place, so that the set-up screen's sentences, the rules and the
 * computer partners agree. Each number is a design choice tuned with `npm run balance`.
 */
export interface DifficultyRules {
  /** Added to the responder's disposition: readier (+) or less ready (−) to accept. */
  responderBias: number
  /**
   * How the hidden firmness of each red line is drawn within its range: the uniform draw is raised to this
   * power, so above 1 leans towards the low (softer) end and below 1 towards the high (firmer) end.
   */
  resolvePower: number
  /** How much of the way from its ideal to its walk-away a computer partner concedes each round. */
  concession: number
  /** Points of its own score a computer partner gives up to grant a request outright. */
  generosity: number
  /** Package changes a computer side makes per round before it settles on a stance. */
  moveBudget: number
}

export const DIFFICULTY: Record<Difficulty, DifficultyRules> = {
  easy: { responderBias: 1, resolvePower: 1.8, concession: 0.5, generosity: 12, moveBudget: 4 },
  normal: { responderBias: 0, resolvePower: 1, concession: 0.3, generosity: 4, moveBudget: 3 },
  hard: { responderBias: -1, resolvePower: 0.55, concession: 0.18, generosity: 0, moveBudget: 2 },
}

/** The difficulty levels in the order the set-up screen offers them. */
export const DIFFICULTIES: readonly Difficulty[] = DifficultySchema.options
