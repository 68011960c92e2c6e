/**
 * Finds the quotations of an article for the quote finder: pairs its quote marks (“…”, "…", «…», „…“, ‘…’)
 * in one pass, keeps the outermost ones (the stretches a sentence split must not look inside), and trims a
 * quotation to the words a scenario may cite. Unclosed or stray marks cost nothing: the stack is bounded and
 * a quotation longer than MAX_QUOTE is dropped as a mark left open by mistake.
 */

import { isSpace, isWordChar } from './text-scan.ts'

/** A quotation: its opening mark at `open`, its words up to `close`, the text after it from `end`. */
export interface Span {
  open: number
  close: number
  end: number
}

/** The longest quotation believed; a longer one is a mark left open by mistake. */
const MAX_QUOTE = 4000
const OPEN_BEFORE = '([{—–-/:“‘„«"\''
const CLOSE_AFTER = '.,;:!?)]}—–-…”’»"\''

/**
 * Pairs the quote marks of `text` in one pass with a small stack. Straight quotes open after a space and close
 * before one; a single quote counts only where it cannot be an apostrophe, and ends with its line; a blank
 * line ends every quotation; a paragraph that opens with the same mark continues the quotation (the
 * paragraph before it is then one quotation without a closing mark).
 */
export function quoteSpans(text: string): Span[] {
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
export function outermost(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.open - b.open || b.end - a.end)
  const out: Span[] = []
  for (const span of sorted) if (!out.length || span.open >= (out[out.length - 1] as Span).end) out.push(span)
  return out
}

/** A quotation's words without its marks, spaces and a trailing comma; and how many words it has (up to 4). */
export function trimQuote(text: string, span: Span): { start: number; end: number; words: number } {
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
