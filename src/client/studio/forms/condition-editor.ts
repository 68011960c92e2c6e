import { useState } from 'preact/hooks'
import { component, h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import { type DocPath, fieldId } from '../edits.ts'
import { select } from './choices.ts'
import {
  CONDITION_KINDS,
  type ConditionKind,
  conditionKind,
  defaultCondition,
  newCondition,
} from './condition-model.ts'
import { asList, asRecord, type FormCtx, valueAt } from './context.ts'
import { field } from './field.ts'
import { leafField } from './fields.ts'
import { fieldLabel, helpText } from './labels.ts'
import { conditionForms, keysOf } from './schema-walk.ts'
import { yamlBox } from './yaml-box.ts'

/**
 * A condition (when a red line is crossed, what a constraint requires, when an event fires…) as a form: a
 * choice of what it tests, then that test's fields; "all of", "any of" and "not" hold further conditions, each
 * with the same form. Anything the form cannot show is written as YAML for this condition alone, and the form
 * can be left for YAML at any time.
 */

/** Condition fields whose words differ from the same key elsewhere (`has` names an instrument). */
const LABEL_KEY: Record<string, string> = {
  has: 'instrument',
  hasTag: 'tag',
  sum: 'attribute',
  response: 'verdict',
  setFlag: 'flag',
}

export interface ConditionProps {
  ctx: FormCtx
  path: DocPath
  label: string
  description?: string
  /** Offers to remove the condition (an optional field, or an entry of "all of" / "any of"). */
  onRemove?: () => void
  removeLabel?: string
}

function ConditionEditor(props: ConditionProps): View {
  const { ctx, path, label } = props
  const value = valueAt(ctx.data, path)
  const kind = conditionKind(value)
  const [asYaml, setAsYaml] = useState(false)
  const yaml = asYaml || kind === null
  const id = fieldId(path)
  const drawn = yaml || !kind ? [] : keysOf(formOf(kind))

  const kindField = field({
    ctx,
    path,
    label: t('studio.form.conditionKind'),
    // In YAML the box carries the field's id and its problems; in the form, this choice does, with the
    // problems no field of the form shows.
    ...(yaml ? { id: `${id}-kind`, problems: [] } : { problems: ctx.problems.unclaimed(path, drawn) }),
    control: (attrs) =>
      select({
        attrs,
        value: yaml ? 'yaml' : (kind ?? undefined),
        choices: [
          ...CONDITION_KINDS.map((k) => ({ value: k, label: t(`studio.cond.${k}`) })),
          { value: 'yaml', label: t('studio.cond.yaml') },
        ],
        onChange: (chosen) => {
          if (!chosen) return
          if (chosen === 'yaml') return setAsYaml(true)
          setAsYaml(false)
          if (chosen !== kind)
            ctx.edit({ op: 'set', path, value: newCondition(chosen as ConditionKind, ctx.data, value) })
        },
      }),
  })

  return h('fieldset', { class: 'studio-condition' }, [
    h('legend', {}, label),
    helpText(props.description, `${id}-about`),
    kindField,
    yaml
      ? yamlBox({ ctx, path, label: t('studio.form.conditionYaml') })
      : h('div', { class: 'studio-condition-fields' }, kind ? kindFields(ctx, kind, path) : null),
    props.onRemove
      ? h(
          'button',
          { type: 'button', class: 'small', onclick: props.onRemove },
          props.removeLabel ?? t('studio.form.removeCondition'),
        )
      : null,
  ])
}

/** The format's form of a condition of `kind` (its fields and their help). */
function formOf(kind: ConditionKind) {
  return (
    conditionForms().find((f) => keysOf(f).includes(kind)) ?? { kind: 'unknown' as const, optional: false }
  )
}

function kindFields(ctx: FormCtx, kind: ConditionKind, path: DocPath): View[] {
  if (kind === 'all' || kind === 'any') return [innerList(ctx, kind, [...path, kind])]
  if (kind === 'not')
    return [conditionEditor({ ctx, path: [...path, 'not'], label: t('studio.form.notInner') })]
  const form = formOf(kind)
  if (form.kind !== 'object') return []
  return form.fields.map((f) => {
    const fieldPath = [...path, f.key]
    if (f.key === 'variant') return h('div', { key: f.key }, variantField(ctx, path, f.shape.description))
    return h(
      'div',
      { key: f.key },
      leafField(ctx, f.key, f.shape, fieldPath, { label: fieldLabel(LABEL_KEY[f.key] ?? f.key) }),
    )
  })
}

/** The conditions under "all of" or "any of", each removable, and a way to add one. */
function innerList(ctx: FormCtx, kind: 'all' | 'any', path: DocPath): View {
  const list = asList(valueAt(ctx.data, path))
  return h('div', { class: 'studio-condition-list' }, [
    ...list.map((_, i) =>
      h(
        'div',
        { key: i },
        conditionEditor({
          ctx,
          path: [...path, i],
          label: t('studio.form.conditionN', { n: i + 1 }),
          onRemove: () => ctx.edit({ op: 'remove', path: [...path, i] }),
          removeLabel: t('studio.form.removeNamed', { name: t('studio.form.conditionN', { n: i + 1 }) }),
        }),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        onclick: () => ctx.edit({ op: 'append', path, value: defaultCondition(ctx.data) }),
      },
      t(kind === 'all' ? 'studio.form.addAll' : 'studio.form.addAny'),
    ),
  ])
}

/** The variant of a `has` condition: a choice among the variants of the instrument it names. */
function variantField(ctx: FormCtx, path: DocPath, description?: string): View {
  const condition = asRecord(valueAt(ctx.data, path))
  const instruments = asList(asRecord(ctx.data).instruments).map(asRecord)
  const instrument = instruments.find((i) => i.id === condition.has)
  const variants = asList(instrument?.variants).map(asRecord)
  const fieldPath = [...path, 'variant']
  return field({
    ctx,
    path: fieldPath,
    label: fieldLabel('variant'),
    description,
    control: (attrs) =>
      select({
        attrs,
        value: typeof condition.variant === 'string' ? condition.variant : undefined,
        optional: true,
        choices: variants.map((v) => ({ value: String(v.id ?? ''), label: String(v.name ?? v.id ?? '') })),
        onChange: (chosen) =>
          ctx.edit(
            chosen === null
              ? { op: 'remove', path: fieldPath }
              : { op: 'set', path: fieldPath, value: chosen },
          ),
      }),
  })
}

/** The editor of the condition at `path`. */
export function conditionEditor(props: ConditionProps): View {
  return component(ConditionEditor, props)
}
