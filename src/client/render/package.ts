import { resolveItem, resolvePackage, sumAttribute } from '../../core/rules/package.ts'
import { button, h, textField } from '../dom.ts'
import { draggable } from '../drag.ts'
import { type GameView, nameOf } from '../view.ts'

/** The package on the table: each item with its reading, who backs it and its deterrence. */
export function renderPackage(view: GameView): HTMLElement {
  const { index, state, acting } = view
  const items = state.package
  const total = sumAttribute(resolvePackage(index, items), 'deterrence')
  return h('section', { class: 'package', 'data-drop': 'package', 'aria-labelledby': 'package-heading' }, [
    h('h3', { id: 'package-heading' }, 'The package'),
    items.length === 0
      ? h('p', {}, 'The package is empty.')
      : h(
          'ul',
          { class: 'items', 'aria-label': 'Items in the package' },
          items.map((item) => {
            const resolved = resolveItem(index, item)
            const name = resolved?.name ?? item.instrument
            const mine = acting !== null && item.backedBy === acting
            const li = h('li', { class: 'item' }, [
              h('span', { class: 'item-name' }, name),
              h(
                'span',
                { class: 'item-meta' },
                ` — backed by ${nameOf(index, item.backedBy)}; deterrence ${resolved?.deterrence ?? '?'}`,
              ),
              acting && item.backedBy === acting
                ? button(
                    'Withdraw',
                    () =>
                      view.act({ type: 'withdraw', side: acting, payload: { instrument: item.instrument } }),
                    {
                      class: 'small',
                      'aria-label': `Withdraw ${name}`,
                      'data-key': `withdraw:${item.instrument}`,
                    },
                  )
                : null,
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
    items.length ? h('p', { class: 'total' }, `Total deterrence: ${total}`) : null,
  ])
}

/** Where every proposing side stands on the package: endorsed, objects (with the reason), or waiting. */
export function renderStances(view: GameView): HTMLElement {
  const { index, state } = view
  return h('section', { class: 'stances', 'aria-labelledby': 'stances-heading' }, [
    h('h3', { id: 'stances-heading' }, 'Stances'),
    h(
      'ul',
      { 'aria-label': 'Stances of the sides' },
      index.proposers.map((side) => {
        const stance = state.stances[side]
        const seat = state.setup.seats[side] === 'computer' ? ' (computer)' : ''
        const [mark, text, cls] =
          stance?.kind === 'endorse'
            ? ['✔', 'endorsed', 'endorsed']
            : stance?.kind === 'object'
              ? ['✖', `objects: ${stance.reason}`, 'objects']
              : ['…', 'waiting', 'waiting']
        return h('li', { class: `stance stance-${cls}` }, [
          h('span', { class: 'stance-mark', 'aria-hidden': 'true' }, mark),
          h('strong', {}, `${nameOf(index, side)}${seat}`),
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
  const objection = textField('Reason for objecting', 'object-reason', {
    placeholder: 'e.g. It does not deter enough',
  })
  const object = () => {
    const reason = objection.input.value.trim()
    if (!reason) {
      view.tell('Write a reason for objecting first.')
      objection.input.focus()
      return
    }
    view.act({ type: 'object', side, payload: { reason } })
  }
  return h('section', { class: 'actions-panel', 'aria-labelledby': 'actions-heading' }, [
    h('h3', { id: 'actions-heading' }, `Your stance as ${nameOf(index, side)}`),
    h('div', { class: 'actions' }, [
      button('Endorse', () => view.act({ type: 'endorse', side, payload: {} }), { class: 'primary' }),
    ]),
    h('div', { class: 'object-row' }, [objection.field, button('Object', object)]),
    h('h3', {}, 'Table or end the round'),
    h(
      'p',
      { class: 'hint' },
      'The package can be tabled once every side endorses it; the round can end untabled once every side has spoken and one objects.',
    ),
    h('div', { class: 'actions' }, [
      button('Table the package', () => view.act({ type: 'table', side, payload: {} }), { class: 'primary' }),
      button('End round without a package', () => view.act({ type: 'endRound', side, payload: {} })),
    ]),
  ])
}
