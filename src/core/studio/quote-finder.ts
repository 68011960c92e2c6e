/**
 * Suggests the statements an article quotes, for the scenario studio to offer a teacher: each quotation
 * (“…”, "…", «…», „…“, ‘…’) of four words or more, with its speaker, the speaker's office and the date where
 * the same or an adjacent sentence gives them, and the sentences that report what someone said ("said that",
 * "according to"). These are heuristics of English news style, made to be accepted or ignored by a person;
 * the quote is always an exact piece of the text, so that it passes the quote check.
 *
 * Cost: the text is read a fixed number of times (quote marks, words, sentences, dates), and each search for a
 * speaker reads at most a few dozen words around its quotation, so an article costs linear time and hostile
 * input (unclosed quotes, a page of quote marks) cannot make it hang. No regular expression here backtracks
 * over more than one run of the text.
 */

/** How a statement's words commit its speaker (the scenario format's `modality`). */
export type StatementModality = 'asserted' | 'conditional' | 'reported' | 'assessment'

/** A statement the studio may offer: `text.slice(start, end) === quote`. */
export interface StatementSuggestion {
  quote: string
  start: number
  end: number
  speaker?: { name: string; office?: string }
  /** As the article words it ("December 10", "Wednesday", "2025-12-10"); never a relative "last week". */
  date?: string
  modality: StatementModality
  /** True for words in quotation marks; false for a sentence that reports them. */
  direct: boolean
}

type Speaker = NonNullable<StatementSuggestion['speaker']>

// -------------------------------------------------------------------------------------------- quotations

/** A quotation: its opening mark at `open`, its words up to `close`, the text after it from `end`. */
interface Span {
  open: number
  close: number
  end: number
}

/** The longest quotation believed; a longer one is a mark left open by mistake. */
const MAX_QUOTE = 4000
const OPEN_BEFORE = '([{—–-/:“‘„«"\''
const CLOSE_AFTER = '.,;:!?)]}—–-…”’»"\''
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c)
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)

/**
 * Pairs the quote marks of `text` in one pass with a small stack. Straight quotes open after a space and close
 * before one; a single quote counts only where it cannot be an apostrophe, and ends with its line; a blank
 * line ends every quotation; a paragraph that opens with the same mark continues the quotation (the
 * paragraph before it is then one quotation without a closing mark).
 */
function quoteSpans(text: string): Span[] {
  const spans: Span[] = []
  const stack: Array<{ kind: string; at: number }> = []
  const push = (kind: string, at: number) => {
    stack.push({ kind, at })
    if (stack.length > 6) stack.shift()
  }
  const close = (kinds: string, at: number): boolean => {
    for (let k = stack.length - 1; k >= Math.max(0, stack.length - 4); k--) {
      const open = stack[k] as { kind: string; at: number }
      if (!kinds.includes(open.kind)) continue
      stack.length = k
      if (at - open.at <= MAX_QUOTE) spans.push({ open: open.at, close: at, end: at + 1 })
      return true
    }
    return false
  }
  const isOpen = (kind: string) => stack.some((s) => s.kind === kind)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // Most characters are neither a quote mark nor a line break: skip them on their code alone.
    if (
      code < 128
        ? code !== 10 && code !== 34 && code !== 39
        : code !== 0xab && code !== 0xbb && (code < 0x2018 || code > 0x201e)
    )
      continue
    const c = text[i] as string
    if (c === '\n') {
      for (let k = stack.length - 1; k >= 0; k--)
        if ('ab'.includes((stack[k] as { kind: string }).kind)) stack.splice(k, 1)
      let j = i + 1
      while (text[j] === ' ' || text[j] === '\t') j++
      if (j >= text.length || text[j] === '\n') stack.length = 0
      const top = stack[stack.length - 1]
      const next = text[j]
      const same =
        top &&
        ((top.kind === 'dq' && next === '“') ||
          (top.kind === 'lo' && next === '„') ||
          (top.kind === 'gu' && next === '«') ||
          (top.kind === 'st' && next === '"' && !isSpace(text[j + 1])))
      if (top && same) {
        stack.pop()
        if (i - top.at <= MAX_QUOTE) spans.push({ open: top.at, close: i, end: i })
      }
      continue
    }
    if (!'“”„«»"‘’\''.includes(c)) continue
    const prev = text[i - 1]
    const next = text[i + 1]
    const before = isSpace(prev) || OPEN_BEFORE.includes(prev as string)
    const after = isSpace(next) || CLOSE_AFTER.includes(next as string)
    // Kinds: “” dq, „“ lo, «» gu, straight st; the single quotes ‘’ a and ' b end with their line.
    if (c === '“') {
      if (stack[stack.length - 1]?.kind === 'lo' && !before) close('lo', i)
      else push('dq', i)
    } else if (c === '”') {
      if (!close('dq lo', i) && before && !after) push('dq', i)
    } else if (c === '„') push('lo', i)
    else if (c === '«') push('gu', i)
    else if (c === '»') close('gu', i)
    else if (c === '"') {
      if (before && !after) push('st', i)
      else if (!before) close('st', i)
    } else if (c === '‘') {
      if (before && isWordChar(next)) push('a', i)
    } else if (c === '’') {
      if (!before && after && isOpen('a')) close('a', i)
    } else if (before && isWordChar(next)) push('b', i)
    else if (!before && after && isOpen('b')) close('b', i)
  }
  return spans
}

