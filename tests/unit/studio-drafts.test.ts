import { describe, expect, it } from 'vitest'
import {
  createDrafts,
  type DraftStorage,
  MAX_VERSIONS,
  memoryDraftStorage,
  VERSION_EVERY,
} from '../../src/client/studio/drafts.ts'

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let time = start
  return { now: () => time, pass: (ms: number) => (time += ms) }
}

describe('studio drafts', () => {
  it('saves every change, and keeps the text before each minute of editing as a version', async () => {
    const c = clock()
    const drafts = createDrafts(memoryDraftStorage(), c.now)
    const draft = await drafts.create('Dam talks', 'a')
    await drafts.save(draft.id, 'ab')
    // The first change keeps the text it replaced.
    expect((await drafts.versions(draft.id)).map((v) => v.text)).toEqual(['a'])
    c.pass(10_000)
    await drafts.save(draft.id, 'abc')
    c.pass(10_000)
    await drafts.save(draft.id, 'abcd')
    // Less than a minute after the last version: saved, but no new version.
    expect((await drafts.open(draft.id))?.text).toBe('abcd')
    expect((await drafts.versions(draft.id)).map((v) => v.text)).toEqual(['a'])
    c.pass(VERSION_EVERY)
    await drafts.save(draft.id, 'abcde')
    expect((await drafts.versions(draft.id)).map((v) => v.text)).toEqual(['abcd', 'a'])
  })

  it('keeps the current text as a version before a restore, so that the restore can be undone', async () => {
    const c = clock()
    const drafts = createDrafts(memoryDraftStorage(), c.now)
    const draft = await drafts.create('Dam talks', 'first')
    await drafts.save(draft.id, 'second')
    const [first] = await drafts.versions(draft.id)
    c.pass(1_000)
    const restored = await drafts.restore(draft.id, first?.at ?? 0)
    expect(restored.text).toBe('first')
    const versions = await drafts.versions(draft.id)
    expect(versions.map((v) => [v.text, v.reason])).toEqual([
      ['second', 'restore'],
      ['first', 'edit'],
    ])
    // Going back to the text replaced by the restore.
    const undone = await drafts.restore(draft.id, versions[0]?.at ?? 0)
    expect(undone.text).toBe('second')
  })

  it('keeps the current text as a version before an import replaces it', async () => {
    const drafts = createDrafts(memoryDraftStorage(), clock().now)
    const draft = await drafts.create('Dam talks', 'mine')
    await drafts.replace(draft.id, 'imported')
    expect((await drafts.open(draft.id))?.text).toBe('imported')
    expect((await drafts.versions(draft.id)).map((v) => [v.text, v.reason])).toEqual([['mine', 'import']])
  })

  it('keeps at most 50 versions, dropping the oldest', async () => {
    const c = clock()
    const drafts = createDrafts(memoryDraftStorage(), c.now)
    const draft = await drafts.create('Dam talks', 'v0')
    for (let i = 1; i <= MAX_VERSIONS + 5; i++) {
      c.pass(VERSION_EVERY)
      await drafts.save(draft.id, `v${i}`)
    }
    const versions = await drafts.versions(draft.id)
    expect(versions).toHaveLength(MAX_VERSIONS)
    expect(versions[0]?.text).toBe(`v${MAX_VERSIONS + 4}`)
    expect(versions.at(-1)?.text).toBe('v5')
  })

  it('gives versions made in the same millisecond different names', async () => {
    const drafts = createDrafts(memoryDraftStorage(), () => 5)
    const draft = await drafts.create('Dam talks', 'a')
    await drafts.replace(draft.id, 'b')
    await drafts.replace(draft.id, 'c')
    const ats = (await drafts.versions(draft.id)).map((v) => v.at)
    expect(new Set(ats).size).toBe(2)
  })

  it('lists, renames and deletes drafts, the one changed last first', async () => {
    const c = clock()
    const drafts = createDrafts(memoryDraftStorage(), c.now)
    const one = await drafts.create('One', '1')
    c.pass(1)
    const two = await drafts.create('Two', '2')
    c.pass(1)
    await drafts.save(one.id, '1b')
    expect((await drafts.list()).map((d) => d.name)).toEqual(['One', 'Two'])
    await drafts.rename(two.id, 'Second')
    await drafts.remove(one.id)
    expect((await drafts.list()).map((d) => d.name)).toEqual(['Second'])
    expect(await drafts.versions(one.id)).toEqual([])
  })

  it('saves and keeps versions without reading every version back (a save must not hold up the page)', async () => {
    const c = clock()
    const inner = memoryDraftStorage()
    let texts = 0
    const storage: DraftStorage = {
      ...inner,
      listVersions: () => Promise.reject(new Error('a save read every version')),
      getVersion: (id, at) => {
        texts += 1
        return inner.getVersion(id, at)
      },
    }
    const drafts = createDrafts(storage, c.now)
    const draft = await drafts.create('Dam talks', 'v0')
    for (let i = 1; i <= MAX_VERSIONS + 5; i++) {
      c.pass(VERSION_EVERY)
      await drafts.save(draft.id, `v${i}`)
      // Saves in between keep no version and read no version's text.
      await drafts.save(draft.id, `v${i} again`)
      await drafts.save(draft.id, `v${i}`)
    }
    // One version a minute, the newest read once each to compare; the oldest went past the cap.
    expect(texts).toBe(MAX_VERSIONS + 4)
    const kept = await inner.listVersions(draft.id)
    expect(kept).toHaveLength(MAX_VERSIONS)
    expect(kept.at(-1)?.text).toBe(`v${MAX_VERSIONS + 4}`)
    const restored = await drafts.restore(draft.id, (kept[0] as { at: number }).at)
    expect(restored.text).toBe(kept[0]?.text)
  })

  it('reports a failing storage to the caller, and writes on after it', async () => {
    const inner = memoryDraftStorage()
    let fail = false
    const storage: DraftStorage = {
      ...inner,
      putDraft: (d) => (fail ? Promise.reject(new Error('QuotaExceededError')) : inner.putDraft(d)),
    }
    const drafts = createDrafts(storage, clock().now)
    const draft = await drafts.create('Dam talks', 'a')
    fail = true
    await expect(drafts.save(draft.id, 'b')).rejects.toThrow('QuotaExceededError')
    fail = false
    // The failed save lost nothing: its text was kept as a version before the draft was written.
    expect((await drafts.open(draft.id))?.text).toBe('a')
    await drafts.save(draft.id, 'c')
    expect((await drafts.open(draft.id))?.text).toBe('c')
  })
})
