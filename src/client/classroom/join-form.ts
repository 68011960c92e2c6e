import { MAX_NAME_LENGTH } from '../../net/protocol.ts'
import { button, h, uid } from '../dom.ts'
import { t } from '../i18n/index.ts'

/** What the join form shows: what was typed, the last refusal, and whether a join is under way. */
export interface JoinDraft {
  code: string
  name: string
  error: string | null
  busy: boolean
  /** Seconds until the next try, while the server cannot be reached. */
  waiting: number | null
}

/** The actions of the join form. */
export interface JoinFormActions {
  onJoin: () => void
  onBack: () => void
}

/**
 * "Join a class": the room's code (as the instructor shows it, in any case, with or without spaces) and a
 * display name. No account and no other detail: the name is all a room keeps of a student.
 */
export function renderJoinForm(draft: JoinDraft, actions: JoinFormActions): HTMLElement {
  const codeId = uid('code')
  const nameId = uid('name')
  const errorId = uid('join-error')
  const described = draft.error ? errorId : null
  const form = h(
    'form',
    {
      class: 'join-form',
      'aria-labelledby': 'screen-heading',
      novalidate: true,
      onsubmit: (e) => {
        e.preventDefault()
        if (!draft.busy) actions.onJoin()
      },
    },
    [
      h('div', { class: 'field' }, [
        h('label', { for: codeId }, t('classroom.join.code')),
        h('input', {
          id: codeId,
          type: 'text',
          class: 'code-input',
          'data-key': 'join-code',
          value: draft.code,
          maxlength: 12,
          autocomplete: 'off',
          autocapitalize: 'characters',
          spellcheck: 'false',
          'aria-describedby': described,
          oninput: (e) => {
            draft.code = (e.target as HTMLInputElement).value
          },
        }),
      ]),
      h('div', { class: 'field' }, [
        h('label', { for: nameId }, t('classroom.join.name')),
        h('input', {
          id: nameId,
          type: 'text',
          'data-key': 'join-name',
          value: draft.name,
          maxlength: MAX_NAME_LENGTH,
          autocomplete: 'nickname',
          'aria-describedby': described,
          oninput: (e) => {
            draft.name = (e.target as HTMLInputElement).value
          },
        }),
      ]),
      h('p', { class: 'hint' }, t('classroom.join.privacy')),
      draft.error ? h('p', { id: errorId, class: 'form-error', role: 'alert' }, draft.error) : null,
      draft.waiting !== null
        ? h('p', { class: 'waiting', role: 'status' }, t('classroom.unreachable', { seconds: draft.waiting }))
        : null,
      h('div', { class: 'actions' }, [
        h(
          'button',
          {
            type: 'submit',
            class: 'primary',
            'data-key': 'join-submit',
            'aria-busy': draft.busy ? 'true' : null,
          },
          draft.busy ? t('classroom.join.joining') : t('classroom.join.submit'),
        ),
        button(t('classroom.backToGame'), actions.onBack),
      ]),
    ],
  )
  return h('div', { class: 'join-screen' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('classroom.join.heading')),
    h('p', { class: 'lead' }, t('classroom.join.lead')),
    form,
  ])
}
