import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import type { DocPath } from '../edits.ts'
import { asRecord, type FormCtx, valueAt } from './context.ts'
import { field, group } from './field.ts'
import { numberBox } from './inputs.ts'
import { fieldLabel } from './labels.ts'
import { refOptions } from './refs.ts'
import type { Shape } from './schema-walk.ts'

/**
 * A number for each side (an instrument's costs and risks, an ending's scores): one box per proposing side,
 * and for any other key the file holds (the responding side, an unknown id), so nothing written is hidden.
 * An empty box leaves the side out.
 */
export function sideMap(ctx: FormCtx, key: string, shape: Shape & { kind: 'record' }, path: DocPath): View {
  const raw = valueAt(ctx.data, path)
  const values = asRecord(raw)
  const sides = refOptions(ctx.data, 'side')
  const proposers = new Set(refOptions(ctx.data, 'proposer').map((s) => s.id))
  const shown = [
    ...sides.filter((s) => proposers.has(s.id) || s.id in values),
    ...Object.keys(values)
      .filter((k) => !sides.some((s) => s.id === k))
      .map((k) => ({ id: k, name: t('studio.form.notFound', { id: k }) })),
  ]
  const number = shape.value.kind === 'number' ? shape.value : undefined
  return group({
    ctx,
    path,
    legend: fieldLabel(key),
    description: shape.description,
    drawn: shown.map((s) => s.id),
    class: 'studio-side-map',
    children: h(
      'div',
      { class: 'studio-side-map-row' },
      shown.map((side) =>
        h(
          'div',
          { key: side.id },
          field({
            ctx,
            path: [...path, side.id],
            label: side.name,
            control: (attrs) =>
              numberBox({
                attrs,
                value: typeof values[side.id] === 'number' ? (values[side.id] as number) : undefined,
                min: number?.min,
                max: number?.max,
                onInput: (n) => {
                  if (n !== null) return ctx.edit({ op: 'set', path: [...path, side.id], value: n })
                  const others = Object.keys(values).filter((k) => k !== side.id)
                  // The last value of a map that may be left out: leave the whole map out (a variant's
                  // costs then stay the instrument's), rather than write an empty one.
                  if (
                    others.length === 0 &&
                    raw !== undefined &&
                    shape.optional &&
                    shape.default === undefined
                  )
                    ctx.edit({ op: 'remove', path })
                  else if (side.id in values) ctx.edit({ op: 'remove', path: [...path, side.id] })
                },
              }),
          }),
        ),
      ),
    ),
  })
}
