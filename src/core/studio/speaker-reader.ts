/**
 * The quote finder's reading of an article's words: where a speaker's name or title starts and ends, and what
 * a run of words says of who spoke (a name with its office, a pronoun, "the minister", "a source"). The
 * people the article names are registered by collectPeople (people.ts) once the words are read.
 */

import type { Span } from './quote-spans.ts'
import {
  ARTICLES,
  isName,
  isRoleWord,
  JOINERS,
  NOT_NAMES,
  PARTICLES,
  PRONOUNS,
  possessive,
  SKIP,
  SPEECH,
  STOP,
} from './speech-words.ts'
import type { Speaker } from './statement-types.ts'
import { indexAt } from './text-scan.ts'
import { type Tok, tokenize } from './tokens.ts'

/** What a search for a speaker found: a name, a pronoun, a descriptor ("the minister") or "a source". */
export type Found =
  | { kind: 'name'; name: string; office?: string; person: boolean }
  | { kind: 'pronoun'; plural: boolean }
  | { kind: 'descriptor'; words: string[] }
  | { kind: 'unnamed'; name: string }

/** What the article says of each person it names with an office: "Kremlin spokesman Dmitry Peskov". */
export interface People {
  byName: Map<string, Speaker>
  bySurname: Map<string, Speaker>
  aliases: Map<string, string>
  mentions: Array<{ at: number; speaker: Speaker }>
}

/**
 * The text's words and the people it names, read once; the finder's searches for speakers read them.
 * `people` stays empty until collectPeople (people.ts) has read the text.
 */
export class Reader {
  readonly toks: Tok[]
  readonly proper = new Set<string>()
  readonly people: People = { byName: new Map(), bySurname: new Map(), aliases: new Map(), mentions: [] }

  constructor(
    readonly text: string,
    opaque: Span[],
  ) {
    this.toks = tokenize(text, opaque)
    this.toks.forEach((t, k) => {
      const prev = this.toks[k - 1]
      if (t.cap && t.word && !t.line && prev && (prev.word || prev.w === ',')) this.proper.add(t.w)
    })
  }

  /** The text of tokens [a, b). */
  slice(a: number, b: number): string {
    return this.text.slice((this.toks[a] as Tok).s, (this.toks[b - 1] as Tok).e)
  }

  /** The first token at or after offset `at`. */
  tokenAt(at: number): number {
    const k = indexAt(this.toks, at, (t) => t.s)
    if (k < 0) return 0
    return (this.toks[k] as Tok).s >= at ? k : k + 1
  }

  /** Tokens from `k` on that could make a speaker's name or title ("a senior European official"). */
  runAfter(k: number, limit: number): number {
    let j = k
    if (ARTICLES.has(this.toks[j]?.lw ?? '')) j++
    while (j < limit && j - k < 10) {
      const t = this.toks[j] as Tok
      if (!t.word || t.quoted || (STOP.has(t.lw) && !JOINERS.has(t.lw)) || SPEECH.has(t.lw) || SKIP.has(t.lw))
        break
      j++
      if (possessive(t)) break
    }
    return j
  }

  /** Where the speaker run that ends with token `j` starts (`j + 1` when there is none). */
  runBefore(j: number, min: number): number {
    let i = j
    while (i >= min && j - i < 10) {
      const t = this.toks[i] as Tok
      if (!t.word || t.quoted) break
      if (t.lw === 'the' && JOINERS.has(this.toks[i - 1]?.lw ?? '') && this.toks[i - 2]?.cap) {
        i--
        continue
      }
      if (ARTICLES.has(t.lw)) return i
      if ((STOP.has(t.lw) && !JOINERS.has(t.lw)) || SPEECH.has(t.lw) || SKIP.has(t.lw)) break
      if (possessive(t) && i !== j) break
      i--
    }
    return i + 1
  }