/** The outermost quotations, in order: the stretches of text a sentence split must not look inside. */
function outermost(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.open - b.open || b.end - a.end)
  const out: Span[] = []
  for (const span of sorted) if (!out.length || span.open >= (out[out.length - 1] as Span).end) out.push(span)
  return out
}

// --------------------------------------------------------------------------------------------- sentences

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen col lt sgt capt gov sen rep st jr sr vs etc inc ltd co corp no jan feb mar apr jun jul aug sep sept oct nov dec fig approx'.split(
    ' ',
  ),
)

/** Splits the text into sentences (start and end offsets, trimmed), never inside a quotation. */
function sentences(text: string, opaque: Span[]): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let from = 0
  const push = (a: number, b: number) => {
    while (a < b && isSpace(text[a])) a++
    while (b > a && isSpace(text[b - 1])) b--
    if (b > a) out.push([a, b])
  }
  // Whether a sentence may start at `at` (after spaces): a capital, a digit or an opening mark.
  const startsSentence = (at: number) => {
    let m = at
    while (text[m] === ' ' || text[m] === '\t' || text[m] === '\u00a0') m++
    const c = text[m]
    return c === undefined || c === '\n' || /[\p{Lu}\p{N}“„«"‘'(]/u.test(c)
  }
  let k = 0
  for (let i = 0; i < text.length; i++) {
    const span = opaque[k]
    if (span && span.open === i) {
      k++
      i = span.end - 1
      let last = span.close - 1
      while (last > span.open && isSpace(text[last])) last--
      if ('.!?…'.includes(text[last] as string) && span.end > span.close && startsSentence(span.end)) {
        push(from, span.end)
        from = span.end
      }
      continue
    }
    const code = text.charCodeAt(i)
    if (code !== 10 && code !== 46 && code !== 33 && code !== 63 && code !== 0x2026) continue
    const c = text[i] as string
    if (c === '\n') {
      push(from, i)
      from = i + 1
    } else {
      let j = i + 1
      while (j < text.length && ')]”’"\'»'.includes(text[j] as string)) j++
      if (j < text.length && !isSpace(text[j])) continue
      if (!startsSentence(j)) continue
      if (c === '.' && isAbbreviation(text, i)) continue
      push(from, j)
      from = j
      i = j - 1
    }
  }
  push(from, text.length)
  return out
}

