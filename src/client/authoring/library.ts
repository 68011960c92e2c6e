import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { loadScenario } from '../../core/scenario/load/index.ts'
import type { Problem } from '../../core/scenario/load/problems.ts'
import { t } from '../i18n/index.ts'
import { pickScenario, type SaveStorage, scenarioHash } from '../saves/index.ts'
import { type Catalogue, loadEntry, type ScenarioEntry } from '../scenarios.ts'
import { pruneStoredScenarios, readStoredScenarios, storeScenarioText } from './stored.ts'

/** Where a playable scenario comes from: a file shipped in `scenarios/`, or a file opened in the page. */
export type Origin = { kind: 'shipped'; file: string } | { kind: 'file'; file: string; text: string }

/** What opening a file gave: the scenario when it loaded, and every problem (errors first) either way. */
export interface Opened {
  file: string
  index: ScenarioIndex | null
  problems: Problem[]
}

/** What became of a shipped file when `scenarios/` changed: its index before (if any) and its new entry. */
export interface ShippedChange {
  file: string
  before: ScenarioIndex | null
  after: ScenarioEntry | null
}

interface FromFile {
  index: ScenarioIndex
  file: string
  text: string
}

/** The line and column of the top-level `id:` value in a YAML text, for a problem about the id. */
function idPlace(text: string): { line: number; column: number } {
  const lines = text.split('\n')
  const at = lines.findIndex((l) => /^id\s*:/.test(l))
  const match = /^id\s*:\s*/.exec(lines[at] ?? '')
  return match ? { line: at + 1, column: match[0].length + 1 } : { line: 1, column: 1 }
}

/** A problem for an opened file whose id a shipped scenario already has: saves and records name scenarios by id. */
function idTaken(file: string, text: string, id: string, shippedFile: string): Problem {
  return {
    severity: 'error',
    code: 'DUPLICATE_ID',
    message: t('authoring.duplicateId', { file: shippedFile, id }),
    fix: t('authoring.duplicateIdFix', { example: `id: ${id}-copy` }),
    file,
    ...idPlace(text),
    path: 'id',
  }
}

/**
 * The scenarios the page can play: the shipped ones (which `scenarios/` changes replace during development),
 * files opened in the page, and the files that saved games were played with (kept in storage by hash so
 * those games survive a reload). Files are loaded against the bundled seed articles; nothing is fetched.
 */
export function createLibrary(catalogue: Catalogue, storage: SaveStorage) {
  let shipped = catalogue.scenarios
  let texts = { ...catalogue.texts }
  const files: FromFile[] = []
  const origins = new WeakMap<ScenarioIndex, Origin>()
  const note = (entry: ScenarioEntry) => {
    if (entry.index) origins.set(entry.index, { kind: 'shipped', file: entry.file })
  }
  shipped.forEach(note)
  const addFile = (index: ScenarioIndex, file: string, text: string) => {
    files.push({ index, file, text })
    origins.set(index, { kind: 'file', file, text })
  }

  // The texts no saved game needs any more are dropped before the others are loaded.
  pruneStoredScenarios(storage)
  for (const stored of readStoredScenarios(storage)) {
    const result = loadScenario(stored.text, {
      file: stored.file,
      seeds: catalogue.seeds,
      skipWarnings: true,
    })
    // A text that no longer loads (or reads differently in this version) cannot rebuild its games.
    if (result.index && scenarioHash(result.index) === stored.hash)
      addFile(result.index, stored.file, stored.text)
  }

  const shippedPlayable = () => shipped.flatMap((s) => (s.index ? [s.index] : []))

  /** The shipped scenarios, then the newest version of each opened file whose id no shipped one takes. */
  function playable(): ScenarioIndex[] {
    const list = shippedPlayable()
    const taken = new Set(list.map((s) => s.scenario.id))
    const newest = new Map<string, ScenarioIndex>()
    for (const f of files) if (!taken.has(f.index.scenario.id)) newest.set(f.index.scenario.id, f.index)
    return [...list, ...newest.values()]
  }

  /** Every scenario a saved game may name: the playable ones first, then every version of opened files. */
  const known = (): ScenarioIndex[] => [...playable(), ...files.map((f) => f.index)]

  return {
    playable,
    /** The shipped files, with the problems of those that failed to load. */
    entries: (): readonly ScenarioEntry[] => shipped,
    origin: (index: ScenarioIndex): Origin | undefined => origins.get(index),
    /**
     * The scenario a save or record names: the version with the same hash when one is known (a shipped file
     * or any stored version of an opened one), else the playable scenario with that id.
     */
    resolve: (id: string, hash?: string): ScenarioIndex | undefined => pickScenario(known(), id, hash),
    known,
    /** Loads an opened file with every check and warning; when it loads, it joins the playable scenarios. */
    open(file: string, text: string): Opened {
      const result = loadScenario(text, { file, seeds: catalogue.seeds })
      if (!result.index) return { file, index: null, problems: result.problems }
      const id = result.index.scenario.id
      const clash = shipped.find((s) => s.index?.scenario.id === id)
      if (clash)
        return { file, index: null, problems: [idTaken(file, text, id, clash.file), ...result.problems] }
      addFile(result.index, file, text)
      return { file, index: result.index, problems: result.problems }
    },
    /**
     * Keeps the text of an opened file in storage before a game is played on it, so the game can be resumed
     * after a reload. Returns the storage error, if any (the game can still be played, but not resumed).
     */
    keep(index: ScenarioIndex): unknown {
      const origin = origins.get(index)
      if (origin?.kind !== 'file') return null
      return storeScenarioText(storage, scenarioHash(index), origin.file, origin.text)
    },
    /** Drops the stored texts that no saved game needs any more (after a save is deleted). */
    prune: (): number => pruneStoredScenarios(storage),
    /**
     * Takes the new texts of `scenarios/`: files whose text changed are loaded again, new ones added, removed
     * ones dropped. Unchanged files keep their index (games on them are untouched). Returns what changed.
     */
    replaceShipped(next: Record<string, string>): ShippedChange[] {
      const changes: ShippedChange[] = []
      const byFile = new Map(shipped.map((s) => [s.file, s]))
      const entries: ScenarioEntry[] = []
      // Files keep the place the catalogue gave them; new ones follow by name.
      const place = (file: string) => {
        const at = shipped.findIndex((s) => s.file === file)
        return at < 0 ? shipped.length : at
      }
      const files = Object.keys(next).sort((a, b) => place(a) - place(b) || a.localeCompare(b))
      for (const file of files) {
        const old = byFile.get(file)
        const text = next[file] ?? ''
        if (old && texts[file] === text) {
          entries.push(old)
          continue
        }
        const entry = loadEntry(file, text, catalogue.seeds)
        note(entry)
        entries.push(entry)
        changes.push({ file, before: old?.index ?? null, after: entry })
      }
      for (const old of shipped)
        if (!(old.file in next)) changes.push({ file: old.file, before: old.index, after: null })
      shipped = entries
      texts = { ...next }
      return changes
    },
  }
}

/** The scenarios of the page (see createLibrary). */
export type Library = ReturnType<typeof createLibrary>
