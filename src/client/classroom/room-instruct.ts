import { useRef, useState } from 'preact/hooks'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameState } from '../../core/rules/state.ts'
import type { ResponseKind } from '../../core/scenario/schema/conditions.ts'
import { button, component, h, useUid, type View } from '../dom.ts'
import { type MessageKey, t } from '../i18n/index.ts'
import { verdictText } from '../view.ts'
import type { Send } from './room-controls.ts'

type Verdict = ResponseKind

const VERDICTS: Record<Verdict, MessageKey> = {
  accept: 'classroom.overrule.accept',
  demandRemoval: 'classroom.overrule.demandRemoval',
  reject: 'classroom.overrule.reject',
}

interface InstructProps {
  index: ScenarioIndex
  game: GameState
  send: Send
}

function Inject({ index, game, send }: InstructProps): View {
  const id = useUid('event')
  const [picked, setPicked] = useState('')
  const events = index.scenario.events
  const chosen = events.find((e) => e.id === picked) ?? events[0]
  const open = game.phase === 'negotiating'
  return h('section', { class: 'inject', 'aria-labelledby': `${id}-heading` }, [
    h('h4', { id: `${id}-heading` }, t('classroom.inject.heading')),
    events.length === 0
      ? h('p', {}, t('classroom.inject.none'))
      : h('div', {}, [
          h('div', { class: 'field' }, [
            h('label', { for: id }, t('classroom.inject.event')),
            h(
              'select',
              {
                id,
                value: chosen?.id,
                onchange: (e: Event) => setPicked((e.currentTarget as HTMLSelectElement).value),
              },
              events.map((e) =>
                h(
                  'option',
                  { value: e.id },
                  game.firedEvents.includes(e.id) && !e.repeat
                    ? t('classroom.inject.fired', { title: e.title })
                    : e.title,
                ),
              ),
            ),
          ]),
          h('p', { class: 'hint' }, open ? t('classroom.inject.hint') : t('classroom.inject.closed')),
          button(t('classroom.inject.submit'), () => {
            if (chosen) void send('command', { command: { type: 'inject', payload: { event: chosen.id } } })
          }),
        ]),
  ])
}

/** Bring one of the scenario's events into the talks now (while the sides negotiate). */
export function renderInject(index: ScenarioIndex, game: GameState, send: Send): View {
  return component(Inject, { index, game, send })
}

function Overrule({ index, game, send }: InstructProps): View | null {
  const [verdict, setVerdict] = useState<Verdict>('accept')
  const [reason, setReason] = useState('')
  /** The overrule was asked for without a reason. */
  const [missing, setMissing] = useState(false)
  const reasonField = useRef<HTMLInputElement>(null)
  const verdictId = useUid('verdict')
  const reasonId = useUid('reason')
  const errorId = useUid('reason-error')
  const response = game.response
  // Until the proposers have decided: while they vote, or when the answer itself ended the game (a deal).
  const last = game.history.at(-1)
  const open = game.phase === 'deciding' || (game.phase === 'ended' && !!last?.response && !last.decision)
  if (!response || !open) return null
  const submit = async () => {
    const text = reason.trim()
    setMissing(!text)
    if (!text) return reasonField.current?.focus()
    // Done: the form starts afresh, so that text left in it does not read as an overrule that failed.
    if (await send('command', { command: { type: 'overrule', payload: { verdict, reason: text } } })) {
      setVerdict('accept')
      setReason('')
    }
  }
  return h('section', { class: 'overrule', 'aria-labelledby': `${verdictId}-heading` }, [
    h(
      'h4',
      { id: `${verdictId}-heading` },
      t('classroom.overrule.heading', {
        responder: index.sides.get(index.responder)?.name ?? index.responder,
      }),
    ),
    h('p', {}, t('classroom.overrule.current', { verdict: verdictText(index, response) })),
    h('div', { class: 'field' }, [
      h('label', { for: verdictId }, t('classroom.overrule.verdict')),
      h(
        'select',
        {
          id: verdictId,
          value: verdict,
          onchange: (e: Event) => setVerdict((e.currentTarget as HTMLSelectElement).value as Verdict),
        },
        (Object.keys(VERDICTS) as Verdict[]).map((v) => h('option', { value: v }, t(VERDICTS[v]))),
      ),
    ]),
    h('div', { class: 'field' }, [
      h('label', { for: reasonId }, t('classroom.overrule.reason')),
      h('input', {
        id: reasonId,
        ref: reasonField,
        type: 'text',
        required: true,
        maxlength: 500, // the protocol's longest reason
        value: reason,
        'aria-invalid': missing ? 'true' : null,
        'aria-describedby': missing ? errorId : null,
        oninput: (e: Event) => setReason((e.currentTarget as HTMLInputElement).value),
      }),
      missing
        ? h('p', { id: errorId, class: 'form-error', role: 'alert' }, t('classroom.overrule.needReason'))
        : null,
    ]),
    button(t('classroom.overrule.submit'), () => void submit()),
  ])
}

/**
 * Overrule Russia's answer to the package just tabled: another verdict, with the reason the students will
 * read (required). Offered from the answer until the proposers have all decided (an overrule may end the
 * game, or reopen one the answer ended). The form keeps its own verdict and reason, and clears them once the
 * room has taken the overrule.
 */
export function renderOverrule(index: ScenarioIndex, game: GameState, send: Send): View {
  return component(Overrule, { index, game, send })
}
