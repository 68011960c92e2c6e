/**
 * Format 1 → 2: a seed article was a bare file name (`seeds: [001_….txt]`); it becomes an object with the
 * file and an optional title (`seeds: [{ file: 001_….txt }]`). Format 2 also adds `translations:`, which a
 * format 1 file cannot have, so nothing else changes. Entries that are already objects are left as they
 * are, and anything unexpected passes through untouched for validation to report.
 */
export function v1ToV2(doc: Record<string, unknown>): Record<string, unknown> {
  const seeds = doc.seeds
  if (!Array.isArray(seeds)) return doc
  return {
    ...doc,
    seeds: seeds.map((seed) =>
      typeof seed === 'string' || typeof seed === 'number' || typeof seed === 'boolean'
        ? { file: seed }
        : seed,
    ),
  }
}
