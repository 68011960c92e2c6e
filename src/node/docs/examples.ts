import { parse, stringify } from 'yaml'
import { analyzeScenario } from '../../core/analyze/analysis.ts'
import {
  AFTERMATH_HEADING,
  aftermathLines,
  resolveHeading,
  resolveLines,
} from '../../core/analyze/report-uncertainty.ts'
import { loadScenario } from '../../core/scenario/load/index.ts'
import { readSeeds } from '../scenario-files.ts'
import { codeBlocks, withoutGeneratedSections } from './code-blocks.ts'
import { TUTORIAL_FILE } from './tutorial.ts'

type Doc = Record<string, unknown>

/**
 * The scenario the guide's examples are checked in: the tutorial's last file, plus every ```` ```yaml extra ````
 * block of the guide (its sections added, or appended to the lists already there), with every
 * ```` ```yaml within PATH ```` block's fields put into the element at PATH (`sides.1`, `redLines.0`).
 */
export function exampleScenario(guide: string, tutorial: string): Doc {
  const doc = parse(tutorial) as Doc
  const blocks = codeBlocks(withoutGeneratedSections(guide))
  for (const block of blocks.filter((b) => b.role === 'extra'))
    for (const [key, value] of Object.entries(parse(block.body) as Doc)) {
      const old = doc[key]
      doc[key] = Array.isArray(old)
        ? [...old, ...(value as unknown[])]
        : old && typeof old === 'object'
          ? { ...old, ...(value as Doc) }
          : value
    }
  for (const block of blocks.filter((b) => b.role === 'within')) {
    const target = block.arg.split('.').reduce<unknown>((node, key) => (node as Doc | undefined)?.[key], doc)
    if (!target || typeof target !== 'object') throw new Error(`The guide has no element ${block.arg}`)
    Object.assign(target, parse(block.body) as Doc)
  }
  return doc
}

/**
 * What the dry run says of Russia's resolve and of the years after, for the guide's example scenario: the
 * real output of `npm run analyze`, cut to those two sections.
 */
export function exampleDryRun(guide: string, tutorial: string): string {
  const loaded = loadScenario(stringify(exampleScenario(guide, tutorial)), {
    file: TUTORIAL_FILE,
    seeds: readSeeds(),
    skipWarnings: true,
  })
  if (!loaded.index)
    throw new Error(`The guide's examples do not load: ${loaded.problems.map((p) => p.message).join('; ')}`)
  const analysis = analyzeScenario(loaded.index)
  return [
    `$ npm run analyze -- scenarios/${TUTORIAL_FILE}`,
    '…',
    resolveHeading(analysis.scenario.responder),
    ...resolveLines(analysis),
    '',
    AFTERMATH_HEADING,
    ...aftermathLines(analysis),
    '…',
  ].join('\n')
}
