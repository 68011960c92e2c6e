import { buildDebrief } from '../core/debrief/debrief.ts'
import { exportRecord, recordToJson } from '../core/record/record.ts'
import { installDropZone } from './authoring/drop-zone.ts'
import { createLibrary } from './authoring/library.ts'
import { watchScenarioFiles } from './authoring/live-reload.ts'
import { h, mount, type View } from './dom.ts'
import { download, exportName } from './download.ts'
import { createGuide } from './guide.ts'
import { debriefToCsv } from './i18n/csv.ts'
import { onLanguageChange, t } from './i18n/index.ts'
import { localisedIndex } from './i18n/scenario.ts'
import { createLanguageSwitch } from './i18n/switch.ts'
import { createMenu } from './menu.ts'
import { createNotices } from './notices.ts'
import { backstageWasOpen, rememberBackstage, renderBackstage } from './render/backstage.ts'
import { renderDebrief } from './render/debrief/debrief.ts'
import { renderGame } from './render/game.ts'
import { renderLeaveBar } from './render/leave.ts'
import { createSourceDialog } from './render/source-dialog.ts'
import { openStorage } from './saves/index.ts'
import type { Catalogue } from './scenarios.ts'
import { rememberScreen, type Screen, savedScreen } from './screens.ts'
import type { Session } from './session.ts'
import { mountStage, prepareStage, type Stage } from './stage/index.ts'
import { type PlayTestRequest, renderBackToStudio, startPlayTest } from './studio/play-test.ts'
import { embeddedScenario } from './studio/share.ts'
import { backToTable, enterGame, type Place } from './table/flow.ts'
import { localTable } from './table/local-table.ts'
import { type Play, playTable } from './table/play.ts'
import type { GameView } from './view.ts'

/**
 * Mounts the game into `root`. It holds no rules: it renders the store's state, sends commands to it, shows
 * every refusal it gets back, and moves between screens: title → set-up → a briefing per human side (behind a
 * hand-over screen when several humans share the device) → the table, round by round, with a summary after
 * each → the ending and its debrief.
 */
