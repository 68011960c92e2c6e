import { RESERVED_KEYS } from '../../../core/scenario/limits.ts'

/**
 * Ids for new elements, made from the name the author gives them ("Downstream states" → `downstream-states`),
 * so that a teacher never has to invent one: the format's ids are lower-case Latin letters, digits and dashes,
 * and other parts of the scenario refer to an element by its id.
 */

/** Ukrainian letters in the national transliteration (2010), with the few Russian ones a name may hold. */
const CYRILLIC = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъ'
const LATIN = 'a|b|v|h|g|d|e|ie|zh|z|y|i|i|i|k|l|m|n|o|p|r|s|t|u|f|kh|ts|ch|sh|shch||iu|ia|y|e|io|'.split('|')
const LETTERS: Record<string, string> = Object.fromEntries([...CYRILLIC].map((c, i) => [c, LATIN[i] ?? '']))
/** At the start of a word these letters are written differently (Єнакієве → Yenakiieve). */
const WORD_START: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' }

/** The longest id made from a name: long enough to tell elements apart, short enough to read in a file. */
const MAX_LENGTH = 40

/** A name in Latin letters: Cyrillic transliterated, accents dropped ("Über" → "Uber"). */
function latin(name: string): string {
  let out = ''
  let previous = ''
  for (const char of name.normalize('NFC')) {
    const lower = char.toLowerCase()
    const wordStart = !/\p{L}/u.test(previous)
    out += (wordStart ? WORD_START[lower] : undefined) ?? LETTERS[lower] ?? char
    // An apostrophe inside a word (м'ята) is not a break between words.
    if (!/['’ʼ]/.test(char)) previous = char
  }
  return out.normalize('NFKD').replace(/\p{M}/gu, '')
}

/**
 * The id a name gives, or '' when it gives none (no letter or digit): lower case, words joined by dashes,
 * apostrophes dropped, at most 40 characters, cut at a dash where possible.
 */
export function slugify(name: string): string {
  const slug = latin(name)
    .toLowerCase()
    .replace(/['’ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= MAX_LENGTH) return slug
  const cut = slug.slice(0, MAX_LENGTH + 1)
  const dash = cut.lastIndexOf('-')
  return (dash > MAX_LENGTH / 2 ? cut.slice(0, dash) : cut.slice(0, MAX_LENGTH)).replace(/-+$/, '')
}

/**
 * A new id made from `name` that no element in `taken` has: the name's id, or with `-2`, `-3`… after it; an
 * unusable name (empty, punctuation only, a reserved word) gives `fallback` numbered the same way.
 */
export function uniqueId(name: string, taken: Iterable<string>, fallback = 'item'): string {
  const used = new Set(taken)
  const base = slugify(name) || slugify(fallback) || 'item'
  const free = (candidate: string) => !used.has(candidate) && !RESERVED_KEYS.has(candidate)
  if (free(base)) return base
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`
}

/** The ids of the elements of a list (entries without a text `id` are skipped). */
export function idsIn(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return list.flatMap((entry) =>
    entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string'
      ? [(entry as { id: string }).id]
      : [],
  )
}
