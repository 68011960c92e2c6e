/**
 * The studio's reading of a pasted article (src/core/studio/article-text.ts): plain text, HTML and Markdown
 * become the plain text a scenario carries, with the article's words exactly as they were (checked with every
 * quote of the shipped scenario), and hostile pastes finish.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { collectQuotes, findQuote } from '../../src/core/scenario/load/quotes.ts'
import { articleFromPaste, decodeEntities, detectKind } from '../../src/core/studio/article-text.ts'
import { PROJECT_ROOT, readSeeds } from '../../src/node/scenario-files.ts'

const seeds = readSeeds()
const files = Object.keys(seeds).sort()
const seed = (prefix: string) => seeds[files.find((f) => f.startsWith(prefix)) as string] as string
/** Every quote of the shipped scenario, by the article it cites. */
const quotes = collectQuotes(
  parse(readFileSync(join(PROJECT_ROOT, 'scenarios/guarantees-2025.yaml'), 'utf8')) as object,
)
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/’/g, '&rsquo;')

describe('plain text', () => {
  it('reads the five shipped articles as plain text, line for line', () => {
    expect(files).toHaveLength(5)
    for (const file of files) {
      const article = articleFromPaste(seeds[file] as string)
      expect(article.kind, file).toBe('text')
      const lines = (seeds[file] as string).split('\n').map((l) => l.trimEnd())
      expect(article.text.split('\n').filter(Boolean), file).toEqual(lines.filter(Boolean))
    }
  })

  it('keeps every quote of the shipped scenario findable word for word', () => {
    expect(quotes.length).toBeGreaterThan(50)
    for (const { seed: file, quote } of quotes) {
      const text = articleFromPaste(seeds[file] as string).text
      expect(findQuote(text, quote), `${file}: ${quote}`).not.toBeNull()
    }
  })

  it('takes a first line as the title only when it is clearly a headline', () => {
    expect(articleFromPaste(seed('001')).title).toBe(
      "The elephant in the room - Russia won’t agree to Ukraine security guarantees, Europe can't enforce them",
    )
    // A first line of category labels run together is passed over for the headline after it.
    expect(articleFromPaste(seed('003')).title).toBe(
      'Ukraine’s Future Hangs on Security Guarantees Russia Fears Most',
    )
    // Too long, or followed by more text without a blank line.
    for (const prefix of ['000', '002', '004']) expect(articleFromPaste(seed(prefix)).title).toBeUndefined()
    expect(articleFromPaste('Talks resume.\n\nThe ministers met.').title).toBeUndefined()
    expect(articleFromPaste('Talks resume in Halden\n\nThe ministers met.').title).toBe(
      'Talks resume in Halden',
    )
  })

  it('tidies line endings and blank lines but keeps quotes and apostrophes as they are', () => {
    const pasted =
      '\uFEFFHeadline here\r\n\r\n\r\n\r\n“It’s ours,” she said.  \r\nHe said "no" and \'maybe\'.\r\n\r\n'
    expect(articleFromPaste(pasted)).toEqual({
      text: 'Headline here\n\n“It’s ours,” she said.\nHe said "no" and \'maybe\'.',
      title: 'Headline here',
      kind: 'text',
    })
  })
})

const page = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Dam talks stall &amp; stumble | The Valley Times</title>
<meta property="og:title" content="Dam talks stall &amp; stumble">
<meta property="og:site_name" content="The Valley Times">
<meta property="article:published_time" content="2025-12-10T08:30:00+01:00">
<meta property="og:url" content="https://valley.example/og">
<link rel="canonical" href="https://valley.example/world/dam-talks?id=7&amp;ref=home">
<style>p { color: red } /* "not text" */</style>
<script>document.write("<p>not text</p>"); var s = '</scr' + 'ipt>';</script>
</head>
<body>
<!-- a comment with <p>markup</p> -->
<header><a href="/">The Valley Times</a><nav><ul><li>World</li><li>Sport</li></ul></nav></header>
<noscript><p>Please enable JavaScript</p></noscript>
<template><p>hidden template</p></template>
<main><article>
<h1>Dam talks stall</h1>
<p>The minister said &ldquo;we will not sign any deal that leaves our farmers dry&rdquo; &mdash; and left.<br>
Norland&rsquo;s &quot;red line&quot; is the spring release, AT&T said&hellip; 3 &lt; 4 &#38; &#x1F30A; &#146;s &bogus; &amp</p>
<p>A   second
   paragraph,&nbsp;with <em>emphasis</em> and <a href="https://x.example">a link</a>.</p>
