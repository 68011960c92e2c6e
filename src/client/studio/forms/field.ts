import type { Problem } from '../../../core/scenario/load/problems.ts'
import { type Children, h, type View } from '../../dom.ts'
import { getLanguage, t } from '../../i18n/index.ts'
import { type DocPath, fieldId } from '../edits.ts'
import type { FormCtx } from './context.ts'
import { helpText } from './labels.ts'

/**
 * The frame around every control of the forms: its label, the format's help under it, and the problems the
 * checker found at it, worded as the checker words them and tied to the control (`aria-describedby`, and
 * `aria-invalid` for an error), so that a screen reader hears them with the field.
 */

/** The attributes a control takes from its frame: its id (the studio's `fieldId`) and what describes it. */
export interface ControlAttrs {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: 'true'
}

/** The checker's problems at a place, each with its severity in words, its message and its fix. */
export function problemNotes(problems: readonly Problem[], id: string): View | null {
  if (problems.length === 0) return null
  // The checker words its problems in English.
  const lang = getLanguage() === 'en' ? {} : { lang: 'en' }
  return h(
    'ul',
    { class: 'plain studio-problems', id },
    problems.map((p, i) =>
      h('li', { key: `${p.code}-${i}`, class: `studio-problem ${p.severity}` }, [
        h('strong', {}, `${t(p.severity === 'error' ? 'problems.error' : 'problems.warning')}:`),
        ' ',
        h('span', lang, `${p.message}.`),
        ' ',
        h('strong', {}, t('problems.fix')),
        ' ',
        h('span', lang, p.fix),
      ]),
    ),
  )
}

/** The ids that describe a control, and whether an error makes it invalid. */
function described(id: string, help: boolean, problems: readonly Problem[]): Omit<ControlAttrs, 'id'> {
  const ids = [help ? `${id}-help` : '', problems.length ? `${id}-problems` : ''].filter(Boolean)
  return {
    ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}),
    ...(problems.some((p) => p.severity === 'error') ? { 'aria-invalid': 'true' as const } : {}),
  }
}

/** What a field needs to be framed: where it is, its words, and its control. */
export interface FieldFrame {
  ctx: FormCtx
  path: DocPath
  label: string
  description?: string
  /** Draws the control with the attributes that tie it to its label, help and problems. */
  control: (attrs: ControlAttrs) => View
  /** A checkbox: the control before its label, on one line. */
  inline?: boolean
  /** Drawn after the control, before the help (a button that belongs to the field). */
  extra?: Children
  /** The control's id, when not the path's field id (another control of the path has it). */
  id?: string
  /** The problems to show, when not those at the path and under it. */
  problems?: readonly Problem[]
}

/** A labelled field: label, control, help and the problems at its path or under it. */
export function field(frame: FieldFrame): View {
  const id = frame.id ?? fieldId(frame.path)
  const problems = frame.problems ?? frame.ctx.problems.under(frame.path)
  const control = frame.control({ id, ...described(id, Boolean(frame.description), problems) })
  const label = h('label', { for: id }, frame.label)
  return h('div', { class: frame.inline ? 'choice studio-field' : 'field studio-field' }, [
    ...(frame.inline ? [control, label] : [label, control]),
    frame.extra ?? null,
    helpText(frame.description, `${id}-help`),
    problemNotes(problems, `${id}-problems`),
  ])
}

/** What a group of fields needs to be framed. */
export interface GroupFrame {
  ctx: FormCtx
  path: DocPath
  legend: string
  description?: string
  /** The keys or indexes of the parts the group draws (they show their own problems); all when omitted. */
  drawn?: Iterable<string | number>
  children: Children
  class?: string
}

/**
 * A group of fields (a `fieldset` with its legend and help) that shows the problems at its own path, and those
 * under it at parts it does not draw. It carries the path's field id, so the studio can move focus to it.
 */
export function group(frame: GroupFrame): View {
  const id = fieldId(frame.path)
  const problems = frame.drawn
    ? frame.ctx.problems.unclaimed(frame.path, frame.drawn)
    : frame.ctx.problems.under(frame.path)
  const describedBy = described(id, Boolean(frame.description), problems)['aria-describedby']
  return h(
    'fieldset',
    {
      class: `studio-group ${frame.class ?? ''}`.trim(),
      id,
      tabindex: -1,
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    },
    [
      h('legend', {}, frame.legend),
      helpText(frame.description, `${id}-help`),
      problemNotes(problems, `${id}-problems`),
      frame.children,
    ],
  )
}