/** Whether the period at `dot` ends an abbreviation or an initial ("Mr.", "Gen.", "J.", "U.S.") rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let b = dot
  while (b > 0 && dot - b < 8 && charClass(text, b - 1) === 'word') b--
  const word = text.slice(b, dot)
  return (word.length === 1 && /\p{Lu}/u.test(word)) || ABBREVIATIONS.has(word.toLowerCase())
}

/** The index of the last item whose position (`key`) is at or before `at`, or -1. */
function indexAt<T>(items: readonly T[], at: number, key: (item: T) => number): number {
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

const first = (range: readonly [number, number]) => range[0]

// ------------------------------------------------------------------------------------------------- dates

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.'
const DATE = new RegExp(
  [
    `\\b(\\d{4}-\\d{2}-\\d{2})\\b`,
    `\\b(\\d{1,2} (?:${MONTHS})(?:,? \\d{4})?)(?![\\p{L}\\p{N}])`,
    `\\b((?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?)\\b`,
    `\\b(?:[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Ss]ince|[Bb]y) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b`,
    `\\b[Ii]n ((?:${MONTHS})(?: \\d{4})?)\\b`,
  ].join('|'),
  'gu',
)

/** Every date the text gives, in order (relative ones such as "last week" are not dates). */
function findDates(text: string): Array<{ at: number; value: string }> {
  const out: Array<{ at: number; value: string }> = []
  for (const match of text.matchAll(DATE)) {
    const value = match.slice(1).find((group) => group !== undefined) as string
    out.push({ at: (match.index ?? 0) + match[0].indexOf(value), value })
  }
  return out
}

// ------------------------------------------------------------------------------------------------- words

interface Tok {
  s: number
  e: number
  w: string
  lw: string
  word: boolean
  cap: boolean
  /** Inside a quotation: someone's words, never the article's attribution. */
  quoted: boolean
  /** The first token of its line. */
  line: boolean
}

const words = (list: string) => new Set(list.split(' '))

const SPEECH = words(
  'said says say told tells added adds adding stated stating wrote writes writing noted noting stressed stresses stressing emphasized emphasised emphasizes emphasises explained explains explaining warned warns insisted insists insisting argued argues arguing claimed claims claiming concluded concludes clarified clarifies recalled recalls believes believed assured assures announced announces declared declares replied replies urged urges assessed assesses posted tweeted commented remarked observed acknowledged admitted agreed agrees suggested suggests predicted promised vowed threatened pledged confirmed denied estimated mentioned maintained maintains contended saying reiterated cautioned indicated indicates',
)
/** Verbs that report a statement when "that" follows them (within a few words, for "told Reuters that"). */
const REPORTING = words(
  'said says stated stating warned warns noted added stressed assured claimed claiming argued argues believes believed explained announced declared emphasized emphasised insisted insists confirmed acknowledged admitted predicted estimated indicated told tells wrote writes',
)
const ASSESS = words('assessed assesses assess estimated estimates')
const ROLES = words(
  'analyst minister president premier chancellor secretary spokesman spokeswoman spokesperson ambassador envoy diplomat official officer source expert professor deputy adviser advisor aide chief head leader chair chairman chairwoman director governor mayor senator congressman congresswoman lawmaker legislator parliamentarian negotiator commander general admiral colonel attaché attache king queen prince emir commissioner representative member researcher correspondent editor scholar historian lawyer prosecutor judge sheikh founder coordinator rapporteur mp mep',
)
const NOT_ROLES = words('list assist exist insist resist persist consist twist wrist enlist')
const ARTICLES = words('the a an')
const PRONOUNS = words('he she they him her them')
const SUBJECTS = words('he she they')
/** Small words inside a person's name ("Ursula von der Leyen"), and also inside an organisation's. */
const PARTICLES = words('de da di del van von der den al bin ibn la le du dos das')
const JOINERS = new Set([...PARTICLES, 'of', 'for', 'the', 'and'])
const SKIP = words(
  'also again once then later further previously earlier recently reportedly publicly openly explicitly repeatedly already has had have was is similarly separately subsequently flatly bluntly clearly firmly simply just',
)
const STOP = words(
  'to on in at with from by during after before about over into through against under without since until like per via that who whom which whose while as when where because if but or so than this these those some any each every no all both many most several his her their its our my your we i you it is are was were be been has have had will would could should may might can must shall does did do not',
)
const NOT_NAMES = words(
  'The A An In On At But And However Meanwhile This That These Those It Its He She They We I You If When While After Before Then So Also Still Yet Now According Under For From With By As Some Any No Other Another Such Both Many Most Several Every Each January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
)

const isRoleWord = (t: Tok | undefined) =>
  !!t?.word && (ROLES.has(t.lw) || (t.lw.length > 5 && t.lw.endsWith('ist') && !NOT_ROLES.has(t.lw)))
const possessive = (t: Tok) => /['’]s$/.test(t.w)
const isName = (t: Tok | undefined) => !!t?.word && t.cap && !NOT_NAMES.has(t.w) && !isRoleWord(t)

const CLASSES = ['space', 'word', 'other'] as const
/** The class of each character of the Basic Multilingual Plane met so far (0: not yet known). */
const classCache = new Uint8Array(0x10000)

/** Whether the character at `i` is white space (as `\s`) or a letter, digit or mark; ASCII answered first. */
function charClass(text: string, i: number): 'space' | 'word' | 'other' {
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
const width = (text: string, at: number) => ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1)

/**
 * Splits the text into words ("Zelensky's", "U.S", "40-kilometer": letters and digits joined by an apostrophe,
 * period or hyphen) and single punctuation marks, each marked when it stands inside a quotation.
 */
function tokenize(text: string, opaque: Span[]): Tok[] {
  const toks: Tok[] = []
  let k = 0
  let line = true
  for (let i = 0; i < text.length; ) {
    const kind = charClass(text, i)
    if (kind === 'space') {
      line ||= text.charCodeAt(i) === 10
      i++
      continue
    }
    let j = i + width(text, i)
    if (kind === 'word')
      while (j < text.length) {
        if (charClass(text, j) === 'word') j += width(text, j)
        else if (
          "'’.-".includes(text[j] as string) &&
          j + 1 < text.length &&
          charClass(text, j + 1) === 'word'
        )
          j += 2
        else break
      }
    while (k < opaque.length && (opaque[k] as Span).end <= i) k++
    const span = opaque[k]
    const w = text.slice(i, j)
    const c = text.charCodeAt(i)
    const word = kind === 'word'
    const cap = c < 128 ? c >= 65 && c <= 90 : word && /^\p{Lu}/u.test(w)
    const quoted = !!span && span.open < i && i < span.close
    toks.push({ s: i, e: j, w, lw: word ? w.toLowerCase() : w, word, cap, quoted, line })
    line = false
    i = j
  }
  return toks
}

// ------------------------------------------------------------------------------------------------ speakers

type Found =
  | { kind: 'name'; name: string; office?: string; person: boolean }
  | { kind: 'pronoun'; plural: boolean }
  | { kind: 'descriptor'; words: string[] }
  | { kind: 'unnamed'; name: string }

/** What the article says of each person it names with an office: "Kremlin spokesman Dmitry Peskov". */
interface People {
  byName: Map<string, Speaker>
  bySurname: Map<string, Speaker>
  aliases: Map<string, string>
  mentions: Array<{ at: number; speaker: Speaker }>
}

/** The text's words and the people it names, read once; the finder's searches for speakers read them. */
class Reader {
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
    this.collectPeople()
  }

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

  /** Registers the people the article names with an office, and the short names of organisations. */
  collectPeople(): void {
    const { toks, people } = this
    const register = (at: number, name: string | undefined, office: string | undefined, mention: boolean) => {
      if (!name) return
      const existing = people.byName.get(name)
      const speaker: Speaker = existing ?? { name }
      if (office && !speaker.office) speaker.office = office
      people.byName.set(name, speaker)
      const parts = name.split(' ')
      if (parts.length > 1) people.bySurname.set(parts[parts.length - 1] as string, speaker)
      if (mention) people.mentions.push({ at, speaker })
    }
    const nameEnd = (k: number) => {
      let j = k
      while (
        j < toks.length &&
        j - k < 5 &&
        (isName(toks[j]) || (PARTICLES.has(toks[j]?.lw ?? '') && j > k))
      ) {
        j++
        if (possessive(toks[j - 1] as Tok)) break
      }
      while (j > k && !isName(toks[j - 1])) j--
      return j
    }
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k] as Tok
      if (t.quoted) continue
      if (isRoleWord(t) && isName(toks[k + 1])) {
        const end = nameEnd(k + 1)
        const start = this.runBefore(k, Math.max(0, k - 5))
        const from = ARTICLES.has(toks[start]?.lw ?? '') ? start + 1 : start
        const last = toks[end - 1] as Tok
        register(t.s, this.nameOf(k + 1, end), this.slice(from, k + 1), !possessive(last))
      } else if (t.w === ',' && isName(toks[k + 1]) && isName(toks[k + 2])) {
        // "the Russian Foreign Minister, Sergei Lavrov," — an office, then the name between commas.
        const end = nameEnd(k + 1)
        const after = toks[end]?.w ?? '.'
        if (!',.'.includes(after) && toks[end]?.lw !== 'who') continue
        let role = k - 1
        while (role >= 0 && k - role <= 8 && toks[role]?.word && !isRoleWord(toks[role])) role--
        if (!isRoleWord(toks[role]) || k - role > 8) continue
        const start = this.runBefore(role, Math.max(0, role - 5))
        const from = ARTICLES.has(toks[start]?.lw ?? '') ? start + 1 : start
        register(toks[k + 1]?.s ?? 0, this.nameOf(k + 1, end), this.slice(from, k), true)
      } else if (isName(t) && isName(toks[k + 1]) && !isName(toks[k - 1]) && !isRoleWord(toks[k - 1])) {
        // "Kateryna Stepanenko, an analyst at the Institute for the Study of War (ISW),"
        const end = nameEnd(k)
        const office = this.appositionAfter(end)
        if (office) register(t.s, this.nameOf(k, end), office, true)
      }
      if (t.w === '(' && toks[k + 2]?.w === ')' && /^\p{Lu}{2,}$/u.test(toks[k + 1]?.w ?? '')) {
        // "the Institute for the Study of War (ISW)": the name starts at the word of the short name's first letter.
        const short = toks[k + 1]?.w as string
        let from = this.runBefore(k - 1, Math.max(0, k - 9))
        while (from < k && !(isName(toks[from]) && toks[from]?.w[0] === short[0])) from++
        if (from < k) people.aliases.set(short, this.slice(from, k))
      }
    }
  }
}

