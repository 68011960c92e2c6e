import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import type { DocPath, StudioSection } from '../edits.ts'
import { type Choice, checkbox, checks, select } from './choices.ts'
import { asList, asRecord, type FormCtx, valueAt } from './context.ts'
import { field, group } from './field.ts'
import { numberBox, textBox } from './inputs.ts'
import { addLabel, fieldLabel, valueLabel } from './labels.ts'
import { type RefKind, refKindOf, refName, refOptions } from './refs.ts'
import type { Shape } from './schema-walk.ts'

/**
 * The fields that hold one value (a text, a number, a choice, yes or no) or a list of plain values (lines of
 * text, ids of other elements), drawn from their shape in the format; a field that names other elements
 * offers them by name.
 */

/** Texts long enough to want several lines. */
const MULTILINE = new Set(['summary', 'briefing', 'description', 'text', 'rationale', 'intro', 'context'])

/** The section where the elements a reference names are made, to say where to add one. */
const SECTION_OF: Record<RefKind, StudioSection> = {
  side: 'sides',
  proposer: 'sides',
  responder: 'sides',
  actor: 'actors',
  seed: 'sources',
  meter: 'meters',
  flag: 'flags',
  tag: 'tags',
  instrument: 'instruments',
}

/** The elements a reference of `kind` may name, as choices by name (the game's own flag in words). */
export function refChoices(ctx: FormCtx, kind: RefKind): Choice[] {
  const responder = refOptions(ctx.data, 'responder')[0]
  return refOptions(ctx.data, kind).map((o) => ({
    value: o.id,
    label: o.builtIn
      ? t('backstage.flagUnilateral', { responder: responder?.name ?? t('common.responder') })
      : o.name,
  }))
}

/** What to say when a reference has nothing to name yet: where such elements are made. */
export function noChoicesText(kind: RefKind): string {
  return t('studio.form.noChoices', { section: t(`studio.section.${SECTION_OF[kind]}`) })
}

/** Sets the value at `path`, or removes the field when `value` is null. */
export function setOrRemove(ctx: FormCtx, path: DocPath, value: unknown): void {
  ctx.edit(value === null ? { op: 'remove', path } : { op: 'set', path, value })
}

/** Words to override a field's own (a condition's `has` is "Instrument"). */
export interface Words {
  label?: string
  description?: string
}

/**
 * One field of a plain value, or of a list of plain values, by its shape; null for shapes that need an editor
 * of their own (groups of fields, conditions, lists of groups).
 */
export function leafField(
  ctx: FormCtx,
  key: string,
  shape: Shape,
  path: DocPath,
  words: Words = {},
): View | null {
  const value = valueAt(ctx.data, path)
  const label = words.label ?? fieldLabel(key)
  const description = words.description ?? shape.description
  const frame = { ctx, path, label, description }
  switch (shape.kind) {
    case 'text': {
      const ref = refKindOf(key, false)
      if (ref)
        return field({
          ...frame,
          control: (attrs) =>
            select({
              attrs,
              value: typeof value === 'string' ? value : undefined,
              choices: refChoices(ctx, ref),
              optional: shape.optional,
              onChange: (chosen) => setOrRemove(ctx, path, chosen),
            }),
        })
      return field({
        ...frame,
        control: (attrs) =>
          textBox({
            attrs,
            value: value === undefined || value === null ? '' : String(value),
            multiline: MULTILINE.has(key),
            onInput: (text) => setOrRemove(ctx, path, text === '' && shape.optional ? null : text),
          }),
      })
    }
    case 'number':
      return field({
        ...frame,
        control: (attrs) =>
          numberBox({
            attrs,
            value: typeof value === 'number' ? value : undefined,
            int: shape.int,
            min: shape.min,
            max: shape.max,
            // Left empty, the game uses the format's default: shown, greyed, in the empty box.
            placeholder: typeof shape.default === 'number' ? shape.default : undefined,
            onInput: (n) => setOrRemove(ctx, path, n),
          }),
      })
    case 'boolean':
      return field({
        ...frame,
        inline: true,
        control: (attrs) =>
          checkbox({
            attrs,
            value: value === true || (value === undefined && shape.default === true),
            // Back to the default: the field is left out, as a hand-written file would.
            onChange: (on) => setOrRemove(ctx, path, shape.optional && on === shape.default ? null : on),
          }),
      })
    case 'enum':
      return field({
        ...frame,
        control: (attrs) =>
          select({
            attrs,
            // Left out, the field has the format's default: shown as chosen.
            value:
              typeof value === 'string'
                ? value
                : typeof shape.default === 'string'
                  ? shape.default
                  : undefined,
            choices: shape.options.map((o) => ({ value: o, label: valueLabel(key, o) })),
            optional: shape.optional && shape.default === undefined,
            onChange: (chosen) => setOrRemove(ctx, path, chosen),
          }),
      })
    case 'list':
      if (shape.item.kind !== 'text') return null
      return idOrTextList(ctx, key, shape, path, label, description)
    default:
      return null
  }
}

/** A list of ids as checkboxes, or a list of texts as lines that can be added and removed. */
function idOrTextList(
  ctx: FormCtx,
  key: string,
  _shape: Shape,
  path: DocPath,
  label: string,
  description: string | undefined,
): View {
  const ref = refKindOf(key, true)
  if (ref) {
    // An instrument cannot exclude itself (the checker would refuse it): it is not offered.
    const self = key === 'excludes' ? asRecord(valueAt(ctx.data, path.slice(0, -1))).id : undefined
    return checks({
      ctx,
      path,
      legend: label,
      description,
      choices: refChoices(ctx, ref).filter((c) => c.value !== self),
      emptyText: noChoicesText(ref),
    })
  }
  const lines = asList(valueAt(ctx.data, path))
  return group({
    ctx,
    path,
    legend: label,
    description,
    drawn: lines.map((_, i) => i),
    class: 'studio-lines',
    children: [
      ...lines.map((_, i) =>
        h('div', { key: i, class: 'studio-line' }, [
          leafField(ctx, String(i), { kind: 'text', optional: false }, [...path, i], {
            label: t('studio.form.line', { list: label, n: i + 1 }),
          }),
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              'aria-label': t('studio.form.removeLine', { list: label, n: i + 1 }),
              onclick: () => ctx.edit({ op: 'remove', path: [...path, i] }),
            },
            t('studio.form.remove'),
          ),
        ]),
      ),
      h(
        'button',
        { type: 'button', class: 'small', onclick: () => ctx.edit({ op: 'append', path, value: '' }) },
        addLabel(key),
      ),
    ],
  })
}

/** The name of the element a reference of `kind` names, for a summary line. */
export function nameOfRef(ctx: FormCtx, kind: RefKind, id: unknown): string {
  return typeof id === 'string' ? refName(ctx.data, kind, id) : ''
}
