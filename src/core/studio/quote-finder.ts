/**
 * Suggests the statements an article quotes, for the scenario studio to offer a teacher: each quotation
 * (“…”, "…", «…», „…“, ‘…’) of four words or more, with its speaker, the speaker's office and the date where
 * the same or an adjacent sentence gives them, and the sentences that report what someone said ("said that",
 * "according to"). These are heuristics of English news style, made to be accepted or ignored by a person;
 * the quote is always an exact piece of the text, so that it passes the quote check.
 *
 * Cost: the text is read a fixed number of times (quote marks, words, sentences, dates), and each search for a
 * speaker reads at most a few dozen words around its quotation, so an article costs linear time and hostile
 * input (unclosed quotes, a page of quote marks) cannot make it hang. No regular expression in its parts
 * backtracks over more than one run of the text.
 *
 * The parts: quote-spans.ts (quote marks), sentences.ts, statement-dates.ts, tokens.ts and speech-words.ts
 * (words), speaker-reader.ts and people.ts (names and offices), attribution.ts (who spoke),
 * speaker-memory.ts ("he added"), modality.ts.
 */

import { attribution, reportedSpeaker } from './attribution.ts'
import { quotationModality } from './modality.ts'
import { collectPeople } from './people.ts'
import { outermost, quoteSpans, trimQuote } from './quote-spans.ts'
import { sentences } from './sentences.ts'
import { SpeakerMemory } from './speaker-memory.ts'
import { Reader } from './speaker-reader.ts'
import { statementDates } from './statement-dates.ts'
import type { Speaker, StatementSuggestion } from './statement-types.ts'
import { first, indexAt } from './text-scan.ts'

export type { StatementModality, StatementSuggestion } from './statement-types.ts'

/**
 * The statements `text` quotes or reports, in order of position, overlapping ones merged (a quotation wins
 * over the sentence that reports it; a longer quotation over one inside it).
 */
export function findStatements(text: string): StatementSuggestion[] {
  const spans = quoteSpans(text)
  const opaque = outermost(spans)
  const sents = sentences(text, opaque)
  const dateFor = statementDates(text, opaque)
  const reader = new Reader(text, opaque)
  collectPeople(reader)
  const memory = new SpeakerMemory(reader)
  const bySentence = new Map<number, Speaker>()

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
      let speaker = memory.resolve(found, span.open)
      if (!speaker && standalone) speaker = bySentence.get(a - 1)
      memory.remember(found, speaker, span.open)
      if (speaker) bySentence.set(b, speaker)
      const quote = text.slice(start, end)
      const date = dateFor(sa[0], sb[1])
      candidates.push({
        quote,
        start,
        end,
        ...(speaker ? { speaker: { ...speaker } } : {}),
        ...(date ? { date } : {}),
        modality: quotationModality(quote, verb),
        direct: true,
      })
    } else if (nextReported) {
      r++
      const [s, e] = nextReported
      if (e - s > 1000) continue
      const found = reportedSpeaker(reader, s, e)
      if (!found) continue
      const speaker = memory.resolve(found.found, s)
      memory.remember(found.found, speaker, s)
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
