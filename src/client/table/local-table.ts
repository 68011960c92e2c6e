import type { Session } from '../session.ts'
import type { ActOutcome, Table, TableSnapshot } from './table.ts'

/**
 * The table of a game played on this device (solo or hot-seat): the rules run here, in the session's store,
 * and computer partners answer before `act` resolves. The snapshot is the same object until the store
 * changes, so a view can compare it cheaply.
 */
export function localTable(session: Session): Table {
  let shown: TableSnapshot | null = null
  const snapshot = (): TableSnapshot => {
    const { game, log } = session.store.getState()
    if (shown?.state !== game) shown = { index: session.index, state: game, log, humans: session.humans }
    return shown
  }
  return {
    subscribe: (listener) => session.store.subscribe(() => listener()),
    snapshot,
    act(command) {
      const outcome = session.act(command)
      const result: ActOutcome = outcome.ok
        ? { ok: true, warned: outcome.warned }
        : { ok: false, refused: { by: 'rules', refusal: outcome.refusal } }
      return Promise.resolve(result)
    },
  }
}
