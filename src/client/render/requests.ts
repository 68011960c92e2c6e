import { useRef, useState } from 'preact/hooks'
import type { Command } from '../../core/rules/commands.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Request } from '../../core/rules/state.ts'
import { button, component, h, textField, typedValue, useUid, type View } from '../dom.ts'
import { type MessageKey, t } from '../i18n/index.ts'
import { ENGINE_LANGUAGE, withForeignPart } from '../i18n/scenario.ts'
import { type GameView, instrumentName, nameOf } from '../view.ts'
import { useKeepFocus } from './focus.ts'

const STATUS: Record<Request['status'], MessageKey> = {
  open: 'requests.status.open',
  granted: 'requests.status.granted',
  declined: 'requests.status.declined',
  lapsed: 'requests.status.lapsed',
}

const withdrawing = (r: Pick<Request, 'action'>) => r.action === 'withdraw'

/** A request in words, e.g. "Europe asks Ukraine to withdraw NATO membership". */
export function requestText(index: ScenarioIndex, r: Request): string {
  return t(withdrawing(r) ? 'requests.describeWithdraw' : 'requests.describeAdd', {
    from: nameOf(index, r.from),
    to: nameOf(index, r.to),
    instrument: instrumentName(index, r.instrument, r.variant),
  })
}

/** "In return, Europe would grant request 1 (Ukraine asks Europe to add …)." for a counter-offer. */
function tradeText(index: ScenarioIndex, requests: readonly Request[], r: Request): string | null {
  if (r.inReturnFor === undefined) return null
  const earlier = requests[r.inReturnFor]
  return t('requests.inReturn', {
    side: nameOf(index, r.from),
    number: r.inReturnFor + 1,
    request: earlier ? requestText(index, earlier) : '',
  })
}

/** What the acting side can ask of the others: to add what they can put in, to withdraw what they put in. */
function requestOptions(view: GameView, side: string): Array<{ label: string; command: Command }> {
  const { index, state } = view
  const options: Array<{ label: string; command: Command }> = []
  for (const to of index.proposers.filter((s) => s !== side)) {
    const params = (instrument: string, variant?: string) => ({
      side: nameOf(index, to),
      instrument: instrumentName(index, instrument, variant),
    })
    for (const item of state.package.filter((p) => p.backedBy === to))
      options.push({
        label: t('requests.optionWithdraw', params(item.instrument, item.variant)),
        command: { type: 'request', side, payload: { to, instrument: item.instrument, action: 'withdraw' } },
      })
    for (const i of index.scenario.instruments.filter((x) => x.proposers.includes(to)))
      for (const variant of i.variants.length ? i.variants.map((v) => v.id) : [undefined])
        options.push({
          label: t('requests.optionAdd', params(i.id, variant)),
          command: {
            type: 'request',
            side,
            payload: variant ? { to, instrument: i.id, variant } : { to, instrument: i.id },
          },
        })
  }
  return options
}

/** A stable name for an option, so the choice follows it when the list changes around it. */
const optionKey = (c: Command) => JSON.stringify(c.payload)

function RequestForm({ view, side }: { view: GameView; side: string }): View {
  const id = useUid('request')
  // The chosen request is this form's own state (the list changes as the package does).
  const [chosen, setChosen] = useState<string | null>(null)
  const options = requestOptions(view, side)
  if (options.length === 0) return h('p', {}, t('requests.nothing'))
  const current = options.find((o) => optionKey(o.command) === chosen) ?? options[0]
  const send = () => {
    if (current) view.act(current.command)
  }
  return h('div', { class: 'request-row' }, [
    h('div', { class: 'field' }, [
      h('label', { for: id }, t('requests.askFor')),
      h(
        'select',
        {
          id,
          value: current ? optionKey(current.command) : '',
          onchange: (e: Event) => setChosen((e.currentTarget as HTMLSelectElement).value),
        },
        options.map((o) => {
          const key = optionKey(o.command)
          return h('option', { key, value: key }, o.label)
        }),
      ),
    ]),
    button(t('requests.send'), send),
  ])
}

interface IncomingProps {
  key: number
  view: GameView
  side: string
  request: Request
  /** The request's place in the game's list, which the command names. */
  n: number
}

