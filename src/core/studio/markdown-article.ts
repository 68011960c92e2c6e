/**
 * Reads pasted Markdown as plain text, line by line without a parser: headings, paragraphs, list items,
 * quotes, tables and code fences become plain paragraphs; links keep their words; emphasis marks and images
 * go. The first level-one heading is the title.
 */

import { decodeEntities } from './html-entities.ts'
import { tidy } from './plain-text.ts'

/** Backslash-escaped and code characters hide in the Private Use Area while the inline rules run. */
const hide = (c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0))
const SPECIAL = /[*_[\]()!~`<>\\#&]/g

/** One paragraph's inline Markdown to plain text: links keep their words, images go, emphasis marks go. */
function inline(text: string): string {
  const plain = text
    .replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => hide(c))
    .replace(/`([^`]+)`/g, (_, code: string) => code.replace(SPECIAL, hide))
    .replace(/!\[[^[\]]*\]\([^()\s]*(?:\s+"[^"]*")?\)/g, '\ue100')
    .replace(/!\[[^[\]]*\]\[[^[\]]*\]/g, '\ue100')
    .replace(/( ?)\ue100+( ?)/g, (_, before: string, after: string) => (before && after ? ' ' : ''))
    .replace(/\[([^[\]]*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^<>\s]+)>/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/~~([^~]+)~~/g, '$1')
    .replace(/\*([^*\s](?:[^*]*[^*\s])?)\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\p{N}_])/gu, '$1$2')
  return decodeEntities(plain).replace(/[\ue000-\ue07f]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xe000),
  )
}

/** An ATX heading's text ("## Text ##" gives "Text"), or undefined when the line is not one. */
function atxHeading(line: string): { level: number; text: string } | undefined {
  const t = line.trimStart()
  if (line.length - t.length > 3 || !t.startsWith('#')) return undefined
  let level = 0
  while (t[level] === '#') level++
  if (level > 6 || (t[level] !== undefined && t[level] !== ' ' && t[level] !== '\t')) return undefined
  let text = t.slice(level).trim()
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  if (end === 0 || text[end - 1] === ' ') text = text.slice(0, end).trimEnd()
  return { level, text }
}

const isRule = (t: string, chars: string) =>
  t.length >= 3 && [...t].every((c) => c === t[0]) && chars.includes(t[0] ?? '')

/** A line without its blockquote marks ("> > text" gives "text"), found in one pass. */
function unquote(line: string): string {
  let at = 0
  for (;;) {
    let i = at
    while (i < at + 3 && line[i] === ' ') i++
    if (line[i] !== '>') return line.slice(at)
    at = line[i + 1] === ' ' ? i + 2 : i + 1
  }
}

/** Reads Markdown line by line: paragraphs joined into one line each, list items one per line, code kept. */
export function markdownArticle(source: string): { text: string; title?: string } {
  const out: string[] = []
  let para: string[] = []
  let title: string | undefined
  let fence = ''
  const endPara = () => {
    if (para.length) out.push(inline(para.join(' ')))
    para = []
  }
  const heading = (level: number, text: string) => {
    endPara()
    const plain = inline(text)
    if (level === 1 && title === undefined && plain) title = plain
    out.push('', plain, '')
  }
  for (const raw of source.split('\n')) {
    if (fence) {
      if (raw.trim().startsWith(fence) && raw.trim().replaceAll(fence[0] as string, '') === '') {
        fence = ''
        out.push('')
      } else out.push(raw)
      continue
    }
    const line = unquote(raw)
    const t = line.trim()
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    const atx = atxHeading(line)
    const squeezed = t.replaceAll(' ', '')
    const item = /^([-*+]|\d{1,9}[.)])[ \t]+/.exec(t)
    if (fenceMark) {
      endPara()
      fence = fenceMark[1] as string
      out.push('')
    } else if (!t) {
      endPara()
      out.push('')
    } else if (atx) heading(atx.level, atx.text)
    else if (para.length && isRule(t, '=')) heading(1, para.splice(0).join(' '))
    else if (para.length && isRule(t, '-')) heading(2, para.splice(0).join(' '))
    else if (isRule(squeezed, '-*_')) {
      endPara()
      out.push('')
    } else if (/^\[[^[\]]+\]:\s*\S/.test(t)) endPara()
    else if (/^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/.test(t)) continue
    else if (item) {
      endPara()
      para.push(item[1] && /\d/.test(item[1]) ? t : t.slice(item[0].length))
    } else if (t.startsWith('|')) {
      endPara()
      out.push(inline(t.replace(/^\|/, '').replace(/\|$/, '').trim()))
    } else {
      para.push(t.replace(/\\$/, ''))
      if (/(?: {2}|\\)$/.test(line)) endPara()
    }
  }
  endPara()
  return { text: tidy(out.join('\n')), ...(title ? { title } : {}) }
}
