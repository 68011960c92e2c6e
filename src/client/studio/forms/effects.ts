import { EffectSchema } from '../../../core/scenario/schema/common.ts'
import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import type { DocPath } from '../edits.ts'
import { select } from './choices.ts'
import { asList, asRecord, type FormCtx, valueAt } from './context.ts'
import { field, group } from './field.ts'
import { leafField } from './fields.ts'
import { addLabel, fieldLabel } from './labels.ts'
import { refOptions } from './refs.ts'
import { keysOf, type Shape, shapeOf } from './schema-walk.ts'
import { yamlBox } from './yaml-box.ts'

/**
 * Effects (what a red line, an event, an ending or a verdict does to the game): each a choice of what it does
 * (move a meter, set it, set it from the package, raise or lower a flag) and the fields of that kind, from the
 * format. An effect of no known shape is shown as YAML.
 */

/** The kinds of effect, each named by the key that tells it apart. */
export const EFFECT_KINDS = ['add', 'set', 'fromPackage', 'setFlag', 'clearFlag'] as const
export type EffectKind = (typeof EFFECT_KINDS)[number]

/** Which kind an effect is, or null when it is none of them. */
export function effectKind(effect: unknown): EffectKind | null {
  const e = asRecord(effect)
  // The flags first: `set` is also a meter effect's key, but never beside `setFlag`.
  for (const kind of ['setFlag', 'clearFlag', 'fromPackage', 'set', 'add'] as const)
    if (kind in e) return kind
  return null
}

/** A new effect of `kind`, on the meter the old one moved (or the first meter), or on the first flag. */
export function newEffect(kind: EffectKind, data: unknown, replacing?: unknown): Record<string, unknown> {
  const old = asRecord(replacing)
  const meter = typeof old.meter === 'string' ? old.meter : (refOptions(data, 'meter')[0]?.id ?? '')
  const flag = refOptions(data, 'flag')[0]?.id ?? ''
  switch (kind) {
    case 'add':
      return { meter, add: 0 }
    case 'set':
      return { meter, set: 0 }
    case 'fromPackage':
      return { meter, fromPackage: 'deterrence', factor: 1 }
    case 'setFlag':
      return { setFlag: flag }
    case 'clearFlag':
      return { clearFlag: flag }
  }
}

const OPTIONS = (shapeOf(EffectSchema) as Shape & { kind: 'union' }).options
const optionOf = (kind: EffectKind) => OPTIONS.find((o) => keysOf(o).includes(kind))

/** The list of effects at `path`, with Add and, on each, Remove. */
export function effectsEditor(
  ctx: FormCtx,
  key: string,
  shape: Shape,
  path: DocPath,
  legend = fieldLabel(key),
): View {
  const list = asList(valueAt(ctx.data, path))
  return group({
    ctx,
    path,
    legend,
    description: shape.description,
    drawn: list.map((_, i) => i),
    class: 'studio-effects',
    children: [
      list.length === 0 ? h('p', { class: 'hint' }, t('studio.form.noEffects')) : null,
      ...list.map((effect, i) => h('div', { key: i }, effectView(ctx, effect, [...path, i], i))),
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          onclick: () => ctx.edit({ op: 'append', path, value: newEffect('add', ctx.data) }),
        },
        addLabel('effects'),
      ),
    ],
  })
}

function effectView(ctx: FormCtx, effect: unknown, path: DocPath, index: number): View {
  const kind = effectKind(effect)
  const option = kind ? optionOf(kind) : undefined
  const legend = t('studio.form.effectN', { n: index + 1 })
  const kindField = field({
    ctx,
    path: [...path, '(kind)'],
    label: t('studio.form.effectKind'),
    control: (attrs) =>
      select({
        attrs,
        value: kind ?? undefined,
        choices: EFFECT_KINDS.map((k) => ({ value: k, label: t(`studio.effect.${k}`) })),
        onChange: (chosen) => {
          if (chosen && chosen !== kind)
            ctx.edit({ op: 'set', path, value: newEffect(chosen as EffectKind, ctx.data, effect) })
        },
      }),
  })
  const remove = h(
    'button',
    {
      type: 'button',
      class: 'small',
      'aria-label': t('studio.form.removeNamed', { name: legend }),
      onclick: () => ctx.edit({ op: 'remove', path }),
    },
    t('studio.form.remove'),
  )
  // Of no known kind: the YAML box carries the effect's field id and shows its problems.
  if (!kind || option?.kind !== 'object')
    return h('div', { class: 'studio-effect', role: 'group', 'aria-label': legend }, [
      kindField,
      yamlBox({ ctx, path, label: t('studio.form.effectYaml') }),
      remove,
    ])
  return group({
    ctx,
    path,
    legend,
    drawn: keysOf(option),
    class: 'studio-effect',
    children: [
      kindField,
      h(
        'div',
        { class: 'studio-effect-fields' },
        option.fields.map((f) => h('div', { key: f.key }, leafField(ctx, f.key, f.shape, [...path, f.key]))),
      ),
      remove,
    ],
  })
}
