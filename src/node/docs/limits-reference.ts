import { LIMITS } from '../../core/scenario/limits.ts'
import { EXHAUSTIVE_LIMIT } from '../../core/scenario/load/reachability.ts'

/**
 * Each limit in plain words, with the problem code a file past it gets. A limit added to `LIMITS` without
 * words here stops the generator, so the guide never silently leaves one out.
 */
const WORDS: Readonly<Record<string, { what: string; unit: string; code: string }>> = {
  fileBytes: {
    what: 'The size of the file',
    unit: 'bytes (one byte per English letter, two per Ukrainian one)',
    code: 'FILE_TOO_LARGE',
  },
  tokens: {
    what: 'Pieces of YAML in the file (keys, values, punctuation, line breaks)',
    unit: 'pieces',
    code: 'YAML_TOO_MANY_NODES',
  },
  depth: { what: 'Levels of indentation (nesting)', unit: 'levels', code: 'YAML_TOO_DEEP' },
  nodes: {
    what: 'Values in the whole file (every key, text, number, list and group)',
    unit: 'values',
    code: 'YAML_TOO_MANY_NODES',
  },
  aliases: { what: 'YAML aliases (`*name`)', unit: 'aliases', code: 'YAML_TOO_MANY_ALIASES' },
  aliasExpansion: {
    what: 'How much the aliases may stand for, all together',
    unit: 'times the size of what they repeat',
    code: 'YAML_TOO_MANY_ALIASES',
  },
  textLength: { what: 'The length of any one text', unit: 'characters', code: 'STRING_TOO_LONG' },
  articleText: {
    what: "The length of an article's text carried by the scenario (`seeds[].text`)",
    unit: 'characters',
    code: 'STRING_TOO_LONG',
  },
  stageImageBytes: {
    what: "The size of the stage's image (`stage.image`)",
    unit: 'bytes',
    code: 'STAGE_IMAGE_TOO_LARGE',
  },
  entries: { what: 'Entries in any one list or group', unit: 'entries', code: 'LIST_TOO_LONG' },
}

const number = (n: number) => n.toLocaleString('en-GB')

/** The limits on a scenario file as a Markdown table, from `LIMITS` in `src/core/scenario/limits.ts`. */
export function limitsReference(): string {
  const rows = Object.entries(LIMITS).flatMap(([key, value]) => {
    if (key === 'sections') return []
    const words = WORDS[key]
    if (!words) throw new Error(`The guide has no words for the limit "${key}": add them to WORDS`)
    return [`| ${words.what} | at most ${number(value as number)} ${words.unit} | \`${words.code}\` |`]
  })
  const sections = Object.entries(LIMITS.sections).map(([section, n]) =>
    section === 'translations'
      ? `${number(n)} languages under \`translations\``
      : `${number(n)} \`${section}\``,
  )
  return [
    '| What | Limit | Problem code |',
    '| --- | --- | --- |',
    ...rows,
    `| Entries in each section | at most ${sections.join(', ')} | \`LIST_TOO_LONG\` |`,
    `| Packages the checker tries one by one, to warn about red lines and preferences no package meets | ${number(EXHAUSTIVE_LIMIT)} (past that, or when the conditions are very large, it tries a sample, and its warnings say *sampled*) | \`RED_LINE_UNREACHABLE\`, \`PREFERENCE_UNREACHABLE\` |`,
  ].join('\n')
}