<aside>Read more: related story</aside>
<ul><li>First point</li><li>Second point</li></ul>
<table><tr><td>Cell one</td><td>Cell two</td></tr></table>
<pre>  kept   as
  typed</pre>
</article></main>
<footer><p>© 2025 The Valley Times</p></footer>
</body></html>`

describe('HTML', () => {
  it('turns a saved page into paragraphs, without scripts, styles, menus, headers, footers or asides', () => {
    expect(articleFromPaste(page)).toEqual({
      text: [
        'Dam talks stall',
        '',
        'The minister said “we will not sign any deal that leaves our farmers dry” — and left.',
        'Norland’s "red line" is the spring release, AT&T said… 3 < 4 & 🌊 ’s &bogus; &',
        '',
        'A second paragraph, with emphasis and a link.',
        '',
        'First point',
        'Second point',
        '',
        'Cell one Cell two',
        '',
        '  kept   as',
        '  typed',
      ].join('\n'),
      title: 'Dam talks stall & stumble',
      outlet: 'The Valley Times',
      date: '2025-12-10',
      url: 'https://valley.example/world/dam-talks?id=7&ref=home',
      kind: 'html',
    })
  })

  it('reads a clipboard fragment: the first heading as title, a <time> as date', () => {
    const fragment =
      '<meta charset="utf-8"><h1>Dam talks</h1><p>First para.</p><div>Second <b>bold</b> para.</div><time datetime="2025-12-11">Thursday</time>'
    expect(detectKind(fragment)).toBe('html')
    expect(articleFromPaste(fragment)).toEqual({
      text: 'Dam talks\n\nFirst para.\n\nSecond bold para.\n\nThursday',
      title: 'Dam talks',
      date: '2025-12-11',
      kind: 'html',
    })
  })

  it('strips the outlet from <title>, and keeps only http(s) addresses', () => {
    const html =
      '<title>Only a title - Valley</title><meta name="application-name" content="Valley"><p>x</p><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://ok.example/a">'
    expect(articleFromPaste(html)).toEqual({
      text: 'x',
      title: 'Only a title',
      outlet: 'Valley',
      url: 'https://ok.example/a',
      kind: 'html',
    })
  })

  it('keeps the text of a page whose header is never closed', () => {
    expect(articleFromPaste('<header><p>All inside an open header.</p><p>Still here.</p>').text).toBe(
      'All inside an open header.\n\nStill here.',
    )
  })

  it('keeps every quote of the shipped scenario findable when the articles come as HTML', () => {
    for (const file of files) {
      const paragraphs = (seeds[file] as string).split('\n').filter((l) => l.trim())
      const html = `<html><body><nav>Menu</nav>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</body></html>`
      const article = articleFromPaste(html)
      expect(article.kind).toBe('html')
      expect(article.text.split('\n\n')).toEqual(paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()))
      for (const { quote } of quotes.filter((q) => q.seed === file))
        expect(findQuote(article.text, quote), `${file}: ${quote}`).not.toBeNull()
    }
  })

  it('decodes numeric and named references as a browser does', () => {
    expect(
      decodeEntities('&#8220;a&#x201D; &#150; &#0; &#x110000; &eacute;&Uuml; &copy &nbsp;x &notanentity;'),
    ).toBe('“a” – \ufffd \ufffd éÜ &copy \u00a0x &notanentity;')
  })
})

describe('Markdown', () => {
  const md = `# Dam talks stall as *Norland* walks out

