import type { Command } from '../core/rules/commands.ts'
import type { ScenarioIndex } from '../core/rules/scenario-index.ts'
import type { GameSetup } from '../core/rules/state.ts'
import { clear, h, rerender } from './dom.ts'
import { createGuide } from './guide.ts'
import { createNotices } from './notices.ts'
import { renderBriefing } from './render/briefing.ts'
import { renderEnding } from './render/ending.ts'
import { renderGame } from './render/game.ts'
import { renderHandover } from './render/handover.ts'
import { renderProblems } from './render/problems.ts'
import { defaultDraft, renderSetup, type SetupDraft } from './render/setup.ts'
import { createSourceDialog } from './render/source-dialog.ts'
import { renderSummary } from './render/summary.ts'
import { type Catalogue, playable } from './scenarios.ts'
import { createSession, restoreSession, type Session } from './session.ts'
import type { GameView } from './view.ts'

/**
 * Where the player is: the flow is set-up → a briefing per human side (behind a hand-over screen when several
 * humans share the device) → the table, round by round, with a summary after each → the ending.
 */
type Screen =
  | { name: 'setup' }
  | { name: 'handover'; side: string; then: Screen }
  | { name: 'briefing'; side: string; queue: string[] }
  | { name: 'table' }
  | { name: 'summary'; round: number }
  | { name: 'ending' }

/**
 * Mounts the game into `root`. It holds no rules: it renders the store's state, sends commands to it, shows
 * every refusal it gets back, and moves between screens.
 */
export function startApp(root: HTMLElement, catalogue: Catalogue): void {
  const scenarios = playable(catalogue)
  const dialog = createSourceDialog(catalogue.seeds)
  const subtitle = h('p', { class: 'subtitle' })
  const notices = createNotices()
  const main = h('main', { id: 'screen' })
  clear(root)
  root.append(
    h('header', { class: 'site-head' }, [h('h1', {}, 'Red Lines'), subtitle]),
    notices.bar,
    notices.live,
    main,
    dialog.element,
  )

  let session: Session | null = null
  let screen: Screen = { name: 'setup' }
  let draft: SetupDraft | null = scenarios[0] ? defaultDraft(scenarios[0]) : null
  const guide = createGuide(() => render())

  /** Shows `side`'s private screen, behind a hand-over screen when several humans share the device. */
  const toSide = (s: Session, side: string, then: Screen): Screen => {
    s.acting = side
    return s.humans.length > 1 ? { name: 'handover', side, then } : then
  }

  const briefNext = (s: Session, queue: string[]): Screen => {
    const [side, ...rest] = queue
    return side ? toSide(s, side, { name: 'briefing', side, queue: rest }) : { name: 'table' }
  }

  function act(command: Command): void {
    if (!session) return
    const before = session.store.getState().game.history.length
    const outcome = session.act(command)
    if (!outcome.ok)
      notices.show({ kind: 'refusal', lines: [outcome.refusal.message], code: outcome.refusal.code })
    else {
      notices.show(outcome.warnings.length ? { kind: 'warning', lines: outcome.warnings } : null)
      notices.announce(session.announcement(before))
      const { game } = session.store.getState()
      if (game.history.length > before && game.phase !== 'deciding')
        screen = { name: 'summary', round: game.history.at(-1)?.round ?? game.round }
    }
    render()
  }

  function begin(index: ScenarioIndex, setup: GameSetup, log: Command[] = []): Session {
    session = createSession(index, setup, log)
    return session
  }

  function newGame(): void {
    session?.forget()
    const index = session?.index ?? scenarios[0]
    session = null
    notices.show(null)
    draft = index ? defaultDraft(index) : null
    screen = { name: 'setup' }
    render()
  }

  function view(s: Session): GameView {
    const { game, log } = s.store.getState()
    return {
      index: s.index,
      state: game,
      log,
      humans: s.humans,
      acting: s.acting,
      act,
      tell: (message) => notices.show({ kind: 'info', lines: [message] }),
      setActing: (side) => {
        notices.show(null)
        screen = toSide(s, side, { name: 'table' })
        render()
      },
      openSource: dialog.open,
      newGame,
    }
  }

  function setupScreen(): Node {
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
              notices.show(null)
              const s = begin(index, setup)
              notices.announce(s.announcement(0))
              screen = briefNext(s, [...s.humans])
              render()
            },
          })
        : h('p', {}, 'No scenario can be played: every shipped scenario has errors.'),
      renderProblems(catalogue.scenarios),
    ])
  }

  function gameScreen(s: Session): Node {
    const v = view(s)
    subtitle.textContent = s.index.scenario.title
    if (v.state.phase === 'ended' && screen.name === 'table') screen = { name: 'ending' }
    switch (screen.name) {
      case 'handover': {
        const then = screen.then
        document.title = 'Red Lines — hand over'
        return renderHandover(v, screen.side, () => go(then))
      }
      case 'briefing': {
        const { side, queue } = screen
        document.title = `Red Lines — briefing: ${s.index.sides.get(side)?.name ?? side}`
        const next = queue[0]
        const label = next ? `Next: ${s.index.sides.get(next)?.name ?? next}'s briefing` : 'Go to the table'
        return renderBriefing(v, side, () => go(briefNext(s, queue)), label)
      }
      case 'summary': {
        const round = screen.round
        const record = v.state.history.find((r) => r.round === round)
        document.title = `Red Lines — round ${round} summary`
        const ended = v.state.phase === 'ended'
        const next = ended
          ? { label: 'See how the game ended', go: () => go({ name: 'ending' }) }
          : {
              label: `Start round ${v.state.round}`,
              go: () => go(s.humans[0] ? toSide(s, s.humans[0], { name: 'table' }) : { name: 'table' }),
            }
        return record ? renderSummary(v, record, next) : renderGame(v)
      }
      case 'ending':
        document.title = 'Red Lines — game over'
        return renderEnding(v)
      default:
        document.title = `Red Lines — round ${v.state.round}`
        return h('div', {}, [guide.render(v), renderGame(v)])
    }
  }

  function go(next: Screen): void {
    screen = next
    notices.show(null)
    render()
  }

  let shown = ''
  function render(): void {
    const heading = () => main.querySelector<HTMLElement>('#screen-heading')
    rerender(main, () => (session && screen.name !== 'setup' ? gameScreen(session) : setupScreen()), heading)
    // A new screen starts at its top, with focus on its heading, as a new page would.
    const key = JSON.stringify(screen)
    if (key !== shown) {
      shown = key
      window.scrollTo(0, 0)
      heading()?.focus({ preventScroll: true })
    }
  }

  screen = restore() ?? screen
  try {
    render()
  } catch (e) {
    // A save that replays but cannot be shown must not leave a blank page: start afresh.
    const broken = session as Session | null
    broken?.forget()
    session = null
    screen = { name: 'setup' }
    notices.show({
      kind: 'error',
      lines: [
        `Your saved game could not be shown (${e instanceof Error ? e.message : String(e)}). You can start a new game below.`,
      ],
    })
    render()
  }

  function restore(): Screen | null {
    const result = restoreSession(scenarios)
    if (result.error)
      notices.show({
        kind: 'error',
        lines: [`Your saved game could not be restored: ${result.error}. You can start a new game below.`],
      })
    const resumed = result.session
    if (!resumed) return null
    session = resumed
    const first = resumed.humans[0]
    return first ? toSide(resumed, first, { name: 'table' }) : { name: 'table' }
  }
}
