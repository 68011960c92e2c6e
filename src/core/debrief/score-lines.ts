import type { ScoreLine } from '../rules/scoring.ts'

/**
 * What a score line says beside its label, as data for a screen to word: the points with their sign, and
 * for a meter line the change it counts (from the value that scores 0 to the final value). The sign, the
 * colour and the words of a line all come from `tone`, so that they cannot disagree: a line that lost
 * points is a loss however its label reads.
 */
export interface ScoreLineWords {
  /** 'gain' above zero, 'loss' below, 'none' for a line that rounds to 0 points. */
  tone: 'gain' | 'loss' | 'none'
  /** The points rounded to one decimal, as the score adds them. */
  points: number
  /** The size of the points without their sign, for "−20" or "+2.5". */
  magnitude: number
  /** For a meter line: the value that scores 0 and the final value. */
  change: { from: number; to: number } | null
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** The words of a score line beside its label. */
export function scoreLineWords(line: ScoreLine): ScoreLineWords {
  const points = round1(line.points)
  return {
    tone: points > 0 ? 'gain' : points < 0 ? 'loss' : 'none',
    points: points === 0 ? 0 : points,
    magnitude: Math.abs(points),
    change: line.kind === 'meter' ? { from: line.from, to: line.value } : null,
  }
}