![A photo of the dam](https://img.example/dam.jpg "The dam")

The **foreign minister** said "we will not sign" on
Monday, according to [the Valley Times](https://valley.example/a_(b) "Valley").
Norland's __water__ plan is \\*not\\* final; see <https://valley.example/plan>.

## What they said

- Anna Varga: "We will not sign any agreement that leaves our farmers without water."
* Tomas Okri called it _a matter of survival_.
1. First, the spring release.

> "Our patience is not unlimited," he added.

\`\`\`
code with *stars* and [brackets](kept)
\`\`\`

Written with \`snake_case\` and 2 * 3 * 4 = 24 and file_name_here.

Setext heading
--------------

---

Last line.  
Hard break kept.
[ref]: https://example.com/ref
`

  it('becomes plain text: headings, emphasis and links keep their words, images go, lists and code stay', () => {
    expect(detectKind(md)).toBe('markdown')
    expect(articleFromPaste(md)).toEqual({
      text: [
        'Dam talks stall as Norland walks out',
        '',
        'The foreign minister said "we will not sign" on Monday, according to the Valley Times. Norland\'s water plan is *not* final; see https://valley.example/plan.',
        '',
        'What they said',
        '',
        'Anna Varga: "We will not sign any agreement that leaves our farmers without water."',
        'Tomas Okri called it a matter of survival.',
        '1. First, the spring release.',
        '',
        '"Our patience is not unlimited," he added.',
        '',
        'code with *stars* and [brackets](kept)',
        '',
        'Written with snake_case and 2 * 3 * 4 = 24 and file_name_here.',
        '',
        'Setext heading',
        '',
        'Last line.',
        'Hard break kept.',
      ].join('\n'),
      title: 'Dam talks stall as Norland walks out',
      kind: 'markdown',
    })
  })

  it('keeps every quote of the shipped scenario findable when the articles come as Markdown', () => {
    for (const file of files) {
      const [first, ...rest] = (seeds[file] as string).split('\n').filter((l) => l.trim())
      const article = articleFromPaste(`# ${first}\n\n${rest.join('\n\n')}`, 'markdown')
      expect(article.title).toBe(first?.trim())
      for (const { quote } of quotes.filter((q) => q.seed === file))
        expect(findQuote(article.text, quote), `${file}: ${quote}`).not.toBeNull()
    }
  })

  it('is not guessed for plain text with the odd symbol', () => {
    expect(detectKind('Prices rose 5% (see chart) - a #1 concern for *some*.\n\nNext paragraph.')).toBe(
      'text',
    )
  })
})

describe('hostile pastes', () => {
  const big = 100_000
  it('finish, and keep what text they have', () => {
    expect(articleFromPaste(`${'<div>'.repeat(big)}deep${'</div>'.repeat(big)}`).text).toBe('deep')
    expect(articleFromPaste(`<p>before</p><!-- never closed ${'x'.repeat(big)}`, 'html').text).toBe('before')
    expect(articleFromPaste(`<p>before</p><script>${'<'.repeat(big)}`, 'html').text).toBe('before')
    expect(articleFromPaste(`<p>before</p><a href="${'x'.repeat(big)}`, 'html').text).toBe('before')
    expect(articleFromPaste('<'.repeat(big), 'html').text).toBe('<'.repeat(big))
    const amps = articleFromPaste(`${'&'.repeat(big)}&#${'9'.repeat(big)}`, 'html').text
    expect(amps.startsWith(`${'&'.repeat(big)}\ufffd999`)).toBe(true)
    expect(articleFromPaste(`<nav>${'<nav>'.repeat(big)}`, 'html').text).toBe('')
    expect(articleFromPaste(`<p>a${' '.repeat(big)}b</p>`, 'html').text).toBe('a b')
  })

  it('in Markdown finish too', () => {
    const brackets = `${'['.repeat(big)}](${'*'.repeat(big)}${'_'.repeat(big)}`
    expect(articleFromPaste(brackets, 'markdown').text).toBe(brackets)
    expect(articleFromPaste('>'.repeat(big), 'markdown').text).toBe('')
    expect(articleFromPaste(`#${' '.repeat(big)}x${' '.repeat(big)}#`, 'markdown').title).toBe('x')
    expect(articleFromPaste('**a'.repeat(big / 4), 'markdown').text.replaceAll('*', '')).toBe(
      'a'.repeat(big / 4),
    )
    expect(articleFromPaste(`text${' '.repeat(big)}\nmore`, 'text').text).toBe('text\nmore')
  })
})
