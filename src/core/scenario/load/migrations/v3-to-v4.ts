/**
 * Format 3 → 4: format 4 lets a scenario carry its articles' texts (`seeds[].text`, with `outlet`, `date`
 * and `url`), name its sides shortly (`shortName`) and choose its stage. Every format 3 file was drawn on the
 * map of Europe, while format 4's default stage is the neutral table; so that an older file still looks as
 * its author saw it, it gets `stage: { kind: map, map: europe }` unless it already says otherwise. Its seeds
 * stay as they were: articles of the game's library, checked against the library as before.
 */
export function v3ToV4(doc: Record<string, unknown>): Record<string, unknown> {
  if ('stage' in doc) return doc
  return { ...doc, stage: { kind: 'map', map: 'europe' } }
}
