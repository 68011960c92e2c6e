import { useState } from 'preact/hooks'
import { MAX_NAME_LENGTH } from '../../net/protocol.ts'
import { button, component, h, useUid, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'

/** Where the device's join stands: under way (and waiting for the server), or refused. */
export interface JoinAttempt {
  /** The room's code last tried (the form starts with it). */
  code: string
  error: string | null
  busy: boolean
  /** Seconds until the next try, while the server cannot be reached. */
  waiting: number | null
}

/** What the join form shows and does. */
export interface JoinFormProps {
  attempt: JoinAttempt
  /** Joins with the code and name as typed. */
  onJoin: (code: string, name: string) => void
  onBack: () => void
}

/**
 * "Join a class": the room's code (as the instructor shows it, in any case, with or without spaces) and a
 * display name. No account and no other detail: the name is all a room keeps of a student.
 */
function JoinForm({ attempt, onJoin, onBack }: JoinFormProps): View {
  const [code, setCode] = useState(attempt.code)
  const [name, setName] = useState('')
  const codeId = useUid('code')
  const nameId = useUid('name')
  const errorId = useUid('join-error')
  const described = attempt.error ? errorId : null
  const form = h(
    'form',
    {
      class: 'join-form',
      'aria-labelledby': 'screen-heading',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault()
        if (!attempt.busy) onJoin(code, name)
      },
    },
    [
      h('div', { class: 'field' }, [
        h('label', { for: codeId }, t('classroom.join.code')),
        h('input', {
          id: codeId,
          type: 'text',
          class: 'code-input',
          value: code,
          maxlength: 12,
          autocomplete: 'off',
          autocapitalize: 'characters',
          spellcheck: false, // the property: the string 'false' would turn it on
          'aria-describedby': described,
          oninput: (e: Event) => setCode((e.currentTarget as HTMLInputElement).value),
        }),
      ]),
      h('div', { class: 'field' }, [
        h('label', { for: nameId }, t('classroom.join.name')),
        h('input', {
          id: nameId,
          type: 'text',
          value: name,
          maxlength: MAX_NAME_LENGTH,
          autocomplete: 'nickname',
          'aria-describedby': described,
          oninput: (e: Event) => setName((e.currentTarget as HTMLInputElement).value),
        }),
      ]),
      h('p', { class: 'hint' }, t('classroom.join.privacy')),
      attempt.error ? h('p', { id: errorId, class: 'form-error', role: 'alert' }, attempt.error) : null,
      attempt.waiting !== null
        ? h(
            'p',
            { class: 'waiting', role: 'status' },
            t('classroom.unreachable', { seconds: attempt.waiting }),
          )
        : null,
      h('div', { class: 'actions' }, [
        h(
          'button',
          { type: 'submit', class: 'primary', 'aria-busy': attempt.busy ? 'true' : null },
          attempt.busy ? t('classroom.join.joining') : t('classroom.join.submit'),
        ),
        button(t('classroom.backToGame'), onBack),
      ]),
    ],
  )
  return h('div', { class: 'join-screen' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('classroom.join.heading')),
    h('p', { class: 'lead' }, t('classroom.join.lead')),
    form,
  ])
}

/** The join form, which keeps what was typed in it; `attempt` is the device's join as it stands. */
export function renderJoinForm(props: JoinFormProps): View {
  return component(JoinForm, props)
}
