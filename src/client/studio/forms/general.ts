import type { Problem } from '../../../core/scenario/load/problems.ts'
import { ScenarioSchema } from '../../../core/scenario/schema/scenario.ts'
import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import { pathSteps } from '../edits.ts'
import { sectionOf } from '../sections.ts'
import { select } from './choices.ts'
import { asRecord, type FormCtx, valueAt } from './context.ts'
import { field, group, problemNotes } from './field.ts'
import { leafField } from './fields.ts'
import { fieldLabel, valueLabel } from './labels.ts'
import { fieldOf, keysOf, type Shape, shapeOf } from './schema-walk.ts'
import { stagePicture } from './stage-picture.ts'

/**
 * The General section: the scenario's id, title, summary, language, date and rounds, and its stage (a neutral
 * table, a shipped map, or a picture of its own, whose file the studio's picker reads). It also shows the
 * problems of any part of the file no section edits (an unknown key, the translations), which the studio's
 * summary sends here.
 */

/** The top-level fields the General section edits, in this order. */
const GENERAL = ['id', 'title', 'summary', 'language', 'setOn', 'rounds'] as const

/** The General section's form. */
export function generalForm(ctx: FormCtx, problems: readonly Problem[]): View {
  const scenario = shapeOf(ScenarioSchema)
  const mine = new Set<string>([...GENERAL, 'stage'])
  // Problems the summary sends to General that no field here shows.
  const elsewhere = problems.filter((p) => {
    const first = pathSteps(p.path)[0]
    return first !== undefined && sectionOf(p.path) === 'general' && !mine.has(String(first))
  })
  return h('div', { class: 'studio-general' }, [
    ...GENERAL.map((key) => {
      const spec = fieldOf(scenario, key)
      return spec ? h('div', { key }, leafField(ctx, key, spec.shape, [key])) : null
    }),
    stageForm(ctx, fieldOf(scenario, 'stage')?.shape),
    elsewhere.length
      ? h('section', { class: 'studio-elsewhere' }, [
          h('h4', {}, t('studio.form.elsewhere')),
          h('p', { class: 'hint' }, t('studio.form.elsewhereHint')),
          problemNotes(elsewhere, 'studio-general-elsewhere'),
        ])
      : null,
  ])
}

function stageForm(ctx: FormCtx, shape: Shape | undefined): View | null {
  if (shape?.kind !== 'union') return null
  const stage = asRecord(valueAt(ctx.data, ['stage']))
  // Left out, the stage is the format's default: the neutral table.
  const kind = typeof stage.kind === 'string' ? stage.kind : 'table'
  const kinds = shape.options.map((o) => {
    const literal = fieldOf(o, 'kind')?.shape
    return literal?.kind === 'literal' ? String(literal.value) : ''
  })
  const option = shape.options[kinds.indexOf(kind)]
  const others = option ? keysOf(option).filter((k) => k !== 'kind' && k !== 'image') : []
  return group({
    ctx,
    path: ['stage'],
    legend: fieldLabel('stage'),
    description: shape.description,
    // The picture chooser shows the problems of `stage.image` at its button.
    drawn: ['kind', 'image', ...others],
    children: [
      field({
        ctx,
        path: ['stage', 'kind'],
        label: fieldLabel('kind'),
        control: (attrs) =>
          select({
            attrs,
            value: kind,
            choices: kinds.map((k) => ({ value: k, label: valueLabel('kind', k) })),
            onChange: (chosen) => {
              if (!chosen || chosen === kind) return
              const value =
                chosen === 'map'
                  ? { kind: 'map', map: 'europe' }
                  : chosen === 'image'
                    ? { kind: 'image', image: '', alt: '' }
                    : { kind: chosen }
              ctx.edit({ op: 'set', path: ['stage'], value })
            },
          }),
      }),
      stagePicture(ctx),
      ...others.map((key) => {
        const spec = option ? fieldOf(option, key) : undefined
        return spec ? h('div', { key }, leafField(ctx, key, spec.shape, ['stage', key])) : null
      }),
      kind === 'image' ? h('p', { class: 'hint' }, t('studio.form.stageImageHint')) : null,
    ],
  })
}
