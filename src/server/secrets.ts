import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { CODE_ALPHABET, CODE_LENGTH } from '../net/protocol.ts'

/** A new join code: six characters drawn uniformly from the unambiguous alphabet. */
export function newJoinCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** A new secret (instructor key, seat token, admin key): 144 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(18).toString('base64url')
}

/** What the server stores of a secret: its SHA-256, so that a copy of the data folder reveals no key. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/**
 * Whether `secret` is the one whose hash is `hash`, compared in constant time (both sides are hashed to
 * the same length first, so neither the length nor the first differing byte of the key leaks).
 */
export function secretMatches(secret: string, hash: string): boolean {
  const given = createHash('sha256').update(secret, 'utf8').digest()
  const stored = Buffer.from(hash, 'hex')
  return stored.length === given.length && timingSafeEqual(given, stored)
}

/** A seed for a room's game, when the instructor gives none. */
export function newSeed(): number {
  return randomInt(1, 2 ** 31 - 1)
}
