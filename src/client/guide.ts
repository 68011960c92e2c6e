import { button, h, type View } from './dom.ts'
import { t } from './i18n/index.ts'
import type { GameView } from './view.ts'

const DONE_KEY = 'red-lines:guide-done'

function isDone(): boolean {
  try {
    return localStorage.getItem(DONE_KEY) === '1'
  } catch {
    return false
  }
}

function markDone(): void {
  try {
    localStorage.setItem(DONE_KEY, '1')
  } catch {
    // Without storage the guide simply shows again next time.
  }
}

/**
 * Whether the guide has done its work: Russia has answered a package and the sides have decided on it. Partners
 * now often hold out in round 1, so the guide follows the player until that first answer, whatever the round.
 */
function guided(view: GameView): boolean {
  return (
    view.state.history.some((h) => h.response !== null && h.decision !== null) || view.state.phase === 'ended'
  )
}

/** The tip for where the acting side stands before Russia's first answer, derived from the state alone. */
function tip(view: GameView): { step: number; text: string } | null {
  const { state, acting, index } = view
  if (!acting || guided(view)) return null
  const name = index.sides.get(acting)?.name ?? acting
  const responder = index.sides.get(index.responder)?.name ?? t('common.responder')
  if (state.phase === 'deciding') return { step: 5, text: t('guide.decide', { responder }) }
  if (!state.package.some((p) => p.backedBy === acting))
    return { step: 1, text: t('guide.add', { side: name, cards: t('cards.heading', { side: name }) }) }
  if (!state.stances[acting]) return { step: 2, text: t('guide.stance') }
  if (index.proposers.every((s) => state.stances[s]?.kind === 'endorse'))
    return { step: 4, text: t('guide.table', { responder }) }
  return {
    step: 3,
    text:
      view.humans.length > 1 ? t('guide.waitHotSeat', { playingAs: t('game.playingAs') }) : t('guide.wait'),
  }
}

/**
 * A short guide for first-time players, up to Russia's first answer: one tip at a time that follows what they
 * do at the table. It can be skipped, and stays off once done or skipped (remembered on this device).
 */
export function createGuide(onChange: () => void) {
  let done = isDone()
  const finish = () => {
    done = true
    markDone()
    onChange()
    // The guide and its button are gone: focus goes to the round's heading rather than falling to the page.
    document.getElementById('screen-heading')?.focus()
  }
  return {
    render(view: GameView): View | null {
      if (done) return null
      if (guided(view)) {
        done = true
        markDone()
        return null
      }
      const current = tip(view)
      if (!current) return null
      return h('aside', { class: 'guide', 'aria-labelledby': 'guide-heading' }, [
        h(
          'h2',
          { id: 'guide-heading', class: 'guide-title' },
          t('guide.heading', { step: current.step, steps: 5 }),
        ),
        h('p', {}, current.text),
        button(t('guide.skip'), finish, { class: 'small' }),
      ])
    },
  }
}
