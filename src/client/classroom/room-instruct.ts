import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameState } from '../../core/rules/state.ts'
import { button, h, uid } from '../dom.ts'
import { type MessageKey, t } from '../i18n/index.ts'
import { verdictText } from '../view.ts'
import type { Send } from './room-controls.ts'
import type { RoomDraft } from './rooms.ts'

const VERDICTS: Record<RoomDraft['verdict'], MessageKey> = {
  accept: 'classroom.overrule.accept',
  demandRemoval: 'classroom.overrule.demandRemoval',
  reject: 'classroom.overrule.reject',
}

/** Bring one of the scenario's events into the talks now (while the sides negotiate). */
export function renderInject(
  index: ScenarioIndex,
  game: GameState,
  draft: RoomDraft,
  send: Send,
): HTMLElement {
  const id = uid('event')
  const events = index.scenario.events
  const chosen = events.find((e) => e.id === draft.event) ?? events[0]
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
                'data-key': 'inject-event',
                onchange: (e) => {
                  draft.event = (e.target as HTMLSelectElement).value
                },
              },
              events.map((e) =>
                h(
                  'option',
                  { value: e.id, selected: e.id === chosen?.id },
                  game.firedEvents.includes(e.id) && !e.repeat
                    ? t('classroom.inject.fired', { title: e.title })
                    : e.title,
                ),
              ),
            ),
          ]),
          h('p', { class: 'hint' }, open ? t('classroom.inject.hint') : t('classroom.inject.closed')),
          button(t('classroom.inject.submit'), () => {
            const event = draft.event || chosen?.id
            if (event) void send('inject', { event })
          }),
        ]),
  ])
}

/**
 * Overrule Russia's answer to the package just tabled: another verdict, with the reason the students will
 * read (required). Offered from the answer until the proposers have all decided (an overrule may end the
 * game, or reopen one the answer ended).
 */
export function renderOverrule(
  index: ScenarioIndex,
  game: GameState,
  draft: RoomDraft,
  send: Send,
  redraw: () => void,
): HTMLElement | null {
  const response = game.response
  // Until the proposers have decided: while they vote, or when the answer itself ended the game (a deal).
  const last = game.history.at(-1)
  const open = game.phase === 'deciding' || (game.phase === 'ended' && !!last?.response && !last.decision)
  if (!response || !open) return null
  const verdictId = uid('verdict')
  const reasonId = uid('reason')
  const errorId = uid('reason-error')
  const submit = async () => {
    const reason = draft.reason.trim()
    if (!reason) {
      draft.reasonMissing = true
      redraw()
      document.getElementById(reasonId)?.focus()
      return
    }
    draft.reasonMissing = false
    if (await send('overrule', { verdict: draft.verdict, reason })) draft.reason = ''
    redraw()
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
          'data-key': 'overrule-verdict',
          onchange: (e) => {
            draft.verdict = (e.target as HTMLSelectElement).value as RoomDraft['verdict']
          },
        },
        (Object.keys(VERDICTS) as RoomDraft['verdict'][]).map((v) =>
          h('option', { value: v, selected: v === draft.verdict }, t(VERDICTS[v])),
        ),
      ),
    ]),
    h('div', { class: 'field' }, [
      h('label', { for: reasonId }, t('classroom.overrule.reason')),
      h('input', {
        id: reasonId,
        type: 'text',
        required: true,
        maxlength: 500, // the protocol's longest reason
        'data-key': 'overrule-reason',
        value: draft.reason,
        'aria-invalid': draft.reasonMissing ? 'true' : null,
        'aria-describedby': draft.reasonMissing ? errorId : null,
        oninput: (e) => {
          draft.reason = (e.target as HTMLInputElement).value
        },
      }),
      draft.reasonMissing
        ? h('p', { id: errorId, class: 'form-error', role: 'alert' }, t('classroom.overrule.needReason'))
        : null,
    ]),
    button(t('classroom.overrule.submit'), () => void submit()),
  ])
}
