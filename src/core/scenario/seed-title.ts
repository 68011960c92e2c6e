import type { Scenario } from './schema/scenario.ts'

/**
 * What students see for a seed article: its title in the scenario (such as the headline), or its file name
 * when the scenario gives none or does not list the file.
 */
export function seedTitle(scenario: Pick<Scenario, 'seeds'>, file: string): string {
  return scenario.seeds.find((s) => s.file === file)?.title ?? file
}