export function startApp(
  root: HTMLElement,
  catalogue: Catalogue,
  first: 'title' | 'setup' = 'title',
  playTest: PlayTestRequest | null = null,
): void {
  const dialog = createSourceDialog(catalogue.seeds)
  const notices = createNotices()
  const languageSwitch = createLanguageSwitch()
  // The Phaser stage draws into this box (an iframe of its own, which the view never touches).
  let stageBox: HTMLElement | null = null
  const stageRef = (el: HTMLElement | null) => {
    stageBox = el
  }
  let stageShown = false
  root.replaceChildren()

  let session: Session | null = null
  let play: Play | null = null
  /** The screen outside a game: the title or the set-up. */
  let outside: 'title' | 'setup' = first
  const guide = createGuide(() => render())
  const storage = openStorage(() => localStorage)
  const library = createLibrary(catalogue, storage)
  const menu = createMenu({
    library,
    storage,
    notices,
    enter: (next, then) => enter(next, then),
    go: (next) => go(next),
  })

  // Scenario files: dropped on the title and set-up screens, and reloaded when scenarios/ changes under `npm start`.
  installDropZone({
    active: () => play === null,
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
    replace: (next) => enter(next, play?.place().screen ?? 'table'),
    redraw: () => render(),
  })
  // The instructor's backstage on the table screen, open or closed as this tab last had it.
  let backstage = backstageWasOpen()

  /** Opens a game at its table: on its briefings ('brief'), at the table, at the ending, or on a given screen. */
  function enter(next: Session, then: 'brief' | 'table' | 'ending' | Screen): void {
    play?.stop()
    if (session !== next) session?.stop()
    session = next
    const table = localTable(next)
    const humans = next.humans
    const start: Place =
      then === 'brief'
        ? enterGame({ humans, briefed: [], state: next.store.getState().game })
        : then === 'table'
          ? backToTable(humans)
          : then === 'ending'
            ? { acting: humans[0] ?? null, screen: { name: 'ending' } }
            : { acting: 'side' in then ? then.side : (humans[0] ?? null), screen: then }
    if (then === 'brief') notices.announce(next.announcement(0))
    play = playTable(table, start, {
      show: notices.show,
      announce: notices.announce,
      openSource: (seed, quote, article) => dialog.open(seed, quote, article),
      leave,
      changed: () => render(),
      ending: (v) => ending(next, v),
      table: (v) =>
        h('div', {}, [
          guide.render(v),
          renderBackstage(v, {
            open: backstage,
            refused: next.refused(),
            onToggle: () => {
              backstage = !backstage
              rememberBackstage(backstage)
              render()
            },
          }),
          renderGame(v),
        ]),
    })
    render()
  }

  function toTitle(): void {
    play?.stop()
    play = null
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

  function ending(s: Session, v: GameView): View {
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
  }

  /** Shows a screen outside a game (the title or the set-up), or a screen of the game open now. */
  function go(next: Screen): void {
    if (next.name === 'title' || next.name === 'setup') outside = next.name
    else play?.go({ acting: play.place().acting, screen: next })
    notices.show(null)
    render()
  }

  // The Phaser stage is decorative (all text and controls are in the page) and loads after the first screen.
  let stage: Stage | null = null
  let stageFor: Session | null = null
  function placeStage(show: boolean): void {
    stageShown = show
    if (show && session && stageBox && stageFor !== session) {
      stage?.destroy()
      stage = null
      const mounting = session
      stageFor = mounting
      void mountStage(stageBox, session.store, session.index).then((mounted) => {
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
    // Ahead of a table (the set-up screen, a briefing), the stage's frame loads while the page is idle.
    const ahead = session ? session.store.getState().game.phase !== 'ended' : outside === 'setup'
    if (!show && !stageFor && ahead) prepareWhenIdle()
  }

  let preparing = false
  function prepareWhenIdle(): void {
    if (preparing) return
    preparing = true
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200))
    idle(
      () => {
        preparing = false
        if (stageBox && !stageFor) prepareStage(stageBox)
      },
      { timeout: 2000 },
    )
  }

  let shown = ''
  function render(): void {
    const screen = play?.screen() ?? null
    const place = play?.place().screen ?? null
    const subtitle = session && play ? localisedIndex(session.index).scenario.title : t('app.subtitle')
    // Every screen of a game before its ending has the way out to the title screen at its top.
    const content =
      screen && place?.name !== 'ending'
        ? h('div', { class: 'in-game' }, [renderLeaveBar(leave), screen])
        : (screen ?? menu.render(outside))
    stageShown = place?.name === 'table' || place?.name === 'summary'
    mount(
      root,
      h('div', { class: 'page' }, [
        h('header', { class: 'site-head' }, [
          h('h1', {}, t('app.name')),
          h('p', { class: 'subtitle' }, subtitle),
          languageSwitch,
        ]),
        renderBackToStudio(),
        notices.bar,
        notices.live,
        h('div', { class: 'stage-box', hidden: !stageShown, ref: stageRef }),
        // While the computer partners answer a move (a moment), the screen is marked busy: screen readers
        // wait for their moves before reading the changes, and the pointer shows it.
        h('main', { id: 'screen', 'aria-busy': play?.answering() ? 'true' : null }, content),
        dialog.element,
      ]),
    )
    rememberScreen(session?.id ?? null, place ?? { name: outside })
    placeStage(stageShown)
    // A new screen starts at its top, with focus on its heading, as a new page would.
    const key = play ? play.key() : outside
    if (key !== shown) {
      shown = key
      window.scrollTo(0, 0)
      document.getElementById('screen-heading')?.focus({ preventScroll: true })
    }
  }

  // A language switch redraws the current screen in place: the game, the screen and typed text stay.
  onLanguageChange(() => render())

  // A play-test from the studio starts its game; a failed one says why on the title screen.
  if (playTest && startPlayTest(playTest, { library, storage, notices, enter })) return
  // A reload resumes this tab's game exactly where it was; a new tab starts at the title screen.
  const resumed = savedScreen()
  if (resumed && menu.resume(resumed.id, resumed.screen)) return
  try {
    render()
  } catch (e) {
    play = null
    session = null
    outside = 'title'
    notices.show({
      kind: 'error',
      lines: [t('app.cannotShow', { error: e instanceof Error ? e.message : String(e) })],
    })
    render()
  }
  // A scenario inside the page (a single page shared from the studio) opens as a file chosen with "Open
  // scenario file…" does: chosen on the set-up screen, or its problems shown.
  const embedded = embeddedScenario()
  if (embedded) menu.openFile(new File([embedded.text], embedded.file, { type: 'text/yaml' }))
}