/** An open request to the acting side: what is asked (and what is offered in return), grant or decline. */
function IncomingRequest({ view, side, request: r, n }: IncomingProps): View {
  const { index, state } = view
  const reasonId = useUid('request')
  const reasonInput = useRef<HTMLInputElement>(null)
  const name = instrumentName(index, r.instrument, r.variant)
  // Granting carries the request out: add the instrument, or withdraw it from the package.
  const grant: Command = withdrawing(r)
    ? { type: 'withdraw', side, payload: { instrument: r.instrument } }
    : {
        type: 'add',
        side,
        payload: r.variant ? { instrument: r.instrument, variant: r.variant } : { instrument: r.instrument },
      }
  const decline = () => {
    const text = typedValue(reasonId).trim()
    if (!text) {
      view.tell(t('requests.writeReason'))
      reasonInput.current?.focus()
      return
    }
    view.act({ type: 'decline', side, payload: { request: n, reason: text } })
  }
  const trade = tradeText(index, state.requests, r)
  const asks = withdrawing(r) ? 'requests.asksWithdraw' : 'requests.asks'
  return h('li', { class: 'incoming' }, [
    h('p', {}, [
      h('strong', {}, t('requests.number', { number: n + 1 })),
      ' ',
      t(asks, { side: nameOf(index, r.from), instrument: name }),
    ]),
    trade ? h('p', { class: 'trade' }, trade) : null,
    button(
      t(withdrawing(r) ? 'requests.grantWithdraw' : 'requests.grant', { instrument: name }),
      () => view.act(grant),
      { class: 'small primary' },
    ),
    // Uncontrolled: the typed reason stays in the field across updates and is read when "Decline" is pressed.
    textField(t('requests.reason', { instrument: name }), reasonId, { ref: reasonInput }),
    button(t('requests.decline', { instrument: name }), decline, { class: 'small' }),
  ])
}

function RequestsSection({ view, side }: { view: GameView; side: string }): View {
  const { index, state } = view
  const heading = useRef<HTMLHeadingElement>(null)
  const numbered = state.requests.map((r, n) => ({ r, n }))
  const incoming = numbered.filter(({ r }) => r.status === 'open' && r.to === side)
  const thisRound = numbered.filter(({ r }) => r.round === state.round)
  // A request answered leaves the list with the buttons that answered it: the section's heading takes the focus.
  useKeepFocus(incoming.map(({ n }) => n).join(','), () => heading.current)
  return h('section', { class: 'requests', 'aria-labelledby': 'requests-heading' }, [
    h('h3', { id: 'requests-heading', tabindex: -1, ref: heading }, t('requests.heading')),
    component(RequestForm, { view, side }),
    incoming.length ? h('h4', {}, t('requests.askedOf', { side: nameOf(index, side) })) : null,
    incoming.length
      ? h(
          'ul',
          { class: 'plain' },
          incoming.map(({ r, n }) => component(IncomingRequest, { key: n, view, side, request: r, n })),
        )
      : null,
    thisRound.length ? h('h4', {}, t('requests.thisRound')) : null,
    thisRound.length
      ? h(
          'ul',
          { class: 'plain request-list', 'aria-label': t('requests.list') },
          thisRound.map(({ r, n }) => {
            const request =
              r.inReturnFor === undefined
                ? requestText(index, r)
                : t('requests.traded', { request: requestText(index, r), number: r.inReturnFor + 1 })
            const params = { number: n + 1, request, status: t(STATUS[r.status]) }
            return h(
              'li',
              { key: n },
              r.reason
                ? // A computer partner's reason for declining is the engine's wording, in English.
                  withForeignPart(
                    t('requests.lineReason', { ...params, reason: r.reason }),
                    r.reason,
                    state.setup.seats[r.to] === 'computer' ? ENGINE_LANGUAGE : undefined,
                  )
                : t('requests.line', params),
            )
          }),
        )
      : null,
  ])
}

/**
 * Requests: ask another side to add an instrument or to withdraw one it put in, answer the requests made to
 * the acting side (a computer partner's counter-offer says which request it would grant in return), and see
 * every request of the round, numbered, with its answer.
 */
export function renderRequests(view: GameView): View | null {
  if (!view.acting) return null
  return component(RequestsSection, { view, side: view.acting, key: view.acting })
}
