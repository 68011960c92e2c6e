import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLibrary } from '../../src/client/authoring/library.ts'
import {
  pruneStoredScenarios,
  readStoredScenarios,
  SCENARIO_FILE_PREFIX,
} from '../../src/client/authoring/stored.ts'
import { createMemoryStorage, listSaves, scenarioHash } from '../../src/client/saves/index.ts'
import { type Catalogue, loadEntry } from '../../src/client/scenarios.ts'
import { createSession, reloadSession, resumeSession } from '../../src/client/session.ts'
import type { ScenarioIndex } from '../../src/core/rules/scenario-index.ts'
import { PROJECT_ROOT, readSeeds } from '../../src/node/scenario-files.ts'

const FILE = 'guarantees-2025.yaml'
const SHIPPED = readFileSync(join(PROJECT_ROOT, 'scenarios', FILE), 'utf8')
const SEEDS = readSeeds()

/** The shipped scenario under another id and title, as an instructor's copy would be. */
const copy = (id = 'class-copy', title = 'Class copy') =>
  SHIPPED.replace(/^id: .*$/m, `id: ${id}`).replace(/^title: .*$/m, `title: "${title}"`)

function catalogue(texts: Record<string, string> = { [FILE]: SHIPPED }): Catalogue {
  const scenarios = Object.keys(texts).map((file) => loadEntry(file, texts[file] ?? '', SEEDS))
  return { scenarios, seeds: SEEDS, texts }
}

const setupFor = (index: ScenarioIndex) => ({
  scenarioId: index.scenario.id,
  seats: Object.fromEntries(index.proposers.map((s) => [s, 'computer' as const])),
  seed: 3,
  difficulty: 'normal' as const,
})

const context = (storage: ReturnType<typeof createMemoryStorage>) => ({ storage, onError: () => {} })

