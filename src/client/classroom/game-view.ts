import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Scenario } from '../../core/scenario/schema/scenario.ts'
import { seedEntry } from '../../core/scenario/seed-title.ts'
import type { ClassroomConnection } from '../../net/client.ts'
import { localisedIndex } from '../i18n/scenario.ts'
import type { SourceDialog } from '../render/source-dialog.ts'
import { authorOf, receivedIndex } from '../table/room-table.ts'
import type { GameView } from '../view.ts'

/**
 * The index of the scenario as this device received it (a student's holds only their own side's private
 * parts), in the interface's language where the file translates it.
 */
export const roomIndex = (scenario: Scenario): ScenarioIndex => localisedIndex(receivedIndex(scenario))

/** What a room's table needs besides the connection: who acts, and what its buttons do. */
export interface TableHooks {
  acting: string | null
  act: GameView['act']
  tell: GameView['tell']
  leave: () => void
  dialog: SourceDialog
}

/**
 * The room's game as the game's own screens render it, for the instructor's screens (which watch, and act
 * through their own controls): the state and scenario this device may see, every logged command with its
 * author's display name. Null before the game has started. Students play through `roomTable` instead.
 */
export function roomGameView(connection: ClassroomConnection, hooks: TableHooks): GameView | null {
  const { view, scenario } = connection
  if (!view?.game || !scenario) return null
  const index = roomIndex(scenario)
  const acting = hooks.acting
  return {
    index,
    state: view.game,
    log: connection.log.map((e) => e.command),
    authors: connection.log.map(authorOf),
    humans: acting ? [acting] : [],
    acting,
    act: hooks.act,
    tell: hooks.tell,
    setActing: () => undefined,
    openSource: (seed, quote) => hooks.dialog.open(seed, quote, seedEntry(index.scenario, seed)),
    newGame: hooks.leave,
  }
}
