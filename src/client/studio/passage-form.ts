/**
 * The form under a selected passage: where to quote it (an actor's statement, the words behind a red line,
 * a constraint's source or an instrument's source; an existing element or a new one), and what that place
 * asks for besides (who said it, when, a new actor's name and office). "Quote it there" makes the edits and
 * opens the element, so that the teacher sees the quote in its form.
 */
import { useState } from 'preact/hooks'
import { button, component, h, type View } from '../dom.ts'
import { type MessageKey, t } from '../i18n/index.ts'
import { asList, asRecord } from './forms/context.ts'
import {
  type Passage,
  type PassageDetails,
  parseTarget,
  passageEdits,
  type TargetChoice,
  targetChoices,
} from './passage.ts'
import type { SourcesProps } from './sources.ts'

/** What the form is given. */
export interface PassageFormProps extends SourcesProps {
  passage: Passage
  /** The passage was quoted (or the form closed): the reader forgets it. */
  done: () => void
  key?: string
}

const GROUPS: Array<[TargetChoice['group'], MessageKey]> = [
  ['statement', 'studio.passage.statements'],
  ['stated', 'studio.passage.redLines'],
  ['constraint', 'studio.passage.constraints'],
  ['instrument', 'studio.passage.instruments'],
]

function choiceText(c: TargetChoice): string {
  if (c.name !== null) return c.side ? t('studio.passage.ofSide', { name: c.name, side: c.side }) : c.name
  switch (c.group) {
    case 'statement':
      return t('studio.passage.newActor')
    case 'stated':
      return t('studio.passage.newRedLine')
    case 'constraint':
      return t('studio.passage.newConstraint', { side: c.side ?? '' })
    case 'instrument':
      return t('studio.passage.newInstrument')
  }
}

function input(id: string, label: string, value: string, set: (v: string) => void): View {
  return h('div', { class: 'field' }, [
    h('label', { for: id }, label),
    h('input', {
      id,
      type: 'text',
      value,
      maxlength: 500,
      oninput: (e: Event) => set((e.currentTarget as HTMLInputElement).value),
    }),
  ])
}

function PassageForm(props: PassageFormProps): View {
  const choices = targetChoices(props.data)
  const [value, setValue] = useState(choices[0]?.value ?? 'statement:new')
  const [details, setDetails] = useState<PassageDetails>({})
  const [error, setError] = useState<string | null>(null)
  const target = parseTarget(value)
  const set = (key: keyof PassageDetails) => (v: string) => setDetails((d) => ({ ...d, [key]: v }))
  const actors = asList(asRecord(props.data).actors).map(asRecord)
  const asks = {
    date: target?.kind === 'statement' || target?.kind === 'stated',
    speaker: target?.kind === 'stated',
    actor: target?.kind === 'statement' && target.actor === 'new',
  }
  const quote = () => {
    if (!target) return
    if (asks.speaker && !details.speaker) return setError(t('studio.passage.needSpeaker'))
    const made = passageEdits(props.data, target, props.passage, details)
    if (!made) return setError(t('studio.passage.gone'))
    for (const e of made.edits) props.edit(e)
    props.announce(t('studio.passage.done'))
    props.done()
    props.reveal(made.path)
  }
  return h('div', { class: 'passage-form', role: 'group', 'aria-labelledby': 'passage-heading' }, [
    h('h5', { id: 'passage-heading' }, t('studio.passage.heading')),
    h('blockquote', { class: 'passage' }, `“${props.passage.quote}”`),
    h('div', { class: 'field' }, [
      h('label', { for: 'passage-target' }, t('studio.passage.target')),
      h(
        'select',
        {
          id: 'passage-target',
          value,
          onchange: (e: Event) => {
            setValue((e.currentTarget as HTMLSelectElement).value)
            setError(null)
          },
        },
        GROUPS.map(([group, label]) =>
          h(
            'optgroup',
            { key: group, label: t(label) },
            choices
              .filter((c) => c.group === group)
              .map((c) => h('option', { key: c.value, value: c.value }, choiceText(c))),
          ),
        ),
      ),
    ]),
    asks.speaker
      ? h('div', { class: 'field' }, [
          h('label', { for: 'passage-speaker' }, t('studio.passage.speaker')),
          h(
            'select',
            {
              id: 'passage-speaker',
              value: details.speaker ?? '',
              onchange: (e: Event) => set('speaker')((e.currentTarget as HTMLSelectElement).value),
            },
            [
              h('option', { value: '' }, t('studio.passage.chooseSpeaker')),
              ...actors.map((a) =>
                h('option', { key: String(a.id), value: String(a.id) }, String(a.name ?? a.id)),
              ),
            ],
          ),
          actors.length ? null : h('p', { class: 'hint' }, t('studio.passage.noActors')),
        ])
      : null,
    asks.actor ? input('passage-name', t('studio.passage.name'), details.name ?? '', set('name')) : null,
    asks.actor
      ? input('passage-office', t('studio.passage.office'), details.office ?? '', set('office'))
      : null,
    asks.date ? input('passage-date', t('studio.passage.date'), details.date ?? '', set('date')) : null,
    error ? h('p', { class: 'studio-error', role: 'alert' }, error) : null,
    h('div', { class: 'actions' }, [
      button(t('studio.passage.quote'), quote, { class: 'primary' }),
      button(t('studio.cancel'), props.done),
    ]),
  ])
}

/** The form under a selected passage. */
export function renderPassageForm(props: PassageFormProps): View {
  return component(PassageForm, props)
}
