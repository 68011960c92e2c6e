import { sectionNames } from './markers.ts'

/**
 * A fenced code block of a Markdown file. The words after the opening fence are its language (`yaml`,
 * `text`) and, in the authoring guide, its role and an argument: ```` ```yaml condition ```` or
 * ```` ```yaml before mixed.yaml ````. Viewers colour the block by its first word and ignore the others;
 * the guide's tests read the role to know how to check the example.
 */
export interface CodeBlock {
  lang: string
  role: string
  arg: string
  body: string
  /** The line of the opening fence, counted from 1. */
  line: number
}

/** The text with the bodies of its generated sections blanked out (line count kept), to read hand-written parts. */
export function withoutGeneratedSections(text: string): string {
  let out = text
  for (const name of sectionNames(text)) {
    const start = `<!-- generated:${name}:start -->`
    const end = `<!-- generated:${name}:end -->`
    const from = out.indexOf(start) + start.length
    const to = out.indexOf(end, from)
    if (to < 0) continue
    out = out.slice(0, from) + out.slice(from, to).replace(/[^\n]/g, '') + out.slice(to)
  }
  return out
}

/** Every fenced code block (``` fences only, as the guide uses) in order. */
export function codeBlocks(text: string): CodeBlock[] {
  const lines = text.split('\n')
  const blocks: CodeBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S+)?(?:[ \t]+(\S+))?(?:[ \t]+(\S+))?\s*$/.exec(lines[i] ?? '')
    if (!open) continue
    const close = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l))
    if (close < 0) throw new Error(`The code block opened on line ${i + 1} is never closed`)
    blocks.push({
      lang: open[1] ?? '',
      role: open[2] ?? '',
      arg: open[3] ?? '',
      body: lines.slice(i + 1, close).join('\n'),
      line: i + 1,
    })
    i = close
  }
  return blocks
}
