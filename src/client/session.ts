import { nextComputerCommandWithin } from '../core/ai/computer-player.ts'
import type { Outcome } from '../core/rules/apply.ts'
import type { Command } from '../core/rules/commands.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { GameSetup } from '../core/rules/state.ts'
import { createGameStore } from '../core/store.ts'
import { type PlacedRefusal, trackRefusals } from './authoring/refusals.ts'
import { t } from './i18n/index.ts'
import { localisedIndex } from './i18n/scenario.ts'
import { endingTitle } from './render/debrief/outcome-text.ts'
import { replayErrorText } from './render/rule-texts.ts'
import {
  loadSave,
  newSaveId,
  persistGameStore,
  pickScenario,
  type SaveHandle,
  type SaveProblem,
  type SaveStorage,
  type WriteProblem,
} from './saves/index.ts'
import { verdictText } from './view.ts'

type Store = ReturnType<typeof createGameStore>

/** A game in progress on this device: the store, its save, who plays, which human side the controls act for. */
export interface Session {
  index: ScenarioIndex
  store: Store
  /** The id of the game's save. */
  id: string
  /** The human-played proposer sides, in scenario order. */
  humans: string[]
  /** The human side the controls act for, or null when no side is human. */
  acting: string | null
  /** Sends a command and lets computer partners answer; the save is written after every command. */
  act: (command: Command) => Outcome
  /** Sends a command alone: computer partners answer through `computerMove`, when the caller chooses. */
  apply: (command: Command) => Outcome
  /**
   * Lets the computer-played sides think about their next move until `enough()` says stop (asked between
   * the packages they weigh). 'moved': one of them moved; 'thinking': stopped before a move, and the next
   * call goes on from there; 'done': none has anything left to do.
   */
  computerMove: (enough: () => boolean) => 'moved' | 'thinking' | 'done'
  /** What to announce to screen readers about the rounds that ended since `fromRecord`. */
  announcement: (fromRecord: number) => string
  /** Stops saving this game (leaving it for the title screen; it stays listed there). */
  stop: () => void
  /** The commands the rules refused since this session began, placed in the log (for the backstage). */
  refused: () => readonly PlacedRefusal[]
}

/** Where saves go and what to do when writing one fails. */
export interface SaveContext {
  storage: SaveStorage
  onError: (problem: WriteProblem) => void
}

/** Lets computer partners act until none has anything left to do (a whole game when no side is human). */
function runComputers(store: Store): void {
  const LIMIT = 500
  for (let batch = 0; batch < 20 && store.getState().runComputers(LIMIT) === LIMIT; batch++);
}

function sessionFor(index: ScenarioIndex, store: Store, saving: SaveHandle): Session {
  const refusals = trackRefusals(store)
  const humans = index.proposers.filter((s) => store.getState().setup.seats[s] !== 'computer')
  return {
    index,
    store,
    id: saving.id,
    humans,
    acting: humans[0] ?? null,
    act(command) {
      const outcome = store.getState().dispatch(command)
      if (outcome.ok) runComputers(store)
      return outcome
    },
    apply: (command) => store.getState().dispatch(command),
    computerMove(enough) {
      const { game, warnings } = store.getState()
      const command = nextComputerCommandWithin(index, game, enough)
      if (command === 'thinking') return 'thinking'
      if (!command || !store.getState().dispatch(command).ok) return 'done'
      // As in the store's runComputers: a partner's move does not replace the warnings of the human's last one.
      if (store.getState().warnings !== warnings) store.setState({ warnings })
      return 'moved'
    },
    announcement(fromRecord) {
      const { game } = store.getState()
      // Said in the interface's language, with the scenario's names as the screen shows them.
      const shown = localisedIndex(index)
      const lines = game.history
        .slice(fromRecord)
        .map((r) =>
          r.response ? verdictText(shown, r.response) : t('session.noPackage', { round: r.round }),
        )
      if (game.phase === 'ended') lines.push(t('session.over', { ending: endingTitle(shown, game) }))
      return lines.join(' ')
    },
    stop: () => {
      saving.stop()
      refusals.stop()
    },
    refused: refusals.refused,
  }
}

/**
 * Starts a new game (or, with a log, one imported from a record) under a new save; every command is saved.
 * Computer partners make their opening moves when the game's table lets them (see table/local-table.ts), or
 * at the first `act`.
 */
export function createSession(
  index: ScenarioIndex,
  setup: GameSetup,
  context: SaveContext,
  log: Command[] = [],
): Session {
  const store = createGameStore(index, setup, log)
  const saving = persistGameStore(store, {
    storage: context.storage,
    id: newSaveId(context.storage),
    index,
    onError: context.onError,
  })
  // persistGameStore has written the first save already.
  return sessionFor(index, store, saving)
}

/** Resumes a saved game exactly where it was, or says why it cannot be (the save is left as it is). */
export function resumeSession(
  id: string,
  scenarios: ScenarioIndex[],
  context: SaveContext,
): { ok: true; session: Session } | { ok: false; problem: SaveProblem } {
  const loaded = loadSave(context.storage, id, (scenarioId, hash) =>
    pickScenario(scenarios, scenarioId, hash),
  )
  if (!loaded.ok) return { ok: false, problem: loaded.problem }
  const saving = persistGameStore(loaded.store, {
    storage: context.storage,
    id,
    index: loaded.index,
    onError: context.onError,
  })
  return { ok: true, session: sessionFor(loaded.index, loaded.store, saving) }
}

/**
 * Moves a game onto a new version of its scenario (a file in `scenarios/` saved during `npm start`): its
 * log is replayed on the new version and, if the rules accept every command, the game goes on from there
 * under the same save. Otherwise nothing changes, the old session keeps saving, and the replay's error is
 * returned.
 */
export function reloadSession(
  old: Session,
  index: ScenarioIndex,
  context: SaveContext,
): { ok: true; session: Session } | { ok: false; error: string } {
  const { setup, log } = old.store.getState()
  let store: Store
  try {
    store = createGameStore(index, setup, log)
  } catch (error) {
    return { ok: false, error: replayErrorText(index, error) }
  }
  old.stop()
  const saving = persistGameStore(store, {
    storage: context.storage,
    id: old.id,
    index,
    onError: context.onError,
  })
  const session = sessionFor(index, store, saving)
  if (old.acting && session.humans.includes(old.acting)) session.acting = old.acting
  return { ok: true, session }
}
