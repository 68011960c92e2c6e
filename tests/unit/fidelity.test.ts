import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { quotedPassages } from '../../src/core/scenario/load/fidelity.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')
const codes = (text: string) =>
  loadScenario(text, { seeds: FIXTURE_SEEDS }).problems.map((p) => `${p.code} ${p.path}`)

describe('fidelity check', () => {
  it('finds the passages in every kind of quotation mark, cut at ellipses, without the closing comma', () => {
    expect(quotedPassages('He said "we will not accept," and “foreign … boats”; «in our waters».')).toEqual([
      'we will not accept',
      'foreign',
      'boats',
      'in our waters',
    ])
    expect(quotedPassages('An apostrophe\'s not a quote, nor is "42".')).toEqual([])
  })

  it('accepts words in quotation marks that stand in an article, whatever their case and marks', () => {
    const text = minimal.replace(
      'briefing: North wants the harbour safe.',
      "briefing: 'The mayor said: “we will not accept foreign patrol boats…”'",
    )
    expect(codes(text)).toEqual([])
  })

  it('warns at the field when a paraphrase is set in quotation marks', () => {
    const text = minimal.replace('summary: Two towns', 'summary: The mayor "hates boats". Two towns')
    expect(codes(text)).toEqual(['QUOTE_MARKS_NOT_VERBATIM summary'])
  })

  it('lets dates, years, treaty articles and file references stand in a position, not thresholds', () => {
    const allowed = minimal.replace(
      'interests: [A safe harbour]',
      'interests: ["A safe harbour, as the council said on Tuesday, January 5, 2026, under Article 5 (file 001)"]',
    )
    expect(codes(allowed)).toEqual([])
    const threshold = minimal.replace('interests: [A safe harbour]', 'interests: [Tension below 40%]')
    expect(codes(threshold)).toEqual(['NUMBER_IN_POSITION sides[0].interests[0]'])
  })

  it('says nothing of "will" when a statement that says it is not declared conditional', () => {
    const text = minimal.replace(
      'title: No foreign patrol boats',
      'title: The mayor will refuse patrol boats',
    )
    expect(codes(text)).toEqual([])
  })
})
