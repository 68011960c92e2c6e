/**
 * Turns an article a teacher pastes into the studio (plain text, HTML from a saved page or the clipboard, or
 * Markdown) into the plain text a scenario carries, with its title, outlet, date and address where the paste
 * gives them. Pure string code without a DOM: every scan moves forward (indexOf, or one character at a time)
 * and every regular expression is free of nested or overlapping repetition, so hostile input costs linear
 * time. The article's words are kept exactly, quote marks and apostrophes included, because the scenario's
 * quotes are later checked word for word against this text (`findQuote` in scenario/load/quotes.ts).
 *
 * The parts: html-article.ts (with html-tags.ts and html-entities.ts), markdown-article.ts, plain-text.ts.
 */

import { htmlArticle } from './html-article.ts'
import { markdownArticle } from './markdown-article.ts'
import type { ArticleKind, PastedArticle } from './pasted-article.ts'
import { plainTitle, tidy } from './plain-text.ts'

export { decodeEntities } from './html-entities.ts'
export type { ArticleKind, PastedArticle } from './pasted-article.ts'

/**
 * Reads a pasted article. `kind` says what the paste is; `auto` (the default) decides from its content:
 * HTML when it is made of tags, Markdown when it has headings, links, fences or bold, else plain text.
 * The title stays in the text too: it is part of what was pasted, and a headline may be quoted.
 */
export function articleFromPaste(input: string, kind: ArticleKind | 'auto' = 'auto'): PastedArticle {
  const source = input.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n')
  const chosen = kind === 'auto' ? detectKind(source) : kind
  if (chosen === 'html') return { ...htmlArticle(source), kind: 'html' }
  if (chosen === 'markdown') {
    const { text, title } = markdownArticle(source)
    return { text, ...(title ? { title } : {}), kind: 'markdown' }
  }
  const text = tidy(source)
  const title = plainTitle(text)
  return { text, ...(title ? { title } : {}), kind: 'text' }
}

const KNOWN_TAG =
  /<\/?(?:html|head|body|p|div|span|br|a|h[1-6]|ul|ol|li|article|section|main|meta|title|strong|em|b|i|table|tr|td|blockquote|img|script|style|nav|header|footer|figure|time|link)\b[^<>]*>/gi

/** Guesses what a paste is; conservative, since reading plain text as HTML or Markdown would change its words. */
export function detectKind(source: string): ArticleKind {
  const head = source.trimStart()
  if (/^<(?:!doctype\s+html|html)\b/i.test(head)) return 'html'
  let tags = 0
  KNOWN_TAG.lastIndex = 0
  while (tags < 4 && KNOWN_TAG.exec(source)) tags++
  if ((head.startsWith('<') && tags >= 1) || tags >= 4) return 'html'
  const markdown =
    /^ {0,3}#{1,6}[ \t]+\S/m.test(source) ||
    /^ {0,3}(?:```|~~~)/m.test(source) ||
    /\[[^[\]\n]+\]\([^()\s]+\)/.test(source) ||
    /\*\*[^*\n]+\*\*/.test(source)
  return markdown ? 'markdown' : 'text'
}
