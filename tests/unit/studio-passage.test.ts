import { describe, expect, it } from 'vitest'
import { blankScenario } from '../../src/client/studio/blank.ts'
import { fieldId, pathSteps, pathText } from '../../src/client/studio/edits.ts'
import { parseTarget, passageEdits, targetChoices, targetValue } from '../../src/client/studio/passage.ts'
import { sectionOf } from '../../src/client/studio/sections.ts'
import { articleName } from '../../src/client/studio/sources.ts'
import { acceptEdits, isAccepted } from '../../src/client/studio/suggestions.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import {
  appendTo,
  getAt,
  openDocument,
  type ScenarioDocument,
  toText,
} from '../../src/core/studio/yaml-doc.ts'

const ARTICLE = '"We will not accept any filling of the reservoir," said Maria Oduya, the water minister.'
const SEED = 'dam-talks.txt'

/** The blank scenario with the article added, as the Sources panel adds it. */
function withArticle(): ScenarioDocument {
  const opened = openDocument(blankScenario(new Date(2025, 2, 12)))
  if (!opened.ok) throw new Error('the blank scenario does not open')
  return appendTo(opened.doc, ['seeds'], { file: SEED, title: 'Dam talks', text: ARTICLE }).doc
}

describe('the studio', () => {
  it('names a field alike from a path and from the checker’s text of it', () => {
    expect(pathSteps('instruments[3].tags[1]')).toEqual(['instruments', 3, 'tags', 1])
    expect(pathText(['instruments', 3, 'tags', 1])).toBe('instruments[3].tags[1]')
    expect(fieldId('instruments[3].tags[1]')).toBe(fieldId(['instruments', 3, 'tags', 1]))
    expect(fieldId(['scoring', 'side a'])).not.toBe(fieldId(['scoring', 'side-a']))
    expect(sectionOf('instruments[0].source')).toBe('instruments')
    expect(sectionOf('seeds')).toBe('sources')
    expect(sectionOf('title')).toBe('general')
  })

  it('starts a blank scenario that lacks only an article and its instrument’s source', () => {
    const { problems } = loadScenario(blankScenario(), { seeds: {} })
    expect(problems.map((p) => p.path)).toEqual(['seeds', 'instruments[0].source'])
  })

  it('names a new article from its title, never as an article the scenario has', () => {
    expect(articleName('Talks on the Kessa dam', [])).toBe('talks-on-the-kessa-dam.txt')
    expect(articleName(undefined, ['article.txt'])).toBe('article-2.txt')
  })

  it('accepts a suggestion into a new actor, then into the same actor', () => {
    let doc = withArticle()
    const suggestion = {
      quote: 'We will not accept any filling of the reservoir',
      start: 1,
      speaker: { name: 'Maria Oduya', office: 'the water minister' },
      modality: 'asserted',
    }
    const first = acceptEdits(getAt(doc, []), SEED, suggestion, 'Unnamed source')
    expect(first.edit).toMatchObject({ op: 'append', path: ['actors'] })
    doc = appendTo(doc, ['actors'], (first.edit as { value: unknown }).value).doc
    expect(getAt(doc, ['actors', 0])).toMatchObject({
      id: 'maria-oduya',
      name: 'Maria Oduya',
      office: 'the water minister',
      kind: 'official',
      statements: [{ seed: SEED, quote: suggestion.quote, modality: 'asserted' }],
    })
    expect(isAccepted(getAt(doc, []), SEED, `  ${suggestion.quote} `)).toBe(true)
    const again = acceptEdits(getAt(doc, []), SEED, { ...suggestion, quote: 'the water minister' }, 'x')
    expect(again.edit).toMatchObject({ op: 'append', path: ['actors', 0, 'statements'] })
  })

  it('quotes a passage as an instrument’s source, and the scenario then checks clean', () => {
    let doc = withArticle()
    const data = getAt(doc, [])
    const choice = targetChoices(data).find((c) => c.group === 'instrument' && c.name === 'First offer')
    const target = parseTarget(choice?.value ?? '')
    expect(target).toEqual({ kind: 'instrument', instrument: 0 })
    if (!target) return
    expect(targetValue(target)).toBe(choice?.value)
    const made = passageEdits(data, target, { seed: SEED, quote: 'filling of the reservoir' })
    expect(made?.path).toEqual(['instruments', 0])
    for (const e of made?.edits ?? []) doc = appendTo(doc, e.path, (e as { value: unknown }).value).doc
    const { problems } = loadScenario(toText(doc), { seeds: {} })
    expect(problems).toEqual([])
  })

  it('makes a new red line of the responding side from a passage, with its speaker', () => {
    const data = getAt(withArticle(), [])
    const made = passageEdits(
      data,
      { kind: 'stated', redLine: 'new' },
      { seed: SEED, quote: 'filling of the reservoir' },
      {
        speaker: 'maria-oduya',
        date: 'March 11',
      },
    )
    expect(made?.edits[0]).toMatchObject({
      op: 'append',
      path: ['redLines'],
      value: {
        owner: 'responder',
        response: { kind: 'reject' },
        stated: [{ speaker: 'maria-oduya', seed: SEED, date: 'March 11', quote: 'filling of the reservoir' }],
      },
    })
    expect(passageEdits(data, { kind: 'instrument', instrument: 5 }, { seed: SEED, quote: 'x' })).toBeNull()
  })
})
