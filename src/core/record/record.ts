import type { Command } from '../rules/commands.ts'
import type { Refusal } from '../rules/refusals.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameSetup, GameState } from '../rules/state.ts'
import { ReplayError, replay } from '../store.ts'
import { type GameRecord, GameRecordSchema, RECORD_FORMAT, RECORD_VERSION, upgradeRecord } from './format.ts'
import { scenarioHash } from './hash.ts'

/** Why a record could not be opened. The codes are stable: the screen and the tests rely on them. */
export type RecordErrorCode =
  | 'TOO_LARGE'
  | 'NOT_JSON'
  | 'NOT_A_RECORD'
  | 'VERSION_INVALID'
  | 'VERSION_TOO_NEW'
  | 'INVALID_RECORD'
  | 'UNKNOWN_SCENARIO'
  | 'SCENARIO_CHANGED'
  | 'SETUP_MISMATCH'
  | 'LOG_REFUSED'
  | 'UNREADABLE'

/**
 * What a record error is about, as data for a screen to word in its language. Titles are those the record
 * or the scenario file give; `detail` is a developer's detail in English, for UNREADABLE only.
 */
export interface RecordErrorParams {
  /** The scenario the record was played on, as the record names it. */
  scenario?: { id: string; title: string; hash?: string }
  /** The scenario file here, for SCENARIO_CHANGED, SETUP_MISMATCH and LOG_REFUSED. */
  file?: { id: string; title: string; hash?: string }
  /** The version written (absent when none is) and, for VERSION_TOO_NEW, the newest this game reads. */
  version?: string
  newest?: number
  /** INVALID_RECORD: where the record is damaged (a dotted path; empty for the top level). */
  at?: string
  /** SETUP_MISMATCH: the scenario the setup names, or the sides its seats lack and those that do not exist. */
  setupScenario?: string
  missing?: string[]
  unknown?: string[]
  /** LOG_REFUSED: the move (from 1) the rules refused, and why (with `file`, whose rules refused it). */
  move?: number
  refusal?: Refusal
  detail?: string
}

/**
 * A record that cannot be opened: a stable code, what went wrong and what to do about it in English (for
 * logs and tests), and the parameters a screen words them from.
 */
export interface RecordError {
  code: RecordErrorCode
  message: string
  fix: string
  params: RecordErrorParams
}

/** An opened record: the scenario it was played on, its setup and log, and the game replayed from them. */
export type ParsedRecord =
  | { ok: true; record: GameRecord; index: ScenarioIndex; setup: GameSetup; log: Command[]; state: GameState }
  | { ok: false; error: RecordError }

/** Records larger than this are refused before parsing: a real game's log is a few hundred kilobytes at most. */
export const MAX_RECORD_CHARS = 20_000_000

/**
 * A record of a game, to save as a file and open elsewhere (another device, the teacher's screen).
 * `exportedAt` is written only when `now` is given, so that the core stays free of the clock.
 */
export function exportRecord(
  index: ScenarioIndex,
  setup: GameSetup,
  log: readonly Command[],
  now?: Date,
): GameRecord {
  const { scenario } = index
  const record: GameRecord = {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    scenario: { id: scenario.id, title: scenario.title, hash: scenarioHash(scenario) },
    // The setup as played: `mode` is written when the game had one (a game in instructor mode says so).
    setup: { ...setup, seats: { ...setup.seats } },
    log: [...log],
  }
  if (now) record.exportedAt = now.toISOString()
  return record
}

