import { ScenarioSchema } from '../../../core/scenario/schema/scenario.ts'
import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import type { FormCtx } from './context.ts'
import { effectsEditor } from './effects.ts'
import { group } from './field.ts'
import { leafField } from './fields.ts'
import { fieldLabel, valueLabel } from './labels.ts'
import { anyField } from './object-form.ts'
import { fieldOf, shapeOf } from './schema-walk.ts'

/**
 * The Response section: how the responding side answers a package no red line decides (where its willingness
 * starts, where it accepts, how much chance plays, what each verdict does), then what a round without a package
 * does, what going ahead without the responder's consent means, and the years after a deal (if played).
 */
export function responseForm(ctx: FormCtx): View {
  const scenario = shapeOf(ScenarioSchema)
  const response = fieldOf(scenario, 'response')?.shape
  const effects = response ? fieldOf(response, 'effects')?.shape : undefined
  const plain = response?.kind === 'object' ? response.fields.filter((f) => f.key !== 'effects') : []
  const verdicts = effects?.kind === 'record' ? (effects.keys ?? []) : []
  const rest = (['noPackage', 'unilateral', 'aftermath'] as const).map((key) => {
    const spec = fieldOf(scenario, key)
    return spec ? h('div', { key }, anyField(ctx, key, spec.shape, [key])) : null
  })
  return h('div', { class: 'studio-response' }, [
    group({
      ctx,
      path: ['response'],
      legend: fieldLabel('response'),
      description: response?.description,
      drawn: [...plain.map((f) => f.key), 'effects'],
      children: [
        ...plain.map((f) => h('div', { key: f.key }, leafField(ctx, f.key, f.shape, ['response', f.key]))),
        effects?.kind === 'record'
          ? group({
              ctx,
              path: ['response', 'effects'],
              legend: fieldLabel('effects'),
              description: effects.description,
              drawn: verdicts,
              children: verdicts.map((verdict) =>
                h(
                  'div',
                  { key: verdict },
                  effectsEditor(
                    ctx,
                    'effects',
                    effects.value,
                    ['response', 'effects', verdict],
                    t('studio.form.verdictEffects', { verdict: valueLabel('response', verdict) }),
                  ),
                ),
              ),
            })
          : null,
      ],
    }),
    ...rest,
  ])
}
