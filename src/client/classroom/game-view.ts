import { indexScenario, type ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { Scenario } from '../../core/scenario/schema/scenario.ts'
import { seedTitle } from '../../core/scenario/seed-title.ts'
import type { ClassroomConnection } from '../../net/client.ts'
import type { LogEntry } from '../../net/view.ts'
import { t } from '../i18n/index.ts'
import { localisedIndex } from '../i18n/scenario.ts'
import type { SourceDialog } from '../render/source-dialog.ts'
import type { GameView } from '../view.ts'

const indexes = new WeakMap<Scenario, ScenarioIndex>()

/**
 * The index of the scenario as this device received it (a student's holds only their own side's private
 * parts), in the interface's language where the file translates it. Built once per scenario received.
 */
export function roomIndex(scenario: Scenario): ScenarioIndex {
  let index = indexes.get(scenario)
  if (!index) {
    index = indexScenario(scenario)
    indexes.set(scenario, index)
  }
  return localisedIndex(index)
}

/** Who sent a logged command, as the log shows it: a student's display name, or the timer. */
export function authorOf(entry: LogEntry): string | null {
  if (entry.by.kind === 'student') return entry.by.name
  if (entry.by.kind === 'timer') return t('classroom.byTimer')
  return null
}

/** What a room's table needs besides the connection: who acts, and what its buttons do. */
export interface TableHooks {
  acting: string | null
  act: GameView['act']
  tell: GameView['tell']
  leave: () => void
  dialog: SourceDialog
}

/**
 * The room's game as the game's own screens render it (`src/client/render/`): the state and scenario this
 * seat may see, every logged command with its author's display name, and `act`, which sends the command to
 * the room instead of applying it here. Null before the game has started.
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
    openSource: (seed, quote) => hooks.dialog.open(seed, quote, seedTitle(index.scenario, seed)),
    newGame: hooks.leave,
  }
}