/** A record as pretty JSON, ending with a newline. */
export function recordToJson(record: GameRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`
}

const fail = (
  code: RecordErrorCode,
  message: string,
  fix: string,
  params: RecordErrorParams = {},
): ParsedRecord => ({
  ok: false,
  error: { code, message, fix, params },
})

/**
 * Opens a record from text: checks its shape (strictly), refuses newer versions and migrates older ones,
 * finds its scenario with `resolveScenario`, refuses it when the scenario file has changed since the game
 * was exported, and replays the log. Never throws, whatever the text.
 */
export function parseRecord(
  text: string,
  resolveScenario: (id: string) => ScenarioIndex | undefined,
): ParsedRecord {
  try {
    return open(text, resolveScenario)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return fail(
      'UNREADABLE',
      `The record could not be read: ${message}`,
      'Check that the file is a Red Lines game record; if it is, report this message to the developers.',
      { detail: message },
    )
  }
}

function open(text: string, resolveScenario: (id: string) => ScenarioIndex | undefined): ParsedRecord {
  const notRecord = 'Choose a file exported from Red Lines with “Export the game”.'
  if (typeof text !== 'string' || text.length > MAX_RECORD_CHARS)
    return fail('TOO_LARGE', 'The file is too large to be a game record.', notRecord)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return fail('NOT_JSON', 'The file is not a game record: it is not valid JSON.', notRecord)
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return fail('NOT_A_RECORD', 'The file is not a game record: it does not hold a JSON object.', notRecord)
  const raw = data as Record<string, unknown>
  if (raw.format !== RECORD_FORMAT)
    return fail(
      'NOT_A_RECORD',
      `The file is not a game record: its "format" is not "${RECORD_FORMAT}".`,
      notRecord,
    )
  const upgraded = upgradeRecord(raw)
  if (!upgraded.ok) {
    const version = raw.version === undefined ? {} : { version: String(raw.version).slice(0, 20) }
    return fail(
      upgraded.code,
      upgraded.message,
      upgraded.code === 'VERSION_TOO_NEW'
        ? 'Open the record in the newer version of Red Lines that exported it, or update this game.'
        : notRecord,
      upgraded.code === 'VERSION_TOO_NEW' ? { ...version, newest: RECORD_VERSION } : version,
    )
  }
  const parsed = GameRecordSchema.safeParse(upgraded.data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : 'the top level'
    return fail(
      'INVALID_RECORD',
      `The record is damaged: at ${where}, ${issue?.message ?? 'the data has the wrong shape'}.`,
      'Export the game again from the device it was played on; a record edited by hand cannot be trusted.',
      { at: issue?.path.join('.') ?? '' },
    )
  }
  return openScenario(parsed.data, resolveScenario)
}

function openScenario(
  record: GameRecord,
  resolveScenario: (id: string) => ScenarioIndex | undefined,
): ParsedRecord {
  const index = resolveScenario(record.scenario.id)
  if (!index)
    return fail(
      'UNKNOWN_SCENARIO',
      `The game was played on the scenario “${record.scenario.title}” (${record.scenario.id}), which this game does not have.`,
      'Add that scenario file to the game, then open the record again.',
      { scenario: { id: record.scenario.id, title: record.scenario.title } },
    )
  const hash = scenarioHash(index.scenario)
  if (hash !== record.scenario.hash)
    return fail(
      'SCENARIO_CHANGED',
      `The scenario file has changed since the game was exported: the game was played on “${record.scenario.title}” (version ${record.scenario.hash}), and the file here is “${index.scenario.title}” (version ${hash}). Replaying it would not give the same game.`,
      'Open the record with the scenario file the game was played on, or play the game again on this one.',
      {
        scenario: record.scenario,
        file: { id: index.scenario.id, title: index.scenario.title, hash },
      },
    )
  const { setup, log } = record
  const seats = Object.keys(setup.seats)
  const missing = index.proposers.filter((s) => !seats.includes(s))
  const unknown = seats.filter((s) => !index.proposers.includes(s))
  if (setup.scenarioId !== index.scenario.id || missing.length || unknown.length)
    return fail(
      'SETUP_MISMATCH',
      `The record's setup does not fit the scenario “${index.scenario.title}”: ${
        setup.scenarioId !== index.scenario.id
          ? `it names the scenario "${setup.scenarioId}"`
          : `its seats ${missing.length ? `lack ${missing.join(', ')}` : `name unknown sides ${unknown.join(', ')}`}`
      }.`,
      'Export the game again from the device it was played on; a record edited by hand cannot be trusted.',
      {
        file: { id: index.scenario.id, title: index.scenario.title },
        ...(setup.scenarioId !== index.scenario.id
          ? { setupScenario: setup.scenarioId }
          : { missing, unknown }),
      },
    )
  let state: GameState
  try {
    state = replay(index, setup, log)
  } catch (e) {
    return fail(
      'LOG_REFUSED',
      `The record's moves do not replay: ${e instanceof Error ? e.message : String(e)}`,
      'The record was altered or belongs to another game; export the game again from the device it was played on.',
      {
        file: { id: index.scenario.id, title: index.scenario.title },
        ...(e instanceof ReplayError ? { move: e.move, refusal: e.refusal } : {}),
      },
    )
  }
  return { ok: true, record, index, setup, log, state }
}
