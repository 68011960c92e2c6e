import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import { type DocPath, fieldId } from '../edits.ts'
import { blankOf, NAME_KEYS, newEntry } from './blank.ts'
import { citations } from './citations.ts'
import { conditionEditor } from './condition-editor.ts'
import { asRecord, type FormCtx, valueAt } from './context.ts'
import { effectsEditor } from './effects.ts'
import { entryList } from './entry-list.ts'
import { group, problemNotes } from './field.ts'
import { leafField } from './fields.ts'
import { excerpt, fieldLabel, helpText, humanise, valueLabel } from './labels.ts'
import { isCitationList, isEffectList, isScoreTermList, type Shape } from './schema-walk.ts'
import { scoreTerms } from './score-terms.ts'
import { sideMap } from './side-map.ts'
import { yamlBox } from './yaml-box.ts'

/**
 * The generic form: any field of the format drawn by its shape (a plain value, a list of entries, a group of
 * fields, a condition, effects, citations, a number per side), so that the sections are mostly the format
 * itself. What is special about a section is said in `sections.ts`.
 */

/** Says which fields of an entry not to draw (an outlook on the responding side, which may not have one). */
export type Hide = (key: string, entry: Record<string, unknown>, path: DocPath) => boolean

/** The fields of the group of fields at `path`, in the format's order. */
export function objectFields(ctx: FormCtx, shape: Shape, path: DocPath, hide?: Hide): View[] {
  if (shape.kind !== 'object') return []
  const entry = asRecord(valueAt(ctx.data, path))
  return shape.fields
    .filter((f) => !hide?.(f.key, entry, path))
    .map((f) =>
      h('div', { key: f.key, class: 'studio-slot' }, anyField(ctx, f.key, f.shape, [...path, f.key], hide)),
    )
}

/** The keys `objectFields` draws for the entry at `path` (the group shows the problems of the others). */
export function drawnKeys(ctx: FormCtx, shape: Shape, path: DocPath, hide?: Hide): string[] {
  if (shape.kind !== 'object') return []
  const entry = asRecord(valueAt(ctx.data, path))
  return shape.fields.filter((f) => !hide?.(f.key, entry, path)).map((f) => f.key)
}

/** One field of any shape; null for a field nobody edits (the format version). */
export function anyField(ctx: FormCtx, key: string, shape: Shape, path: DocPath, hide?: Hide): View | null {
  switch (shape.kind) {
    case 'literal':
      return null
    case 'condition':
      return conditionField(ctx, key, shape, path)
    case 'object':
      return objectGroup(ctx, key, shape, path, hide)
    case 'record':
      if (shape.value.kind === 'number') return sideMap(ctx, key, shape, path)
      return yamlBox({ ctx, path, label: fieldLabel(key), description: shape.description })
    case 'list':
      if (isCitationList(shape)) return citations({ ctx, path, listKey: key, shape })
      if (isEffectList(shape)) return effectsEditor(ctx, key, shape, path)
      if (isScoreTermList(shape)) return scoreTerms(ctx, key, shape, path)
      if (shape.item.kind === 'object') return objectList(ctx, key, shape, path, hide)
      return leafField(ctx, key, shape, path) ?? yamlBox({ ctx, path, label: fieldLabel(key) })
    case 'union':
    case 'unknown':
      return yamlBox({ ctx, path, label: fieldLabel(key), description: shape.description })
    default:
      return leafField(ctx, key, shape, path)
  }
}

/** A condition; an optional one that is absent is offered with an Add button. */
function conditionField(ctx: FormCtx, key: string, shape: Shape, path: DocPath): View {
  const label = fieldLabel(key)
  if (valueAt(ctx.data, path) === undefined && shape.optional) return addOptional(ctx, label, shape, path)
  return conditionEditor({
    ctx,
    path,
    label,
    description: shape.description,
    ...(shape.optional
      ? {
          onRemove: () => ctx.edit({ op: 'remove', path }),
          removeLabel: t('studio.form.removeOptional', { name: label }),
        }
      : {}),
  })
}

/** The button that adds an optional field left out (a red line's resolve, a constraint's `when`). */
function addOptional(ctx: FormCtx, label: string, shape: Shape, path: DocPath): View {
  const id = fieldId(path)
  const problems = ctx.problems.under(path)
  return h('div', { class: 'studio-optional' }, [
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        id,
        ...(shape.description || problems.length
          ? {
              'aria-describedby': [
                shape.description ? `${id}-help` : '',
                problems.length ? `${id}-problems` : '',
              ]
                .join(' ')
                .trim(),
            }
          : {}),
        onclick: () => ctx.edit({ op: 'set', path, value: blankOf({ ...shape, optional: false }, ctx.data) }),
      },
      t('studio.form.addOptional', { name: label }),
    ),
    helpText(shape.description, `${id}-help`),
    problemNotes(problems, `${id}-problems`),
  ])
}

/** A group of fields as a fieldset; an optional one can be added when absent and removed when present. */
function objectGroup(ctx: FormCtx, key: string, shape: Shape, path: DocPath, hide?: Hide): View {
  const label = fieldLabel(key)
  if (valueAt(ctx.data, path) === undefined && shape.optional) return addOptional(ctx, label, shape, path)
  return group({
    ctx,
    path,
    legend: label,
    description: shape.description,
    drawn: drawnKeys(ctx, shape, path, hide),
    children: [
      ...objectFields(ctx, shape, path, hide),
      shape.optional && shape.default === undefined
        ? h(
            'button',
            { type: 'button', class: 'small', onclick: () => ctx.edit({ op: 'remove', path }) },
            t('studio.form.removeOptional', { name: label }),
          )
        : null,
    ],
  })
}

/** "redLines" → "red-line": what a new entry's id is made from when its name gives none. */
const singular = (listKey: string) => humanise(listKey).replace(/s$/, '')

/** A list of groups of fields as folded entries. */
function objectList(
  ctx: FormCtx,
  key: string,
  shape: Shape & { kind: 'list' },
  path: DocPath,
  hide?: Hide,
): View {
  const item = shape.item
  return entryList({
    ctx,
    path,
    listKey: key,
    shape,
    description: shape.description,
    renderEntry: (entryPath) => [
      // The entry's own problems that no field shows (an unknown field, say) come first.
      problemNotes(
        ctx.problems.unclaimed(entryPath, drawnKeys(ctx, item, entryPath, hide)),
        `${fieldId(entryPath)}-problems`,
      ),
      ...objectFields(ctx, item, entryPath, hide),
    ],
    summary: (entry) => entrySummary(entry),
    makeEntry: (name) => newEntry(item, name, valueAt(ctx.data, path), ctx.data, singular(key)),
  })
}

/** The words an entry is known by in its folded line: its name, title or text, a quote, or its id. */
export function entrySummary(entry: unknown): string {
  const e = asRecord(entry)
  const named = NAME_KEYS.map((k) => e[k]).find((v) => typeof v === 'string' && v.trim() !== '')
  const stance = typeof e.stance === 'string' ? `${valueLabel('stance', e.stance)}: ` : ''
  if (typeof named === 'string') return `${stance}${excerpt(named)}`
  if (typeof e.quote === 'string') return excerpt(e.quote)
  return typeof e.id === 'string' ? e.id : ''
}
