import type { Outcome } from '../core/rules/apply.ts'
import type { Command } from '../core/rules/commands.ts'
import { verdictLine } from '../core/rules/explain.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import { finalVerdict } from '../core/rules/scoring.ts'
import type { GameSetup } from '../core/rules/state.ts'
import { createGameStore } from '../core/store.ts'
import { clearSave, readSave, writeSave } from './save.ts'

/** A game in progress on this device: the store, who plays, which human side the controls act for. */
export interface Session {
  index: ScenarioIndex
  store: ReturnType<typeof createGameStore>
  /** The human-played proposer sides, in scenario order. */
  humans: string[]
  /** The human side the controls act for, or null when no side is human. */
  acting: string | null
  /** Sends a command, lets computer partners answer, and saves. */
  act: (command: Command) => Outcome
  /** What to announce to screen readers about the rounds that ended since `fromRecord`. */
  announcement: (fromRecord: number) => string
  /** Forgets the saved game (a new game starts). */
  forget: () => void
}

const humansOf = (index: ScenarioIndex, setup: GameSetup) =>
  index.proposers.filter((s) => setup.seats[s] !== 'computer')

/** Lets computer partners act until none has anything left to do (a whole game when no side is human). */
function runComputers(store: Session['store']): void {
  const LIMIT = 500
  for (let batch = 0; batch < 20 && store.getState().runComputers(LIMIT) === LIMIT; batch++);
}

/** Starts (or, with a log, resumes) a game; computer partners make their opening moves at once. */
export function createSession(index: ScenarioIndex, setup: GameSetup, log: Command[] = []): Session {
  const store = createGameStore(index, setup, log)
  const humans = humansOf(index, setup)
  const save = () => {
    const { setup: s, log: l } = store.getState()
    writeSave({ setup: s, log: l })
  }
  runComputers(store)
  save()
  return {
    index,
    store,
    humans,
    acting: humans[0] ?? null,
    act(command) {
      const outcome = store.getState().dispatch(command)
      if (outcome.ok) {
        runComputers(store)
        save()
      }
      return outcome
    },
    announcement(fromRecord) {
      const { game } = store.getState()
      const lines = game.history
        .slice(fromRecord)
        .map((r) =>
          r.response ? verdictLine(index, r.response) : `Round ${r.round} ended without a package.`,
        )
      if (game.phase === 'ended') lines.push(`The game is over: ${finalVerdict(index, game).title}.`)
      return lines.join(' ')
    },
    forget: clearSave,
  }
}

/** Resumes the saved game, if any; a save that cannot be used is explained and cleared. */
export function restoreSession(scenarios: ScenarioIndex[]): {
  session: Session | null
  error: string | null
} {
  const read = readSave()
  let error: string | null = read.ok ? null : read.error
  let session: Session | null = null
  if (read.ok && read.saved) {
    const { setup, log } = read.saved
    const index = scenarios.find((s) => s.scenario.id === setup.scenarioId)
    if (!index) error = `it was played with the scenario "${setup.scenarioId}", which is not available`
    else
      try {
        session = createSession(index, setup, log)
      } catch (e) {
        error = `replaying it failed (${e instanceof Error ? e.message : String(e)})`
      }
  }
  if (error) clearSave()
  return { session, error }
}
