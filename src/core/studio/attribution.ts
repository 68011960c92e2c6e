/**
 * Finds who the article says spoke a statement: around a quotation ("…," said X / X said: "…" / according to
 * X / "…" He added …) or in a sentence that reports it ("X said that…"). What is found is raw (a name, "he",
 * "the minister"); SpeakerMemory (speaker-memory.ts) turns it into a person. Each search reads at most a few
 * dozen words, so the whole article costs linear time.
 */

import type { Span } from './quote-spans.ts'
import type { Found, People, Reader } from './speaker-reader.ts'
import { ARTICLES, isRoleWord, REPORTING, SKIP, SPEECH, SUBJECTS } from './speech-words.ts'
import { indexAt } from './text-scan.ts'
import type { Tok } from './tokens.ts'

/** The last person named with an office before offset `at`. */
export function lastMention(
  mentions: People['mentions'],
  at: number,
): People['mentions'][number] | undefined {
  return mentions[indexAt(mentions, at - 1, (m) => m.at)]
}

/**
 * Who the sentence around a quotation says spoke: after it ("…," said X / X said / he added), before it
 * (X said: "…" / X, the minister, said "…" / according to X), or at the start of the next sentence.
 * `standalone` tells that the sentence is the quotation alone, so that it may continue the one before it.
 */
export function attribution(
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
export function reportedSpeaker(reader: Reader, s: number, e: number): { found: Found | null } | null {
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
