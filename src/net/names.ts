/**
 * Display names that would pass for someone else. Two names clash when they read alike on a screen: the
 * same letters in another case, with other spacing or punctuation, with accents, or with look-alike letters
 * from another script ("Аlice" with a Cyrillic А beside "Alice"). Each name is brought to a skeleton (after
 * Unicode's confusable skeletons, TR 39, for the letters a class will meet: Latin, Cyrillic and Greek) and
 * two names clash when their skeletons are equal. A name is also refused when it would pass for the
 * instructor, the timer or the computer, which the log and the roster show beside students' names.
 */

/** Capitals of other scripts that pass for Latin capitals, read as that Latin letter (before lower case). */
const CAPITALS: Readonly<Record<string, string>> = {
  А: 'a',
  В: 'b',
  Е: 'e',
  З: '3',
  К: 'k',
  М: 'm',
  Н: 'h',
  О: 'o',
  Р: 'p',
  С: 'c',
  Т: 't',
  У: 'y',
  Х: 'x',
  І: 'l',
  Ј: 'j',
  Ѕ: 's',
  Ԛ: 'q',
  Ԝ: 'w',
  Ү: 'y',
  Һ: 'h',
  Ӏ: 'l',
  Ь: 'b',
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ζ: 'z',
  Η: 'h',
  Ι: 'l',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
}

/** Small letters and digits that pass for others, read as one letter (after lower case): i, l, 1 and | are one. */
const SMALL: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'l',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  һ: 'h',
  ӏ: 'l',
  ь: 'b',
  к: 'k',
  т: 't',
  г: 'r',
  п: 'n',
  и: 'u',
  α: 'a',
  ι: 'l',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  i: 'l',
  '1': 'l',
  '|': 'l',
  ı: 'l',
  ł: 'l',
  '0': 'o',
  ø: 'o',
  ɡ: 'g',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
}

const mapped = (text: string, table: Readonly<Record<string, string>>) =>
  Array.from(text, (ch) => table[ch] ?? ch).join('')

/**
 * The name read as a screen shows it: compatibility forms folded (full-width letters, ligatures), accents
 * dropped, look-alike letters made one, lower case, and everything but letters and digits left out.
 */
export function nameSkeleton(name: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '')
  const small = mapped(mapped(folded, CAPITALS).toLocaleLowerCase('en'), SMALL)
  // `rn` reads as `m` in most typefaces.
  return small.replace(/[^\p{L}\p{N}]/gu, '').replace(/rn/g, 'm')
}

/** Words that name the room's other voices, in the interface's languages, as skeletons. */
const RESERVED = [
  'instructor',
  'teacher',
  'tutor',
  'professor',
  'admin',
  'administrator',
  'moderator',
  'host',
  'server',
  'system',
  'timer',
  'computer',
  'викладач',
  'викладачка',
  'вчитель',
  'вчителька',
  'учитель',
  'учителька',
  'адмін',
  'адміністратор',
  'модератор',
  'таймер',
  "комп'ютер",
  'система',
].flatMap((word) => {
  // Capitals of other scripts read as Latin ones: a word typed in capitals or capitalised has its own skeleton.
  const capital = (word[0] ?? '').toLocaleUpperCase('uk') + word.slice(1)
  return [word, capital, word.toLocaleUpperCase('uk')].map(nameSkeleton)
})

/** Whether the name, or one of its words, would pass for the instructor, the timer or the computer. */
export function impersonatesStaff(name: string): boolean {
  if (RESERVED.includes(nameSkeleton(name))) return true
  return name
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean)
    .some((word) => RESERVED.includes(nameSkeleton(word)))
}
