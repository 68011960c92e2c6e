import emblemEurope from '../../../assets/emblem-europe.svg?url'
import emblemRussia from '../../../assets/emblem-russia.svg?url'
import emblemUkraine from '../../../assets/emblem-ukraine.svg?url'
import emblemUs from '../../../assets/emblem-us.svg?url'
import mapEurope from '../../../assets/map-europe.svg?url'
import type { StageMapName } from './model.ts'

/**
 * The stage's vector assets, as URLs Vite serves or inlines (small files become data: URLs). Kept in their own
 * module so that they load with the stage, never with the first screen.
 */

/** A shipped map and the places on it that the stage gives a meaning to. */
export interface MapSpec {
  url: string
  /**
   * The land the proposers' guarantees protect: the map's region and anchor of that name get the deterrence
   * "shield", and the package's markers converge on it.
   */
  protect: string
  /** The land of the answering side: the map's region the verdict tints when no region has the responder's id. */
  answers: string
  /**
   * Emblems drawn for this map, by side id: a scenario on this map whose sides have these ids gets them; any
   * other side gets a plain shield in its colour.
   */
  emblems: Record<string, string>
}

export const MAPS: Record<StageMapName, MapSpec> = {
  europe: {
    url: mapEurope,
    protect: 'ukraine',
    answers: 'russia',
    emblems: { ukraine: emblemUkraine, europe: emblemEurope, us: emblemUs, russia: emblemRussia },
  },
}

/**
 * The marks in the middle of a plain shield, one per side in the scenario's order, so that sides differ by
 * shape as well as by colour: a disc, a diamond, a triangle, a square, a ring, a bar, a star.
 */
const MARKS = [
  '<circle cx="60" cy="68" r="18" fill="#0e1d2f"/>',
  '<path d="M60 46 L82 68 L60 90 L38 68 Z" fill="#0e1d2f"/>',
  '<path d="M60 46 L84 88 H36 Z" fill="#0e1d2f"/>',
  '<rect x="42" y="50" width="36" height="36" rx="4" fill="#0e1d2f"/>',
  '<circle cx="60" cy="68" r="17" fill="none" stroke="#0e1d2f" stroke-width="9"/>',
  '<rect x="36" y="60" width="48" height="16" rx="4" fill="#0e1d2f"/>',
  '<path d="M60 44 L66 61 L84 61 L70 72 L75 90 L60 79 L45 90 L50 72 L36 61 L54 61 Z" fill="#0e1d2f"/>',
]

/** A plain shield in a side's colour with the mark of its place among the sides: nothing of any country. */
export function plainEmblem(colour: number, place: number): string {
  const hex = `#${colour.toString(16).padStart(6, '0')}`
  const mark = MARKS[Math.max(0, place) % MARKS.length]
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 140" width="120" height="140"><path d="M60 6 L108 20 V66 C108 100 86 122 60 134 C34 122 12 100 12 66 V20 Z" fill="${hex}" stroke="#0b1622" stroke-width="5" stroke-linejoin="round"/><path d="M60 14 L100 26 V66 C100 94 82 113 60 124" fill="none" stroke="#ffffff" stroke-opacity="0.22" stroke-width="4"/>${mark}</svg>`
}
