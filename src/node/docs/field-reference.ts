import {
  isFieldGroup,
  isKeyedMap,
  type JsonSchema,
  keyPlaceholder,
  neededWords,
  noun,
  resolveRef,
  type SharedKind,
  sharedKind,
} from './json-schema-words.ts'

/**
 * The authoring guide's reference of every field, generated from the JSON Schema that is itself generated
 * from the zod schema, so that the guide cannot drift from the format. Conditions and effects, which
 * appear in many places, are documented once each in their own tables.
 */

interface Row {
  path: string
  write: string
  needed: string
  meaning: string
}

/** A Markdown table cell: pipes escaped, line breaks flattened. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')

function table(rows: readonly Row[]): string {
  const lines = [
    '| Field | What to write | Needed? | What it means |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| \`${cell(r.path)}\` | ${cell(r.write)} | ${r.needed} | ${cell(r.meaning)} |`),
  ]
  return lines.join('\n')
}

/** A schema without its description, to recognise the same shape met again elsewhere. */
const shapeKey = (node: JsonSchema) => JSON.stringify({ ...node, description: undefined, default: undefined })

/** The key that tells a form of a union from the others: its first required key no other form requires. */
export function formKey(forms: readonly JsonSchema[], form: JsonSchema): string {
  const others = forms.filter((f) => f !== form).flatMap((f) => f.required ?? [])
  return (form.required ?? []).find((k) => !others.includes(k)) ?? form.required?.[0] ?? '?'
}

class Walker {
  readonly rows: Row[] = []
  /**
   * @param seen shapes already documented, by shape, with the path where they were: shared by the walkers
   *   of every section so that a group of three or more fields met again is referred to, not repeated.
   */
  constructor(
    private readonly root: JsonSchema,
    private readonly seen = new Map<string, string>(),
  ) {}

  /** Adds the row for one field, then rows for what it contains. */
  field(path: string, node: JsonSchema, required: boolean, key: string, note = ''): void {
    const meaning = [note, node.description].filter(Boolean).join(' ')
    this.rows.push({
      path,
      write: noun(this.root, node, key).one,
      needed: neededWords(required, node),
      meaning,
    })
    this.inside(path, node, key)
  }

  /** Rows for the fields inside a group, the entries of a list, the values of a keyed map or the forms. */
  private inside(path: string, node: JsonSchema, key: string): void {
    if (sharedKind(this.root, node)) return
    if (node.type === 'array' && node.items) {
      const item = node.items
      if (isFieldGroup(item) || item.anyOf || isKeyedMap(item)) this.contents(`${path}[]`, item, key)
      return
    }
    this.contents(path, node, key)
  }

  private contents(path: string, node: JsonSchema, key: string): void {
    if (isFieldGroup(node)) {
      const shape = shapeKey(node)
      const first = this.seen.get(shape)
      if (first !== undefined && Object.keys(node.properties ?? {}).length > 2) {
        this.rows.push({
          path: `${path}.…`,
          write: `the same fields as \`${first}\``,
          needed: '',
          meaning: '',
        })
        return
      }
      this.seen.set(shape, path)
      this.group(path, node)
    } else if (isKeyedMap(node) && typeof node.additionalProperties === 'object') {
      const value = node.additionalProperties
      const placeholder = keyPlaceholder(node)
      if (isFieldGroup(value) || value.anyOf) this.contents(`${path}.${placeholder}`, value, key)
      else this.inside(`${path}.${placeholder}`, value, key)
    } else if (node.anyOf && !sharedKind(this.root, node)) {
      node.anyOf.forEach((form, i) => {
        const label = `(Form ${i + 1}: an entry with \`${formKey(node.anyOf ?? [], form)}\`.)`
        for (const [name, child] of Object.entries(form.properties ?? {}))
          this.field(`${path}.${name}`, child, form.required?.includes(name) ?? false, name, label)
      })
    }
  }

  group(path: string, node: JsonSchema): void {
    for (const [name, child] of Object.entries(node.properties ?? {}))
      this.field(path ? `${path}.${name}` : name, child, node.required?.includes(name) ?? false, name)
  }
}

/**
 * The field reference in Markdown: the top-level fields first, then one table per section of a scenario
 * (`sides`, `instruments`, …) with every field inside it, its form, whether it is needed and its meaning.
 */
export function fieldReference(root: JsonSchema): string {
  const properties = Object.entries(root.properties ?? {})
  const simple = properties.filter(([, node]) => !hasInside(root, node))
  const seen = new Map<string, string>()
  const header = new Walker(root, seen)
  for (const [name, node] of simple) header.field(name, node, root.required?.includes(name) ?? false, name)
  const parts = [`### The top of the file\n\n${table(header.rows)}`]
  for (const [name, node] of properties.filter(([, node]) => hasInside(root, node))) {
    const walker = new Walker(root, seen)
    walker.field(name, node, root.required?.includes(name) ?? false, name)
    parts.push(`### \`${name}\`\n\n${table(walker.rows)}`)
  }
  return parts.join('\n\n')
}

function hasInside(root: JsonSchema, node: JsonSchema): boolean {
  if (sharedKind(root, node)) return false
  const item = node.type === 'array' ? node.items : node
  return !!item && (isFieldGroup(item) || isKeyedMap(item) || !!item.anyOf)
}

/**
 * One table for a shared union (conditions or effects): each form by the key that opens it, the fields it
 * takes with their form and whether they are needed, and what it means.
 */
export function formsReference(root: JsonSchema, kind: SharedKind): string {
  const node = findShared(root, root, kind)
  if (!node) throw new Error(`The schema has no ${kind}`)
  const forms = resolveRef(root, node).anyOf ?? []
  const lines = ['| Form | Fields | What it means |', '| --- | --- | --- |']
  for (const form of forms) {
    const key = formKey(forms, form)
    const main = form.properties?.[key]
    const fields = Object.entries(form.properties ?? {}).map(([name, child]) => {
      const needed = form.required?.includes(name) ? 'required' : 'optional'
      const what = noun(root, child, name).one
      const more = name === key || !child.description ? '' : ` — ${child.description}`
      return `\`${name}\` (${needed}): ${what}${more}`
    })
    const meaning = main?.description ?? form.description ?? ''
    lines.push(`| \`${key}\` | ${cell(fields.join('; '))} | ${cell(meaning)} |`)
  }
  const description = resolveRef(root, node).description
  return [description ? `${description}\n` : '', lines.join('\n')].join('\n').trim()
}

function findShared(root: JsonSchema, node: JsonSchema, kind: SharedKind): JsonSchema | undefined {
  if (sharedKind(root, node) === kind) return node
  const children = [
    ...Object.values(node.properties ?? {}),
    ...(node.items ? [node.items] : []),
    ...(node.anyOf ?? []),
    ...(typeof node.additionalProperties === 'object' ? [node.additionalProperties] : []),
  ]
  for (const child of children) {
    const found = findShared(root, child, kind)
    if (found) return found
  }
  return undefined
}
