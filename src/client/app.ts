import type { Command } from '../core/rules/commands.ts'
import { verdictLine } from '../core/rules/explain.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import { finalVerdict } from '../core/rules/scoring.ts'
import type { GameSetup } from '../core/rules/state.ts'
import { createGameStore } from '../core/store.ts'
import { button, clear, h, rerender } from './dom.ts'
import { renderEnding } from './render/ending.ts'
import { renderGame } from './render/game.ts'
import { renderProblems } from './render/problems.ts'
import { defaultDraft, renderSetup, type SetupDraft } from './render/setup.ts'
import { createSourceDialog } from './render/source-dialog.ts'
import { clearSave, readSave, writeSave } from './save.ts'
import { type Catalogue, playable } from './scenarios.ts'
import type { GameView } from './view.ts'

type Session = { index: ScenarioIndex; store: ReturnType<typeof createGameStore> }
type Notice = { kind: 'refusal' | 'warning' | 'info' | 'error'; lines: string[]; code?: string }

const humansOf = (index: ScenarioIndex, setup: GameSetup) =>
  index.proposers.filter((s) => setup.seats[s] !== 'computer')

/**
 * Mounts the plain HTML game into `root`: the setup screen, the table, the response and the ending. It holds
 * no rules: it renders the store's state and sends commands to it, and shows every refusal it gets back.
 */
export function startApp(root: HTMLElement, catalogue: Catalogue): void {
  const scenarios = playable(catalogue)
  const dialog = createSourceDialog(catalogue.seeds)
  const subtitle = h('p', { class: 'subtitle' })
  const alert = h('div', { class: 'notice', role: 'alert', 'aria-atomic': 'true' })
  const noticeBar = h('div', { class: 'notice-bar' }, alert)
  const announcer = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' })
  const screen = h('main', { id: 'screen' })
  clear(root)
  root.append(
    h('header', { class: 'site-head' }, [h('h1', {}, 'Red Lines'), subtitle]),
    noticeBar,
    announcer,
    screen,
    dialog.element,
  )

  let session: Session | null = null
  let acting: string | null = null
  let notice: Notice | null = null
  let draft: SetupDraft | null = scenarios[0] ? defaultDraft(scenarios[0]) : null

  /** Lets computer partners act until none has anything left to do (a whole game when no side is human). */
  const runComputers = (s: Session) => {
    const LIMIT = 200
    let batches = 0
    while (batches < 20 && s.store.getState().runComputers(LIMIT) === LIMIT) batches += 1
  }

  const persist = () => {
    if (!session) return
    const { setup, log } = session.store.getState()
    writeSave({ setup, log })
  }

  function announce(fromRecord: number): void {
    if (!session) return
    const { index } = session
    const { game } = session.store.getState()
    const lines = game.history
      .slice(fromRecord)
      .map((r) => (r.response ? verdictLine(index, r.response) : `Round ${r.round} ended without a package.`))
    if (game.phase === 'ended') lines.push(`The game is over: ${finalVerdict(index, game).title}.`)
    if (lines.length) announcer.textContent = lines.join(' ')
  }

  function act(command: Command): void {
    if (!session) return
    const store = session.store
    const before = store.getState().game.history.length
    const outcome = store.getState().dispatch(command)
    if (!outcome.ok) {
      notice = { kind: 'refusal', lines: [outcome.refusal.message], code: outcome.refusal.code }
    } else {
      notice = outcome.warnings.length ? { kind: 'warning', lines: outcome.warnings } : null
      runComputers(session)
      persist()
      announce(before)
    }
    render()
  }

  function begin(index: ScenarioIndex, setup: GameSetup, log: Command[] = []): void {
    const store = createGameStore(index, setup, log)
    session = { index, store }
    runComputers(session)
    acting = humansOf(index, setup)[0] ?? null
    persist()
  }

  function newGame(): void {
    clearSave()
    const index = session?.index ?? scenarios[0]
    session = null
    notice = null
    draft = index ? defaultDraft(index) : null
    render()
  }

  function view(s: Session): GameView {
    const { game, log, setup } = s.store.getState()
    const humans = humansOf(s.index, setup)
    if (!acting || !humans.includes(acting)) acting = humans[0] ?? null
    return {
      index: s.index,
      state: game,
      log,
      humans,
      acting,
      act,
      tell: (message) => {
        notice = { kind: 'info', lines: [message] }
        renderNotice()
      },
      setActing: (side) => {
        acting = side
        notice = null
        render()
      },
      openSource: dialog.open,
      newGame,
    }
  }

  function renderNotice(): void {
    clear(alert)
    noticeBar.querySelector('button')?.remove()
    noticeBar.dataset.kind = notice?.kind ?? 'none'
    if (!notice) return
    const label = { refusal: 'Not possible', warning: 'Warning', info: 'Note', error: 'Problem' }[notice.kind]
    for (const line of notice.lines) alert.append(h('p', {}, [h('strong', {}, `${label}: `), line]))
    if (notice.code) alert.append(h('p', { class: 'hint' }, ['Code: ', h('code', {}, notice.code)]))
    noticeBar.append(
      button(
        'Dismiss message',
        () => {
          notice = null
          renderNotice()
        },
        { class: 'small' },
      ),
    )
  }

  function screenContent(): Node {
    if (session) {
      const v = view(session)
      subtitle.textContent = session.index.scenario.title
      document.title =
        v.state.phase === 'ended' ? 'Red Lines — game over' : `Red Lines — round ${v.state.round}`
      return v.state.phase === 'ended' ? renderEnding(v) : renderGame(v)
    }
    subtitle.textContent = 'A role-play on security guarantees'
    document.title = 'Red Lines — new game'
    const current = draft
    return h('div', { class: 'setup-screen' }, [
      current
        ? renderSetup({
            scenarios,
            draft: current,
            onScenario: (index) => {
              draft = defaultDraft(index, current.seed)
              render()
            },
            onStart: (index, setup) => {
              notice = null
              begin(index, setup)
              announce(0)
              render()
            },
          })
        : h('p', {}, 'No scenario can be played: every shipped scenario has errors.'),
      renderProblems(catalogue.scenarios),
    ])
  }

  function render(): void {
    renderNotice()
    rerender(screen, screenContent, () => screen.querySelector('h2'))
  }

  restore()
  try {
    render()
  } catch (e) {
    // A save that replays but cannot be shown must not leave a blank page: start afresh.
    clearSave()
    session = null
    notice = {
      kind: 'error',
      lines: [
        `Your saved game could not be shown (${e instanceof Error ? e.message : String(e)}). You can start a new game below.`,
      ],
    }
    render()
  }

  function restore(): void {
    const read = readSave()
    let error: string | null = read.ok ? null : read.error
    if (read.ok && read.saved) {
      const { setup, log } = read.saved
      const index = scenarios.find((s) => s.scenario.id === setup.scenarioId)
      if (!index) error = `it was played with the scenario "${setup.scenarioId}", which is not available`
      else
        try {
          begin(index, setup, log)
        } catch (e) {
          session = null
          error = `replaying it failed (${e instanceof Error ? e.message : String(e)})`
        }
    }
    if (error) {
      clearSave()
      notice = {
        kind: 'error',
        lines: [`Your saved game could not be restored: ${error}. You can start a new game below.`],
      }
    }
  }
}
