import { FORMAT_VERSION } from '../schema/scenario.ts'
import { v1ToV2 } from './migrations/v1-to-v2.ts'
import { v2ToV3 } from './migrations/v2-to-v3.ts'
import { v3ToV4 } from './migrations/v3-to-v4.ts'
import { v4ToV5 } from './migrations/v4-to-v5.ts'
import type { ParsedFile } from './parse.ts'
import { type Problem, shown } from './problems.ts'

/**
 * A migration turns a document of one format version into the next, as plain data. Each is a small pure
 * function, tested with fixture files of the older version; they run in order up to FORMAT_VERSION.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>

/** MIGRATIONS[n] upgrades version n to n + 1. */
export const MIGRATIONS: Record<number, Migration> = { 1: v1ToV2, 2: v2ToV3, 3: v3ToV4, 4: v4ToV5 }

/** The version of Red Lines that first reads each format version, for the "too new" message. */
export const GAME_VERSION_FOR_FORMAT: Record<number, string> = {
  1: '0.1',
  2: '0.2',
  3: '0.3',
  4: '0.4',
  5: '0.5',
}

/**
 * Reads `formatVersion`, refuses files newer than this game knows with a message that says so, and migrates
 * older ones. Returns the document at FORMAT_VERSION, or problems.
 */
export function upgrade(
  parsed: ParsedFile,
  data: Record<string, unknown>,
): { data?: Record<string, unknown>; problems: Problem[] } {
  const version = data.formatVersion
  if (version === undefined)
    return {
      problems: [
        parsed.problem(
          'FORMAT_VERSION_MISSING',
          'The file does not say which format version it is written in',
        ),
      ],
    }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      problems: [
        parsed.problem('FORMAT_VERSION_INVALID', `"${shown(version)}" is not a format version`, [
          'formatVersion',
        ]),
      ],
    }
  if (version > FORMAT_VERSION) {
    const needs = GAME_VERSION_FOR_FORMAT[version]
    // A format this game has never heard of needs a later game than this one, whichever it turns out to be.
    const game = needs
      ? `Red Lines ${needs} or later`
      : `a version of Red Lines later than ${GAME_VERSION_FOR_FORMAT[FORMAT_VERSION]}`
    const message = `This file is written in scenario format ${version}, but this game reads formats up to ${FORMAT_VERSION}; it needs ${game}`
    return { problems: [parsed.problem('FORMAT_VERSION_TOO_NEW', message, ['formatVersion'])] }
  }
  let current = data
  for (let v = version; v < FORMAT_VERSION; v++) {
    const migrate = MIGRATIONS[v]
    if (migrate) current = { ...migrate(current), formatVersion: v + 1 }
  }
  return { data: current, problems: [] }
}
