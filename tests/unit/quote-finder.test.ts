/**
 * The studio's quote finder (src/core/studio/quote-finder.ts): on the five shipped articles and on a made-up
 * article about a river dam, it finds the quoted and reported statements, their speakers, offices, dates and
 * modality; every quote it offers passes the scenario's quote check; hostile input finishes.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findQuote } from '../../src/core/scenario/load/quotes.ts'
import { articleFromPaste } from '../../src/core/studio/article-text.ts'
import { findStatements, type StatementSuggestion } from '../../src/core/studio/quote-finder.ts'
import { readSeeds } from '../../src/node/scenario-files.ts'

const seeds = readSeeds()
const files = Object.keys(seeds).sort()
const seed = (prefix: string) => seeds[files.find((f) => f.startsWith(prefix)) as string] as string
/** What a suggestion says, without its offsets (checked apart). */
const said = ({ start: _s, end: _e, ...rest }: StatementSuggestion) => rest
/** The one suggestion whose quote starts with `words`. */
const starting = (found: StatementSuggestion[], words: string) => {
  const hits = found.filter((s) => s.quote.startsWith(words))
  expect(hits, words).toHaveLength(1)
  return said(hits[0] as StatementSuggestion)
}

/** What every suggestion must be, whatever the text: an exact, trimmed piece of four words or more, in order, apart. */
function expectWellFormed(text: string, found: StatementSuggestion[]): void {
  const wrong: string[] = []
  let previousEnd = 0
  for (const s of found) {
    const before = text.slice(Math.max(0, s.start - 20), s.start).trimEnd()
    if (text.slice(s.start, s.end) !== s.quote) wrong.push(`not at its offsets: ${s.quote}`)
    if (s.start < previousEnd) wrong.push(`overlaps the one before: ${s.quote}`)
    if (s.quote !== s.quote.trim() || /[,;:]$/.test(s.quote)) wrong.push(`not trimmed: ${s.quote}`)
    // A quotation is offered without its marks: the mark stands just before it.
    if (s.direct && !/["“”„«»‘’']$/.test(before)) wrong.push(`no quote mark before: ${s.quote}`)
    if ((s.quote.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < 4) wrong.push(`under four words: ${s.quote}`)
    previousEnd = s.end
  }
  expect(wrong.slice(0, 5)).toEqual([])
}

describe('the five shipped articles', () => {
  it('offers only quotes that stand word for word in their article', () => {
    let total = 0
    for (const file of files) {
      const text = seeds[file] as string
      const found = findStatements(text)
      expectWellFormed(text, found)
      for (const s of found) expect(findQuote(text, s.quote), `${file}: ${s.quote}`).not.toBeNull()
      total += found.length
    }
    expect(total).toBeGreaterThan(50)
  })

  it('finds Zelensky’s words in „…” with his office and the date (001)', () => {
    expect(starting(findStatements(seed('001')), 'put on paper')).toEqual({
      quote: 'put on paper next week.',
      speaker: { name: 'Volodymyr Zelensky', office: 'President' },
      date: 'August 28',
      modality: 'asserted',
      direct: true,
    })
  })

  it('gives "he added" to the speaker before it, with the date of the paragraph (001)', () => {
    const found = findStatements(seed('001'))
    const peskov = { name: 'Dmitry Peskov', office: 'Kremlin spokesman' }
    expect(starting(found, 'Undoubtedly')).toMatchObject({
      speaker: peskov,
      date: 'August 27',
      modality: 'asserted',
    })
    expect(starting(found, 'But we would not like')).toEqual({
      quote: 'But we would not like to discuss this issue in public',
      speaker: peskov,
      date: 'August 27',
      modality: 'conditional',
      direct: true,
    })
  })

  it('reads offices before a name, in apposition, and an unnamed official met again (001)', () => {
    const found = findStatements(seed('001'))
    expect(starting(found, 'We cannot let the aggressor').speaker).toEqual({
      name: 'Margus Tsahkna',
      office: 'Estonian Foreign Minister',
    })
    expect(starting(found, 'it is unlikely that any Western nation')).toEqual({
      quote:
        'it is unlikely that any Western nation would promise to punish Russia if a peace agreement is violated.',
      speaker: { name: 'John Foreman', office: 'former UK Defense Attaché in Moscow' },
      modality: 'conditional',
      direct: true,
    })
    expect(starting(found, 'The conclusion is').speaker).toEqual({
      name: 'Kateryna Stepanenko',
      office: 'analyst at the Institute for the Study of War (ISW)',
    })
    for (const words of ['It is widely expected', 'It is highly unlikely', 'leading to casualties'])
      expect(starting(found, words).speaker, words).toEqual({ name: 'Senior European official' })
    // A paragraph that is a quotation alone continues the speaker of the one before it.
    expect(starting(found, 'These measures would').speaker).toEqual({ name: 'Senior European official' })
    // A phrase in quotation marks with nobody saying it has no speaker.
    expect(starting(found, 'boots on the ground').speaker).toBeUndefined()
    // "… Trump in February, claiming that … Putin "has no problem with this."": the claim is Trump's.
    expect(starting(found, 'has no problem')).toMatchObject({
      speaker: { name: 'Donald Trump', office: 'US President' },
      date: 'February',
    })
  })

  it('resolves "the Foreign Minister said" and "he explained" to the one named before (002)', () => {
    const found = findStatements(seed('002'))
    expect(starting(found, 'I hope they understand')).toEqual({
      quote:
        'I hope they understand: This would be absolutely unacceptable for the Russian Federation and for all sane political forces in Europe',
      speaker: { name: 'Sergei Lavrov', office: 'Foreign Minister' },
      modality: 'conditional',
      direct: true,
    })
    expect(starting(found, 'This is their continent')).toEqual({
      quote: 'This is their continent. This is their safety',
      speaker: { name: 'Jay Dee Vance', office: 'US Vice President' },
      modality: 'asserted',
      direct: true,
    })
  })

  it('keeps a quotation across a line break and one with quotes inside it whole (002)', () => {
    const text = seed('002')
    const found = findStatements(text)
    const naumov = { name: 'Alexei Naumov', office: 'political scientist and expert at the INF' }
    const twoLines = starting(found, 'At first, Ukraine')
    expect(twoLines.quote).toContain('into the war:\nShe wanted')
    expect(twoLines.quote.endsWith('the United States will leave the continent')).toBe(true)
    expect(twoLines.speaker).toEqual(naumov)
    const nested = starting(found, 'In this case, we will be left')
    expect(nested.quote).toContain('"one on one"')
    expect(nested.speaker).toEqual({ name: 'Ivan Lizan', office: 'political scientist' })
    expect(starting(found, 'Most likely, the White House')).toMatchObject({
      speaker: { name: 'Malek Dudakov', office: 'Americanist' },
      modality: 'assessment',
    })
    expect(found.filter((s) => s.speaker?.name === 'Ivan Lizan' && s.direct)).toHaveLength(9)
  })

  it('marks the analysts’ assessments and dates "On Wednesday" (003)', () => {
    const found = findStatements(seed('003'))
    const isw = { name: 'Institute for the Study of War' }
    expect(starting(found, 'the Kremlin is setting')).toMatchObject({ speaker: isw, modality: 'assessment' })
    expect(starting(found, 'The Kremlin is likely')).toMatchObject({ speaker: isw, modality: 'assessment' })
    expect(starting(found, 'On Wednesday')).toEqual({
      quote:
        'On Wednesday, Russian foreign minister Sergei Lavrov stated that Russia would respond to “any hostile steps” on the part of Europe, including the deployment of military forces in Ukraine.',
      speaker: { name: 'Sergei Lavrov', office: 'Russian foreign minister' },
      date: 'Wednesday',
      modality: 'reported',
      direct: false,
    })
    expect(starting(found, 'For example').speaker).toEqual({
      name: 'Alexei Chepa',
      office: 'first deputy head of Russia’s State Duma International Affairs Committee',
    })
  })

  it('gives a reported "He assured that" to Lavrov, dated by its paragraph (000)', () => {
    const found = findStatements(seed('000'))
    const lavrov = { name: 'Sergei Lavrov', office: 'Russian Foreign Minister' }
    expect(starting(found, 'He assured that')).toMatchObject({
      speaker: lavrov,
      date: 'December 10',
      modality: 'reported',
      direct: false,
    })
    expect(starting(found, 'The head of Russian diplomacy added').speaker).toEqual(lavrov)
    expect(starting(found, 'The objective, according to the ISW').speaker).toEqual({
      name: 'Institute for the Study of War',
    })
  })

  it('names no speaker in the overview that quotes nobody (004)', () => {
    expect(findStatements(seed('004')).filter((s) => s.speaker)).toEqual([])
  })
})

/** A made-up article on another dispute, in the attribution styles of the news. */
const dam = `River talks stall as Norland and Sudria trade warnings

The dispute over the Kessel Dam on the Amber River deepened on Monday, when Norland's foreign minister threatened to walk out of the talks.

"We will not sign any agreement that leaves our farmers without water," said Foreign Minister Anna Varga of Norland. She spoke in Halden on 10 December 2025.

Sudria's water minister, Tomas Okri, said the dam was "a matter of national survival for our people."

"If Norland blocks the spring release, we would have no choice but to take the matter to the regional court," Okri told Reuters on Tuesday. "Our patience is not unlimited," he added.

Mira Sol, the Sudrian prime minister, wrote on Telegram: "The river belongs to everyone who lives along its banks."

‘We are ready to talk at any time, but Norland’s demands are absurd,’ Okri said.

A spokesman for the Sudrian government, Piet Lanz, said: «The dam will be finished on schedule, whatever Norland decides.»

According to Varga, Norland is ready to share its flow data with Sudria.

Last week, Varga warned that Norland would "reduce the flow" if Sudria kept filling the reservoir.

Varga later told the Halden Post that her country had shown „great patience with its neighbours“.

Analysts at the Delta Institute said a deal was "likely to emerge before the dry season begins."

In a statement dated 2025-12-12, the Sudrian Foreign Ministry said it "remains committed to a negotiated settlement of the dispute."
`

describe('an article on another dispute', () => {
  const varga = { name: 'Anna Varga', office: 'Foreign Minister' }
  const okri = { name: 'Tomas Okri', office: 'water minister' }
  const direct = (quote: string, speaker: object, extra: object = {}) => ({
    quote,
    speaker,
    modality: 'asserted',
    direct: true,
    ...extra,
  })

  it('finds every statement with its speaker, office, date and modality', () => {
    const found = findStatements(dam)
    expectWellFormed(dam, found)
    expect(found.map(said)).toEqual([
      direct('We will not sign any agreement that leaves our farmers without water', varga, {
        date: '10 December 2025',
      }),
      direct('a matter of national survival for our people.', okri),
      direct(
        'If Norland blocks the spring release, we would have no choice but to take the matter to the regional court',
        okri,
        { date: 'Tuesday', modality: 'conditional' },
      ),
      direct('Our patience is not unlimited', okri, { date: 'Tuesday' }),
      direct('The river belongs to everyone who lives along its banks.', {
        name: 'Mira Sol',
        office: 'Sudrian prime minister',
      }),
      direct('We are ready to talk at any time, but Norland’s demands are absurd', okri),
      direct('The dam will be finished on schedule, whatever Norland decides.', {
        name: 'Piet Lanz',
        office: 'spokesman for the Sudrian government',
      }),
      {
        quote: 'According to Varga, Norland is ready to share its flow data with Sudria.',
        speaker: varga,
        modality: 'reported',
        direct: false,
      },
      // "Last week" is not a date, and "reduce the flow" is too short to be offered alone.
      {
        quote:
          'Last week, Varga warned that Norland would "reduce the flow" if Sudria kept filling the reservoir.',
        speaker: varga,
        modality: 'reported',
        direct: false,
      },
      direct('great patience with its neighbours', varga),
      direct(
        'likely to emerge before the dry season begins.',
        { name: 'Delta Institute' },
        { modality: 'assessment' },
      ),
      direct(
        'remains committed to a negotiated settlement of the dispute.',
        { name: 'Sudrian Foreign Ministry' },
        {
          date: '2025-12-12',
        },
      ),
    ])
    for (const s of found) expect(findQuote(dam, s.quote)).not.toBeNull()
  })

  it('finds the same statements in the article pasted as HTML', () => {
    const html = `<html><head><title>Dam</title></head><body><nav>Home</nav>${dam
      .split('\n\n')
      .map((p) => `<p>${p.replace(/"/g, '&quot;').replace(/’/g, '&rsquo;')}</p>`)
      .join('')}</body></html>`
    const { text } = articleFromPaste(html)
    expect(findStatements(text).map(said)).toEqual(findStatements(dam).map(said))
  })

  it('reads each attribution style and modality on its own', () => {
    const cases: Array<[string, object]> = [
      [
        'Jane Doe, the foreign minister, said "we will never accept this deal."',
        { speaker: { name: 'Jane Doe', office: 'foreign minister' }, modality: 'asserted' },
      ],
      [
        '"We will never accept this deal," said Foreign Minister Jane Doe.',
        { speaker: { name: 'Jane Doe', office: 'Foreign Minister' } },
      ],
      [
        'Jane Doe said on 2025-12-10: "We will never accept this deal."',
        { speaker: { name: 'Jane Doe' }, date: '2025-12-10' },
      ],
      ['Doe told Reuters on December 9 that „we will never accept it“.', { date: 'December 9' }],
      ['"Troops could cross the river tonight," Doe said.', { modality: 'conditional' }],
      ['"We are ready to respond to any attack if it comes," Doe said.', { modality: 'conditional' }],
      ['"Talks will probably resume in spring," the analyst said.', { modality: 'assessment' }],
      ['"Talks will resume in the spring," she said last week.', { modality: 'asserted' }],
    ]
    for (const [text, expected] of cases) {
      const found = findStatements(text)
      expect(found, text).toHaveLength(1)
      expect(found[0], text).toMatchObject({ direct: true, ...expected })
      if (!('date' in expected)) expect(found[0]?.date, text).toBeUndefined()
    }
    // Nobody named before: a pronoun or "the minister" is left without a speaker rather than guessed.
    expect(findStatements('"We will never accept this deal," she said.')[0]?.speaker).toBeUndefined()
    expect(
      findStatements('The minister wrote: "We will never accept this deal."')[0]?.speaker,
    ).toBeUndefined()
  })

  it('leaves apostrophes alone and needs four words', () => {
    const text =
      'Norland’s minister said it was ‘the end’. The farmers’ union said: ‘We’ll see what Sudria’s people do.’'
    expect(findStatements(text).map((s) => s.quote)).toEqual(['We’ll see what Sudria’s people do.'])
  })
})

describe('hostile input', () => {
  const check = (text: string) => {
    const found = findStatements(text)
    expectWellFormed(text, found)
    return found
  }

  it('finishes on quote marks by the hundred thousand, unclosed or nested', () => {
    expect(check('"'.repeat(100_000))).toEqual([])
    expect(check(`${'“'.repeat(50_000)}${'”'.repeat(50_000)}`)).toEqual([])
    check('" “ „ « \' ‘ ’ ” » '.repeat(10_000))
    check(`He said "we will never accept this ${'and more words here '.repeat(5_000)}`)
    check(`${'"a “b ‘c '.repeat(10_000)}${'’ ” "'.repeat(10_000)}`)
    check(' "a b c d'.repeat(20_000))
    check('"a b c d\n'.repeat(20_000))
  })

  it('finishes on long runs that look like attributions, names, dates and sentences', () => {
    check(`${'"one two three four," said '.repeat(5_000)}`)
    check(`${'"one two three four," he said. '.repeat(5_000)}`)
    check(`${', Jane Doe'.repeat(10_000)}`)
    check(`${'according to '.repeat(10_000)}`)
    check(`${'Minister '.repeat(20_000)}`)
    check(`${'the minister, Jane Doe, said that '.repeat(5_000)}`)
    check(`${'on Monday 10 December 2025 '.repeat(5_000)}`)
    check(`${'Mr. '.repeat(25_000)}.`)
    check(`a${' '.repeat(100_000)}.`)
  })

  it('reads an article of 60,000 characters', () => {
    const long = files
      .map((f) => seeds[f] as string)
      .join('\n\n')
      .repeat(3)
      .slice(0, 60_000)
    const found = check(long)
    expect(found.length).toBeGreaterThan(100)
    for (const s of found.slice(0, 200)) expect(findQuote(long, s.quote)).not.toBeNull()
  })
})

describe('a speaker named again by surname alone', () => {
  it('gives the full name and office of the special envoy in the river-dam example', () => {
    const file = new URL('../../scenarios/examples/river-dam-talks.txt', import.meta.url)
    const { text } = articleFromPaste(readFileSync(file, 'utf8'))
    const found = findStatements(text)
    expectWellFormed(text, found)
    // "Reyhart, a former Union commissioner, said …" comes between the president's words and "…," he said.
    const reyhart = { name: 'Jonas Reyhart', office: 'special envoy of the Union of River States' }
    expect(starting(found, 'Every side has told me what it cannot accept').speaker).toEqual(reyhart)
    expect(starting(found, "the Union's purse is deep").speaker).toEqual(reyhart)
  })

  it('gives the full name of a speaker named earlier without an office', () => {
    const text = [
      'Jonas Reyhart said the talks were "serious, and for the first time, practical."',
      'The delegations left Veldra on Friday.',
      '"We will meet again in April to finish this," Reyhart said.',
      'Reyhart has also said that the fund would be ready by the summer.',
    ].join('\n\n')
    const found = findStatements(text)
    expect(found.map((s) => s.speaker)).toEqual(Array(3).fill({ name: 'Jonas Reyhart' }))
  })
})
