import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatProblem, type Problem } from '../../src/core/scenario/load/problems.ts'
import { parseArgs } from '../../src/node/cli/args.ts'
import { type JsonProblem, runCheck } from '../../src/node/cli/check.ts'
import type { CliIo } from '../../src/node/cli/io.ts'
import { charWidth, formatProblemBlock, sourceExcerpt, summaryLine } from '../../src/node/cli/problem-text.ts'
import { PROJECT_ROOT } from '../../src/node/scenario-files.ts'
import { FIXTURES } from './helpers.ts'

const BROKEN = join(FIXTURES, 'broken')
const ARTICLES = join(FIXTURES, 'seeds')

/** Where the caret stands in the caret line. */
const caretAt = (caret: string) => caret.indexOf('^')

describe('source excerpt with a caret', () => {
  it('puts the caret under the column (1-based)', () => {
    const line = '  requires: { sum: deterrence, atleast: 3 }'
    const { text, caret } = sourceExcerpt(line, line.indexOf('atleast') + 1)
    expect(text).toBe(line)
    expect(text[caretAt(caret)]).toBe('a')
    expect(text.slice(caretAt(caret))).toMatch(/^atleast/)
    expect(caret.trim()).toBe('^')
  })

  it('shows tabs as an arrow up to the next tab stop and keeps the caret under its character', () => {
    const { text, caret } = sourceExcerpt('\tkey:\tvalue', 7, 100, 4)
    expect(text).toBe('→   key:→   value')
    expect(text[caretAt(caret)]).toBe('v')
    expect(sourceExcerpt('ab\tc', 4, 100, 8).text).toBe('ab→     c')
  })

  it('counts wide characters as two columns and columns in UTF-16 units', () => {
    const { text, caret } = sourceExcerpt('名前: 値', 5)
    expect(text).toBe('名前: 値')
    expect(caretAt(caret)).toBe(6)
    expect(caretAt(sourceExcerpt('ab😀cd', 5).caret)).toBe(4)
    expect(charWidth('a')).toBe(1)
    expect(charWidth('値')).toBe(2)
    expect(charWidth('\u0301')).toBe(0)
  })

  it('clips a long line around the column, with ellipses at the cut ends', () => {
    const line = `${'x'.repeat(200)}TARGET${'y'.repeat(200)}`
    const { text, caret } = sourceExcerpt(line, 201, 40)
    expect(text.length).toBe(40)
    expect(text.startsWith('…') && text.endsWith('…')).toBe(true)
    expect(text.slice(caretAt(caret))).toMatch(/^TARGET/)
    const start = sourceExcerpt(line, 1, 40)
    expect(start.text.startsWith('x') && start.text.endsWith('…')).toBe(true)
    expect(caretAt(start.caret)).toBe(0)
  })

  it('keeps the caret just past the end of a clipped line when the column is past its end', () => {
    const { text, caret } = sourceExcerpt('z'.repeat(300), 301, 40)
    expect(text.startsWith('…') && !text.endsWith('…')).toBe(true)
    expect(caretAt(caret)).toBe(text.length)
  })

  it('shows control characters as a replacement character, one column wide', () => {
    expect(sourceExcerpt('a\u0007b', 3)).toEqual({ text: 'a\ufffdb', caret: '  ^' })
    expect(sourceExcerpt('a: b\r', 4).text).toBe('a: b')
  })
})

describe('problem blocks', () => {
  const problem: Problem = {
    severity: 'error',
    code: 'UNKNOWN_TAG',
    message: 'There is no tag "boat"',
    fix: 'Declare the tag under `tags:` or correct its spelling.',
    file: 'mixed.yaml',
    line: 2,
    column: 17,
    path: 'redLines[0].when.hasTag',
  }

  it('prints place, code, message, the line, a caret and the fix', () => {
    const text = formatProblemBlock(problem, 'first\n    when: { hasTag: boat }\n')
    expect(text.split('\n')).toEqual([
      'mixed.yaml:2:17  UNKNOWN_TAG  There is no tag "boat" (at redLines[0].when.hasTag)',
      '  2 |     when: { hasTag: boat }',
      '    |                 ^',
      '  fix: Declare the tag under `tags:` or correct its spelling.',
    ])
  })

  it('marks warnings, skips the source when it is not at hand, and colours only when asked', () => {
    const warning = { ...problem, severity: 'warning' as const }
    expect(formatProblemBlock(warning, null).split('\n')).toHaveLength(2)
    expect(formatProblemBlock(warning, null)).toContain('  warning UNKNOWN_TAG  ')
    expect(formatProblemBlock(problem, 'a\nb')).not.toContain('\u001b[')
    expect(formatProblemBlock(problem, 'a\nb', { colour: true })).toContain('\u001b[31mUNKNOWN_TAG\u001b[0m')
  })

  it('sums up errors and warnings', () => {
    expect(summaryLine(2, 1, 1)).toBe('2 errors, 1 warning in 1 file')
    expect(summaryLine(0, 3, 2)).toBe('0 errors, 3 warnings in 2 files: warnings alone do not fail the check')
    expect(summaryLine(0, 0, 1)).toBe('No problems in 1 file')
  })
})

