import { parseRecord } from '../core/record/record.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import { h } from './dom.ts'
import type { createNotices } from './notices.ts'
import { renderProblems } from './render/problems.ts'
import { defaultDraft, renderSetup, type SetupDraft } from './render/setup.ts'
import { renderTitle } from './render/title.ts'
import { deleteSave, importLegacySave, listSaves, type SaveStorage } from './saves/index.ts'
import type { Catalogue } from './scenarios.ts'
import type { Screen } from './screens.ts'
import { createSession, resumeSession, type SaveContext, type Session } from './session.ts'

/** What the menu screens need from the app. */
export interface MenuOptions {
  scenarios: ScenarioIndex[]
  catalogue: Catalogue
  storage: SaveStorage
  notices: ReturnType<typeof createNotices>
  /** Opens a game: on its briefings ('brief'), at the table ('table'), or on a given screen. */
  enter: (session: Session, then: 'brief' | 'table' | 'ending' | Screen) => void
  go: (screen: Screen) => void
}

/**
 * The screens outside a game: the title screen (saved games, import) and the set-up. Saves are listed with
 * their problems; a damaged save is explained and can be deleted, and the others stay usable.
 */
export function createMenu(options: MenuOptions) {
  const { scenarios, storage, notices } = options
  const resolve = (id: string) => scenarios.find((s) => s.scenario.id === id)
  const context: SaveContext = {
    storage,
    onError: (p) => notices.show({ kind: 'error', lines: [p.message], fix: p.fix, code: p.code }),
  }
  const legacy = importLegacySave(storage, { resolveIndex: resolve })
  if (legacy?.problem)
    notices.show({
      kind: 'error',
      lines: [legacy.problem.message],
      fix: legacy.problem.fix,
      code: legacy.problem.code,
    })
  let draft: SetupDraft | null = scenarios[0] ? defaultDraft(scenarios[0]) : null

  function resume(id: string, screen?: Screen): boolean {
    const result = resumeSession(id, scenarios, context)
    if (!result.ok) {
      notices.show({
        kind: 'error',
        lines: [`This saved game cannot be opened: ${result.problem.message}`],
        fix: result.problem.fix,
        code: result.problem.code,
      })
      return false
    }
    const ended = result.session.store.getState().game.phase === 'ended'
    options.enter(result.session, screen ?? (ended ? 'ending' : 'table'))
    return true
  }

  async function importFile(file: File): Promise<void> {
    const parsed = parseRecord(await file.text(), resolve)
    if (!parsed.ok) {
      notices.show({
        kind: 'error',
        lines: [`${file.name}: ${parsed.error.message}`],
        fix: parsed.error.fix,
        code: parsed.error.code,
      })
      return
    }
    const session = createSession(parsed.index, parsed.setup, context, parsed.log)
    notices.show({
      kind: 'info',
      lines: [`${file.name} was replayed move by move (${parsed.log.length} moves).`],
    })
    options.enter(session, parsed.state.phase === 'ended' ? 'ending' : 'table')
  }

  function title(): Node {
    document.title = 'Red Lines'
    return renderTitle({
      saves: listSaves(storage, scenarios),
      sideName: (scenarioId, side) => resolve(scenarioId)?.sides.get(side)?.name ?? side,
      onNewGame: () => options.go({ name: 'setup' }),
      onResume: (id) => {
        resume(id)
      },
      onDelete: (id) => {
        const problem = deleteSave(storage, id)
        notices.show(
          problem
            ? { kind: 'error', lines: [problem.message], fix: problem.fix, code: problem.code }
            : { kind: 'info', lines: ['The saved game was deleted.'] },
        )
        options.go({ name: 'title' })
      },
      onImport: (file) => {
        void importFile(file)
      },
    })
  }

  function setup(): Node {
    document.title = 'Red Lines — new game'
    const current = draft
    return h('div', { class: 'setup-screen' }, [
      current
        ? renderSetup({
            scenarios,
            draft: current,
            onScenario: (index) => {
              draft = defaultDraft(index, current.seed)
              options.go({ name: 'setup' })
            },
            onStart: (index, setup) => {
              notices.show(null)
              draft = defaultDraft(index)
              options.enter(createSession(index, setup, context), 'brief')
            },
          })
        : h('p', {}, 'No scenario can be played: every shipped scenario has errors.'),
      renderProblems(options.catalogue.scenarios),
    ])
  }

  return { render: (which: 'title' | 'setup') => (which === 'setup' ? setup() : title()), resume }
}
