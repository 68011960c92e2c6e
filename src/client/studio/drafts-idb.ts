/**
 * The studio's drafts in the browser's IndexedDB: one database with a store of drafts (by id) and a store
 * of versions (by draft and time, with an index by draft). IndexedDB holds far more than localStorage (a
 * draft carries whole articles and perhaps an image) and survives reloads and closed tabs. Every request's
 * failure (storage full, private mode, a blocked upgrade) rejects the promise with the browser's error.
 */
import type { Draft, DraftStorage, Version } from './drafts.ts'

const DB_NAME = 'red-lines-studio'
const DB_VERSION = 1
const DRAFTS = 'drafts'
const VERSIONS = 'versions'
const BY_DRAFT = 'by-draft'

/** A request's result as a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })
}

/** Resolves when a transaction has been written, and rejects when it fails or is aborted. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
  })
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION)
    request.onupgradeneeded = () => {
      const db = request.result
      if (!db.objectStoreNames.contains(DRAFTS)) db.createObjectStore(DRAFTS, { keyPath: 'id' })
      if (!db.objectStoreNames.contains(VERSIONS))
        db.createObjectStore(VERSIONS, { keyPath: ['draftId', 'at'] }).createIndex(BY_DRAFT, 'draftId')
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'))
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of this game'))
  })
}

/** The drafts' storage in IndexedDB; the database is opened at the first use. */
export function indexedDbDraftStorage(factory: IDBFactory = indexedDB): DraftStorage {
  let opening: Promise<IDBDatabase> | null = null
  const db = () => {
    opening ??= openDatabase(factory).catch((e: unknown) => {
      // Asked again next time: a storage that failed once (a full disk made room) may work later.
      opening = null
      throw e
    })
    return opening
  }
  async function read<T>(store: string, get: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const tx = (await db()).transaction(store, 'readonly')
    return done(get(tx.objectStore(store)))
  }
  async function write(stores: string[], change: (tx: IDBTransaction) => void): Promise<void> {
    const tx = (await db()).transaction(stores, 'readwrite')
    change(tx)
    await committed(tx)
  }
  return {
    listDrafts: () => read<Draft[]>(DRAFTS, (s) => s.getAll()),
    getDraft: (id) => read<Draft | undefined>(DRAFTS, (s) => s.get(id)),
    putDraft: (draft) => write([DRAFTS], (tx) => tx.objectStore(DRAFTS).put(draft)),
    deleteDraft: (id) =>
      write([DRAFTS, VERSIONS], (tx) => {
        tx.objectStore(DRAFTS).delete(id)
        tx.objectStore(VERSIONS).delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity]))
      }),
    // The store's keys are [draftId, at]: a draft's versions come out oldest first.
    listVersions: (draftId) => read<Version[]>(VERSIONS, (s) => s.index(BY_DRAFT).getAll(draftId)),
    // The index gives the versions' primary keys, [draftId, at] (the store's keyPath), and reads no text.
    versionTimes: async (draftId) =>
      (await read<IDBValidKey[]>(VERSIONS, (s) => s.index(BY_DRAFT).getAllKeys(draftId))).map(
        (key) => (key as [string, number])[1],
      ),
    getVersion: (draftId, at) => read<Version | undefined>(VERSIONS, (s) => s.get([draftId, at])),
    putVersion: (version) => write([VERSIONS], (tx) => tx.objectStore(VERSIONS).put(version)),
    deleteVersion: (draftId, at) => write([VERSIONS], (tx) => tx.objectStore(VERSIONS).delete([draftId, at])),
  }
}
