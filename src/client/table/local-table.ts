import type { Session } from '../session.ts'
import type { ActOutcome, Table, TableSnapshot } from './table.ts'

/** How long computer partners may think in one task before the browser gets its turn (to draw, to answer a click). */
const SLICE_MS = 10

/**
 * The table of a game played on this device (solo or hot-seat): the rules run here, in the session's store.
 * A player's move is shown at once; the computer partners then answer in short slices of work, so that no
 * task keeps the page from answering, and the table shows their moves once they have all moved (one
 * update, not one per move). `act` resolves when they have. The snapshot is the same object until the
 * store changes, so a view can compare it cheaply.
 */
export function localTable(session: Session): Table {
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of [...listeners]) listener()
  }
  let thinking: Promise<void> | null = null
  session.store.subscribe(() => {
    if (!thinking) notify()
  })

  /** Lets the computer partners move until none has anything left to do, a slice of work per task. */
  function computersMove(): Promise<void> {
    thinking ??= new Promise<void>((resolve) => {
      const slice = () => {
        const until = performance.now() + SLICE_MS
        const enough = () => performance.now() >= until
        // A decision that needs more than a slice stops between the packages it weighs and goes on in the next.
        let step: 'moved' | 'thinking' | 'done' = 'moved'
        while (step === 'moved' && !enough()) step = session.computerMove(enough)
        if (step !== 'done') return void setTimeout(slice, 0)
        // The table shows their moves in a task of its own, not on top of a slice's thinking.
        setTimeout(done, 0)
      }
      const done = () => {
        thinking = null
        // Also when nobody moved: the page stops saying that the partners are answering.
        notify()
        resolve()
      }
      setTimeout(slice, 0)
    })
    return thinking
  }

  let shown: TableSnapshot | null = null
  const snapshot = (): TableSnapshot => {
    const { game, log } = session.store.getState()
    if (shown?.state !== game) shown = { index: session.index, state: game, log, humans: session.humans }
    return shown
  }
  const table: Table = {
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    snapshot,
    answering: () => thinking !== null,
    async act(command): Promise<ActOutcome> {
      const outcome = session.apply(command)
      if (!outcome.ok) return { ok: false, refused: { by: 'rules', refusal: outcome.refusal } }
      await computersMove()
      return { ok: true, warned: outcome.warned }
    },
  }
  // A game opened here may be the computers' turn (a new game, one where every side is computer-played).
  void computersMove()
  return table
}
