import type { z } from 'zod'
import { RECORD_FORMAT, RECORD_VERSION, upgradeRecord } from '../../core/record/format.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameMode } from '../../core/rules/state.ts'
import { t } from '../i18n/index.ts'
import {
  idOfKey,
  type Save,
  SaveSchema,
  type SaveStorage,
  type SaveSummary,
  saveKey,
  scenarioHash,
} from './format.ts'
import { EnvelopeSchema, fromEnvelope, LAST_ENVELOPE_VERSION, type LegacyContext } from './old-formats.ts'
import { corrupt, type SaveProblem, SaveProblemError, tooNew, unknownScenario } from './problems.ts'
import { replaySaved } from './replay.ts'

/** What is known of a broken save, best effort, so the title screen can still place and name it. */
interface Hints {
  savedAt?: number
  scenarioTitle?: string
}

/** A stored save, checked and upgraded to RECORD_VERSION, or why it cannot be used. */
export type Decoded =
  | { ok: true; save: Save; index: ScenarioIndex }
  | ({ ok: false; problem: SaveProblem } & Hints)

/** One line of the title screen's list of saved games. */
export type SaveEntry =
  | {
      id: string
      ok: true
      savedAt: number
      scenarioId: string
      scenarioTitle: string
      summary: SaveSummary
      /** Play, or the instructor's and author's mode (with the Backstage), as the game was started. */
      mode: GameMode
    }
  | ({ id: string; ok: false; problem: SaveProblem } & Hints)

const describe = (error: z.ZodError): string => {
  const issue = error.issues[0]
  return t('saves.detail.wrongShape', { at: issue?.path.join('.') || 'top', problem: issue?.message ?? '' })
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The save's time and scenario title, from a save (its title screen) or an old envelope's state. */
const hintsOf = (doc: Record<string, unknown>): Hints => {
  const from = isObject(doc.state) ? doc.state : doc
  const savedAt = isObject(from.titleScreen) ? from.titleScreen.savedAt : from.savedAt
  const title = isObject(from.scenario) ? from.scenario.title : undefined
  return {
    ...(typeof savedAt === 'number' && Number.isFinite(savedAt) ? { savedAt } : {}),
    ...(typeof title === 'string' ? { scenarioTitle: title } : {}),
  }
}

/**
 * Whether a stored value is a save from a newer Red Lines (a record version this game does not know), which
 * is never migrated down or overwritten.
 */
export function isTooNew(raw: string): boolean {
  try {
    const doc: unknown = JSON.parse(raw)
    if (!isObject(doc) || typeof doc.version !== 'number') return false
    return doc.version > (doc.format === RECORD_FORMAT ? RECORD_VERSION : LAST_ENVELOPE_VERSION)
  } catch {
    return false
  }
}

/** A save (a record with its title screen), or an old one read as the record of its version. */
function recordOf(doc: Record<string, unknown>, context: LegacyContext): Record<string, unknown> {
  if (doc.format === RECORD_FORMAT) return doc
  const envelope = EnvelopeSchema.safeParse(doc)
  if (!envelope.success) throw new SaveProblemError(corrupt(describe(envelope.error)))
  return fromEnvelope(envelope.data.state, envelope.data.version, context)
}

/**
 * Checks a stored value: JSON, then the version (newer ones are refused before their shape is looked at,
 * since it may have changed), then the records' migrations, the strict schema and the scenario. An old save
 * (old-formats.ts) is read as the record of its version first. Never throws.
 */
export function decodeSave(raw: string, context: LegacyContext): Decoded {
  let doc: unknown
  try {
    doc = JSON.parse(raw)
  } catch {
    return { ok: false, problem: corrupt(t('saves.detail.notJson')) }
  }
  if (!isObject(doc)) return { ok: false, problem: corrupt(t('saves.detail.notSave')) }
  const hints = hintsOf(doc)
  let data: Record<string, unknown>
  try {
    data = recordOf(doc, context)
  } catch (error) {
    const problem =
      error instanceof SaveProblemError
        ? error.problem
        : corrupt(t('saves.detail.readFailed', { error: String(error) }))
    return { ok: false, problem, ...hints }
  }
  const upgraded = upgradeRecord(data)
  if (!upgraded.ok)
    return {
      ok: false,
      problem:
        upgraded.code === 'VERSION_TOO_NEW'
          ? tooNew(data.version as number, RECORD_VERSION)
          : corrupt(t('saves.detail.noVersion')),
      ...hints,
    }
  const parsed = SaveSchema.safeParse(upgraded.data)
  if (!parsed.success) return { ok: false, problem: corrupt(describe(parsed.error)), ...hints }
  const { scenario } = parsed.data
  const index = context.resolveIndex(scenario.id, scenario.hash)
  if (!index) return { ok: false, problem: unknownScenario(scenario.id, scenario.title), ...hints }
  return { ok: true, save: parsed.data, index }
}

/**
 * The scenario a save names among `known`: the version with the save's hash when there is one (several
 * versions of a scenario opened from files may be known), else the first with its id.
 */
export function pickScenario(
  known: readonly ScenarioIndex[],
  id: string,
  hash?: string,
): ScenarioIndex | undefined {
  const exact = hash ? known.find((s) => s.scenario.id === id && scenarioHash(s) === hash) : undefined
  return exact ?? known.find((s) => s.scenario.id === id)
}

/** The ids of every key that holds a saved game; storage that cannot be read has none. */
function savedIds(storage: SaveStorage): string[] {
  const ids: string[] = []
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      const id = key === null ? null : idOfKey(key)
      if (id !== null) ids.push(id)
    }
  } catch {
    // Storage may be disabled (private windows, blocked cookies): there is nothing to list.
  }
  return ids
}

