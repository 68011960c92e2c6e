import { type PackageItem, resolveItem, resolvePackage, sumAttribute } from '../../core/rules/package.ts'
import { button, h, textField } from '../dom.ts'
import { draggable } from '../drag.ts'
import { formatNumber, t } from '../i18n/index.ts'
import { type GameView, nameOf } from '../view.ts'

/**
 * On another side's item: a button that asks that side to withdraw it, or, once asked, a note saying so (a
 * second identical request would only be refused).
 */
function askToWithdraw(view: GameView, acting: string, item: PackageItem, name: string): HTMLElement | null {
  const { index, state } = view
  if (!index.proposers.includes(acting) || !index.proposers.includes(item.backedBy)) return null
  const side = nameOf(index, item.backedBy)
  const asked = state.requests.some(
    (r) =>
      r.status === 'open' &&
      r.from === acting &&
      r.to === item.backedBy &&
      r.instrument === item.instrument &&
      r.action === 'withdraw',
  )
  if (asked) return h('span', { class: 'item-note' }, t('package.askedWithdraw', { side }))
  return button(
    t('package.askWithdraw'),
    () =>
      view.act({
        type: 'request',
        side: acting,
        payload: { to: item.backedBy, instrument: item.instrument, action: 'withdraw' },
      }),
    {
      class: 'small',
      'aria-label': t('package.askWithdrawLabel', { side, instrument: name }),
      'data-key': `ask-withdraw:${item.instrument}`,
    },
  )
}

/**
 * The package on the table: each item with its reading, who backs it and its deterrence; the acting side
 * withdraws its own items and asks the other sides to withdraw theirs.
 */
export function renderPackage(view: GameView): HTMLElement {
  const { index, state, acting } = view
  const items = state.package
  const total = sumAttribute(resolvePackage(index, items), 'deterrence')
  return h('section', { class: 'package', 'data-drop': 'package', 'aria-labelledby': 'package-heading' }, [
    h('h3', { id: 'package-heading' }, t('common.package')),
    items.length === 0
      ? h('p', {}, t('package.empty'))
      : h(
          'ul',
          { class: 'items', 'aria-label': t('package.items') },
          items.map((item) => {
            const resolved = resolveItem(index, item)
            const name = resolved?.name ?? item.instrument
            const mine = acting !== null && item.backedBy === acting
            const li = h('li', { class: 'item' }, [
              h('span', { class: 'item-name' }, name),
              h(
                'span',
                { class: 'item-meta' },
                ` — ${t('package.itemMeta', {
                  side: nameOf(index, item.backedBy),
                  deterrence: resolved ? formatNumber(resolved.deterrence) : '?',
                })}`,
              ),
              !acting
                ? null
                : item.backedBy !== acting
                  ? askToWithdraw(view, acting, item, name)
                  : button(
                      t('package.withdraw'),
                      () =>
                        view.act({
                          type: 'withdraw',
                          side: acting,
                          payload: { instrument: item.instrument },
                        }),
                      {
                        class: 'small',
                        'aria-label': t('package.withdrawLabel', { instrument: name }),
                        'data-key': `withdraw:${item.instrument}`,
                      },
                    ),
            ])
            if (mine && acting)
              draggable(li, li, {
                zones: ['cards'],
                onDrop: () =>
                  view.act({ type: 'withdraw', side: acting, payload: { instrument: item.instrument } }),
              })
            return li
          }),
        ),
    items.length ? h('p', { class: 'total' }, t('package.total', { total })) : null,
  ])
}

/** Where every proposing side stands on the package: endorsed, objects (with the reason), or waiting. */
export function renderStances(view: GameView): HTMLElement {
  const { index, state } = view
  return h('section', { class: 'stances', 'aria-labelledby': 'stances-heading' }, [
    h('h3', { id: 'stances-heading' }, t('stances.heading')),
    h(
      'ul',
      { 'aria-label': t('stances.list') },
      index.proposers.map((side) => {
        const stance = state.stances[side]
        const name = nameOf(index, side)
        const [mark, text, cls] =
          stance?.kind === 'endorse'
            ? ['✔', t('stances.endorsed'), 'endorsed']
            : stance?.kind === 'object'
              ? ['✖', t('stances.objects', { reason: stance.reason }), 'objects']
              : ['…', t('stances.waiting'), 'waiting']
        return h('li', { class: `stance stance-${cls}` }, [
          h('span', { class: 'stance-mark', 'aria-hidden': 'true' }, mark),
          h(
            'strong',
            {},
            state.setup.seats[side] === 'computer'
              ? t('seat.named', { side: name, seat: t('seat.computer') })
              : name,
          ),
          `: ${text}`,
        ])
      }),
    ),
  ])
}

/** The acting side's moves on the package as a whole: endorse, object, table, or end the round. */
export function renderActions(view: GameView): HTMLElement | null {
  const { index, acting } = view
  if (!acting) return null
  const side = acting
  const objection = textField(t('actions.objectReason'), 'object-reason', {
    placeholder: t('actions.objectExample'),
  })
  const object = () => {
    const reason = objection.input.value.trim()
    if (!reason) {
      view.tell(t('actions.writeReason'))
      objection.input.focus()
      return
    }
    view.act({ type: 'object', side, payload: { reason } })
  }
  return h('section', { class: 'actions-panel', 'aria-labelledby': 'actions-heading' }, [
    h('h3', { id: 'actions-heading' }, t('actions.heading', { side: nameOf(index, side) })),
    h('div', { class: 'actions' }, [
      button(t('actions.endorse'), () => view.act({ type: 'endorse', side, payload: {} }), {
        class: 'primary',
      }),
    ]),
    h('div', { class: 'object-row' }, [objection.field, button(t('actions.object'), object)]),
    h('h3', {}, t('actions.tableHeading')),
    h('p', { class: 'hint' }, t('actions.tableHint')),
    h('div', { class: 'actions' }, [
      button(t('actions.table'), () => view.act({ type: 'table', side, payload: {} }), { class: 'primary' }),
      button(t('actions.endRound'), () => view.act({ type: 'endRound', side, payload: {} })),
    ]),
  ])
}
