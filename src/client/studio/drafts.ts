/**
 * The studio's drafts: every scenario being written, saved on every change, with earlier versions to go back
 * to. Nothing is ever lost: a version of the text is kept at most once a minute while it is edited, and always
 * before a restore or an import replaces it; each draft keeps its newest 50 versions. The logic here runs on
 * any storage that keeps drafts and versions (`DraftStorage`): IndexedDB in the page (`drafts-idb.ts`), a
 * map in the tests. Every failure of the storage reaches the caller as a rejected promise, to be shown.
 */

/** One scenario being written. */
export interface Draft {
  id: string
  /** The name the teacher gave it (the scenario's title at first). */
  name: string
  text: string
  created: number
  updated: number
}

/** Why a version was kept: a minute of editing, or a restore or import about to replace the text. */
export type VersionReason = 'edit' | 'restore' | 'import'

/** An earlier text of a draft. `at` (milliseconds) is unique within the draft and names the version. */
export interface Version {
  draftId: string
  at: number
  text: string
  reason: VersionReason
}

/** Where drafts and versions are kept. Each method rejects when the storage fails. */
export interface DraftStorage {
  listDrafts(): Promise<Draft[]>
  getDraft(id: string): Promise<Draft | undefined>
  putDraft(draft: Draft): Promise<void>
  /** Deletes the draft and all its versions. */
  deleteDraft(id: string): Promise<void>
  /** The versions of a draft, oldest first. */
  listVersions(draftId: string): Promise<Version[]>
  /**
   * When each version of a draft was kept (its `at`), oldest first, without reading their texts: a save looks
   * at these only, since reading fifty whole versions on every save would hold up the page.
   */
  versionTimes(draftId: string): Promise<number[]>
  getVersion(draftId: string, at: number): Promise<Version | undefined>
  putVersion(version: Version): Promise<void>
  deleteVersion(draftId: string, at: number): Promise<void>
}

/** The most versions a draft keeps; the oldest go first. */
export const MAX_VERSIONS = 50
/** While a draft is edited, a new version is kept at most this often (milliseconds). */
export const VERSION_EVERY = 60_000

/** A fresh draft id (random, so that two tabs never make the same). */
function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return `d-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * The drafts kept in `storage`. Writes to a draft happen one after another in the order asked, so that a
 * slow write never lands after a newer one; `now` is the clock (a test's own).
 */
export function createDrafts(storage: DraftStorage, now: () => number = Date.now) {
  let queue: Promise<unknown> = Promise.resolve()
  /** Runs `task` after every write asked before it; its failure is the caller's, never the next task's. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  async function mustGet(id: string): Promise<Draft> {
    const draft = await storage.getDraft(id)
    if (!draft) throw new Error(`no draft ${id}`)
    return draft
  }

  /** Keeps `text` as a version unless the newest already holds it; drops the oldest past the cap. */
  async function keepVersion(draftId: string, text: string, reason: VersionReason): Promise<void> {
    const times = await storage.versionTimes(draftId)
    const newestAt = times.at(-1)
    const newest = newestAt === undefined ? undefined : await storage.getVersion(draftId, newestAt)
    if (newest?.text === text) return
    // Two versions in the same millisecond would share a key: the later one moves up by one.
    const at = Math.max(now(), (newestAt ?? 0) + 1)
    await storage.putVersion({ draftId, at, text, reason })
    const excess = times.length + 1 - MAX_VERSIONS
    for (const old of times.slice(0, Math.max(0, excess))) await storage.deleteVersion(draftId, old)
  }

  return {
    /** Every draft, the one changed last first. */
    list: async (): Promise<Draft[]> => (await storage.listDrafts()).sort((a, b) => b.updated - a.updated),

    open: (id: string): Promise<Draft | undefined> => storage.getDraft(id),

    /** A new draft holding `text`. */
    create: (name: string, text: string): Promise<Draft> =>
      serial(async () => {
        const at = now()
        const draft: Draft = { id: newId(), name, text, created: at, updated: at }
        await storage.putDraft(draft)
        return draft
      }),

    /**
     * Saves the draft's new text. The text it replaces becomes a version when the newest version is a
     * minute old or more (or there is none): the state before each minute of editing can be gone back to.
     */
    save: (id: string, text: string): Promise<Draft> =>
      serial(async () => {
        const draft = await mustGet(id)
        if (draft.text === text) return draft
        const newestAt = (await storage.versionTimes(id)).at(-1)
        if (newestAt === undefined || now() - newestAt >= VERSION_EVERY)
          await keepVersion(id, draft.text, 'edit')
        const saved = { ...draft, text, updated: now() }
        await storage.putDraft(saved)
        return saved
      }),

    /** Replaces the draft's text with an imported one, keeping the text it had as a version first. */
    replace: (id: string, text: string): Promise<Draft> =>
      serial(async () => {
        const draft = await mustGet(id)
        await keepVersion(id, draft.text, 'import')
        const saved = { ...draft, text, updated: now() }
        await storage.putDraft(saved)
        return saved
      }),

    /** Goes back to the version `at`, keeping the current text as a version first. */
    restore: (id: string, at: number): Promise<Draft> =>
      serial(async () => {
        const draft = await mustGet(id)
        const version = await storage.getVersion(id, at)
        if (!version) throw new Error(`no version ${at} of draft ${id}`)
        await keepVersion(id, draft.text, 'restore')
        const saved = { ...draft, text: version.text, updated: now() }
        await storage.putDraft(saved)
        return saved
      }),

    /** The earlier versions of a draft, the newest first. */
    versions: async (id: string): Promise<Version[]> => (await storage.listVersions(id)).reverse(),

    rename: (id: string, name: string): Promise<Draft> =>
      serial(async () => {
        const saved = { ...(await mustGet(id)), name }
        await storage.putDraft(saved)
        return saved
      }),

    /** Deletes the draft and its versions. */
    remove: (id: string): Promise<void> => serial(() => storage.deleteDraft(id)),
  }
}

/** The drafts of the studio (see createDrafts). */
export type Drafts = ReturnType<typeof createDrafts>

/** Drafts and versions in memory: for the tests, and for a page whose storage cannot be opened. */
export function memoryDraftStorage(): DraftStorage {
  const drafts = new Map<string, Draft>()
  const versions = new Map<string, Version[]>()
  const listOf = (id: string) => versions.get(id) ?? []
  return {
    listDrafts: async () => [...drafts.values()].map((d) => ({ ...d })),
    getDraft: async (id) => {
      const draft = drafts.get(id)
      return draft && { ...draft }
    },
    putDraft: async (draft) => {
      drafts.set(draft.id, { ...draft })
    },
    deleteDraft: async (id) => {
      drafts.delete(id)
      versions.delete(id)
    },
    listVersions: async (id) => listOf(id).map((v) => ({ ...v })),
    versionTimes: async (id) => listOf(id).map((v) => v.at),
    getVersion: async (id, at) => {
      const version = listOf(id).find((v) => v.at === at)
      return version && { ...version }
    },
    putVersion: async (version) => {
      const list = listOf(version.draftId).filter((v) => v.at !== version.at)
      list.push({ ...version })
      list.sort((a, b) => a.at - b.at)
      versions.set(version.draftId, list)
    },
    deleteVersion: async (id, at) => {
      versions.set(
        id,
        listOf(id).filter((v) => v.at !== at),
      )
    },
  }
}