/** Options of listSaves. */
export interface ListOptions {
  /**
   * Replays each save (well under a millisecond for a whole game) so that a log the rules refuse is shown
   * on the title screen rather than when the player picks it. Default true.
   */
  verify?: boolean
}

function entryOf(storage: SaveStorage, id: string, known: readonly ScenarioIndex[], verify: boolean) {
  let raw: string | null
  try {
    raw = storage.getItem(saveKey(id))
  } catch (error) {
    return {
      id,
      ok: false as const,
      problem: corrupt(t('saves.detail.unreadable', { error: String(error) })),
    }
  }
  if (raw === null) return null // removed meanwhile, perhaps by another tab
  const resolveIndex = (scenarioId: string, hash?: string) => pickScenario(known, scenarioId, hash)
  const decoded = decodeSave(raw, { resolveIndex, savedAt: 0 })
  if (!decoded.ok) return { id, ...decoded }
  const { save, index } = decoded
  const { savedAt, ...summary } = save.titleScreen
  const hints = { savedAt, scenarioTitle: index.scenario.title }
  if (verify) {
    const replayed = replaySaved(index, save.setup, save.log, save.scenario.hash)
    if (!replayed.ok) return { id, ok: false as const, problem: replayed.problem, ...hints }
  }
  const mode = save.setup.mode ?? 'play'
  return { id, ok: true as const, ...hints, scenarioId: index.scenario.id, summary, mode }
}

/**
 * Every saved game in `storage`, newest first (broken saves whose date is unreadable last). A broken save
 * becomes an entry with its problem; it never throws and never hides the others.
 */
export function listSaves(
  storage: SaveStorage,
  knownScenarios: readonly ScenarioIndex[],
  { verify = true }: ListOptions = {},
): SaveEntry[] {
  const entries: SaveEntry[] = []
  for (const id of savedIds(storage)) {
    try {
      const entry = entryOf(storage, id, knownScenarios, verify)
      if (entry) entries.push(entry)
    } catch (error) {
      // Nothing above should throw; if it does, this save alone is reported.
      entries.push({ id, ok: false, problem: corrupt(t('saves.detail.unchecked', { error: String(error) })) })
    }
  }
  return entries.sort(
    (a, b) => (b.savedAt ?? -1) - (a.savedAt ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}
