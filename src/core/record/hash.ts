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
  const byte = (b: number) => {
    hash ^= b
    hash = Math.imul(hash, FNV_PRIME) >>> 0
  }
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    // UTF-8 by hand, so that the hash is the same wherever the core runs.
    if (c < 0x80) byte(c)
    else if (c < 0x800) {
      byte(0xc0 | (c >> 6))
      byte(0x80 | (c & 0x3f))
    } else if (c < 0x10000) {
      byte(0xe0 | (c >> 12))
      byte(0x80 | ((c >> 6) & 0x3f))
      byte(0x80 | (c & 0x3f))
    } else {
      byte(0xf0 | (c >> 18))
      byte(0x80 | ((c >> 12) & 0x3f))
      byte(0x80 | ((c >> 6) & 0x3f))
      byte(0x80 | (c & 0x3f))
    }
  }
  return hash.toString(16).padStart(8, '0')
}

/**
 * The hash of a scenario as the game reads it: its parsed form as JSON. Comments and layout of the YAML
 * file do not count; any change to what the rules see does.
 */
export function scenarioHash(scenario: Scenario): string {
  return fnv1a32(JSON.stringify(scenario))
}
