import type { Command } from '../../core/rules/commands.ts'
import type { Request } from '../../core/rules/state.ts'
import { button, h, textField, uid } from '../dom.ts'
import { type MessageKey, t } from '../i18n/index.ts'
import { type GameView, instrumentName, nameOf } from '../view.ts'

const STATUS: Record<Request['status'], MessageKey> = {
  open: 'requests.status.open',
  granted: 'requests.status.granted',
  declined: 'requests.status.declined',
  lapsed: 'requests.status.lapsed',
}

function requestForm(view: GameView, side: string): HTMLElement {
  const { index } = view
  const options: Array<{ label: string; command: Command }> = []
  for (const to of index.proposers.filter((s) => s !== side))
    for (const i of index.scenario.instruments.filter((x) => x.proposers.includes(to)))
      for (const variant of i.variants.length ? i.variants.map((v) => v.id) : [undefined])
        options.push({
          label: `${nameOf(index, to)}: ${instrumentName(index, i.id, variant)}`,
          command: {
            type: 'request',
            side,
            payload: variant ? { to, instrument: i.id, variant } : { to, instrument: i.id },
          },
        })
  if (options.length === 0) return h('p', {}, t('requests.nothing'))
  const id = uid('request')
  const select = h(
    'select',
    { id, 'data-key': 'request-choice' },
    options.map((o, n) => h('option', { value: n }, o.label)),
  )
  const send = () => {
    const chosen = options[Number(select.value)]
    if (chosen) view.act(chosen.command)
  }
  return h('div', { class: 'request-row' }, [
    h('div', { class: 'field' }, [h('label', { for: id }, t('requests.askFor')), select]),
    button(t('requests.send'), send),
  ])
}

/** Requests: ask another side for an instrument, answer the requests made to the acting side, see the rest. */
export function renderRequests(view: GameView): HTMLElement | null {
  const { index, state, acting } = view
  if (!acting) return null
  const incoming = state.requests
    .map((r, n) => ({ r, n }))
    .filter(({ r }) => r.status === 'open' && r.to === acting)
  const thisRound = state.requests.filter((r) => r.round === state.round)
  return h('section', { class: 'requests', 'aria-labelledby': 'requests-heading' }, [
    h('h3', { id: 'requests-heading' }, t('requests.heading')),
    requestForm(view, acting),
    incoming.length ? h('h4', {}, t('requests.askedOf', { side: nameOf(index, acting) })) : null,
    incoming.length
      ? h(
          'ul',
          { class: 'plain' },
          incoming.map(({ r, n }) => {
            const name = instrumentName(index, r.instrument, r.variant)
            const reason = textField(t('requests.reason', { instrument: name }), `decline-reason-${n}`)
            const payload = r.variant
              ? { instrument: r.instrument, variant: r.variant }
              : { instrument: r.instrument }
            const decline = () => {
              const text = reason.input.value.trim()
              if (!text) {
                view.tell(t('requests.writeReason'))
                reason.input.focus()
                return
              }
              view.act({ type: 'decline', side: acting, payload: { request: n, reason: text } })
            }
            return h('li', { class: 'incoming' }, [
              h('p', {}, t('requests.asks', { side: nameOf(index, r.from), instrument: name })),
              button(
                t('requests.grant', { instrument: name }),
                () => view.act({ type: 'add', side: acting, payload }),
                {
                  class: 'small',
                },
              ),
              reason.field,
              button(t('requests.decline', { instrument: name }), decline, { class: 'small' }),
            ])
          }),
        )
      : null,
    thisRound.length ? h('h4', {}, t('requests.thisRound')) : null,
    thisRound.length
      ? h(
          'ul',
          {},
          thisRound.map((r) => {
            const params = {
              from: nameOf(index, r.from),
              to: nameOf(index, r.to),
              instrument: instrumentName(index, r.instrument, r.variant),
              status: t(STATUS[r.status]),
            }
            return h(
              'li',
              {},
              r.reason
                ? t('requests.lineReason', { ...params, reason: r.reason })
                : t('requests.line', params),
            )
          }),
        )
      : null,
  ])
}

/** The scenario's flags: checkboxes for those the acting side may set, the state of the others. */
export function renderFlags(view: GameView): HTMLElement | null {
  const { index, state, acting } = view
  const flags = index.scenario.flags
  if (flags.length === 0) return null
  return h('section', { class: 'flags', 'aria-labelledby': 'flags-heading' }, [
    h('h3', { id: 'flags-heading' }, t('flags.heading')),
    h(
      'ul',
      { class: 'plain' },
      flags.map((f) => {
        const on = state.flags.includes(f.id)
        if (!acting || !f.settableBy.includes(acting))
          return h('li', {}, [
            h('strong', {}, f.name),
            `: ${t(on ? 'flags.yes' : 'flags.no')}. `,
            h('span', { class: 'hint' }, f.description),
          ])
        const id = uid('flag')
        const hint = uid('hint')
        return h('li', { class: 'choice' }, [
          h('input', {
            type: 'checkbox',
            id,
            checked: on,
            'data-key': `flag:${f.id}`,
            'aria-describedby': hint,
            onchange: (e) =>
              view.act({
                type: 'setFlag',
                side: acting,
                payload: { flag: f.id, value: (e.target as HTMLInputElement).checked },
              }),
          }),
          h('label', { for: id }, f.name),
          h('p', { id: hint, class: 'hint' }, f.description),
        ])
      }),
    ),
  ])
}
