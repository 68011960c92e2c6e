import { buildDebrief } from '../core/debrief/debrief.ts'
import { debriefToCsv } from '../core/record/csv.ts'
import { exportRecord, recordToJson } from '../core/record/record.ts'
import type { Command } from '../core/rules/commands.ts'
import { seedTitle } from '../core/scenario/seed-title.ts'
import { installDropZone } from './authoring/drop-zone.ts'
import { createLibrary } from './authoring/library.ts'
import { watchScenarioFiles } from './authoring/live-reload.ts'
import { clear, h, rerender } from './dom.ts'
import { download, exportName } from './download.ts'
import { createGuide } from './guide.ts'
import { onLanguageChange, t } from './i18n/index.ts'
import { localisedIndex } from './i18n/scenario.ts'
import { createLanguageSwitch } from './i18n/switch.ts'
import { createMenu } from './menu.ts'
import { createNotices } from './notices.ts'
import { backstageWasOpen, rememberBackstage, renderBackstage } from './render/backstage.ts'
import { renderBriefing } from './render/briefing.ts'
import { renderDebrief } from './render/debrief/debrief.ts'
import { renderGame } from './render/game.ts'
import { renderHandover } from './render/handover.ts'
import { renderLeaveBar } from './render/leave.ts'
import { refusalText, warningText } from './render/rule-texts.ts'
import { createSourceDialog } from './render/source-dialog.ts'
import { renderSummary } from './render/summary.ts'
import { openStorage } from './saves/index.ts'
import type { Catalogue } from './scenarios.ts'
import { rememberScreen, type Screen, savedScreen } from './screens.ts'
import type { Session } from './session.ts'
import { mountStage, type Stage } from './stage/index.ts'
import type { GameView } from './view.ts'

/**
 * Mounts the game into `root`. It holds no rules: it renders the store's state, sends commands to it, shows
 * every refusal it gets back, and moves between screens: title → set-up → a briefing per human side (behind a
 * hand-over screen when several humans share the device) → the table, round by round, with a summary after
 * each → the ending and its debrief.
 */
