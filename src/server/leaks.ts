import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { textFields } from '../core/scenario/localise.ts'
import type { Scenario } from '../core/scenario/schema/scenario.ts'
import { mayRead } from '../net/scenario-view.ts'
import { readSeeds } from '../node/scenario-files.ts'

/**
 * Finding a side's private texts where they must not be: in what a seat is sent, or in the files a classroom
 * server serves. Used by the server at start (it refuses to serve a build of the game that bundles the
 * shipped scenarios) and by the tests.
 */

/** One private text of a scenario: whose it is, its text path, its language and its words. */
export interface PrivateText {
  side: string
  path: string
  language: string
  text: string
}

/** Every private text of every side of `scenario`, in its own language and in each translation. */
export function privateTexts(scenario: Scenario): PrivateText[] {
  const observer = { role: 'student', side: null } as const
  const out: PrivateText[] = []
  for (const field of textFields(scenario)) {
    if (mayRead(scenario, observer, field.path)) continue
    const side = field.path.split('.')[1] ?? ''
    out.push({ side, path: field.path, language: scenario.language, text: field.text })
    for (const [language, table] of Object.entries(scenario.translations ?? {})) {
      const text = Object.hasOwn(table, field.path) ? table[field.path] : undefined
      if (text) out.push({ side, path: field.path, language, text })
    }
  }
  return out
}

/**
 * The stretches of a text that survive being written into a JavaScript string or JSON unchanged: the text
 * cut at quotes, backslashes, line breaks and `$`, keeping pieces long enough to be the text's own words.
 */
export function fragments(text: string, minLength = 24): string[] {
  return text
    .split(/["'`\\\n\r$\t]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= minLength)
}

/**
 * The fragments of a private text that are the author's own words: a stretch also found in a seed article
 * is the article's (public, and served for every quote's source), so it proves nothing.
 */
export function ownWords(text: string, seeds: Readonly<Record<string, string>> = seedTexts()): string[] {
  const articles = Object.values(seeds)
  return fragments(text).filter((f) => !articles.some((a) => a.includes(f)))
}

let seeds: Record<string, string> | undefined
const seedTexts = () => {
  seeds ??= readSeeds()
  return seeds
}

/**
 * Every text of `scenario` that `side`'s seat may read (public ones and its own), in every language, as one
 * string: another side's private text that says the same words (two sides scoring the same outcome, say)
 * is no leak.
 */
export function readableCorpus(scenario: Scenario, side: string | null): string {
  const reader = { role: 'student', side } as const
  const paths = textFields(scenario).filter((f) => mayRead(scenario, reader, f.path))
  const translated = Object.values(scenario.translations ?? {}).flatMap((table) =>
    paths.flatMap((f) => (Object.hasOwn(table, f.path) ? [table[f.path] ?? ''] : [])),
  )
  return [...paths.map((f) => f.text), ...translated].join('\n')
}

/**
 * The private texts (not those of `except`, the reader's own side) of which a fragment occurs in `sent`;
 * fragments also found in `readable` (see readableCorpus) prove nothing.
 */
export function leaksIn(
  sent: string,
  texts: readonly PrivateText[],
  except: string | null = null,
  readable = '',
): PrivateText[] {
  return texts.filter(
    (t) => t.side !== except && ownWords(t.text).some((f) => sent.includes(f) && !readable.includes(f)),
  )
}

/** Files under `dir`, recursively, with their paths relative to it. */
function filesOf(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesOf(path, base) : [relative(base, path)]
  })
}

/** Text files a browser may be served: what a student's device could fetch from the server. */
const TEXT_FILE = /\.(html|js|mjs|css|json|map|txt|yaml|yml|svg|webmanifest)$/i

/**
 * The files of a built game (`dist/`) that hold a private text of one of `scenarios`: each with the first
 * text found. Empty for the classroom build (`vite build --mode classroom`).
 */
export function leakingFiles(
  distDir: string,
  scenarios: readonly Scenario[],
): Array<{ file: string; leak: PrivateText }> {
  const texts = scenarios.flatMap(privateTexts).map((t) => ({ t, words: ownWords(t.text) }))
  const out: Array<{ file: string; leak: PrivateText }> = []
  for (const file of filesOf(distDir).filter((f) => TEXT_FILE.test(f))) {
    const content = readFileSync(join(distDir, file), 'utf8')
    const leak = texts.find(({ words }) => words.some((f) => content.includes(f)))?.t
    if (leak) out.push({ file, leak })
  }
  return out
}
