/**
 * Character tests and a binary search shared by the quote finder's passes (quote marks, sentences, words).
 * charClass answers ASCII on its code alone and caches the rest, because every pass asks it of every character.
 */

/** Whether `c` is white space; the end of the text (undefined) counts as space. */
export const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c)
/** Whether `c` is a letter or a digit. */
export const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)

const CLASSES = ['space', 'word', 'other'] as const
/** The class of each character of the Basic Multilingual Plane met so far (0: not yet known). */
const classCache = new Uint8Array(0x10000)

/** Whether the character at `i` is white space (as `\s`) or a letter, digit or mark; ASCII answered first. */
export function charClass(text: string, i: number): 'space' | 'word' | 'other' {
  const c = text.charCodeAt(i)
  if (c < 128) {
    if (c === 32 || (c >= 9 && c <= 13)) return 'space'
    return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 'word' : 'other'
  }
  const surrogate = c >= 0xd800 && c <= 0xdfff
  if (!surrogate && classCache[c]) return CLASSES[(classCache[c] as number) - 1] as 'space' | 'word' | 'other'
  const ch = String.fromCodePoint(text.codePointAt(i) ?? c)
  const found = /\s/.test(ch) ? 0 : /[\p{L}\p{N}\p{M}]/u.test(ch) ? 1 : 2
  if (!surrogate) classCache[c] = found + 1
  return CLASSES[found] as 'space' | 'word' | 'other'
}

/** How many UTF-16 units the character at `at` takes. */
export const width = (text: string, at: number) => ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1)

/** The index of the last item whose position (`key`) is at or before `at`, or -1. */
export function indexAt<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let low = 0
  let high = items.length - 1
  let found = -1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (key(items[mid] as T) <= at) {
      found = mid
      low = mid + 1
    } else high = mid - 1
  }
  return found
}

/** A range's start, the key `indexAt` searches ranges by. */
export const first = (range: readonly [number, number]) => range[0]
