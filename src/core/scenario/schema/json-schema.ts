import { z } from 'zod'
import { FORMAT_VERSION, ScenarioSchema } from './scenario.ts'

/** Where the generated JSON Schema lives, relative to the project root. */
export const SCHEMA_PATH = 'scenarios/scenario.schema.json'

/**
 * The JSON Schema that editors use to autocomplete and check scenario files, generated from the zod schema
 * (the one source of truth). It describes what an author writes, so fields with defaults are optional.
 */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  const withHeader = {
    $id: `https://red-lines.invalid/scenario.v${FORMAT_VERSION}.schema.json`,
    title: `Red Lines scenario, format version ${FORMAT_VERSION}`,
    ...schema,
  }
  return `${JSON.stringify(withHeader, null, 2)}\n`
}
