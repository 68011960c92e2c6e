/**
 * Plain words for the parts of a JSON Schema, for the authoring guide's field reference: a teacher reads
 * "a whole number from 1 to 30" rather than `{"type":"integer","minimum":1,"maximum":30}`.
 */

/** The subset of JSON Schema that `z.toJSONSchema` writes for the scenario format. */
export interface JsonSchema {
  type?: string
  description?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  $ref?: string
  $defs?: Record<string, JsonSchema>
  enum?: unknown[]
  const?: unknown
  default?: unknown
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  pattern?: string
  propertyNames?: JsonSchema
  title?: string
  additionalProperties?: boolean | JsonSchema
}

/**
 * Patterns the format uses, in plain words, with the placeholder shown for a key of that form. An unknown
 * pattern is shown as it is, so that a new one is visible (and ugly) until someone adds its words here.
 */
const PATTERNS: Record<string, { one: string; key: string }> = {
  '^[a-z0-9][a-z0-9-]*$': { one: 'an id (lower-case letters, digits and dashes)', key: '<side id>' },
  '^[a-z]{2}(-[A-Z]{2})?$': { one: 'a language code such as `en` or `uk`', key: '<language code>' },
}

/** Fields of conditions and effects that hold an id, although the condition schema types them as text. */
const ID_FIELDS = new Set([
  'has',
  'variant',
  'hasTag',
  'backedBy',
  'tag',
  'instrument',
  'meter',
  'flag',
  'side',
  'setFlag',
  'clearFlag',
])

/** A noun phrase for one value of a schema and for several, e.g. "a number" / "numbers". */
export interface Noun {
  one: string
  many: string
}

/** What kind of shared shape a schema node is: the guide documents conditions and effects once each. */
export type SharedKind = 'condition' | 'effect'

/** Follows a `$ref` into `$defs`; other nodes come back as they are. */
export function resolveRef(root: JsonSchema, node: JsonSchema): JsonSchema {
  if (!node.$ref) return node
  const name = node.$ref.replace(/^#\/\$defs\//, '')
  const target = root.$defs?.[name]
  if (!target) throw new Error(`Unresolved reference ${node.$ref}`)
  return target
}

/** Whether a node is a condition (a union whose forms include `all`) or an effect (one with `setFlag`). */
export function sharedKind(root: JsonSchema, node: JsonSchema): SharedKind | undefined {
  const forms = resolveRef(root, node).anyOf
  if (forms?.some((f) => f.required?.[0] === 'all')) return 'condition'
  if (forms?.some((f) => f.properties?.setFlag)) return 'effect'
  return undefined
}

/** Whether a node is a mapping with a fixed set of named fields. */
export const isFieldGroup = (node: JsonSchema): boolean => node.type === 'object' && !!node.properties

/** Whether a node is a mapping from keys of one form (such as side ids) to values of one kind. */
export const isKeyedMap = (node: JsonSchema): boolean =>
  node.type === 'object' && !node.properties && typeof node.additionalProperties === 'object'

/**
 * The placeholder for a key of a keyed map, such as `<side id>` or `<accept|reject>`: the key schema's
 * title when it has one (`.meta({ title })` in zod), else its allowed values, else words for its pattern.
 * A key of free text is a text path: the only such map is `translations`.
 */
export function keyPlaceholder(node: JsonSchema): string {
  const names = node.propertyNames
  if (names?.title) return `<${names.title}>`
  if (names?.enum) return `<${names.enum.join('|')}>`
  if (names?.pattern) return PATTERNS[names.pattern]?.key ?? `<key matching ${names.pattern}>`
  return '<text path>'
}

/** A value as an author would write it in YAML's short form: `[]`, `{ effects: [] }`, `neither`. */
function yamlish(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlish).join(', ')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${yamlish(v)}`)
    return entries.length ? `{ ${entries.join(', ')} }` : '{}'
  }
  return String(value)
}

const code = (value: unknown) => `\`${yamlish(value)}\``

/** Bounds in words; zod writes the safe-integer limits for every whole number, which say nothing to a teacher. */
function bounds(low: number | undefined, high: number | undefined, unit?: [string, string]): string {
  const lo = low !== undefined && low > Number.MIN_SAFE_INTEGER ? low : undefined
  const hi = high !== undefined && high < Number.MAX_SAFE_INTEGER ? high : undefined
  const of = (n: number) => (unit ? ` ${n} ${n === 1 ? unit[0] : unit[1]}` : ` ${n}`)
  if (lo !== undefined && hi !== undefined) return ` from ${lo} to${of(hi)}`
  if (lo !== undefined) return `, at least${of(lo)}`
  if (hi !== undefined) return `, at most${of(hi)}`
  return ''
}

/** Plain words for a value of this schema; `field` is its key, which tells ids from free text. */
export function noun(root: JsonSchema, node: JsonSchema, field = ''): Noun {
  const kind = sharedKind(root, node)
  if (kind === 'condition') return { one: 'a [condition](#conditions)', many: '[conditions](#conditions)' }
  if (kind === 'effect') return { one: 'an [effect](#effects)', many: '[effects](#effects)' }
  if (node.const !== undefined) return { one: `exactly ${code(node.const)}`, many: `${code(node.const)}s` }
  if (node.enum) {
    const list = `one of ${node.enum.map(code).join(', ')}`
    return { one: list, many: `values, each ${list}` }
  }
  switch (node.type) {
    case 'string': {
      const known = node.pattern ? PATTERNS[node.pattern] : undefined
      if (known) return { one: known.one, many: `ids (lower-case letters, digits and dashes)` }
      if (node.pattern) return { one: `text matching ${code(node.pattern)}`, many: 'texts' }
      if (ID_FIELDS.has(field)) return { one: 'an id', many: 'ids' }
      return { one: node.minLength ? 'text' : 'text (may be empty)', many: 'texts' }
    }
    case 'number':
      return { one: `a number${bounds(node.minimum, node.maximum)}`, many: 'numbers' }
    case 'integer':
      return { one: `a whole number${bounds(node.minimum, node.maximum)}`, many: 'whole numbers' }
    case 'boolean':
      return { one: '`true` or `false`', many: '`true` or `false` values' }
    case 'array': {
      const item = node.items ? noun(root, node.items, field) : { one: 'anything', many: 'anything' }
      const length = bounds(node.minItems, node.maxItems, ['entry', 'entries']).replace(/^,? /, '; ')
      return { one: `a list of ${item.many}${length}`, many: `lists of ${item.many}` }
    }
    case 'object': {
      if (isKeyedMap(node) && typeof node.additionalProperties === 'object') {
        const value = noun(root, node.additionalProperties)
        return {
          one: `for each \`${keyPlaceholder(node)}\`: ${value.one}`,
          many: `mappings of \`${keyPlaceholder(node)}\` to ${value.many}`,
        }
      }
      return { one: 'a group of fields (below)', many: 'entries with the fields below' }
    }
  }
  if (node.anyOf) return { one: `one of ${node.anyOf.length} forms (below)`, many: 'entries (forms below)' }
  return { one: 'anything', many: 'anything' }
}

/** "required", "optional" or "optional; if left out: `[]`", for the "Needed?" column. */
export function neededWords(required: boolean, node: JsonSchema): string {
  if (required) return '**required**'
  if (node.default === undefined) return 'optional'
  return `optional; if left out: ${code(node.default)}`
}
