/**
 * Generated sections of a Markdown file sit between two HTML comments, `<!-- generated:NAME:start -->` and
 * `<!-- generated:NAME:end -->` (NAME in lower-case letters, digits and dashes), which Markdown viewers do not show. Everything outside them is written by
 * hand and left untouched when the sections are regenerated.
 */

const START = (name: string) => `<!-- generated:${name}:start -->`
const END = (name: string) => `<!-- generated:${name}:end -->`
const START_PATTERN = /<!-- generated:([a-z0-9-]+):start -->/g

/** The names of every generated section in a text, in order. */
export function sectionNames(text: string): string[] {
  return [...text.matchAll(START_PATTERN)].map((m) => m[1] ?? '')
}

/** The body of a generated section (without its markers), or undefined when the text has no such section. */
export function readSection(text: string, name: string): string | undefined {
  const range = bodyRange(text, name)
  return range && text.slice(range.start, range.end)
}

/**
 * Replaces the body of a generated section, keeping its markers; the body is framed by blank lines so that
 * Markdown sees the markers and the content as separate blocks. Throws when the section is missing or
 * unterminated: a guide whose markers were damaged by hand must be mended, not silently extended.
 */
export function replaceSection(text: string, name: string, body: string): string {
  const range = bodyRange(text, name)
  if (!range) throw new Error(`${START(name)} … ${END(name)} is missing or unterminated`)
  return `${text.slice(0, range.start)}\n\n${body.trim()}\n\n${text.slice(range.end)}`
}

function bodyRange(text: string, name: string): { start: number; end: number } | undefined {
  const open = text.indexOf(START(name))
  if (open < 0) return undefined
  const start = open + START(name).length
  const end = text.indexOf(END(name), start)
  return end < 0 ? undefined : { start, end }
}
