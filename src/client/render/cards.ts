import { checkAdd } from '../../core/rules/apply.ts'
import { redLinesTouching } from '../../core/rules/touching.ts'
import type { Instrument } from '../../core/scenario/schema/scenario.ts'
import { button, component, h, useUid, type View } from '../dom.ts'
import { useDraggable, useDropZone } from '../drag.ts'
import { formatNumber, type MessageKey, t } from '../i18n/index.ts'
import { type GameView, instrumentName, nameOf } from '../view.ts'
import { whyNote } from './game-rule.ts'
import { refusalText } from './rule-texts.ts'

/** How each kind of red line answers an instrument that crosses it, as a card says it. */
const KIND: Record<'reject' | 'demandRemoval' | 'warn', MessageKey> = {
  reject: 'cards.kind.reject',
  demandRemoval: 'cards.kind.demandRemoval',
  warn: 'cards.kind.warn',
}

const tagNames = (view: GameView, tags: readonly string[]) =>
  tags.map((tag) => view.index.scenario.tags.find((x) => x.id === tag)?.name ?? tag).join(', ')

/** "Europe 3, US 1", or "none" when nobody pays or risks anything. */
function perSide(view: GameView, table: Readonly<Record<string, number>>): string {
  const parts = Object.entries(table)
    .filter(([, v]) => v !== 0)
    .map(([side, v]) => `${nameOf(view.index, side)} ${formatNumber(v)}`)
  return parts.length ? parts.join(', ') : t('common.none')
}

function touching(view: GameView, instrument: Instrument, variant?: string): View {
  const lines = redLinesTouching(view.index, instrument.id, variant)
  if (lines.length === 0) return h('p', { class: 'touch none' }, t('cards.noRedLine'))
  return h('div', { class: 'touch' }, [
    h('p', { class: 'touch-head' }, [h('span', { 'aria-hidden': 'true' }, '⚠ '), t('cards.touches')]),
    h(
      'ul',
      {},
      lines.map((r) => h('li', {}, [r.title, ` (${t(KIND[r.response.kind])})`])),
    ),
  ])
}

function reading(view: GameView, instrument: Instrument, side: string, variant?: string): View {
  const v = instrument.variants.find((x) => x.id === variant)
  const name = instrumentName(view.index, instrument.id, variant)
  const payload = variant ? { instrument: instrument.id, variant } : { instrument: instrument.id }
  return h('div', { class: 'reading', key: variant ?? '' }, [
    v ? h('p', {}, [h('strong', {}, v.name), `: ${v.description}`]) : null,
    h('dl', { class: 'facts' }, [
      h('dt', {}, t('cards.deterrence')),
      h('dd', {}, formatNumber(v?.deterrence ?? instrument.deterrence)),
      h('dt', {}, t('cards.cost')),
      h('dd', {}, perSide(view, v?.costs ?? instrument.costs)),
      h('dt', {}, t('cards.risk')),
      h('dd', {}, perSide(view, v?.risks ?? instrument.risks)),
    ]),
    touching(view, instrument, variant),
    component(AddButton, { view, side, name, payload }),
  ])
}

interface AddProps {
  view: GameView
  side: string
  name: string
  payload: { instrument: string; variant?: string }
}

/**
 * The card's "Add" button, as the rules stand now: none when the instrument is already in the package (the
 * package list withdraws it); marked unavailable, with the reason beside it, when the rules would refuse it
 * (e.g. it cannot stand with an item already in), so a player sees why before trying. Pressed anyway, it
 * still sends the command and the refusal is explained as for any other.
 */
function AddButton({ view, side, name, payload }: AddProps): View | null {
  // Called before any return, as hooks must be; pairs the button with the reason it is unavailable.
  const whyId = useUid('why')
  const refused = checkAdd(view.index, view.state, side, payload)?.refusal
  // Once added, the button goes; the package then takes the focus (see renderPackage).
  if (refused?.code === 'ALREADY_IN_PACKAGE') return null
  const label = t('cards.add', { instrument: name })
  const add = () => view.act({ type: 'add', side, payload })
  if (!refused) return button(label, add, { class: 'small primary' })
  return h('div', { class: 'card-add' }, [
    h(
      'p',
      { class: 'card-blocked', id: whyId },
      t('cards.blocked', { reason: refusalText(view.index, refused) }),
    ),
    button(label, add, { class: 'small', 'aria-disabled': 'true', 'aria-describedby': whyId }),
  ])
}

interface CardProps {
  key: string
  view: GameView
  instrument: Instrument
  side: string
}

/** One instrument as a card; while it is out of the package, its head drags it onto the package. */
function Card({ view, instrument: i, side }: CardProps): View {
  const { index, state } = view
  const inPackage = state.package.find((p) => p.instrument === i.id)
  const first = i.variants[0]?.id
  const drag = useDraggable(
    inPackage
      ? null
      : {
          zones: ['package'],
          onDrop: () =>
            view.act({
              type: 'add',
              side,
              payload: first ? { instrument: i.id, variant: first } : { instrument: i.id },
            }),
        },
  )
  return h(
    'li',
    {
      class: `card${inPackage ? ' in-package' : ''}${drag.cardClass}`,
      'data-instrument': i.id,
      ref: drag.ref,
    },
    [
      h('div', { class: `card-head${drag.handleClass}`, onpointerdown: drag.onpointerdown }, [
        h('h4', {}, i.name),
      ]),
      h('p', {}, i.description),
      h('p', { class: 'meta' }, [
        t('cards.putInBy', { sides: i.proposers.map((s) => nameOf(index, s)).join(', ') }),
        i.tags.length ? ` · ${t('cards.tags', { tags: tagNames(view, i.tags) })}` : '',
      ]),
      inPackage
        ? h(
            'p',
            { class: 'in-package-note' },
            t('cards.inPackage', { side: nameOf(index, inPackage.backedBy) }),
          )
        : null,
      ...(i.variants.length ? i.variants.map((v) => reading(view, i, side, v.id)) : [reading(view, i, side)]),
      whyNote(t('cards.whyNumbers'), i.rationale, `card:${i.id}`),
    ],
  )
}

function CardsPanel({ view, side }: { view: GameView; side: string }): View {
  const { index } = view
  const zone = useDropZone('cards')
  const own = index.scenario.instruments.filter((i) => i.proposers.includes(side))
  return h(
    'section',
    {
      class: `cards-panel${zone.dropClass}`,
      'data-drop': zone['data-drop'],
      'aria-labelledby': 'cards-heading',
    },
    [
      h('h3', { id: 'cards-heading' }, t('cards.heading', { side: nameOf(index, side) })),
      h('p', { class: 'hint' }, [t('cards.hint'), ' ', t('cards.estimates')]),
      own.length === 0 ? h('p', {}, t('cards.noneOwn')) : null,
      h(
        'ul',
        { class: 'cards', 'aria-label': t('cards.list') },
        own.map((i) => component(Card, { key: i.id, view, instrument: i, side })),
      ),
    ],
  )
}

/**
 * The acting side's instruments as cards: what each is, who can put it in, its deterrence, cost and risk, and
 * which of Russia's stated red lines it touches. A card goes into the package by its button (click or
 * keyboard) or by dragging it onto the package.
 */
export function renderCards(view: GameView): View | null {
  if (!view.acting) return null
  return component(CardsPanel, { view, side: view.acting })
}