describe('command line', () => {
  it('parses switches, options with values, and files', () => {
    const args = parseArgs(['--json', '--articles=seeds', 'a.yaml', '--budget', '5', '--', '--odd.yaml'], {
      switches: ['json'],
      values: ['articles', 'budget'],
    })
    expect(args.files).toEqual(['a.yaml', '--odd.yaml'])
    expect([...args.switches]).toEqual(['json'])
    expect(Object.fromEntries(args.values)).toEqual({ articles: 'seeds', budget: '5' })
    expect(parseArgs(['--nope', '-x', '--budget'], { switches: [], values: ['budget'] }).errors).toHaveLength(
      3,
    )
  })

  /** Runs the checker in this process, from `cwd`. */
  function check(argv: string[], cwd = BROKEN) {
    const out: string[] = []
    const err: string[] = []
    const io: CliIo = {
      out: (t) => {
        out.push(t)
      },
      err: (t) => {
        err.push(t)
      },
      cwd,
      colour: false,
      width: 100,
    }
    const status = runCheck(argv, io)
    return { status, out: out.join(''), err: err.join('') }
  }

  it('exits 0 on a clean file, 1 on errors, 0 on warnings alone (and says so), 2 on misuse', () => {
    const clean = check(['--articles', ARTICLES, '../minimal.yaml'])
    expect(clean).toMatchObject({ status: 0, err: '' })
    expect(clean.out).toContain('No problems in 1 file')
    const broken = check(['--articles', ARTICLES, 'mixed.yaml'])
    expect(broken.status).toBe(1)
    expect(broken.out).toMatch(/^mixed\.yaml:\d+:\d+ {2}WRONG_TYPE/)
    const warned = check(['--articles', ARTICLES, 'warnings.yaml'])
    expect(warned.status).toBe(0)
    expect(warned.out).toContain('warnings alone do not fail the check')
    expect(check([]).status).toBe(2)
    expect(check(['--bogus', 'mixed.yaml']).status).toBe(2)
    const missing = check(['nothere.yaml', 'mixed.yaml'])
    expect(missing.status).toBe(2)
    expect(missing.err).toContain('cannot read nothere.yaml')
    expect(check(['.']).err).toContain('is a folder')
  })

  it('says, under a file that loads, which parts of format 3 it uses; nothing under one that does not', () => {
    const uncertain = check(['--articles', ARTICLES, 'resolve-warnings.yaml'])
    expect(uncertain.out).toContain(
      [
        'resolve-warnings.yaml loads:',
        "  The harbour's resolve: a hidden range on 1 of 1 red lines (no-boats 0.7–0.7).",
        '  Aftermath: 3 years played out after a deal or guarantees imposed without consent.',
        '  Outlooks: none; positions: none.',
      ].join('\n'),
    )
    const clean = check(['--articles', ARTICLES, '../minimal.yaml'])
    expect(clean.out).toContain(
      [
        '../minimal.yaml: no problems',
        "  The harbour's red lines always hold: none has a resolve range.",
        '  No aftermath: the game ends when the negotiation does.',
      ].join('\n'),
    )
    expect(check(['--articles', ARTICLES, 'uncertainty.yaml']).out).not.toContain('loads:')
    // --json prints the problems only.
    expect(JSON.parse(check(['--json', '--articles', ARTICLES, '../minimal.yaml']).out)).toEqual([])
  })

  it('refuses a file whose listed article is neither in it nor in the articles folder', () => {
    const result = check(['../minimal.yaml'], BROKEN)
    expect(result.status).toBe(1)
    expect(result.out).toContain('  SEED_UNAVAILABLE  ')
    expect(result.out).not.toContain('warning SEED_UNAVAILABLE')
    expect(result.out).toContain('"harbour.txt"')
  })
})

describe('the scripts, spawned (few: tsx starts slowly)', () => {
  const tsx = join(PROJECT_ROOT, 'node_modules/.bin/tsx')
  const run = (script: string, args: string[], cwd: string) =>
    spawnSync(tsx, [join(PROJECT_ROOT, script), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, INIT_CWD: cwd, NO_COLOR: '1' },
      encoding: 'utf8',
    })

  it('check --json prints exactly the loader messages for every broken fixture, and exits 1', () => {
    const files = readdirSync(BROKEN).filter((f) => f.endsWith('.yaml'))
    const result = run('scripts/check.ts', ['--json', '--articles', '../seeds', ...files], BROKEN)
    expect(result.status).toBe(1)
    const problems = JSON.parse(result.stdout) as JsonProblem[]
    for (const file of files) {
      const expected = readFileSync(join(BROKEN, file.replace(/\.yaml$/, '.expected.txt')), 'utf8').trimEnd()
      const got = problems.filter((p) => p.file === file).map((p) => formatProblem(p as Problem))
      expect(got.join('\n'), file).toBe(expected)
    }
    for (const p of problems)
      expect(Object.keys(p)).toEqual(
        expect.arrayContaining(['file', 'line', 'column', 'severity', 'code', 'message', 'fix', 'path']),
      )
  }, 60_000)

  it('analyze --json prints the analysis of a file that loads and exits 0; 1 with its problems when it does not', () => {
    const ok = run('scripts/analyze.ts', ['--json', '--articles', 'seeds', 'minimal.yaml'], FIXTURES)
    expect(ok.status).toBe(0)
    const analysis = JSON.parse(ok.stdout)
    expect(analysis).toMatchObject({ file: 'minimal.yaml', loaded: true, scenario: { id: 'harbour' } })
    const bad = run('scripts/analyze.ts', ['broken/mixed.yaml'], FIXTURES)
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain('broken/mixed.yaml:51:17  WRONG_TYPE')
    expect(bad.stdout).toContain('cannot be analysed')
  }, 60_000)
})
