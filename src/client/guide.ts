import { button, h } from './dom.ts'
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

/** The tip for where the acting side stands in the first round, derived from the state alone. */
function tip(view: GameView): { step: number; text: string } | null {
  const { state, acting, index } = view
  if (!acting || state.round > 1) return null
  const name = index.sides.get(acting)?.name ?? acting
  if (state.phase === 'deciding')
    return {
      step: 5,
      text: `${index.sides.get(index.responder)?.name ?? 'The responder'} has answered. Each reason quotes the words behind it: open a source to read the passage in its article. Then decide: implement the package without consent (with its risks), or keep negotiating.`,
    }
  if (!state.package.some((p) => p.backedBy === acting))
    return {
      step: 1,
      text: `You play ${name}. Your cards are under "Instruments ${name} can put in": each shows its deterrence, cost, risk and the red lines it touches. Add one with its button, or drag it onto the package. You can also ask another side for one of theirs under "Requests".`,
    }
  if (!state.stances[acting])
    return {
      step: 2,
      text: 'Check your constraints (Met or Broken by this package), then Endorse the package or Object with a reason. Any change to the package clears every endorsement.',
    }
  if (index.proposers.every((s) => state.stances[s]?.kind === 'endorse'))
    return { step: 4, text: 'Every side endorses: table the package to see how Russia answers, and why.' }
  return {
    step: 3,
    text:
      view.humans.length > 1
        ? 'Waiting for the other sides: choose the next side under "Playing as" and pass the device.'
        : 'Waiting for the other sides to endorse or object. If one objects, change the package or end the round without one.',
  }
}

/**
 * A short guided first round for first-time players: one tip at a time that follows what they do at the
 * table. It can be skipped, and stays off once done or skipped (remembered on this device).
 */
export function createGuide(onChange: () => void) {
  let done = isDone()
  const finish = () => {
    done = true
    markDone()
    onChange()
  }
  return {
    render(view: GameView): HTMLElement | null {
      if (done) return null
      if (view.state.round > 1) {
        done = true
        markDone()
        return null
      }
      const t = tip(view)
      if (!t) return null
      return h('aside', { class: 'guide', 'aria-labelledby': 'guide-heading' }, [
        h('h2', { id: 'guide-heading', class: 'guide-title' }, `Guided first round — step ${t.step} of 5`),
        h('p', {}, t.text),
        button('Skip the guide', finish, { class: 'small' }),
      ])
    },
  }
}
