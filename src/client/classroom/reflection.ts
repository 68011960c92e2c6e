import { useState } from 'preact/hooks'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { questionWords } from '../../net/grading.ts'
import { LIMITS } from '../../net/protocol.ts'
import type { ReflectionView } from '../../net/view.ts'
import { button, component, h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { nameOf } from '../view.ts'

/** What the reflection screen does with the student's answers; each resolves with whether the room took it. */
export interface ReflectionActions {
  /** Keeps one answer (an empty text clears it). */
  save(question: string, text: string): Promise<boolean>
  /** Hands the answers in (or skips the questions): the full debrief then opens. */
  submit(): Promise<boolean>
}

interface ReflectionProps {
  /** The room's scenario, localised into the interface's language. */
  index: ScenarioIndex
  reflection: ReflectionView
  /** The game's ending, in words, for the line above the questions. */
  ending: string
  actions: ReflectionActions
}

/**
 * A student's questions for reflection, between the game's ending and the full debrief: one field per
 * question (their side's, then the instructor's), kept in the room when the field is left, until the student
 * hands them in or skips. What is typed stays in the form while the room's views come and go.
 */
function ReflectionScreen({ index, reflection, ending, actions }: ReflectionProps): View {
  const kept = new Map(reflection.answers.map((a) => [a.question, a.text]))
  const [drafts, setDrafts] = useState<Record<string, string>>(() => Object.fromEntries(kept))
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const draftOf = (id: string) => drafts[id] ?? kept.get(id) ?? ''

  /** Sends every field that differs from what the room keeps; false when the room refused one. */
  const saveAll = async (): Promise<boolean> => {
    for (const q of reflection.questions) {
      const text = draftOf(q.id)
      if (text === (kept.get(q.id) ?? '')) continue
      if (!(await actions.save(q.id, text))) return false
    }
    return true
  }
  const hand = async (confirmFirst: boolean) => {
    if (confirmFirst && !window.confirm(t('reflection.skipConfirm'))) return
    setBusy(true)
    setStatus(t('reflection.saving'))
    const done = (await saveAll()) && (await actions.submit())
    setBusy(false)
    if (!done) setStatus('')
  }
  const field = (q: ReflectionView['questions'][number], n: number) => {
    const id = `reflection-${n}`
    const text = draftOf(q.id)
    const words = questionWords(q, index.scenario)
    return h('div', { class: 'reflection-question', key: q.id }, [
      h(
        'p',
        { class: 'reflection-from' },
        q.side ? t('reflection.yourSide', { side: nameOf(index, q.side) }) : t('reflection.forRoom'),
      ),
      h('label', { for: id }, words.text),
      h('textarea', {
        id,
        rows: 5,
        maxlength: LIMITS.answerChars,
        value: text,
        disabled: busy,
        'aria-describedby': `${id}-count`,
        oninput: (e: Event) =>
          setDrafts({ ...drafts, [q.id]: (e.currentTarget as HTMLTextAreaElement).value }),
        // Kept in the room as soon as the student leaves the field, so a lost device loses nothing.
        onchange: async (e: Event) => {
          setStatus(t('reflection.saving'))
          const ok = await actions.save(q.id, (e.currentTarget as HTMLTextAreaElement).value)
          setStatus(ok ? t('reflection.saved') : '')
        },
      }),
      h(
        'p',
        { id: `${id}-count`, class: 'counter' },
        t('reflection.count', { count: [...text].length, max: LIMITS.answerChars }),
      ),
    ])
  }
  return h('div', { class: 'reflection' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('reflection.heading')),
    h('p', { class: 'ending-text' }, t('reflection.ended', { ending })),
    h('p', { class: 'lead' }, t('reflection.lead')),
    h(
      'form',
      {
        class: 'reflection-form',
        onsubmit: (e: Event) => {
          e.preventDefault()
          void hand(false)
        },
      },
      [
        ...reflection.questions.map(field),
        h('p', { class: 'reflection-status', role: 'status' }, status),
        h('div', { class: 'actions' }, [
          h('button', { type: 'submit', class: 'primary', disabled: busy }, t('reflection.submit')),
          button(t('reflection.skip'), () => void hand(true), { disabled: busy }),
        ]),
      ],
    ),
  ])
}

/** The student's reflection screen (see ReflectionScreen). */
export function renderReflection(props: ReflectionProps): View {
  return component(ReflectionScreen, props)
}

/**
 * Whether the student still has questions to answer before the full debrief: the room asks them some, and
 * they have not handed their answers in.
 */
export function reflectionPending(reflection: ReflectionView | undefined, seat: string): boolean {
  return !!reflection && reflection.questions.length > 0 && !reflection.submitted.includes(seat)
}
