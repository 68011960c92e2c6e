import type { Scenario } from '../scenario/schema/scenario.ts'

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/**
 * FNV-1a, 32 bits, over the UTF-8 bytes of `text`, as 8 hex digits. Not a cryptographic hash: it tells a
 * scenario file that changed from the one a game was played on, which is all a record needs, without
 * pulling a crypto module into the core.
 */
export function fnv1a32(text: string): string {
  let hash = FNV_OFFSET
  // One tight loop over UTF-16 code units (a closure per byte and a string iterator made this a long task
  // on a large scenario): UTF-8 by hand, so that the hash is the same wherever the core runs.
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00)
        i++
      }
    }
    if (c < 0x80) {
      hash = Math.imul(hash ^ c, FNV_PRIME) >>> 0
    } else if (c < 0x800) {
      hash = Math.imul(hash ^ (0xc0 | (c >> 6)), FNV_PRIME) >>> 0
      hash = Math.imul(hash ^ (0x80 | (c & 0x3f)), FNV_PRIME) >>> 0
    } else if (c < 0x10000) {
      hash = Math.imul(hash ^ (0xe0 | (c >> 12)), FNV_PRIME) >>> 0
      hash = Math.imul(hash ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME) >>> 0
      hash = Math.imul(hash ^ (0x80 | (c & 0x3f)), FNV_PRIME) >>> 0
    } else {
      hash = Math.imul(hash ^ (0xf0 | (c >> 18)), FNV_PRIME) >>> 0
      hash = Math.imul(hash ^ (0x80 | ((c >> 12) & 0x3f)), FNV_PRIME) >>> 0
      hash = Math.imul(hash ^ (0x80 | ((c >> 6) & 0x3f)), FNV_PRIME) >>> 0
      hash = Math.imul(hash ^ (0x80 | (c & 0x3f)), FNV_PRIME) >>> 0
    }
  }
  return hash.toString(16).padStart(8, '0')
}

const scenarioHashes = new WeakMap<Scenario, string>()

/**
 * The hash of a scenario as the game reads it: its parsed form as JSON. Comments and layout of the YAML
 * file do not count; any change to what the rules see does.
 */
export function scenarioHash(scenario: Scenario): string {
  // A loaded scenario is never changed in place, so its hash is computed once (every save names it).
  const known = scenarioHashes.get(scenario)
  if (known !== undefined) return known
  const hash = fnv1a32(JSON.stringify(scenario))
  scenarioHashes.set(scenario, hash)
  return hash
}
