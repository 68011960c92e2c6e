import { parseRecord } from '../core/record/record.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import { responderName, shortSideName } from '../core/text/side-name.ts'
import type { Library } from './authoring/library.ts'
import { createFileOpener } from './authoring/open-file.ts'
import { renderJoinClass } from './classroom/title-entry.ts'
import { h, type View } from './dom.ts'
import { t } from './i18n/index.ts'
import { localisedIndex } from './i18n/scenario.ts'
import type { Notices } from './notices.ts'
import { renderProblems } from './render/problems.ts'
import { recordErrorText } from './render/record-error-text.ts'
import { renderSetup } from './render/setup.ts'
import { renderTitle, type TitleProps } from './render/title.ts'
import { deleteSave, importLegacySave, listSaves, type SaveStorage } from './saves/index.ts'
import type { Screen } from './screens.ts'
import { createSession, resumeSession, type SaveContext, type Session } from './session.ts'

/** What the menu screens need from the app. */
export interface MenuOptions {
  /** The shipped scenarios, the files opened in the page and those saved games were played with. */
  library: Library
  storage: SaveStorage
  notices: Notices
  /** Opens a game: on its briefings ('brief'), at the table ('table'), or on a given screen. */
  enter: (session: Session, then: 'brief' | 'table' | 'ending' | Screen) => void
  go: (screen: Screen) => void
}

/**
 * The screens outside a game: the title screen (saved games, import) and the set-up. Saves are listed with
 * their problems; a damaged save is explained and can be deleted, and the others stay usable.
 */
export function createMenu(options: MenuOptions) {
  const { library, storage, notices } = options
  const resolve = (id: string, hash?: string) => library.resolve(id, hash)
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
  /**
   * The scenario the set-up screen selects when it opens, or at once while it is open: the file opened last
   * (on the title screen too), else the scenario played last. A new object each time asks again.
   */
  let wanted: { scenarioId: string } | null = null
  let showing: 'title' | 'setup' = 'title'
  const opener = createFileOpener({
    library,
    notices,
    onLoaded: (index) => {
      wanted = { scenarioId: index.scenario.id }
      options.go({ name: 'setup' })
    },
    redraw: () => options.go({ name: showing }),
  })

  /** Keeps an opened file's text for the saves of a game about to start on it, or says why it cannot. */
  function keep(index: Parameters<Library['keep']>[0]): void {
    const error = library.keep(index)
    if (error)
      notices.show({
        kind: 'warning',
        lines: [t('authoring.notKept', { detail: String(error) })],
        fix: t('authoring.notKeptFix'),
      })
  }

  function resume(id: string, screen?: Screen): boolean {
    const result = resumeSession(id, library.known(), context)
    if (!result.ok) {
      notices.show({
        kind: 'error',
        lines: [t('menu.cannotOpen', { message: result.problem.message })],
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
      const { message, fix } = recordErrorText(parsed.error, resolve)
      notices.show({ kind: 'error', lines: [`${file.name}: ${message}`], fix, code: parsed.error.code })
      return
    }
    keep(parsed.index)
    const session = createSession(parsed.index, parsed.setup, context, parsed.log)
    notices.show({
      kind: 'info',
      lines: [t('menu.replayed', { file: file.name, count: parsed.log.length })],
    })
    options.enter(session, parsed.state.phase === 'ended' ? 'ending' : 'table')
  }

  function title(): View {
    document.title = t('doc.title')
    return renderTitle({
      featured: featured(library.playable()[0]),
      saves: listSaves(storage, library.known()),
      sideName: (scenarioId, side) => {
        const index = resolve(scenarioId)
        return (index && localisedIndex(index).sides.get(side)?.name) ?? side
      },
      onNewGame: () => options.go({ name: 'setup' }),
      onResume: (id) => {
        resume(id)
      },
      onDelete: (id) => {
        const problem = deleteSave(storage, id)
        library.prune()
        notices.show(
          problem
            ? { kind: 'error', lines: [problem.message], fix: problem.fix, code: problem.code }
            : { kind: 'info', lines: [t('menu.deleted')] },
        )
        options.go({ name: 'title' })
      },
      onImport: (file) => {
        void importFile(file)
      },
      more: [renderJoinClass(), opener.render()],
    })
  }

  function setup(): View {
    document.title = t('doc.setup')
    const scenarios = library.playable()
    // Keyed, as the title screen is: another screen is drawn anew, not made over from the one before.
    return h('div', { class: 'setup-screen', key: 'setup' }, [
      scenarios.length
        ? renderSetup({
            scenarios,
            origin: (index) => {
              const origin = library.origin(index)
              return origin?.kind === 'file' ? t('authoring.fromFile', { file: origin.file }) : null
            },
            wanted,
            onStart: (index, setup) => {
              notices.show(null)
              opener.clear()
              wanted = { scenarioId: index.scenario.id }
              keep(index)
              options.enter(createSession(index, setup, context), 'brief')
            },
          })
        : h('p', {}, t('menu.nothingPlayable')),
      opener.render(),
      renderProblems(library.entries()),
    ])
  }

  return {
    /** The title screen or the set-up screen, as it is now. */
    render: (which: 'title' | 'setup'): View => {
      showing = which
      return which === 'setup' ? setup() : title()
    },
    resume,
    /** Opens a scenario file dropped on the page. */
    openFile: (file: File) => opener.open(file),
  }
}

/** The scenario a new game starts on, as the title screen introduces it: in the interface's language. */
function featured(index: ScenarioIndex | undefined): TitleProps['featured'] {
  if (!index) return null
  const shown = localisedIndex(index)
  return {
    scenario: shown.scenario.title,
    proposers: shown.proposers.map((side) => shortSideName(shown, side)),
    responder: responderName(shown),
  }
}
