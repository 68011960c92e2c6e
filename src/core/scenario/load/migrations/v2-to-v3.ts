/**
 * Format 2 → 3: a meter's score line counted its final value from 0; in format 3 it counts the change from
 * `from`, which defaults to the meter's start (so that "confidence fell from 45 to 5" no longer scores as a
 * gain). To keep a format 2 file scoring as its author wrote it, every meter line gets `from: 0`. Format 3's
 * new parts (`resolve`, `outlook`, `positions`, `aftermath`) are optional, so nothing else changes; anything
 * unexpected passes through untouched for validation to report.
 */
export function v2ToV3(doc: Record<string, unknown>): Record<string, unknown> {
  const scoring = doc.scoring
  if (!isRecord(scoring)) return doc
  const migrated: Record<string, unknown> = {}
  for (const [side, rule] of Object.entries(scoring)) {
    if (!isRecord(rule) || !Array.isArray(rule.terms)) {
      migrated[side] = rule
      continue
    }
    const terms = rule.terms.map((term) =>
      isRecord(term) && 'meter' in term && !('from' in term) ? { ...term, from: 0 } : term,
    )
    migrated[side] = { ...rule, terms }
  }
  return { ...doc, scoring: migrated }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
