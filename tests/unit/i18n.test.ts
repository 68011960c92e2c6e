import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseAst } from 'vite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  formatList,
  formatNumber,
  getLanguage,
  LANGUAGE_STORAGE_KEY,
  type MessageKey,
  onLanguageChange,
  setLanguage,
  t,
} from '../../src/client/i18n/index.ts'
import { localisedIndex } from '../../src/client/i18n/scenario.ts'
import { loadScenario } from '../../src/core/scenario/load/index.ts'
import { possessive } from '../../src/core/text/possessive.ts'
import { en } from '../../src/messages/en.ts'
import type { Message } from '../../src/messages/types.ts'
import { uk } from '../../src/messages/uk.ts'
import { PROJECT_ROOT } from '../../src/node/scenario-files.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : Object.values(message)
const englishOf = (message: Message) => (typeof message === 'string' ? message : message.other)

afterEach(() => setLanguage('en'))

describe('the catalogues', () => {
  it('give every English key a Ukrainian message with the same placeholders, none empty', () => {
    const english = en as Record<string, Message>
    const ukrainian = uk as Record<string, Message>
    expect(Object.keys(ukrainian).sort()).toEqual(Object.keys(english).sort())
    for (const [key, message] of Object.entries(english)) {
      const translated = ukrainian[key] as Message
      expect(typeof translated, key).toBe(typeof message)
      for (const text of [...forms(message), ...forms(translated)]) expect(text.trim(), key).not.toBe('')
      for (const text of forms(translated))
        expect(placeholders(text), `${key}: ${text}`).toEqual(placeholders(englishOf(message)))
      for (const text of forms(message))
        expect(placeholders(text), `${key}: ${text}`).toEqual(placeholders(englishOf(message)))
    }
  })

  it('give every Ukrainian plural the forms Ukrainian needs, and no English left in Ukrainian text', () => {
    for (const [key, message] of Object.entries(uk as Record<string, Message>)) {
      if (typeof message !== 'string')
        expect(Object.keys(message).sort(), key).toEqual(['few', 'many', 'one', 'other'])
      for (const text of forms(message)) {
        const words = text.replace(/\{\w+\}/g, '').match(/\p{L}+/gu) ?? []
        // Latin letters only in names that stay as they are (formats and the like).
        const latin = words.filter(
          (w) =>
            /^[a-z]/i.test(w) &&
            !['JSON', 'CSV', 'PDF', 'YAML', 'YML', 'PNG', 'JPEG', 'WEBP', 'SVG', 'HTML'].includes(
              w.toUpperCase(),
            ),
        )
        expect(latin, `${key}: ${text}`).toEqual([])
      }
    }
  })
})

describe('t', () => {
  it('fills placeholders, formats numbers for the language and leaves a missing one visible', () => {
    expect(t('game.roundOf', { round: 2, rounds: 5 })).toBe('Round 2 of 5')
    expect(t('cards.add', { instrument: 'Air defence' })).toBe('Add Air defence')
    // @ts-expect-error a missing placeholder is a type error (and stays visible at run time)
    expect(t('game.roundOf', { round: 2 })).toBe('Round 2 of {rounds}')
    expect(t('package.total', { total: 1234.5 })).toBe('Total deterrence: 1,234.5')
    setLanguage('uk')
    expect(t('game.roundOf', { round: 2, rounds: 5 })).toBe('Раунд 2 з 5')
    expect(t('package.total', { total: 1234.5 })).toBe('Загальне стримування: 1\u00a0234,5')
    expect(formatNumber(-0.25)).toBe('-0,25')
  })

  it('picks English plural forms by the count', () => {
    expect(t('menu.replayed', { file: 'a.json', count: 1 })).toBe(
      'a.json was replayed move by move (1 move).',
    )
    expect(t('menu.replayed', { file: 'a.json', count: 12 })).toBe(
      'a.json was replayed move by move (12 moves).',
    )
    expect(t('chart.summaryRounds', { count: 0 })).toBe('0 rounds')
  })

  it('picks the Ukrainian plural forms: one, few, many and other (for fractions)', () => {
    setLanguage('uk')
    const changes = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((count) => t('whatIf.size', { count }))
    expect(changes).toEqual([
      '1 зміна',
      '2 зміни',
      '4 зміни',
      '5 змін',
      '11 змін',
      '12 змін',
      '14 змін',
      '21 зміна',
      '22 зміни',
      '25 змін',
      '101 зміна',
      '111 змін',
    ])
    expect(t('whatIf.size', { count: 1.5 })).toBe('1,5 зміни')
    const rounds = [1, 2, 5].map((count) => t('chart.caption', { count }).match(/\(([^)]+)\)/)?.[1])
    expect(rounds).toEqual(['1 раунд', '2 раунди', '5 раундів'])
    expect(t('redLines.times', { count: 3 })).toBe('3 рази')
    expect(t('problems.count', { count: 7 })).toBe('7 помилок; виправте їх і перезавантажте сторінку.')
  })

  it('makes English possessives from the name, never by appending "’s"', () => {
    expect(t('app.nextBriefing', { side: 'European governments' })).toBe(
      "Next: European governments' briefing",
    )
    expect(t('app.nextBriefing', { side: 'Ukraine' })).toBe("Next: Ukraine's briefing")
    expect(t('game.response', { responder: 'the United States' })).toBe("the United States' response")
    expect(t('reveal.resolve', { responder: 'Russia' })).toBe('Russia’s resolve on each red line')
    expect(possessive('Congress')).toBe('Congress’s')
    // Every possessive in the catalogue is a placeholder's, so that the rule above words it.
    for (const [key, message] of Object.entries(en as Record<string, Message>))
      for (const form of forms(message))
        expect(form.replace(/\{\w+\}['’]s\b/g, ''), key).not.toMatch(/\}['’][a-z]|\}s\b/i)
  })

  it('builds no Ukrainian possessive by joining strings to a name', () => {
    for (const [key, message] of Object.entries(uk))
      for (const form of forms(message as Message)) expect(form, key).not.toMatch(/\}['’ʼ]?[a-zа-яіїєґ]/i)
  })

  it('joins lists without a comma before the last item', () => {
    expect(formatList(['1', '2', '4'])).toBe('1, 2 and 4')
    expect(formatList(['2'])).toBe('2')
    setLanguage('uk')
    expect(formatList(['1', '2', '4'])).toBe('1, 2 і 4')
  })
})

