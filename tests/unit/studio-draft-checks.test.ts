import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDraft, dryRunDraft } from '../../src/core/studio/draft-checks.ts'
import { FIXTURE_SEEDS, FIXTURES } from './helpers.ts'

const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')

describe("the studio's checks of a draft (what its workers run, and the bench beside them)", () => {
  it('checks with every warning, and says whether the draft loads', () => {
    const clean = checkDraft(minimal, 'harbour.yaml', FIXTURE_SEEDS)
    expect(clean.loads).toBe(true)
    expect(clean.problems.filter((p) => p.severity === 'error')).toEqual([])
    // Without the library the quoted article cannot be checked: an error, and the draft does not load.
    const unchecked = checkDraft(minimal, 'harbour.yaml', {})
    expect(unchecked.loads).toBe(false)
    expect(unchecked.problems.map((p) => p.code)).toContain('SEED_UNAVAILABLE')
    expect(unchecked.problems[0]?.file).toBe('harbour.yaml')
  })

  it('works out the dry run with the given budget, and names the responding side', () => {
    const result = dryRunDraft(minimal, 'harbour.yaml', FIXTURE_SEEDS, 500)
    expect(result.error).toBeUndefined()
    expect(result.responder).toBe('The harbour')
    expect(result.analysis?.method.budget).toBe(500)
  })

  it('gives the reason instead of a dry run when the draft does not load', () => {
    const result = dryRunDraft('id: [', 'broken.yaml', FIXTURE_SEEDS, 500)
    expect(result.analysis).toBeNull()
    expect(result.error).toBe('the scenario does not load')
    expect(result.responder).toBe('')
  })
})
