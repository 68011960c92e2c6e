import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import {
  createMemoryStorage,
  deleteSave,
  fromEnvelope,
  importLegacySave,
  LEGACY_KEY,
  listSaves,
  loadSave,
  newSaveId,
  openStorage,
  persistGameStore,
  SAVE_PREFIX,
  type SaveStorage,
  saveKey,
  scenarioHash,
} from '../../src/client/saves/index.ts'
import { RECORD_FORMAT, RECORD_VERSION } from '../../src/core/record/format.ts'
import { parseRecord } from '../../src/core/record/record.ts'
import type { Command } from '../../src/core/rules/commands.ts'
import type { GameSetup } from '../../src/core/rules/state.ts'
import { createGameStore } from '../../src/core/store.ts'
import { seedScenario } from './helpers.ts'

const index = seedScenario()
const scenarios = [index]
const resolveIndex = (id: string) => scenarios.find((s) => s.scenario.id === id)

/** Web Storage in memory, with an optional size limit that throws like a full browser storage. */
class MemoryStorage implements SaveStorage {
  readonly items = new Map<string, string>()
  writes = 0
  constructor(public quota = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.items.size
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    let size = value.length
    for (const [k, v] of this.items) if (k !== key) size += v.length
    if (size > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    this.writes += 1
    this.items.set(key, String(value))
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
}

/** A clock that ticks once per reading, so save times are distinct and tests deterministic. */
const counter = (start = 1000) => {
  let t = start
  return () => t++
}

const setupFor = (seed: number, humans = ['ukraine']): GameSetup => ({
  scenarioId: index.scenario.id,
  seats: Object.fromEntries(index.proposers.map((s) => [s, humans.includes(s) ? 'human' : 'computer'])),
  seed,
  difficulty: 'normal',
})

/** Starts a saved game, as the page does: a store, then persistence, then the computer partners' turns. */
function startGame(storage: SaveStorage, id: string, seed: number, now = counter()) {
  const store = createGameStore(index, setupFor(seed))
  const handle = persistGameStore(store, { storage, id, index, now })
  store.getState().runComputers()
  return { store, handle }
}

const stored = (storage: MemoryStorage, id: string) => JSON.parse(storage.getItem(saveKey(id)) ?? 'null')

/** Version 0: the single save of Red Lines 0.1, under its old key (a fixture: do not regenerate). */
const LEGACY_FIXTURE = {
  version: 1,
  setup: {
    scenarioId: 'guarantees-2025',
    seats: { ukraine: 'human', europe: 'computer', us: 'computer' },
    seed: 7,
    difficulty: 'normal',
  },
  log: [
    { type: 'add', side: 'europe', payload: { instrument: 'military-financial-aid' } },
    {
      type: 'request',
      side: 'europe',
      payload: { to: 'us', instrument: 'article5-style-clause', variant: 'could' },
    },
    { type: 'add', side: 'us', payload: { instrument: 'article5-style-clause', variant: 'could' } },
    { type: 'add', side: 'ukraine', payload: { instrument: 'elections-in-ukraine' } },
  ],
}

describe('saving', () => {
  it('writes the game after every command, as its game record plus what the title screen shows', () => {
    const storage = new MemoryStorage()
    const { store } = startGame(storage, 'a', 7)
    const saved = stored(storage, 'a')
    expect(saved).toMatchObject({ format: RECORD_FORMAT, version: RECORD_VERSION })
    expect(Object.keys(saved).sort()).toEqual([
      'format',
      'log',
      'scenario',
      'setup',
      'titleScreen',
      'version',
    ])
    expect(saved.log).toEqual(store.getState().log)
    // One write when persistence starts, then one per command the computer partners applied.
    expect(storage.writes).toBe(1 + store.getState().log.length)

    const command: Command = { type: 'add', side: 'ukraine', payload: { instrument: 'elections-in-ukraine' } }
    expect(store.getState().dispatch(command).ok).toBe(true)
    expect(stored(storage, 'a').log.at(-1)).toEqual(command)
    expect(stored(storage, 'a').titleScreen).toEqual({
      savedAt: expect.any(Number),
      round: 1,
      phase: 'negotiating',
      humans: ['ukraine'],
    })

    // A refused command changes nothing, so nothing is written.
    const writes = storage.writes
    store
      .getState()
      .dispatch({ type: 'withdraw', side: 'ukraine', payload: { instrument: 'nato-membership' } })
    expect(storage.writes).toBe(writes)
  })

  it('resumes a reloaded game in exactly the same state', () => {
    const storage = new MemoryStorage()
    const { store, handle } = startGame(storage, 'a', 7)
    store
      .getState()
      .dispatch({ type: 'add', side: 'ukraine', payload: { instrument: 'elections-in-ukraine' } })
    handle.stop()

    const loaded = loadSave(storage, 'a', resolveIndex)
    if (!loaded.ok) throw new Error(loaded.problem.message)
    expect(loaded.store.getState().game).toEqual(store.getState().game)
    expect(loaded.log).toEqual(store.getState().log)
    expect(loaded.setup).toEqual(store.getState().setup)

    // Persisting the resumed game keeps saving it under the same key.
    persistGameStore(loaded.store, { storage, id: 'a', index, now: counter(5000) })
    loaded.store.getState().dispatch({ type: 'endorse', side: 'ukraine', payload: {} })
    expect(stored(storage, 'a').log).toHaveLength(store.getState().log.length + 1)
  })

  it('lists several saves, newest first, with their summaries', () => {
    const storage = new MemoryStorage()
    const now = counter()
    const first = startGame(storage, 'first', 1, now)
    startGame(storage, 'second', 2, now)
    startGame(storage, 'third', 3, now)
    // Playing the first one again makes it the newest.
    first.store.getState().dispatch({ type: 'endorse', side: 'ukraine', payload: {} })
    const saves = listSaves(storage, scenarios)
    expect(saves.map((s) => s.id)).toEqual(['first', 'third', 'second'])
    for (const save of saves) {
      if (!save.ok) throw new Error(save.problem.message)
      expect(save.scenarioTitle).toBe(index.scenario.title)
      expect(save.summary.humans).toEqual(['ukraine'])
      expect(save.summary.round).toBeGreaterThanOrEqual(1)
    }
  })

  it('gives new games fresh ids from the source it is given, and deletes saves', () => {
    const storage = new MemoryStorage()
    const random = () => 0.5
    const id = newSaveId(storage, random)
    expect(newSaveId(storage, random)).toBe(id)
    startGame(storage, id, 1)
    // The same draw again is taken: the id moves on rather than overwrite a save.
    expect(newSaveId(storage, random)).not.toBe(id)
    expect(deleteSave(storage, id)).toBeNull()
    expect(listSaves(storage, scenarios)).toEqual([])
  })
})

describe('broken saves', () => {
  /** A storage with one good save and one save per kind of damage. */
  function damaged() {
    const storage = new MemoryStorage()
    const now = counter()
    const { store } = startGame(storage, 'good', 7, now)
    const good = stored(storage, 'good')
    const variant = (save: object, version = RECORD_VERSION) => JSON.stringify({ ...save, version })
    storage.setItem(saveKey('json'), '{"format": {')
    storage.setItem(saveKey('shape'), variant({ ...good, log: 'none' }))
    storage.setItem(
      saveKey('newer'),
      variant(
        { ...good, titleScreen: { ...good.titleScreen, savedAt: 1 }, whatever: true },
        RECORD_VERSION + 1,
      ),
    )
    const atlantis = { ...good.setup, scenarioId: 'atlantis' }
    storage.setItem(
      saveKey('atlantis'),
      variant({
        ...good,
        setup: atlantis,
        scenario: { ...good.scenario, id: 'atlantis', title: 'Atlantis' },
      }),
    )
    const refused: Command = { type: 'withdraw', side: 'ukraine', payload: { instrument: 'nato-membership' } }
    storage.setItem(saveKey('refused'), variant({ ...good, log: [good.log[0], refused] }))
    return { storage, store }
  }

  const expected = {
    json: 'CORRUPT',
    shape: 'CORRUPT',
    newer: 'TOO_NEW',
    atlantis: 'UNKNOWN_SCENARIO',
    refused: 'REPLAY_FAILED',
  } as const

  it('are each listed with their problem while the good one still lists and loads', () => {
    const { storage, store } = damaged()
    const saves = listSaves(storage, scenarios)
    expect(saves).toHaveLength(6)
    const byId = Object.fromEntries(saves.map((s) => [s.id, s]))
    expect(byId.good?.ok).toBe(true)
    for (const [id, code] of Object.entries(expected)) {
      const entry = byId[id]
      if (!entry || entry.ok) throw new Error(`${id} should be broken`)
      expect(entry.problem.code).toBe(code)
      expect(entry.problem.message.length).toBeGreaterThan(10)
      expect(entry.problem.fix.length).toBeGreaterThan(10)
      const loaded = loadSave(storage, id, resolveIndex)
      expect(loaded.ok ? 'ok' : loaded.problem.code).toBe(code)
    }
    const good = loadSave(storage, 'good', resolveIndex)
    expect(good.ok && good.store.getState().game).toEqual(store.getState().game)
  })

  it('explain themselves: the refused command’s number, the newer version, the missing scenario', () => {
    const { storage } = damaged()
    const problem = (id: string) => {
      const loaded = loadSave(storage, id, resolveIndex)
      if (loaded.ok) throw new Error(`${id} loaded`)
      return loaded.problem
    }
    expect(problem('refused')).toMatchObject({ command: 2 })
    expect(problem('refused').message).toContain(
      'the rules refuse move 2: “NATO membership for Ukraine” is not in the package.',
    )
    expect(problem('newer').message).toContain('newer version of Red Lines')
    expect(problem('atlantis').message).toContain('Atlantis')
    expect(problem('shape').message).toContain('log')
    expect(problem('gone').code).toBe('MISSING')
  })

  it('leave a too-new save untouched, even when a game is pointed at its key', () => {
    const { storage } = damaged()
    const before = storage.getItem(saveKey('newer'))
    listSaves(storage, scenarios)
    loadSave(storage, 'newer', resolveIndex)
    const onError = vi.fn()
    const store = createGameStore(index, setupFor(9))
    const handle = persistGameStore(store, { storage, id: 'newer', index, onError })
    store.getState().runComputers()
    expect(storage.getItem(saveKey('newer'))).toBe(before)
    expect(handle.error()?.code).toBe('TOO_NEW')
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('can be deleted one by one, leaving the others', () => {
    const { storage } = damaged()
    for (const id of Object.keys(expected)) expect(deleteSave(storage, id)).toBeNull()
    expect(listSaves(storage, scenarios).map((s) => [s.id, s.ok])).toEqual([['good', true]])
  })

  it('never make listing or loading throw, whatever string is stored under a save key', () => {
    const { storage } = damaged()
    const good = storage.getItem(saveKey('good')) ?? ''
    const text = fc.oneof(
      fc.string(),
      fc.json(),
      // Damaged copies of a real save: cut short, or with a slice replaced.
      fc.nat(good.length).map((n) => good.slice(0, n)),
      fc.tuple(fc.nat(good.length), fc.nat(40), fc.json()).map(([at, cut, json]) => {
        return good.slice(0, at) + json + good.slice(at + cut)
      }),
    )
    fc.assert(
      fc.property(text, (value) => {
        storage.setItem(saveKey('fuzz'), value)
        const saves = listSaves(storage, scenarios)
        expect(saves).toHaveLength(7)
        expect(saves.find((s) => s.id === 'good')?.ok).toBe(true)
        const loaded = loadSave(storage, 'fuzz', resolveIndex)
        expect(typeof loaded.ok).toBe('boolean')
      }),
      { numRuns: 300 },
    )
  })
})

describe('old saves', () => {
  const { setup, log } = LEGACY_FIXTURE
  const summary = { round: 1, phase: 'negotiating', humans: ['ukraine'] }
  /** Saves of Red Lines 0.2 and 0.3, in zustand persist's envelope (fixtures: do not regenerate). */
  const V1_ENVELOPE = {
    state: { savedAt: 1700, scenario: { id: 'guarantees-2025', title: 'Old title' }, setup, log, summary },
    version: 1,
  }
  const v2Envelope = () => ({
    state: {
      savedAt: 1800,
      scenario: { id: 'guarantees-2025', title: 'Old title', hash: scenarioHash(index) },
      setup: { ...setup, mode: 'instructor' },
      log,
      summary,
    },
    version: 2,
  })
  const replayedGame = (s: GameSetup) => createGameStore(index, s, log as Command[]).getState().game

  it('reads the single save of Red Lines 0.1 (envelope format 0) as a record of version 1, replayed for its title screen', () => {
    expect(fromEnvelope({ setup, log }, 0, { resolveIndex, savedAt: 42 })).toEqual({
      format: RECORD_FORMAT,
      version: 1,
      scenario: { id: 'guarantees-2025', title: index.scenario.title, hash: scenarioHash(index) },
      setup,
      log,
      titleScreen: { savedAt: 42, ...summary },
    })
  })

  it('reads envelope formats 1 and 2 as records of the same version, with the scenario’s hash when none was kept', () => {
    expect(fromEnvelope(V1_ENVELOPE.state, 1, { resolveIndex, savedAt: 0 })).toEqual({
      format: RECORD_FORMAT,
      version: 1,
      scenario: { id: 'guarantees-2025', title: 'Old title', hash: scenarioHash(index) },
      setup,
      log,
      titleScreen: { savedAt: 1700, ...summary },
    })
    expect(fromEnvelope(v2Envelope().state, 2, { resolveIndex, savedAt: 0 })).toMatchObject({
      version: 2,
      setup: { mode: 'instructor' },
      titleScreen: { savedAt: 1800 },
    })
  })

  it('imports the old single-slot key as a save, then removes the key', () => {
    const storage = new MemoryStorage()
    startGame(storage, 'other', 3)
    storage.setItem(LEGACY_KEY, JSON.stringify(LEGACY_FIXTURE))
    const result = importLegacySave(storage, { resolveIndex, id: 'imported', now: counter(9000) })
    expect(result).toEqual({ id: 'imported', problem: null })
    expect(storage.getItem(LEGACY_KEY)).toBeNull()
    expect(stored(storage, 'imported')).toMatchObject({ format: RECORD_FORMAT, version: RECORD_VERSION })
    expect(stored(storage, 'imported').titleScreen.savedAt).toBeGreaterThanOrEqual(9000)
    expect(listSaves(storage, scenarios).map((s) => [s.id, s.ok])).toEqual([
      ['imported', true],
      ['other', true],
    ])
    const loaded = loadSave(storage, 'imported', resolveIndex)
    expect(loaded.ok && loaded.store.getState().game).toEqual(replayedGame(setup as GameSetup))
    // Nothing left to import the second time.
    expect(importLegacySave(storage, { resolveIndex })).toBeNull()
  })

  it('lists and loads a format-0 save under a game key without rewriting it', () => {
    const storage = new MemoryStorage()
    const raw = JSON.stringify({ state: { setup, log }, version: 0 })
    storage.setItem(saveKey('old'), raw)
    const [entry] = listSaves(storage, scenarios)
    expect(entry).toMatchObject({ id: 'old', ok: true, summary: { round: 1, humans: ['ukraine'] } })
    expect(storage.getItem(saveKey('old'))).toBe(raw)
    expect(loadSave(storage, 'old', resolveIndex).ok).toBe(true)
  })

  it('reads a save of Red Lines 0.2 (before modes) as a game in play mode, and rewrites it as a record when played on', () => {
    const storage = new MemoryStorage()
    const raw = JSON.stringify(V1_ENVELOPE)
    storage.setItem(saveKey('one'), raw)
    expect(listSaves(storage, scenarios)).toMatchObject([
      { id: 'one', ok: true, mode: 'play', savedAt: 1700, summary },
    ])
    const loaded = loadSave(storage, 'one', resolveIndex)
    if (!loaded.ok) throw new Error(loaded.problem.message)
    expect(storage.getItem(saveKey('one'))).toBe(raw)
    expect(loaded.store.getState().setup.mode).toBeUndefined()
    expect(loaded.store.getState().game).toEqual(replayedGame(setup as GameSetup))
    persistGameStore(loaded.store, { storage, id: 'one', index, now: counter(5000) })
    expect(stored(storage, 'one')).toMatchObject({
      format: RECORD_FORMAT,
      version: RECORD_VERSION,
      scenario: { hash: scenarioHash(index) },
      log,
      titleScreen: { savedAt: 5000 },
    })
  })

  it('reads a save of Red Lines 0.3 with its mode', () => {
    const storage = new MemoryStorage()
    storage.setItem(saveKey('two'), JSON.stringify(v2Envelope()))
    expect(listSaves(storage, scenarios)).toMatchObject([{ id: 'two', ok: true, mode: 'instructor' }])
    const loaded = loadSave(storage, 'two', resolveIndex)
    expect(loaded.ok && loaded.store.getState().setup.mode).toBe('instructor')
  })

  it('explains a damaged or too-new old save, never rewrites it, and lets it be deleted', () => {
    const storage = new MemoryStorage()
    const damaged = JSON.stringify({ ...V1_ENVELOPE, state: { ...V1_ENVELOPE.state, log: 'none' } })
    const newer = JSON.stringify({ ...V1_ENVELOPE, version: 3 })
    storage.setItem(saveKey('damaged'), damaged)
    storage.setItem(saveKey('newer'), newer)
    expect(
      listSaves(storage, scenarios).map((s) => (s.ok ? s.id : [s.id, s.problem.code, s.savedAt])),
    ).toEqual([
      ['damaged', 'CORRUPT', 1700],
      ['newer', 'TOO_NEW', 1700],
    ])
    const handle = persistGameStore(createGameStore(index, setupFor(9)), { storage, id: 'newer', index })
    expect(handle.error()?.code).toBe('TOO_NEW')
    expect(storage.getItem(saveKey('damaged'))).toBe(damaged)
    expect(storage.getItem(saveKey('newer'))).toBe(newer)
    expect(deleteSave(storage, 'damaged')).toBeNull()
    expect(deleteSave(storage, 'newer')).toBeNull()
    expect(listSaves(storage, scenarios)).toEqual([])
  })

  it('keeps the instructor mode of a game through saving and loading', () => {
    const storage = new MemoryStorage()
    const store = createGameStore(index, { ...setupFor(6), mode: 'instructor' })
    persistGameStore(store, { storage, id: 'study', index, now: counter() })
    expect(stored(storage, 'study')).toMatchObject({ version: RECORD_VERSION, setup: { mode: 'instructor' } })
    const loaded = loadSave(storage, 'study', resolveIndex)
    expect(loaded.ok && loaded.store.getState().setup.mode).toBe('instructor')
  })

  it('moves a damaged old save into the list, where it is explained and can be deleted', () => {
    const storage = new MemoryStorage()
    storage.setItem(LEGACY_KEY, 'not json')
    expect(importLegacySave(storage, { resolveIndex, id: 'x' })?.problem?.code).toBe('CORRUPT')
    storage.setItem(
      LEGACY_KEY,
      JSON.stringify({ ...LEGACY_FIXTURE, setup: { ...LEGACY_FIXTURE.setup, scenarioId: 'gone' } }),
    )
    expect(importLegacySave(storage, { resolveIndex, id: 'y' })?.problem?.code).toBe('UNKNOWN_SCENARIO')
    expect(storage.getItem(LEGACY_KEY)).toBeNull()
    expect(
      listSaves(storage, scenarios)
        .map((s) => (s.ok ? s.id : `${s.id}:${s.problem.code}`))
        .sort(),
    ).toEqual(['x:CORRUPT', 'y:UNKNOWN_SCENARIO'])
  })
})

describe('a save is a game record', () => {
  it('opens as a record once what the title screen shows is taken off, replaying to the same game', () => {
    const storage = new MemoryStorage()
    const { store } = startGame(storage, 'a', 7)
    store.getState().dispatch({ type: 'endorse', side: 'ukraine', payload: {} })
    const { titleScreen: _shown, ...record } = stored(storage, 'a')
    const opened = parseRecord(JSON.stringify(record), resolveIndex)
    if (!opened.ok) throw new Error(opened.error.message)
    expect(opened.state).toEqual(store.getState().game)
  })

  it('takes the records’ migrations: a save written at record version 1 loads in play mode', () => {
    const storage = new MemoryStorage()
    startGame(storage, 'v1', 4)
    const { setup: current, ...rest } = stored(storage, 'v1')
    storage.setItem(saveKey('v1'), JSON.stringify({ ...rest, setup: current, version: 1 }))
    expect(listSaves(storage, scenarios)).toMatchObject([{ id: 'v1', ok: true, mode: 'play' }])
    expect(loadSave(storage, 'v1', resolveIndex).ok).toBe(true)
  })
})

describe('storage failures', () => {
  it('reports a full storage once, keeps the game going, and saves again when there is room', () => {
    const storage = new MemoryStorage()
    startGame(storage, 'big', 1)
    const used = storage.getItem(saveKey('big'))?.length ?? 0
    const empty = new MemoryStorage()
    persistGameStore(createGameStore(index, setupFor(7)), { storage: empty, id: 'small', index })
    // Room for the first save of the next game and a few commands, not for its whole log.
    storage.quota = used + (empty.getItem(saveKey('small'))?.length ?? 0) + 150
    const onError = vi.fn()
    const store = createGameStore(index, setupFor(7))
    const handle = persistGameStore(store, { storage, id: 'small', index, onError, now: counter() })
    expect(handle.error()).toBeNull()
    expect(() => store.getState().runComputers()).not.toThrow()
    expect(store.getState().log.length).toBeGreaterThan(3)
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'QUOTA_EXCEEDED' })
    expect(handle.error()?.code).toBe('QUOTA_EXCEEDED')
    expect(stored(storage, 'small').log.length).toBeLessThan(store.getState().log.length - 1)

    // The player deletes an old save; the next command is saved in full.
    expect(deleteSave(storage, 'big')).toBeNull()
    store.getState().dispatch({ type: 'endorse', side: 'ukraine', payload: {} })
    expect(handle.error()).toBeNull()
    expect(stored(storage, 'small').log).toEqual(store.getState().log)
  })

  it('reports a storage that refuses everything, and lists nothing rather than throwing', () => {
    const refusing: SaveStorage = {
      get length(): number {
        throw new Error('SecurityError')
      },
      key: () => null,
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('SecurityError')
      },
      removeItem: () => {
        throw new Error('SecurityError')
      },
    }
    const onError = vi.fn()
    const store = createGameStore(index, setupFor(7))
    persistGameStore(store, { storage: refusing, id: 'a', index, onError })
    store.getState().runComputers()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: 'STORAGE_FAILED' })
    expect(listSaves(refusing, scenarios)).toEqual([])
    expect(loadSave(refusing, 'a', resolveIndex)).toMatchObject({ ok: false, problem: { code: 'CORRUPT' } })
    expect(deleteSave(refusing, 'a')?.code).toBe('STORAGE_FAILED')
    expect(importLegacySave(refusing, { resolveIndex })).toBeNull()
    expect(SAVE_PREFIX).toBe('red-lines:game:')
  })

  it('falls back to a storage in memory when the browser’s cannot be opened', () => {
    const storage = openStorage(() => {
      throw new Error('SecurityError')
    })
    startGame(storage, 'a', 7)
    expect(listSaves(storage, scenarios).map((s) => [s.id, s.ok])).toEqual([['a', true]])
    const memory = createMemoryStorage()
    expect(openStorage(() => memory)).toBe(memory)
  })
})