describe('the language', () => {
  it('switches, tells its subscribers once per change and stops telling them when asked', () => {
    const heard: string[] = []
    const stop = onLanguageChange((language) => heard.push(language))
    setLanguage('uk')
    setLanguage('uk')
    expect(getLanguage()).toBe('uk')
    setLanguage('en')
    stop()
    setLanguage('uk')
    expect(heard).toEqual(['uk', 'en'])
  })

  it('starts from the saved choice, else from a Ukrainian browser, else in English, and saves a switch', async () => {
    const start = async (saved: string | null, browser: string) => {
      const store = new Map<string, string>(saved === null ? [] : [[LANGUAGE_STORAGE_KEY, saved]])
      vi.stubGlobal('localStorage', {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => store.set(k, v),
      })
      vi.stubGlobal('navigator', { language: browser })
      vi.resetModules()
      const fresh = await import('../../src/client/i18n/index.ts')
      return { fresh, store }
    }
    try {
      expect((await start(null, 'uk-UA')).fresh.getLanguage()).toBe('uk')
      expect((await start(null, 'en-GB')).fresh.getLanguage()).toBe('en')
      expect((await start(null, 'de')).fresh.getLanguage()).toBe('en')
      expect((await start('en', 'uk')).fresh.getLanguage()).toBe('en')
      expect((await start('fr', 'uk')).fresh.getLanguage()).toBe('uk')
      const { fresh, store } = await start(null, 'en-US')
      fresh.setLanguage('uk')
      expect(store.get(LANGUAGE_STORAGE_KEY)).toBe('uk')
    } finally {
      vi.unstubAllGlobals()
      vi.resetModules()
    }
  })
})

describe('scenario texts', () => {
  it('are shown translated where the scenario gives a translation, with the same ids and numbers', () => {
    const text = readFileSync(join(FIXTURES, 'translated.yaml'), 'utf8')
    const index = loadScenario(text, { seeds: FIXTURE_SEEDS }).index
    if (!index) throw new Error('the translated fixture does not load')
    const shown = localisedIndex(index, 'uk')
    expect(shown.scenario.title).toBe('Гавань')
    expect(shown.sides.get('north')?.name).toBe('Північне місто')
    expect(shown.proposers).toEqual(index.proposers)
    expect([...shown.instruments.keys()]).toEqual([...index.instruments.keys()])
    expect(shown.scenario.actors[0]?.statements[0]?.quote).toBe(
      index.scenario.actors[0]?.statements[0]?.quote,
    )
    expect(localisedIndex(index, 'uk')).toBe(shown)
    expect(localisedIndex(index, 'en')).toBe(index)
  })
})

/** Attributes whose text a screen reader or a tooltip reads out. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-valuetext',
  'aria-description',
  'title',
  'placeholder',
  'alt',
])
/** Object fields that the screens turn into text (notices, button labels). */
const TEXT_FIELDS = new Set(['lines', 'fix', 'label', 'text'])
/** Helpers whose first argument is the visible label. */
const LABELLED = new Set(['button', 'textField', 'tell'])