  /** Reads tokens [a, b) as a speaker: a name with its office, a pronoun, "the minister" or "a source". */
  speaker(a: number, b: number): Found | null {
    if (b <= a) return null
    const toks = this.toks
    const first = toks[a] as Tok
    if (b - a === 1 && PRONOUNS.has(first.lw)) return { kind: 'pronoun', plural: first.lw.startsWith('the') }
    const article = ARTICLES.has(first.lw) ? first.lw : ''
    const i = article ? a + 1 : a
    if (i >= b) return null
    // Capitalised words (and "of", "for the"… between them) up to the end; an organisation's may hold a title
    // ("the Office of the President of Ukraine"), a person's may not.
    const capsOnly = (from: number) => {
      for (let k = from; k < b; k++) {
        const t = toks[k] as Tok
        if (!(t.word && t.cap && !NOT_NAMES.has(t.w)) && !(JOINERS.has(t.lw) && k > from)) return false
      }
      return isName(toks[b - 1])
    }
    // An office and the name right after it: "Estonian Foreign Minister Margus Tsahkna" (then maybe "of Norland").
    for (let r = b - 2; r >= i; r--) {
      if (!isRoleWord(toks[r]) || !isName(toks[r + 1])) continue
      let end = r + 1
      while (end < b && (isName(toks[end]) || PARTICLES.has(toks[end]?.lw ?? ''))) end++
      while (!isName(toks[end - 1])) end--
      if (end < b && !'of from in at'.split(' ').includes(toks[end]?.lw ?? '')) continue
      const name = this.nameOf(r + 1, end)
      return name ? { kind: 'name', name, office: this.slice(i, r + 1), person: true } : null
    }
    if (isName(toks[i]) && capsOnly(i)) {
      const name = this.nameOf(i, b)
      const known = this.known(name ?? '')
      // A lone capitalised word is a name only where it is capitalised mid-sentence too ("Experts say" is not).
      const single = b - i === 1
      if (!name || (single && !article && !known && !this.proper.has(name) && !this.people.aliases.has(name)))
        return null
      const org =
        !!article ||
        this.slice(i, b)
          .split(' ')
          .some((w) => JOINERS.has(w))
      return { kind: 'name', name, person: !!known || (!org && !single) }
    }
    let role = false
    for (let k = i; k < b; k++) role ||= isRoleWord(toks[k])
    if (!role) return null
    if (article === 'a' || article === 'an') {
      const phrase = this.slice(i, b)
      return { kind: 'unnamed', name: phrase[0]?.toUpperCase() + phrase.slice(1) }
    }
    return { kind: 'descriptor', words: toks.slice(i, b).map((t) => t.lw) }
  }

  /** A name from tokens [a, b), without a final possessive "'s". */
  nameOf(a: number, b: number): string | undefined {
    const name = this.slice(a, b).replace(/['’]s$/, '')
    return /\p{L}/u.test(name) ? name : undefined
  }

  /** The person registered under `name`, their surname alone, or an organisation's short name. */
  known(name: string): Speaker | undefined {
    const { byName, bySurname, aliases } = this.people
    return byName.get(name) ?? bySurname.get(name) ?? byName.get(aliases.get(name) ?? '')
  }

  /** An apposition after token `k` (a comma): ", an analyst at the Institute…," gives its office. */
  appositionAfter(k: number): string | undefined {
    if (this.toks[k]?.w !== ',') return undefined
    let end = k + 1
    while (end < this.toks.length && end - k < 26 && !',.;:!?“”"«»'.includes((this.toks[end] as Tok).w)) end++
    const startsWell = ARTICLES.has(this.toks[k + 1]?.lw ?? '') || isRoleWord(this.toks[k + 1])
    let role = false
    for (let j = k + 1; j < Math.min(end, k + 7); j++) role ||= isRoleWord(this.toks[j])
    if (!startsWell || !role || end === k + 1) return undefined
    const from = ARTICLES.has(this.toks[k + 1]?.lw ?? '') ? k + 2 : k + 1
    return from < end ? this.slice(from, end) : undefined
  }
}
