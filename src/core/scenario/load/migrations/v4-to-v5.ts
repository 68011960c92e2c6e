/**
 * Format 4 → 5: format 5 lets a side carry questions for reflection after the game (`reflection`, with an
 * optional `rubric` for the teacher) and named roles for the students who share it (`roles`). Both are
 * optional and nothing in format 4 changed meaning, so a format 4 document is already a format 5 one: only
 * its version number moves on (which `upgrade` writes).
 */
export function v4ToV5(doc: Record<string, unknown>): Record<string, unknown> {
  return doc
}
