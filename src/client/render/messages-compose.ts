import { MESSAGE_TEXT_MAX } from '../../core/rules/messages.ts'
import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'

/** What the compose box shows and does; the panel keeps the draft (one per channel) and sends it. */
export interface ComposeProps {
  /** The text field's id (its label and counter are tied to it). */
  id: string
  /** Says where the message goes, e.g. "Private message to Europe". */
  label: string
  draft: string
  setDraft: (text: string) => void
  /** Sends the draft (checked here first: not empty, not too long). */
  send: (text: string) => void
  /** Why the last press did not send, shown under the field, or null. */
  problem: string | null
  setProblem: (problem: string | null) => void
  /** A standing line above the field while it holds (the instructor muted the student), or null. */
  note: string | null
}

/** Why `text` cannot be sent as typed, in words, or null. The rules refuse the same (MESSAGE_EMPTY, …_TOO_LONG). */
export function draftProblem(text: string): string | null {
  const trimmed = text.trim()
  if (!trimmed) return t('messages.writeFirst')
  if (trimmed.length > MESSAGE_TEXT_MAX) return t('messages.tooLong', { max: MESSAGE_TEXT_MAX })
  return null
}

/**
 * The compose box: a text field (no `maxlength`: a pasted text is not cut silently, the counter says how much
 * is over), its counter, and Send (Ctrl+Enter or ⌘+Enter in the field sends too; Enter is a new line).
 */
export function renderCompose(props: ComposeProps): View {
  const { id, draft } = props
  const counterId = `${id}-count`
  const problemId = `${id}-problem`
  const noteId = `${id}-note`
  const described = [props.problem ? problemId : null, props.note ? noteId : null, counterId]
  const length = draft.trim().length
  const over = length - MESSAGE_TEXT_MAX
  const submit = () => {
    const problem = draftProblem(draft)
    props.setProblem(problem)
    if (problem) return document.getElementById(id)?.focus()
    props.send(draft.trim())
  }
  return h(
    'form',
    {
      class: 'compose',
      onsubmit: (e: Event) => {
        e.preventDefault()
        submit()
      },
    },
    [
      props.note ? h('p', { id: noteId, class: 'compose-note' }, props.note) : null,
      h('label', { for: id }, props.label),
      h('textarea', {
        id,
        rows: 3,
        value: draft,
        'aria-describedby': described.filter(Boolean).join(' '),
        'aria-invalid': props.problem ? 'true' : null,
        oninput: (e: Event) => {
          props.setDraft((e.currentTarget as HTMLTextAreaElement).value)
          if (props.problem) props.setProblem(null)
        },
        onkeydown: (e: KeyboardEvent) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            submit()
          }
        },
      }),
      props.problem ? h('p', { id: problemId, class: 'form-error', role: 'alert' }, props.problem) : null,
      h('div', { class: 'compose-row' }, [
        h(
          'p',
          { id: counterId, class: over > 0 ? 'counter over' : 'counter' },
          over > 0
            ? t('messages.over', { count: over, max: MESSAGE_TEXT_MAX })
            : t('messages.counter', { count: length, max: MESSAGE_TEXT_MAX }),
        ),
        h('button', { type: 'submit', class: 'primary' }, t('messages.send')),
      ]),
    ],
  )
}
