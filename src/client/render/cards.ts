import { checkAdd } from '../../core/rules/apply.ts'
import { redLinesTouching } from '../../core/rules/touching.ts'
import type { Instrument } from '../../core/scenario/schema/scenario.ts'
import { button, h, uid } from '../dom.ts'
import { draggable } from '../drag.ts'
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

function touching(view: GameView, instrument: Instrument, variant?: string): HTMLElement {
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

function reading(view: GameView, instrument: Instrument, side: string, variant?: string): HTMLElement {
  const v = instrument.variants.find((x) => x.id === variant)
  const name = instrumentName(view.index, instrument.id, variant)
  const payload = variant ? { instrument: instrument.id, variant } : { instrument: instrument.id }
  return h('div', { class: 'reading' }, [
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
    addButton(view, side, name, payload),
  ])
}

/**
 * The card's "Add" button, as the rules stand now: none when the instrument is already in the package (the
 * package list withdraws it); marked unavailable, with the reason beside it, when the rules would refuse it
 * (e.g. it cannot stand with an item already in), so a player sees why before trying. Pressed anyway, it
 * still sends the command and the refusal is explained as for any other.
 */
function addButton(
  view: GameView,
  side: string,
  name: string,
  payload: { instrument: string; variant?: string },
): HTMLElement | null {
  const refused = checkAdd(view.index, view.state, side, payload)?.refusal
  if (refused?.code === 'ALREADY_IN_PACKAGE') return null
  const add = button(t('cards.add', { instrument: name }), () => view.act({ type: 'add', side, payload }), {
    class: `small${refused ? '' : ' primary'}`,
  })
  if (!refused) return add
  const why = h(
    'p',
    { class: 'card-blocked', id: uid('blocked') },
    t('cards.blocked', { reason: refusalText(view.index, refused) }),
  )
  add.setAttribute('aria-disabled', 'true')
  add.setAttribute('aria-describedby', why.id)
  return h('div', { class: 'card-add' }, [why, add])
}

/**
 * The acting side's instruments as cards: what each is, who can put it in, its deterrence, cost and risk, and
 * which of Russia's stated red lines it touches. A card goes into the package by its button (click or
 * keyboard) or by dragging it onto the package.
 */
export function renderCards(view: GameView): HTMLElement | null {
  const { index, state, acting } = view
  if (!acting) return null
  const own = index.scenario.instruments.filter((i) => i.proposers.includes(acting))
  return h('section', { class: 'cards-panel', 'data-drop': 'cards', 'aria-labelledby': 'cards-heading' }, [
    h('h3', { id: 'cards-heading' }, t('cards.heading', { side: nameOf(index, acting) })),
    h('p', { class: 'hint' }, [t('cards.hint'), ' ', t('cards.estimates')]),
    own.length === 0 ? h('p', {}, t('cards.noneOwn')) : null,
    h(
      'ul',
      { class: 'cards', 'aria-label': t('cards.list') },
      own.map((i) => {
        const inPackage = state.package.find((p) => p.instrument === i.id)
        const head = h('div', { class: 'card-head' }, [h('h4', {}, i.name)])
        const card = h('li', { class: `card${inPackage ? ' in-package' : ''}`, 'data-instrument': i.id }, [
          head,
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
          ...(i.variants.length
            ? i.variants.map((v) => reading(view, i, acting, v.id))
            : [reading(view, i, acting)]),
          whyNote(t('cards.whyNumbers'), i.rationale, `card:${i.id}`),
        ])
        if (!inPackage) {
          const first = i.variants[0]?.id
          draggable(card, head, {
            zones: ['package'],
            onDrop: () =>
              view.act({
                type: 'add',
                side: acting,
                payload: first ? { instrument: i.id, variant: first } : { instrument: i.id },
              }),
          })
        }
        return card
      }),
    ),
  ])
}
