import { h, type View } from '../dom.ts'
import { t } from '../i18n/index.ts'
import { type GameView, nameOf } from '../view.ts'

/**
 * The hand-over screen of hot-seat play: it hides every side's private briefing and position until the next
 * player confirms they are the side named, so that players sharing a screen do not see each other's cards.
 */
export function renderHandover(view: GameView, side: string, onReady: () => void): View {
  const name = nameOf(view.index, side)
  return h('div', { class: 'handover' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, t('handover.heading', { side: name })),
    h('p', {}, t('handover.text', { side: name })),
    h('button', { type: 'button', class: 'primary', onclick: onReady }, t('handover.ready', { side: name })),
  ])
}
