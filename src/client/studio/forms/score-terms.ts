import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import type { DocPath } from '../edits.ts'
import { select } from './choices.ts'
import { conditionEditor } from './condition-editor.ts'
import { defaultCondition } from './condition-model.ts'
import { asList, asRecord, type FormCtx, valueAt } from './context.ts'
import { field, group } from './field.ts'
import { leafField } from './fields.ts'
import { fieldLabel } from './labels.ts'
import { refOptions } from './refs.ts'
import { keysOf, type Shape } from './schema-walk.ts'
import { yamlBox } from './yaml-box.ts'

/**
 * The lines of a side's score: a meter line (points for where a meter ends) or a condition line (points when
 * a condition holds at the end), each with the fields the format gives it.
 */

type TermKind = 'meter' | 'when'

/** Which kind of line a score term is, or null when it is neither. */
export function termKind(term: unknown): TermKind | null {
  const fields = asRecord(term)
  return 'when' in fields ? 'when' : 'meter' in fields ? 'meter' : null
}

function newTerm(kind: TermKind, data: unknown): Record<string, unknown> {
  if (kind === 'when') return { when: defaultCondition(data), points: 10, label: '' }
  return { meter: refOptions(data, 'meter')[0]?.id ?? '', weight: 1 }
}

/** The list of score lines at `path` (`shape`: the format's list of terms). */
export function scoreTerms(ctx: FormCtx, key: string, shape: Shape & { kind: 'list' }, path: DocPath): View {
  const list = asList(valueAt(ctx.data, path))
  const options = shape.item.kind === 'union' ? shape.item.options : []
  return group({
    ctx,
    path,
    legend: fieldLabel(key),
    description: shape.description,
    drawn: list.map((_, i) => i),
    class: 'studio-terms',
    children: [
      list.length === 0 ? h('p', { class: 'hint' }, t('studio.form.empty')) : null,
      ...list.map((term, i) => h('div', { key: i }, termView(ctx, options, term, [...path, i], i))),
      h(
        'div',
        { class: 'actions' },
        (['meter', 'when'] as const).map((kind) =>
          h(
            'button',
            {
              key: kind,
              type: 'button',
              class: 'small',
              onclick: () => ctx.edit({ op: 'append', path, value: newTerm(kind, ctx.data) }),
            },
            t(kind === 'meter' ? 'studio.form.addMeterLine' : 'studio.form.addConditionLine'),
          ),
        ),
      ),
    ],
  })
}

function termView(
  ctx: FormCtx,
  options: readonly Shape[],
  term: unknown,
  path: DocPath,
  index: number,
): View {
  const kind = termKind(term)
  const option = kind ? options.find((o) => keysOf(o).includes(kind)) : undefined
  const legend = t('studio.form.termN', { n: index + 1 })
  const kindField = field({
    ctx,
    path: [...path, '(kind)'],
    label: t('studio.form.termKind'),
    control: (attrs) =>
      select({
        attrs,
        value: kind ?? undefined,
        choices: [
          { value: 'meter', label: t('studio.term.meter') },
          { value: 'when', label: t('studio.term.when') },
        ],
        onChange: (chosen) => {
          if (chosen && chosen !== kind)
            ctx.edit({ op: 'set', path, value: newTerm(chosen as TermKind, ctx.data) })
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
  if (option?.kind !== 'object')
    return h('div', { class: 'studio-term', role: 'group', 'aria-label': legend }, [
      kindField,
      yamlBox({ ctx, path, label: t('studio.form.termYaml') }),
      remove,
    ])
  return group({
    ctx,
    path,
    legend,
    drawn: keysOf(option),
    class: 'studio-term',
    children: [
      kindField,
      ...option.fields.map((f) =>
        h(
          'div',
          { key: f.key },
          f.shape.kind === 'condition'
            ? conditionEditor({
                ctx,
                path: [...path, f.key],
                label: fieldLabel(f.key),
                description: f.shape.description,
              })
            : leafField(ctx, f.key, f.shape, [...path, f.key]),
        ),
      ),
      remove,
    ],
  })
}
