import { ScenarioSchema } from '../../../core/scenario/schema/scenario.ts'
import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import { asRecord, type FormCtx, valueAt } from './context.ts'
import { group } from './field.ts'
import { leafField } from './fields.ts'
import { fieldLabel } from './labels.ts'
import { refOptions } from './refs.ts'
import { fieldOf, shapeOf } from './schema-walk.ts'
import { scoreTerms } from './score-terms.ts'

/**
 * The Scoring section: for each proposing side, the score at which it has come out ahead (par) and the lines
 * its score adds up; a side without a score can be given one, and a score under an id that is no side (left
 * from a renamed side) is shown so that it can be removed. The points a side loses for endorsing against its
 * own constraints are set here too.
 */
export function scoringForm(ctx: FormCtx): View {
  const scenario = shapeOf(ScenarioSchema)
  const penalty = fieldOf(scenario, 'constraintPenalty')
  return h('div', { class: 'studio-scoring' }, [
    penalty ? leafField(ctx, 'constraintPenalty', penalty.shape, ['constraintPenalty']) : null,
    scores(ctx),
  ])
}

function scores(ctx: FormCtx): View {
  const scoring = fieldOf(shapeOf(ScenarioSchema), 'scoring')?.shape
  const entry = scoring?.kind === 'record' ? scoring.value : undefined
  const par = entry ? fieldOf(entry, 'par')?.shape : undefined
  const terms = entry ? fieldOf(entry, 'terms')?.shape : undefined
  const scores = asRecord(valueAt(ctx.data, ['scoring']))
  const sides = refOptions(ctx.data, 'proposer')
  const shown = [
    ...sides,
    ...Object.keys(scores)
      .filter((id) => !sides.some((s) => s.id === id))
      .map((id) => ({ id, name: refOptions(ctx.data, 'side').find((s) => s.id === id)?.name ?? id })),
  ]
  return group({
    ctx,
    path: ['scoring'],
    legend: fieldLabel('scoring'),
    description: scoring?.description,
    drawn: shown.map((s) => s.id),
    children: shown.map((side) => {
      const path = ['scoring', side.id]
      const name = sides.some((s) => s.id === side.id)
        ? side.name
        : t('studio.form.notFound', { id: side.name })
      if (!(side.id in scores))
        return h('div', { key: side.id, class: 'studio-optional' }, [
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              onclick: () => ctx.edit({ op: 'set', path, value: { par: 0, terms: [] } }),
            },
            t('studio.form.addScoring', { side: name }),
          ),
        ])
      return h(
        'div',
        { key: side.id },
        group({
          ctx,
          path,
          legend: t('studio.form.scoringFor', { side: name }),
          drawn: ['par', 'terms'],
          children: [
            par ? leafField(ctx, 'par', par, [...path, 'par']) : null,
            terms?.kind === 'list' ? scoreTerms(ctx, 'terms', terms, [...path, 'terms']) : null,
            h(
              'button',
              { type: 'button', class: 'small', onclick: () => ctx.edit({ op: 'remove', path }) },
              t('studio.form.removeScoring', { side: name }),
            ),
          ],
        }),
      )
    }),
  })
}