type Node = { type: string; [key: string]: unknown }
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'

/** The literal words in an expression that would reach the page as they are (not through `t`). */
function literalWords(node: unknown): string[] {
  if (!isNode(node)) return []
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' && /\p{L}{2,}/u.test(node.value) ? [node.value] : []
    case 'TemplateLiteral':
      return (node.quasis as Node[])
        .map((q) => (q.value as { cooked: string }).cooked)
        .filter((s) => /\p{L}{2,}/u.test(s))
    case 'ConditionalExpression':
      return [...literalWords(node.consequent), ...literalWords(node.alternate)]
    case 'LogicalExpression':
    case 'BinaryExpression':
      return [...literalWords(node.left), ...literalWords(node.right)]
    case 'ArrayExpression':
      return (node.elements as unknown[]).flatMap(literalWords)
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
      return literalWords(node.expression)
    default:
      return []
  }
}

const propertyName = (p: Node) => {
  const key = p.key as Node | undefined
  return key?.type === 'Identifier' ? (key.name as string) : key?.type === 'Literal' ? String(key.value) : ''
}

/** Every user-visible English literal in a client source file, with its line. */
function visibleLiterals(code: string): Array<{ line: number; text: string }> {
  const found: Array<{ at: number; text: string }> = []
  const note = (at: number, node: unknown) => {
    for (const text of literalWords(node)) found.push({ at, text })
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child)
      return
    }
    if (!isNode(node)) return
    const at = node.start as number
    if (node.type === 'CallExpression') {
      const callee = node.callee as Node
      const args = node.arguments as Node[]
      const name =
        callee.type === 'Identifier'
          ? (callee.name as string)
          : callee.type === 'MemberExpression'
            ? ((callee.property as Node).name as string)
            : ''
      if (name === 'h') {
        note(at, args[2])
        const attrs = args[1]
        if (attrs?.type === 'ObjectExpression')
          for (const p of attrs.properties as Node[])
            if (READ_ATTRIBUTES.has(propertyName(p))) note(at, p.value)
      }
      if (LABELLED.has(name)) note(at, args[0])
      if (name === 'setAttribute' && READ_ATTRIBUTES.has(String((args[0] as Node | undefined)?.value)))
        note(at, args[1])
      if (name === 'svg' && callee.type === 'Identifier') note(at, args[2])
    }
    if (node.type === 'AssignmentExpression') {
      const left = node.left as Node
      const prop = left.type === 'MemberExpression' ? ((left.property as Node).name as string) : ''
      if (['textContent', 'innerText', 'title', 'placeholder'].includes(prop)) note(at, node.right)
    }
    if (node.type === 'Property' && TEXT_FIELDS.has(propertyName(node))) note(at, node.value)
    for (const [key, value] of Object.entries(node)) if (key !== 'type') visit(value)
  }
  visit(parseAst(code, { lang: 'ts' }))
  return found.map(({ at, text }) => ({ line: code.slice(0, at).split('\n').length, text }))
}

function sourceFiles(dir: string, deep: boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return deep ? sourceFiles(path, deep) : []
    return name.endsWith('.ts') ? [path] : []
  })
}

describe('the interface', () => {
  const client = join(PROJECT_ROOT, 'src/client')
  const files = [
    ...sourceFiles(client, false),
    ...sourceFiles(join(client, 'render'), true),
    ...sourceFiles(join(client, 'classroom'), true),
  ]

  it('finds the literals it looks for (the scan itself)', () => {
    const code = `
      h('p', { 'aria-label': 'Close the box' }, ['Hello there', t('x'), \` — \${n}\`])
      button(ok ? 'Yes please' : t('no'), go)
      el.textContent = \`Round \${n}\`
      notices.show({ kind: 'info', lines: ['It was deleted.'] })
    `
    expect(visibleLiterals(code).map((l) => l.text)).toEqual([
      'Hello there',
      'Close the box',
      'Yes please',
      'Round ',
      'It was deleted.',
    ])
  })

  it('shows no English literal: every text on screen comes from the catalogue', () => {
    expect(files.length).toBeGreaterThan(20)
    const left = files.flatMap((file) =>
      visibleLiterals(readFileSync(file, 'utf8')).map(
        (l) => `${relative(client, file)}:${l.line} ${JSON.stringify(l.text)}`,
      ),
    )
    expect(left).toEqual([])
  })

  it('uses only keys the catalogue has', () => {
    const keys = new Set(Object.keys(en))
    const used = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1] as MessageKey),
    )
    expect(used.filter((k) => !keys.has(k))).toEqual([])
  })
})
