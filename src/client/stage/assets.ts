import emblemEurope from '../../../assets/emblem-europe.svg?url'
import emblemRussia from '../../../assets/emblem-russia.svg?url'
import emblemUkraine from '../../../assets/emblem-ukraine.svg?url'
import emblemUs from '../../../assets/emblem-us.svg?url'
import mapEurope from '../../../assets/map-europe.svg?url'

/**
 * The stage's vector assets, as URLs Vite serves or inlines (small files become data: URLs). Kept in their own
 * module so that they load with the stage, never with the first screen.
 */
export const MAP_URL: string = mapEurope

/** Emblems by side id; a side without one gets a plain shield in its colour. */
export const EMBLEM_URLS: Record<string, string> = {
  ukraine: emblemUkraine,
  europe: emblemEurope,
  us: emblemUs,
  russia: emblemRussia,
}

/** A plain shield in a side's colour, for sides that have no emblem file (other scenarios). */
export function plainEmblem(colour: number): string {
  const hex = `#${colour.toString(16).padStart(6, '0')}`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 140" width="120" height="140"><path d="M60 6 L108 20 V66 C108 100 86 122 60 134 C34 122 12 100 12 66 V20 Z" fill="${hex}" stroke="#0b1622" stroke-width="5" stroke-linejoin="round"/><circle cx="60" cy="68" r="18" fill="#0e1d2f"/></svg>`
}