describe('scenario files opened in the page', () => {
  it('join the playable scenarios, marked as coming from their file', () => {
    const library = createLibrary(catalogue(), createMemoryStorage())
    const opened = library.open('mine.yaml', copy())
    expect(opened.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(library.playable().map((s) => s.scenario.id)).toEqual(['guarantees-2025', 'class-copy'])
    expect(opened.index && library.origin(opened.index)).toMatchObject({ kind: 'file', file: 'mine.yaml' })
    // Opening a new version of the same file replaces it in the list.
    const again = library.open('mine.yaml', copy('class-copy', 'Class copy, edited'))
    expect(library.playable().map((s) => s.scenario.title)).toEqual([
      'Red Lines: security guarantees for Ukraine',
      'Class copy, edited',
    ])
    expect(library.resolve('class-copy')).toBe(again.index)
  })

  it('report every problem with its line, and a shipped id as an error on the line of `id:`', () => {
    const library = createLibrary(catalogue(), createMemoryStorage())
    const clash = library.open('same-id.yaml', SHIPPED)
    expect(clash.index).toBeNull()
    const line = SHIPPED.split('\n').findIndex((l) => l.startsWith('id:')) + 1
    expect(clash.problems[0]).toMatchObject({
      severity: 'error',
      code: 'DUPLICATE_ID',
      file: 'same-id.yaml',
      line,
    })
    expect(clash.problems[0]?.fix).toMatch(/id: guarantees-2025-copy/)
    const broken = library.open('broken.yaml', copy().replace(/^rounds: \d+$/m, 'rounds: many'))
    expect(broken.index).toBeNull()
    const at =
      copy()
        .split('\n')
        .findIndex((l) => l.startsWith('rounds:')) + 1
    expect(broken.problems).toContainEqual(expect.objectContaining({ severity: 'error', line: at }))
    expect(library.playable()).toHaveLength(1)
  })
})

describe('saved games on an opened file', () => {
  it('survive a reload through the text stored by hash, and are unknown once it is gone', () => {
    const storage = createMemoryStorage()
    const first = createLibrary(catalogue(), storage)
    const index = first.open('mine.yaml', copy()).index as ScenarioIndex
    expect(first.keep(index)).toBeNull()
    const session = createSession(index, setupFor(index), context(storage))
    session.stop()
    expect(readStoredScenarios(storage).map((s) => [s.file, s.hash])).toEqual([
      ['mine.yaml', scenarioHash(index)],
    ])

    // A reload: a new library reads the stored text back, and the save lists and resumes on it.
    const second = createLibrary(catalogue(), storage)
    const [entry] = listSaves(storage, second.known())
    expect(entry).toMatchObject({ ok: true, scenarioId: 'class-copy' })
    expect(second.playable().map((s) => s.scenario.id)).toContain('class-copy')
    const resumed = resumeSession(session.id, second.known(), context(storage))
    expect(resumed.ok && resumed.session.store.getState().log).toEqual(session.store.getState().log)

    // Without the stored text the save is explained as a scenario this copy of the game does not have.
    storage.removeItem(SCENARIO_FILE_PREFIX + scenarioHash(index))
    const third = createLibrary(catalogue(), storage)
    expect(listSaves(storage, third.known())[0]).toMatchObject({
      ok: false,
      problem: { code: 'UNKNOWN_SCENARIO' },
    })
  })

  it('keep each version apart by hash, and drop the texts no save needs', () => {
    const storage = createMemoryStorage()
    const library = createLibrary(catalogue(), storage)
    const v1 = library.open('mine.yaml', copy()).index as ScenarioIndex
    library.keep(v1)
    const one = createSession(v1, setupFor(v1), context(storage))
    one.stop()
    const v2 = library.open('mine.yaml', copy('class-copy', 'Second version')).index as ScenarioIndex
    library.keep(v2)
    expect(readStoredScenarios(storage)).toHaveLength(2)
    // The text of v2 has no game yet: pruning drops it and keeps v1's.
    expect(pruneStoredScenarios(storage)).toBe(1)
    const after = createLibrary(catalogue(), storage)
    expect(after.resolve('class-copy', scenarioHash(v1))?.scenario.title).toBe('Class copy')
    expect(listSaves(storage, after.known())[0]).toMatchObject({ ok: true, scenarioTitle: 'Class copy' })
  })
})

describe('live reload of scenarios/', () => {
  it('keeps unchanged files, reloads changed ones and reports removed ones', () => {
    const other = copy('other', 'Other')
    const library = createLibrary(catalogue({ [FILE]: SHIPPED, 'other.yaml': other }), createMemoryStorage())
    const [shipped, second] = library.playable()
    const changes = library.replaceShipped({ [FILE]: SHIPPED.replace('rounds: 6', 'rounds: 7') })
    expect(changes.map((c) => [c.file, c.before?.scenario.id, c.after?.index?.scenario.rounds])).toEqual([
      [FILE, 'guarantees-2025', 7],
      ['other.yaml', 'other', undefined],
    ])
    expect(second && library.origin(second)).toMatchObject({ kind: 'shipped', file: 'other.yaml' })
    expect(library.playable().map((s) => s.scenario.rounds)).toEqual([7])
    expect(library.playable()[0]).not.toBe(shipped)
    expect(library.replaceShipped({ [FILE]: SHIPPED.replace('rounds: 6', 'rounds: 7') })).toEqual([])
  })

  it('replays an open game on the new version, or leaves it on the old one when the rules refuse its log', () => {
    const storage = createMemoryStorage()
    const library = createLibrary(catalogue(), storage)
    const index = library.playable()[0] as ScenarioIndex
    const humans = { ...setupFor(index), seats: {} }
    const session = createSession(index, humans, context(storage))
    const added = session.act({ type: 'add', side: 'ukraine', payload: { instrument: 'nato-membership' } })
    expect(added.ok).toBe(true)
    const log = session.store.getState().log

    const more = library.replaceShipped({ [FILE]: SHIPPED.replace(/deterrence: 9$/m, 'deterrence: 8') })
    const next = more[0]?.after?.index as ScenarioIndex
    const moved = reloadSession(session, next, context(storage))
    expect(moved.ok).toBe(true)
    if (!moved.ok) return
    expect(moved.session.id).toBe(session.id)
    expect(moved.session.store.getState().log).toEqual(log)
    expect(moved.session.index.instruments.get('nato-membership')?.deterrence).toBe(8)

    // Ukraine may no longer put NATO membership in: the replay is refused and the game stays as it was.
    const refusing = SHIPPED.replace(
      /(- id: nato-membership\n(?:.*\n){2}) {4}proposers: \[ukraine\]/,
      '$1    proposers: [europe]',
    )
    const last = library.replaceShipped({ [FILE]: refusing })[0]?.after?.index as ScenarioIndex
    const refused = reloadSession(moved.session, last, context(storage))
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^the rules refuse move \d+: Ukraine cannot put in “NATO membership/),
    })
    expect(moved.session.store.getState().log).toEqual(log)
  })
})
