import { useLayoutEffect, useRef } from 'preact/hooks'
import { type PackageItem, resolveItem, resolvePackage, sumAttribute } from '../../core/rules/package.ts'
import { button, type Child, component, h, textField, typedValue, useUid, type View } from '../dom.ts'
import { useDraggable, useDropZone } from '../drag.ts'
import { formatNumber, t } from '../i18n/index.ts'
import { ENGINE_LANGUAGE, withForeignPart } from '../i18n/scenario.ts'
import { type GameView, nameOf } from '../view.ts'
import { useKeepFocus } from './focus.ts'

/**
 * On another side's item: a button that asks that side to withdraw it, or, once asked, a note saying so (a
 * second identical request would only be refused).
 */
function askToWithdraw(view: GameView, acting: string, item: PackageItem, name: string): View | null {
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
    },
  )
}

interface ItemProps {
  key: string
  view: GameView
  item: PackageItem
  /** Hands the item's element to the package (null when it goes), so focus can be put on a new item. */
  register: (instrument: string, el: HTMLElement | null) => void
}

/** One item of the package; the acting side's own items drag back to its cards to withdraw them. */
function Item({ view, item, register }: ItemProps): View {
  const { index, acting } = view
  const resolved = resolveItem(index, item)
  const name = resolved?.name ?? item.instrument
  const mine = acting !== null && item.backedBy === acting
  const drag = useDraggable(
    mine && acting
      ? {
          zones: ['cards'],
          onDrop: () =>
            view.act({ type: 'withdraw', side: acting, payload: { instrument: item.instrument } }),
        }
      : null,
  )
  const ref = (el: HTMLElement | null) => {
    drag.ref.current = el
    register(item.instrument, el)
  }
  // tabindex -1: the item takes the focus when it has just been added and the control pressed went away.
  return h(
    'li',
    {
      class: `item${drag.handleClass}${drag.cardClass}`,
      tabindex: -1,
      ref,
      onpointerdown: drag.onpointerdown,
    },
    [
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
              () => view.act({ type: 'withdraw', side: acting, payload: { instrument: item.instrument } }),
              { class: 'small', 'aria-label': t('package.withdrawLabel', { instrument: name }) },
            ),
    ],
  )
}

function PackageSection({ view }: { view: GameView }): View {
  const { index, state } = view
  const items = state.package
  const total = sumAttribute(resolvePackage(index, items), 'deterrence')
  const zone = useDropZone('package')
  const heading = useRef<HTMLHeadingElement>(null)
  const elements = useRef(new Map<string, HTMLElement>())
  const register = (instrument: string, el: HTMLElement | null) => {
    if (el) elements.current.set(instrument, el)
    else elements.current.delete(instrument)
  }
  // When the control pressed went with the move (a card's "Add", an item's "Withdraw", a granted request), the
  // focus goes to the item just added, or to the package's heading when one was taken out.
  const shown = useRef<readonly string[]>([])
  const ids = items.map((i) => i.instrument)
  useKeepFocus(ids.join('\n'), () => {
    const added = ids.find((id) => !shown.current.includes(id))
    return (added && elements.current.get(added)) || heading.current
  })
  useLayoutEffect(() => {
    shown.current = ids
  })
  return h(
    'section',
    {
      class: `package${zone.dropClass}`,
      'data-drop': zone['data-drop'],
      'aria-labelledby': 'package-heading',
    },
    [
      h('h3', { id: 'package-heading', tabindex: -1, ref: heading }, t('common.package')),
      items.length === 0
        ? h('p', {}, t('package.empty'))
        : h(
            'ul',
            { class: 'items', 'aria-label': t('package.items') },
            items.map((item) => component(Item, { key: item.instrument, view, item, register })),
          ),
      items.length ? h('p', { class: 'total' }, t('package.total', { total })) : null,
    ],
  )
}

/**
 * The package on the table: each item with its reading, who backs it and its deterrence; the acting side
 * withdraws its own items and asks the other sides to withdraw theirs.
 */
export function renderPackage(view: GameView): View {
  return component(PackageSection, { view })
}

/** Where every proposing side stands on the package: endorsed, objects (with the reason), or waiting. */
export function renderStances(view: GameView): View {
  const { index, state } = view
  return h('section', { class: 'stances', 'aria-labelledby': 'stances-heading' }, [
    h('h3', { id: 'stances-heading' }, t('stances.heading')),
    h(
      'ul',
      { 'aria-label': t('stances.list') },
      index.proposers.map((side) => {
        const stance = state.stances[side]
        const name = nameOf(index, side)
        // A computer partner's reason is the engine's (English) wording; a player's is what they typed.
        const objection = (reason: string) =>
          withForeignPart(
            t('stances.objects', { reason }),
            reason,
            state.setup.seats[side] === 'computer' ? ENGINE_LANGUAGE : undefined,
          )
        const [mark, text, cls]: [string, Child, string] =
          stance?.kind === 'endorse'
            ? ['✔', t('stances.endorsed'), 'endorsed']
            : stance?.kind === 'object'
              ? ['✖', objection(stance.reason), 'objects']
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
          ': ',
          text,
        ])
      }),
    ),
  ])
}

function ActionsPanel({ view, side }: { view: GameView; side: string }): View {
  const { index } = view
  const reasonId = useUid('reason')
  const reasonInput = useRef<HTMLInputElement>(null)
  const object = () => {
    const reason = typedValue(reasonId).trim()
    if (!reason) {
      view.tell(t('actions.writeReason'))
      reasonInput.current?.focus()
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
    h('div', { class: 'object-row' }, [
      // Uncontrolled: what is typed stays in the field across updates, and is read when "Object" is pressed.
      textField(t('actions.objectReason'), reasonId, {
        placeholder: t('actions.objectExample'),
        ref: reasonInput,
      }),
      button(t('actions.object'), object),
    ]),
    h('h3', {}, t('actions.tableHeading')),
    h('p', { class: 'hint' }, t('actions.tableHint')),
    h('div', { class: 'actions' }, [
      button(t('actions.table'), () => view.act({ type: 'table', side, payload: {} }), { class: 'primary' }),
      button(t('actions.endRound'), () => view.act({ type: 'endRound', side, payload: {} })),
    ]),
  ])
}

/** The acting side's moves on the package as a whole: endorse, object, table, or end the round. */
export function renderActions(view: GameView): View | null {
  if (!view.acting) return null
  // Keyed by side: in hot-seat play each side has its own field, so one side's reason is not offered to the next.
  return component(ActionsPanel, { view, side: view.acting, key: view.acting })
}
