/**
 * Writes scenarios/scenario.schema.json from the zod schema, then the generated sections of the authoring
 * guide (scenarios/README.md). Run `npm run schema` after changing the format, the problem codes, the broken
 * test files or the tutorial files.
 */
import { writeFileSync } from 'node:fs'
import { SCHEMA_PATH, scenarioJsonSchema } from '../src/core/scenario/schema/json-schema.ts'
import { GUIDE_PATH, writeGuide } from '../src/node/docs/guide.ts'

writeFileSync(SCHEMA_PATH, scenarioJsonSchema())
console.log(`wrote ${SCHEMA_PATH}`)
console.log(writeGuide() ? `wrote ${GUIDE_PATH}` : `${GUIDE_PATH} was up to date`)