// ------------------------------------------------------------------------------------------- the finder

/** Who spoke last, for "he added" and "the source said". */
interface Memory {
  person?: { at: number; speaker: Speaker }
  any?: { at: number; speaker: Speaker }
  unnamed: Speaker[]
}

const CONDITIONAL = /\b(?:would|could|might|if)(?:n['’]t)?\b/i
const ASSESSMENT = /\b(?:likely|unlikely|probably|probable|assess(?:es|ed|ing|ment)?)\b/i

/**
 * The statements `text` quotes or reports, in order of position, overlapping ones merged (a quotation wins
 * over the sentence that reports it; a longer quotation over one inside it).
 */
export function findStatements(text: string): StatementSuggestion[] {
  const spans = quoteSpans(text)
  const opaque = outermost(spans)
  const sents = sentences(text, opaque)
  const paragraphs = paragraphRanges(text)
  const dates = findDates(text)
  const reader = new Reader(text, opaque)
  const memory: Memory = { unnamed: [] }
  const bySentence = new Map<number, Speaker>()

  const quoted = (at: number) => {
    const span = opaque[indexAt(opaque, at, (q) => q.open)]
    return !!span && at > span.open && at < span.end
  }
  const dateIn = (a: number, b: number) => {
    let k = Math.max(
      0,
      indexAt(dates, a, (d) => d.at),
    )
    for (let tries = 0; k < dates.length && tries < 50; k++, tries++) {
      const d = dates[k] as { at: number; value: string }
      if (d.at < a) continue
      if (d.at >= b) return undefined
      if (!quoted(d.at)) return d.value
    }
    return undefined
  }
  const dateFor = (a: number, b: number) => {
    const own = dateIn(a, b)
    if (own) return own
    const p = paragraphs[indexAt(paragraphs, a, first)]
    return p ? dateIn(p[0], p[1]) : undefined
  }

  const resolve = (found: Found | null, at: number): Speaker | undefined => {
    if (!found) return undefined
    if (found.kind === 'name') {
      const known = reader.known(found.name)
      const name = known?.name ?? reader.people.aliases.get(found.name) ?? found.name
      return { name, ...((found.office ?? known?.office) ? { office: found.office ?? known?.office } : {}) }
    }
    if (found.kind === 'unnamed') {
      const speaker = { name: found.name }
      memory.unnamed.push(speaker)
      return speaker
    }
    const mention = lastMention(reader.people.mentions, at)
    const latest = (entry?: { at: number; speaker: Speaker }) =>
      entry && mention && mention.at > entry.at ? mention.speaker : (entry?.speaker ?? mention?.speaker)
    if (found.kind === 'pronoun') return found.plural ? latest(memory.any) : latest(memory.person)
    const wanted = found.words.filter((w) => w !== 'the')
    for (let k = memory.unnamed.length - 1; k >= 0; k--) {
      const phrase = (memory.unnamed[k] as Speaker).name.toLowerCase().split(' ')
      if (wanted.every((w) => phrase.includes(w))) return memory.unnamed[k]
    }
    return latest(memory.any)
  }
  const remember = (found: Found | null, speaker: Speaker | undefined, at: number) => {
    if (!speaker || !found) return
    memory.any = { at, speaker }
    const person = found.kind !== 'name' || found.person || !!speaker.office || !!reader.known(speaker.name)
    if (person) memory.person = { at, speaker }
  }

  const candidates: StatementSuggestion[] = []
  const direct = spans.map((span) => ({ span, ...trimQuote(text, span) })).filter((q) => q.words >= 4)
  // Walk quotations and reporting sentences together, in order, so that "he said" finds who spoke last.
  let d = 0
  let r = 0
  const byStart = [...direct].sort((a, b) => a.start - b.start)
  while (d < byStart.length || r < sents.length) {
    const nextDirect = byStart[d]
    const nextReported = sents[r]
    if (nextDirect && (!nextReported || nextDirect.start < nextReported[0])) {
      d++
      const { span, start, end } = nextDirect
      const a = indexAt(sents, span.open, first)
      const b = Math.max(a, indexAt(sents, Math.max(span.open, span.end - 1), first))
      const sa = sents[a] ?? [0, text.length]
      const sb = sents[b] ?? sa
      const { found, verb, standalone } = attribution(reader, span, sa[0], sb[1], sents[b + 1])
      let speaker = resolve(found, span.open)
      if (!speaker && standalone) speaker = bySentence.get(a - 1)
      remember(found, speaker, span.open)
      if (speaker) bySentence.set(b, speaker)
      const quote = text.slice(start, end)
      const modality: StatementModality = CONDITIONAL.test(quote)
        ? 'conditional'
        : ASSESSMENT.test(quote) || ASSESS.has(verb)
          ? 'assessment'
          : 'asserted'
      const date = dateFor(sa[0], sb[1])
      candidates.push({
        quote,
        start,
        end,
        ...(speaker ? { speaker: { ...speaker } } : {}),
        ...(date ? { date } : {}),
        modality,
        direct: true,
      })
    } else if (nextReported) {
      r++
      const [s, e] = nextReported
      if (e - s > 1000) continue
      const found = reportedSpeaker(reader, s, e)
      if (!found) continue
      const speaker = resolve(found.found, s)
      remember(found.found, speaker, s)
      if (speaker) bySentence.set(r - 1, speaker)
      const quote = text.slice(s, e)
      if ((quote.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < 4) continue
      const date = dateFor(s, e)
      candidates.push({
        quote,
        start: s,
        end: e,
        ...(speaker ? { speaker: { ...speaker } } : {}),
        ...(date ? { date } : {}),
        modality: 'reported',
        direct: false,
      })
    }
  }
  return dedupe(candidates)
}

/** A quotation's words without its marks, spaces and a trailing comma; and how many words it has (up to 4). */
function trimQuote(text: string, span: Span): { start: number; end: number; words: number } {
  let start = span.open + 1
  let end = span.close
  while (start < end && isSpace(text[start])) start++
  while (end > start && (isSpace(text[end - 1]) || ',;:'.includes(text[end - 1] as string))) end--
  let words = 0
  let inWord = false
  for (let i = start; i < end && words < 4; i++) {
    const w = isWordChar(text[i])
    if (w && !inWord) words++
    inWord = w
  }
  return { start, end, words }
}

/** Paragraphs: between blank lines when the text has them, else its lines. */
function paragraphRanges(text: string): Array<[number, number]> {
  const separator = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n/g : /\n/g
  const out: Array<[number, number]> = []
  let from = 0
  for (const m of text.matchAll(separator)) {
    out.push([from, m.index ?? 0])
    from = (m.index ?? 0) + m[0].length
  }
  out.push([from, text.length])
  return out
}

/** The last person named with an office before offset `at`. */
function lastMention(mentions: People['mentions'], at: number): People['mentions'][number] | undefined {
  return mentions[indexAt(mentions, at - 1, (m) => m.at)]
}

/**
 * Who the sentence around a quotation says spoke: after it ("…," said X / X said / he added), before it
 * (X said: "…" / X, the minister, said "…" / according to X), or at the start of the next sentence.
 * `standalone` tells that the sentence is the quotation alone, so that it may continue the one before it.
 */
function attribution(
  reader: Reader,
  span: Span,
  sentenceStart: number,
  sentenceEnd: number,
  next: [number, number] | undefined,
): { found: Found | null; verb: string; standalone: boolean } {
  const { toks } = reader
  const after = reader.tokenAt(span.end)
  const afterEnd = Math.min(reader.tokenAt(sentenceEnd), after + 40)
  const afterResult = attributionAt(reader, after, afterEnd)
  if (afterResult) return { ...afterResult, standalone: false }
  const first = Math.max(reader.tokenAt(sentenceStart), reader.tokenAt(span.open) - 60)
  const last = reader.tokenAt(span.open)
  let outside = 0
  let rightmost = -1
  for (let v = last - 1; v >= first; v--) {
    const t = toks[v] as Tok
    if (t.quoted || !t.word) continue
    outside++
    if (t.lw === 'according' && toks[v + 1]?.lw === 'to') {
      const found = afterVerb(reader, v + 1, last)
      if (found) return { found, verb: 'according', standalone: false }
    } else if (SPEECH.has(t.lw)) {
      if (rightmost < 0) rightmost = v
      const found = subjectBefore(reader, v, first)
      if (found) return { found, verb: t.lw, standalone: false }
    }
  }
  // "statements made by US President Donald Trump in February, claiming that …": the person named before the verb.
  if (rightmost >= 0) {
    const mention = lastMention(reader.people.mentions, (toks[rightmost] as Tok).s)
    const found: Found | null =
      mention && mention.at >= sentenceStart
        ? { kind: 'name', name: mention.speaker.name, person: true }
        : null
    return { found, verb: '', standalone: false }
  }
  for (let k = after; k < afterEnd && outside < 2; k++) if (toks[k]?.word && !toks[k]?.quoted) outside++
  const standalone = outside < 2
  if (standalone && next) {
    const start = reader.tokenAt(next[0])
    const found = attributionAt(reader, start, Math.min(reader.tokenAt(next[1]), start + 12), true)
    if (found) return { ...found, standalone: false }
  }
  return { found: null, verb: '', standalone }
}

/** "said X" / "X said" / "he added" starting at token `k` (after a quotation, or opening the next sentence). */
function attributionAt(
  reader: Reader,
  k: number,
  limit: number,
  strict = false,
): { found: Found; verb: string } | null {
  const { toks } = reader
  let i = k
  while (i < limit && !strict && i - k < 2 && ',—–-'.includes((toks[i] as Tok).w)) i++
  const t = toks[i]
  if (!t || i >= limit || !t.word) return null
  if (SPEECH.has(t.lw) && !strict) {
    const found = afterVerb(reader, i, limit)
    return found ? { found, verb: t.lw } : null
  }
  if (SUBJECTS.has(t.lw) && toks[i + 1]?.word && !toks[i + 1]?.cap) {
    const verb = toks[i + 1] as Tok
    if (!strict || SPEECH.has(verb.lw))
      return { found: { kind: 'pronoun', plural: t.lw === 'they' }, verb: verb.lw }
  }
  const end = reader.runAfter(i, limit)
  let v = end
  while (v < limit && SKIP.has(toks[v]?.lw ?? '')) v++
  if (v >= limit || !SPEECH.has(toks[v]?.lw ?? '')) return null
  const found = reader.speaker(i, end)
  return found ? { found, verb: toks[v]?.lw ?? '' } : null
}

/** The speaker right after a verb or "according to": "said Foreign Minister Jane Doe, …". */
function afterVerb(reader: Reader, v: number, limit: number): Found | null {
  const end = reader.runAfter(v + 1, limit)
  const found = reader.speaker(v + 1, end)
  if (found?.kind === 'name' && !found.office) {
    const office = reader.appositionAfter(end)
    if (office) return { ...found, office, person: true }
  }
  return found
}

/** The subject of the verb at token `v`: "Jane Doe said", "Jane Doe, the foreign minister, said", "who told". */
function subjectBefore(reader: Reader, v: number, min: number): Found | null {
  const { toks } = reader
  let j = v - 1
  while (j >= min && SKIP.has(toks[j]?.lw ?? '')) j--
  if (toks[j]?.lw === 'who') j--
  const t = toks[j]
  if (!t || j < min || t.quoted) return null
  if (SUBJECTS.has(t.lw)) return { kind: 'pronoun', plural: t.lw === 'they' }
  if (t.w !== ',') return reader.speaker(reader.runBefore(j, min), j + 1)
  let c = j - 1
  while (c >= min && j - c < 26 && toks[c]?.w !== ',' && !'.;:!?“”"«»'.includes(toks[c]?.w ?? '.')) c--
  if (c < min || toks[c]?.w !== ',' || c + 1 >= j) return null
  const head = toks[c + 1] as Tok
  if (ARTICLES.has(head.lw) || (isRoleWord(head) && !head.cap)) {
    const found = reader.speaker(reader.runBefore(c - 1, min), c)
    const office = reader.slice(ARTICLES.has(head.lw) ? c + 2 : c + 1, j)
    return found?.kind === 'name' ? { ...found, office: found.office ?? office, person: true } : null
  }
  const found = reader.speaker(c + 1, j)
  return found?.kind === 'name' ? found : null
}

/** For a sentence that reports a statement ("X said that…", "according to X"), its speaker (null when none). */
function reportedSpeaker(reader: Reader, s: number, e: number): { found: Found | null } | null {
  const { toks } = reader
  const first = reader.tokenAt(s)
  const last = reader.tokenAt(e)
  for (let v = first; v < last; v++) {
    const t = toks[v] as Tok
    if (t.quoted || !t.word) continue
    let reports = t.lw === 'insisted' || t.lw === 'insists' || t.lw === 'insisting'
    if (t.lw === 'according' && toks[v + 1]?.lw === 'to') return { found: afterVerb(reader, v + 1, last) }
    if (REPORTING.has(t.lw))
      for (let k = v + 1; k < Math.min(last, v + 8) && !reports; k++) {
        if (toks[k]?.lw === 'that') reports = true
        else if (!toks[k]?.word || toks[k]?.quoted) break
      }
    if (!reports) continue
    const found = subjectBefore(reader, v, first)
    if (found) return { found }
    const mention = lastMention(reader.people.mentions, t.s)
    const named = mention && mention.at >= s
    return { found: named ? { kind: 'name', name: mention.speaker.name, person: true } : null }
  }
  return null
}

/** Keeps one suggestion where several overlap: a quotation over a reporting sentence, else the longer. */
function dedupe(candidates: StatementSuggestion[]): StatementSuggestion[] {
  const sorted = candidates.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: StatementSuggestion[] = []
  for (const c of sorted) {
    const last = out[out.length - 1]
    if (!last || c.start >= last.end) out.push(c)
    else if (
      (c.direct && !last.direct) ||
      (c.direct === last.direct && c.end - c.start > last.end - last.start)
    )
      out[out.length - 1] = c
  }
  return out
}
