/**
 * Plain text as the studio keeps an article: tidied lines, and the headline a plain paste opens with. Also
 * the last step of the HTML and Markdown readers, so that every kind of paste ends in the same layout.
 */

/** Trailing spaces off every line, runs of blank lines down to one, no blank lines at either end. */
export function tidy(text: string): string {
  const out: string[] = []
  for (const raw of text.replace(/[\u00ad\u200b\ufeff]/g, '').split('\n')) {
    const line = raw.trimEnd()
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue
    out.push(line)
  }
  while (out.length && out[out.length - 1] === '') out.pop()
  return out.join('\n')
}

/**
 * A plain text's title: its first line when that is clearly a headline (under 150 characters, two words or
 * more, no final period or comma, followed by a blank line). A first line of category labels run together
 * ("Eastern EuropeFeaturedNATO…", as a saved page gives them) is passed over for the next paragraph's.
 */
export function plainTitle(text: string): string | undefined {
  const lines = text.split('\n', 200)
  let at = 0
  if (/\p{Ll}\p{Lu}\S*\p{Ll}\p{Lu}/u.test(lines[0] ?? '') && lines[1] === '') at = 2
  const line = (lines[at] ?? '').trim()
  const headline =
    line.length > 0 &&
    line.length < 150 &&
    /\S\s+\S/.test(line) &&
    !/[.,;:]$/.test(line) &&
    lines[at + 1] === '' &&
    (lines[at + 2] ?? '') !== ''
  return headline ? line : undefined
}
