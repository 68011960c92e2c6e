import { h, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import { type DocPath, fieldId } from '../edits.ts'
import { type FormCtx, valueAt } from './context.ts'
import { type ControlAttrs, group } from './field.ts'

/**
 * Choices: a drop-down for one value of a few (an enum, or an element of the scenario named by its id), a
 * group of checkboxes for a list of ids (an instrument's proposers, its tags), and a checkbox for yes or no.
 * A value the file holds that is not among the choices (a misspelt id) stays on offer, marked, so that the
 * form never silently changes it.
 */

/** One choice: the value written in the file and the words shown for it. */
export interface Choice {
  value: string
  label: string
}

/** The choices with `current` added, marked as not found, when the file holds a value none of them has. */
function withCurrent(choices: readonly Choice[], current: readonly string[]): Choice[] {
  const missing = current.filter((v) => v !== '' && !choices.some((c) => c.value === v))
  return [...choices, ...missing.map((value) => ({ value, label: t('studio.form.notFound', { id: value }) }))]
}

interface SelectProps {
  attrs: ControlAttrs
  value: string | undefined
  choices: readonly Choice[]
  /** Offer "none" (the field may be left out). */
  optional?: boolean
  /** Called with the value chosen, or null for "none". */
  onChange: (value: string | null) => void
}

/** A drop-down of `choices`; with nothing chosen yet, it asks for a choice. */
export function select({ attrs, value, choices, optional, onChange }: SelectProps): View {
  const all = withCurrent(choices, value === undefined ? [] : [value])
  const empty = optional || value === undefined || value === ''
  return h(
    'select',
    {
      ...attrs,
      value: value ?? '',
      onchange: (e: Event) => {
        const chosen = (e.currentTarget as HTMLSelectElement).value
        onChange(chosen === '' ? null : chosen)
      },
    },
    [
      empty
        ? h('option', { value: '' }, optional ? t('studio.form.noneChosen') : t('studio.form.choose'))
        : null,
      ...all.map((c) => h('option', { key: c.value, value: c.value }, c.label)),
    ],
  )
}

interface ChecksProps {
  ctx: FormCtx
  path: DocPath
  legend: string
  description?: string
  choices: readonly Choice[]
  /** Shown instead of the boxes when there is nothing to choose from. */
  emptyText?: string
}

/**
 * A list of ids as a group of checkboxes. Ticking appends the id and unticking removes that entry, so that the
 * rest of the list keeps its order and its layout in the file.
 */
export function checks({ ctx, path, legend, description, choices, emptyText }: ChecksProps): View {
  const raw = valueAt(ctx.data, path)
  const current = Array.isArray(raw) ? raw.map(String) : []
  const all = withCurrent(choices, current)
  const base = fieldId(path)
  return group({
    ctx,
    path,
    legend,
    description,
    class: 'studio-checks',
    children:
      all.length === 0 && emptyText
        ? h('p', { class: 'hint' }, emptyText)
        : h(
            'div',
            { class: 'studio-check-list' },
            all.map((c) => {
              const id = `${base}--${c.value}`
              const index = current.indexOf(c.value)
              return h('div', { key: c.value, class: 'choice' }, [
                h('input', {
                  type: 'checkbox',
                  id,
                  checked: index >= 0,
                  onchange: () =>
                    index >= 0
                      ? ctx.edit({ op: 'remove', path: [...path, index] })
                      : ctx.edit({ op: 'append', path, value: c.value }),
                }),
                h('label', { for: id }, c.label),
              ])
            }),
          ),
  })
}

interface CheckboxProps {
  attrs: ControlAttrs
  value: boolean
  onChange: (value: boolean) => void
}

/** A checkbox for a yes-or-no field. */
export function checkbox({ attrs, value, onChange }: CheckboxProps): View {
  return h('input', {
    ...attrs,
    type: 'checkbox',
    checked: value,
    onchange: (e: Event) => onChange((e.currentTarget as HTMLInputElement).checked),
  })
}
