import { useState } from 'preact/hooks'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { handInCount } from '../../net/grading.ts'
import { LIMITS } from '../../net/protocol.ts'
import type { RoomView } from '../../net/view.ts'
import { button, component, h, useUid, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import type { Send } from './room-controls.ts'

interface QuestionsProps {
  index: ScenarioIndex
  view: RoomView
  send: Send
}

/**
 * The room's questions for reflection, as the instructor manages them: how many the scenario asks, those
 * the instructor added (each with Remove), a field to add one, and how many students have handed in. The
 * field keeps what is typed until the room takes the question, then empties. Once every student asked has
 * handed in, the questions are settled (the room refuses changes): no field, no Remove.
 */
function RoomQuestions({ index, view, send }: QuestionsProps): View {
  const id = useUid('room-question')
  const [draft, setDraft] = useState('')
  const reflection = view.reflection
  const own = reflection?.questions.filter((q) => q.side === null) ?? []
  const fromScenario = index.scenario.sides.reduce((n, s) => n + (s.reflection?.length ?? 0), 0)
  // Observers, and students whose side has no questions, are asked nothing: they are not counted.
  const { handed, total, closed } = handInCount(view)
  const add = async () => {
    const text = draft.trim()
    if (!text) return document.getElementById(id)?.focus()
    if (await send('addQuestion', { text })) setDraft('')
  }
  return h('section', { class: 'room-questions', 'aria-labelledby': `${id}-heading` }, [
    h('h4', { id: `${id}-heading` }, t('reflection.manage')),
    h('p', { class: 'hint' }, t('reflection.manageLead')),
    h('p', {}, t('reflection.scenarioQuestions', { count: fromScenario })),
    own.length
      ? h(
          'ol',
          { class: 'plain' },
          own.map((q) =>
            h('li', { key: q.id }, [
              q.text,
              closed ? null : ' ',
              closed
                ? null
                : button(t('reflection.remove'), () => void send('removeQuestion', { id: q.id }), {
                    class: 'small',
                    'aria-label': t('reflection.removeLabel', { question: q.text }),
                  }),
            ]),
          ),
        )
      : h('p', { class: 'hint' }, t('reflection.none')),
    closed
      ? null
      : h(
          'form',
          {
            class: 'inline-form',
            onsubmit: (e: Event) => {
              e.preventDefault()
              void add()
            },
          },
          [
            h('label', { for: id }, t('reflection.newQuestion')),
            h('input', {
              id,
              type: 'text',
              value: draft,
              maxlength: LIMITS.questionChars,
              oninput: (e: Event) => setDraft((e.currentTarget as HTMLInputElement).value),
            }),
            h('button', { type: 'submit' }, t('reflection.add')),
          ],
        ),
    view.status === 'lobby' ? null : h('p', {}, t('reflection.handedInCount', { count: handed, total })),
  ])
}

/** The room's questions for reflection, for the instructor's panel (see RoomQuestions). */
export function renderRoomQuestions(index: ScenarioIndex, view: RoomView, send: Send): View {
  return component(RoomQuestions, { key: view.code, index, view, send })
}
