/** Writes scenarios/scenario.schema.json from the zod schema. Run `npm run schema` after changing the format. */
import { writeFileSync } from 'node:fs'
import { SCHEMA_PATH, scenarioJsonSchema } from '../src/core/scenario/schema/json-schema.ts'

writeFileSync(SCHEMA_PATH, scenarioJsonSchema())
console.log(`wrote ${SCHEMA_PATH}`)
