import { buildDebrief, type Debrief } from '../../../core/debrief/debrief.ts'
import { button, h } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import type { GameView } from '../../view.ts'
import { renderMeterChart } from './chart.ts'
import { outcomeText, outcomeTitle } from './outcome-text.ts'
import { renderRedLines } from './red-lines.ts'
import { renderRounds } from './rounds.ts'
import { renderBreaches, renderFacts, renderScores } from './scores.ts'
import { renderWhatIf } from './what-if.ts'

/** What the debrief's buttons do; the app implements the downloads, printing and navigation. */
export interface DebriefOptions {
  /**
   * The debrief already built (a classroom room's, which the server builds from the whole game: a student's
   * device sees only its own side's private parts of the scenario); built here from the view by default.
   */
  debrief?: Debrief
  /** "Export game (JSON)": a record that re-imports and replays to the same debrief; no button without it. */
  onExportJson?(): void
  /** "Export results (CSV)": the rounds and scores for a spreadsheet. */
  onExportCsv(): void
  /** "Print debrief": the print view (print or save as PDF). */
  onPrint(): void
  /** "New game". */
  onNewGame(): void
  /** "Back to title", shown only when given. */
  onTitle?(): void
}

function actions(options: DebriefOptions): HTMLElement {
  return h('div', { class: 'debrief-actions', role: 'group', 'aria-label': t('debrief.actions') }, [
    h('div', { class: 'actions' }, [
      options.onExportJson ? button(t('debrief.exportJson'), options.onExportJson) : null,
      button(t('debrief.exportCsv'), options.onExportCsv),
      button(t('debrief.print'), options.onPrint),
      button(t('common.newGame'), options.onNewGame, { class: 'primary' }),
      options.onTitle ? button(t('debrief.toTitle'), options.onTitle) : null,
    ]),
    h('p', { class: 'hint' }, t('debrief.hint')),
  ])
}

function chartSection(debrief: Debrief): HTMLElement {
  return h('section', { class: 'debrief-card debrief-chart', 'aria-labelledby': 'debrief-chart' }, [
    h('h3', { id: 'debrief-chart' }, t('debrief.chart')),
    renderMeterChart(debrief.meters),
  ])
}

let printHooked = false

/**
 * Opens every closed disclosure of the debrief while the page prints, and closes them again after, so that
 * paper shows everything (the CSS does the same where the browser supports styling closed details).
 */
function hookPrint(): void {
  if (printHooked || typeof window === 'undefined') return
  printHooked = true
  const opened: HTMLDetailsElement[] = []
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('.debrief details:not([open])')) {
      d.open = true
      opened.push(d)
    }
  })
  window.addEventListener('afterprint', () => {
    for (const d of opened.splice(0)) d.open = false
  })
}

/**
 * The debrief after a game, for the class discussion: the outcome and the facts of the game (difficulty,
 * who played which side), the scores with what drove them, a chart of the meters over the rounds, the
 * engine's what-if on the last package, the red lines crossed with their sources, the constraints breached,
 * and every round (package, answer, events). Its buttons export the game and the results and print it.
 */
export function renderDebrief(view: GameView, options: DebriefOptions): HTMLElement {
  hookPrint()
  const debrief = options.debrief ?? buildDebrief(view.index, view.state.setup, view.state, view.log)
  const responder = view.index.sides.get(view.index.responder)?.name ?? view.index.responder
  const title = outcomeTitle(view.index, debrief)
  const text = outcomeText(view.index, debrief)
  return h('div', { class: 'debrief ending' }, [
    h('div', { class: 'debrief-head' }, [
      h('h2', { id: 'screen-heading', tabindex: -1 }, t('debrief.heading', { title })),
      h('p', { class: 'ending-text' }, text),
      renderFacts(debrief, responder),
      actions(options),
    ]),
    h('div', { class: 'debrief-card debrief-scores-card' }, renderScores(debrief, view.index)),
    chartSection(debrief),
    renderWhatIf(view, debrief),
    renderRedLines(view, debrief),
    renderBreaches(debrief, view.index),
    renderRounds(view.index, debrief, responder),
  ])
}
