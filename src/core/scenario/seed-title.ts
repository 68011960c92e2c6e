import type { Scenario } from './schema/scenario.ts'

/**
 * What students see for a seed article: its title in the scenario (such as the headline), or its file name
 * when the scenario gives none or does not list the file.
 */
export function seedTitle(scenario: Pick<Scenario, 'seeds'>, file: string): string {
  return scenario.seeds.find((s) => s.file === file)?.title ?? file
}

/**
 * The text of the article `file` as the game shows and checks it: the text the scenario carries, or else the
 * article of that name in the game's library; undefined when neither has it.
 */
export function articleText(
  scenario: Pick<Scenario, 'seeds'>,
  file: string,
  library: Readonly<Record<string, string>>,
): string | undefined {
  const own = scenario.seeds.find((s) => s.file === file)?.text
  if (own !== undefined) return own
  return Object.hasOwn(library, file) ? library[file] : undefined
}

/** The scenario's entry for the article `file` (its title, outlet, date, address and any text it carries). */
export function seedEntry(
  scenario: Pick<Scenario, 'seeds'>,
  file: string,
): Scenario['seeds'][number] | undefined {
  return scenario.seeds.find((s) => s.file === file)
}
