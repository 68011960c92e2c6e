import type { z } from 'zod'
import { ScenarioSchema } from '../schema/scenario.ts'

/** Zod's definition of a schema, as far as the walk below reads it. */
interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  options?: z.ZodType[]
  getter?: () => z.ZodType
  innerType?: z.ZodType
  in?: z.ZodType
  out?: z.ZodType
  valueType?: z.ZodType
}

let names: string[] | null = null

/** Every field name the format knows, anywhere in a scenario (read once from the schema). */
export function knownFieldNames(): readonly string[] {
  if (names) return names
  const found = new Set<string>()
  const seen = new Set<z.ZodType>()
  const walk = (schema: z.ZodType | undefined): void => {
    if (!schema || seen.has(schema)) return
    seen.add(schema)
    const def = (schema as unknown as { _zod: { def: Def } })._zod.def
    for (const [key, value] of Object.entries(def.shape ?? {})) {
      found.add(key)
      walk(value)
    }
    for (const option of def.options ?? []) walk(option)
    for (const inner of [def.element, def.innerType, def.in, def.out, def.valueType]) walk(inner)
    if (def.type === 'lazy' && def.getter) walk(def.getter())
  }
  walk(ScenarioSchema)
  names = [...found].sort()
  return names
}

/**
 * The known field name closest to a misspelt one (case aside, at most a third of its letters changed),
 * or null when none is that close.
 */
export function closestFieldName(name: string): string | null {
  const wanted = name.toLowerCase()
  let best: { name: string; distance: number } | null = null
  for (const known of knownFieldNames()) {
    const distance = editDistance(wanted, known.toLowerCase())
    if (distance <= Math.max(1, Math.floor(name.length / 3)) && (!best || distance < best.distance))
      best = { name: known, distance }
  }
  return best?.name ?? null
}

/** Levenshtein distance, with a swap of two neighbouring letters counted as one change. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[]
      const up = rows[i - 1] as number[]
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1)
      row[j] = d
    }
  return (rows[a.length] as number[])[b.length] ?? 0
}