export function startApp(root: HTMLElement, catalogue: Catalogue, first: 'title' | 'setup' = 'title'): void {
  const dialog = createSourceDialog(catalogue.seeds)
  const subtitle = h('p', { class: 'subtitle' })
  const notices = createNotices()
  const main = h('main', { id: 'screen' })
  const stageBox = h('div', { class: 'stage-box', hidden: true })
  const name = h('h1', {}, t('app.name'))
  clear(root)
  root.append(
    h('header', { class: 'site-head' }, [name, subtitle, createLanguageSwitch()]),
    notices.bar,
    notices.live,
    stageBox,
    main,
    dialog.element,
  )

  let session: Session | null = null
  let screen: Screen = { name: first }
  const guide = createGuide(() => render())
  const storage = openStorage(() => localStorage)
  const library = createLibrary(catalogue, storage)
  const menu = createMenu({
    library,
    storage,
    notices,
    enter: (next, then) => {
      if (session !== next) session?.stop()
      session = next
      if (then === 'brief') notices.announce(next.announcement(0))
      screen =
        then === 'ending'
          ? { name: 'ending' }
          : then === 'brief'
            ? briefNext(next, [...next.humans])
            : then === 'table'
              ? backToTable(next)
              : then
      render()
    },
    go: (next) => go(next),
  })

  // Scenario files: dropped on the title and set-up screens, and reloaded when scenarios/ changes under `npm start`.
  installDropZone({
    active: () => screen.name === 'title' || screen.name === 'setup',
    onFile: (file) => menu.openFile(file),
  })
  watchScenarioFiles({
    library,
    context: {
      storage,
      onError: (p) => notices.show({ kind: 'error', lines: [p.message], fix: p.fix, code: p.code }),
    },
    notices,
    session: () => session,
    replace: (next) => {
      session = next
      render()
    },
    rerender: () => render(),
  })
  // The instructor's backstage on the table screen, open or closed as this tab last had it.
  let backstage = backstageWasOpen()

  /** Shows `side`'s private screen, behind a hand-over screen when several humans share the device. */
  const toSide = (s: Session, side: string, then: Screen): Screen => {
    s.acting = side
    return s.humans.length > 1 ? { name: 'handover', side, after: then } : then
  }
  const briefNext = (s: Session, queue: string[]): Screen => {
    const [side, ...rest] = queue
    return side ? toSide(s, side, { name: 'briefing', side, queue: rest }) : { name: 'table' }
  }
  const backToTable = (s: Session): Screen =>
    s.humans[0] ? toSide(s, s.humans[0], { name: 'table' }) : { name: 'table' }

  function act(command: Command): void {
    if (!session) return
    const before = session.store.getState().game.history.length
    const outcome = session.act(command)
    // Worded in the interface's language with the names the screen shows, again after a language switch.
    const { index } = session
    if (!outcome.ok) {
      const { refusal } = outcome
      notices.show({
        kind: 'refusal',
        lines: () => [refusalText(localisedIndex(index), refusal)],
        code: refusal.code,
      })
    } else {
      const { warned } = outcome
      const lines = () => warned.map((w) => warningText(localisedIndex(index), w))
      notices.show(warned.length ? { kind: 'warning', lines } : null)
      notices.announce(session.announcement(before))
      const { game } = session.store.getState()
      if (game.history.length > before && game.phase !== 'deciding')
        screen = { name: 'summary', round: game.history.at(-1)?.round ?? game.round }
    }
    render()
  }

  function toTitle(): void {
    session?.stop()
    session = null
    go({ name: 'title' })
  }

  /** Leaves a game in progress for the title screen, where its save is listed to be continued. */
  function leave(): void {
    toTitle()
    notices.show({ kind: 'info', lines: () => [t('leave.done')] })
  }

  function exportJson(s: Session): void {
    const { setup, log } = s.store.getState()
    download(
      exportName(s.index.scenario.id, 'json'),
      recordToJson(exportRecord(s.index, setup, log, new Date())),
      'application/json',
    )
  }

  function exportCsv(s: Session): void {
    const { setup, log, game } = s.store.getState()
    download(
      exportName(s.index.scenario.id, 'csv'),
      debriefToCsv(buildDebrief(s.index, setup, game, log)),
      'text/csv',
    )
  }

  function view(s: Session): GameView {
    const { game, log } = s.store.getState()
    return {
      // What is shown is in the interface's language where the scenario has a translation; the game
      // (its store, save and exports) keeps the scenario as loaded.
      index: localisedIndex(s.index),
      state: game,
      log,
      humans: s.humans,
      acting: s.acting,
      act,
      tell: (message) => notices.show({ kind: 'info', lines: [message] }),
      setActing: (side) => go(toSide(s, side, { name: 'table' })),
      openSource: (seed, quote) =>
        dialog.open(seed, quote, seedTitle(localisedIndex(s.index).scenario, seed)),
      newGame: toTitle,
    }
  }

  /** A screen of the game; every one before the ending has the way out to the title screen at its top. */
  function gameScreen(s: Session): Node {
    const content = gameContent(s)
    if (screen.name === 'ending') return content
    return h('div', { class: 'in-game' }, [renderLeaveBar(leave), content])
  }

  function gameContent(s: Session): Node {
    const v = view(s)
    subtitle.textContent = v.index.scenario.title
    if (v.state.phase === 'ended' && screen.name === 'table') screen = { name: 'ending' }
    switch (screen.name) {
      case 'handover': {
        const after = screen.after
        document.title = t('doc.handover')
        return renderHandover(v, screen.side, () => go(after))
      }
      case 'briefing': {
        const { side, queue } = screen
        document.title = t('doc.briefing', { side: v.index.sides.get(side)?.name ?? side })
        const next = queue[0]
        const label = next
          ? t('app.nextBriefing', { side: v.index.sides.get(next)?.name ?? next })
          : t('app.goToTable')
        return renderBriefing(v, side, () => go(briefNext(s, queue)), label)
      }
      case 'summary': {
        const round = screen.round
        const record = v.state.history.find((r) => r.round === round)
        document.title = t('doc.summary', { round })
        const next =
          v.state.phase === 'ended'
            ? { label: t('app.seeEnding'), go: () => go({ name: 'ending' }) }
            : { label: t('app.startRound', { round: v.state.round }), go: () => go(backToTable(s)) }
        return record ? renderSummary(v, record, next) : renderGame(v)
      }
      case 'ending':
        document.title = t('doc.debrief')
        return renderDebrief(v, {
          onExportJson: () => exportJson(s),
          onExportCsv: () => exportCsv(s),
          onPrint: () => window.print(),
          onNewGame: () => {
            toTitle()
            go({ name: 'setup' })
          },
          onTitle: toTitle,
          announce: notices.announce,
        })
      default:
        document.title = t('doc.round', { round: v.state.round })
        return h('div', {}, [
          guide.render(v),
          renderBackstage(v, {
            open: backstage,
            refused: s.refused(),
            onToggle: () => {
              backstage = !backstage
              rememberBackstage(backstage)
              render()
            },
          }),
          renderGame(v),
        ])
    }
  }

  function go(next: Screen): void {
    screen = next
    notices.show(null)
    render()
  }

  // The Phaser stage is decorative (all text and controls are in the page) and loads after the first screen.
  let stage: Stage | null = null
  let stageFor: Session | null = null
  function placeStage(show: boolean): void {
    stageBox.hidden = !show
    if (show && session && stageFor !== session) {
      stage?.destroy()
      stage = null
      const mounting = session
      stageFor = mounting
      const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches
      void mountStage(stageBox, session.store, session.index, { reducedMotion }).then((mounted) => {
        if (stageFor !== mounting) return mounted.destroy()
        stage = mounted
        // Let Phaser measure the box again now that the page around it has settled.
        window.dispatchEvent(new Event('resize'))
      })
    } else if (!show && stageFor && (!session || session.store.getState().game.phase === 'ended')) {
      // The debrief has its own chart: free the stage (its textures and scene) once the game is over.
      stage?.destroy()
      stage = null
      stageFor = null
    }
  }

  let shown = ''
  function render(): void {
    const heading = () => main.querySelector<HTMLElement>('#screen-heading')
    const inGame = session !== null && screen.name !== 'title' && screen.name !== 'setup'
    if (!inGame) subtitle.textContent = t('app.subtitle')
    rerender(
      main,
      () =>
        session && inGame ? gameScreen(session) : menu.render(screen.name === 'setup' ? 'setup' : 'title'),
      heading,
    )
    rememberScreen(session?.id ?? null, screen)
    placeStage(inGame && (screen.name === 'table' || screen.name === 'summary'))
    // A new screen starts at its top, with focus on its heading, as a new page would.
    const key = JSON.stringify(screen)
    if (key !== shown) {
      shown = key
      window.scrollTo(0, 0)
      heading()?.focus({ preventScroll: true })
    }
  }

  // A language switch redraws the current screen in place: the game, the screen and typed text stay.
  onLanguageChange(() => {
    name.textContent = t('app.name')
    render()
  })

  // A reload resumes this tab's game exactly where it was; a new tab starts at the title screen.
  const resumed = savedScreen()
  if (resumed && menu.resume(resumed.id, resumed.screen)) return
  try {
    render()
  } catch (e) {
    session = null
    screen = { name: 'title' }
    notices.show({
      kind: 'error',
      lines: [t('app.cannotShow', { error: e instanceof Error ? e.message : String(e) })],
    })
    render()
  }
}
