import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { buildDebrief, type Debrief } from '../../../core/debrief/debrief.ts'
import { aftermathSteps } from '../../../core/debrief/reveal.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import { button, component, h, later, type View } from '../../dom.ts'
import { t } from '../../i18n/index.ts'
import { type GameView, meterName } from '../../view.ts'
import { aftermathKey, rememberSteps, renderAftermath, stepAnnouncement, stepsShown } from './aftermath.ts'
import { renderMeterChart } from './chart.ts'
import { renderHidden } from './hidden.ts'
import { endingText, outcomeHeading, outcomeText, timeUpNote } from './outcome-text.ts'
import { renderThinkQuestions } from './questions.ts'
import { renderRedLines } from './red-lines.ts'
import { renderRounds } from './rounds.ts'
import { renderBreaches, renderFacts, renderScores } from './scores.ts'
import { renderStory } from './story.ts'
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
  /**
   * "New game", shown only when given: a classroom room's debrief has none (a new game is the instructor's
   * to start; the student leaves by the seat bar's "Leave the room", the instructor by "Back to the
   * dashboard").
   */
  onNewGame?(): void
  /** "Back to title", shown only when given. */
  onTitle?(): void
  /** Tells screen readers what a step of the aftermath shows; the debrief has its own live region without it. */
  announce?(text: string): void
}

function actions(options: DebriefOptions): View {
  return h('div', { class: 'debrief-actions', role: 'group', 'aria-label': t('debrief.actions') }, [
    h('div', { class: 'actions' }, [
      options.onExportJson ? button(t('debrief.exportJson'), options.onExportJson) : null,
      button(t('debrief.exportCsv'), options.onExportCsv),
      button(t('debrief.print'), options.onPrint),
      options.onNewGame ? button(t('common.newGame'), options.onNewGame, { class: 'primary' }) : null,
      options.onTitle ? button(t('debrief.toTitle'), options.onTitle) : null,
    ]),
    // Without the JSON button (a classroom student's debrief), the hint does not speak of a JSON file.
    h('p', { class: 'hint' }, t(options.onExportJson ? 'debrief.hint' : 'debrief.hintCsvOnly')),
  ])
}

function chartSection(index: ScenarioIndex, debrief: Debrief): View {
  // The meters named as the device's (localised) index names them, not as the debrief came from the server.
  const meters = debrief.meters.map((m) =>
    index.meters.has(m.id) ? { ...m, name: meterName(index, m.id) } : m,
  )
  return h('section', { class: 'debrief-card debrief-chart', 'aria-labelledby': 'debrief-chart' }, [
    h('h3', { id: 'debrief-chart' }, t('debrief.chart')),
    renderMeterChart(meters),
  ])
}

/**
 * While the page prints, plays out the years after not yet shown (`showAll`) and opens every closed
 * disclosure under `root`, closing them again after, so that paper shows the whole debrief (the CSS does the
 * same where the browser supports styling closed details).
 */
function usePrintAll(root: { current: HTMLElement | null }, showAll: () => void): void {
  const latest = useRef(showAll)
  latest.current = showAll
  useEffect(() => {
    const opened: HTMLDetailsElement[] = []
    const openAll = () => {
      // Preact draws state changes in a microtask queued before this one: the years after are on the page by
      // now, with any disclosures they bring. Opening them is for paper only, so it is done on the page
      // itself (the view never sets `open`, so its next update leaves them as they are).
      for (const d of root.current?.querySelectorAll<HTMLDetailsElement>('details:not([open])') ?? []) {
        d.open = true
        opened.push(d)
      }
    }
    const before = () => {
      latest.current()
      queueMicrotask(openAll)
    }
    const after = () => {
      for (const d of opened.splice(0)) d.open = false
    }
    window.addEventListener('beforeprint', before)
    window.addEventListener('afterprint', after)
    return () => {
      window.removeEventListener('beforeprint', before)
      window.removeEventListener('afterprint', after)
    }
  }, [root])
}

interface DebriefProps {
  /** Preact's: the game, so that another game's debrief starts from its own years after, not this one's. */
  key: string
  view: GameView
  debrief: Debrief
  options: DebriefOptions
}

/** The debrief, keeping how far the years after have been played out (also kept for the tab). */
function DebriefScreen({ view, debrief, options }: DebriefProps): View {
  const { index } = view
  const responder = index.sides.get(index.responder)?.name ?? index.responder
  const aftermath = debrief.aftermath
  const key = aftermathKey(debrief)
  const steps = aftermath ? aftermathSteps(aftermath) : []
  const [shownSteps, setShownSteps] = useState(() => (aftermath ? stepsShown(key) : 0))
  // Each step is said here when the screen has no announcer of its own (a classroom device).
  const [said, setSaid] = useState('')
  const root = useRef<HTMLDivElement>(null)
  const outcome = useRef<HTMLHeadingElement>(null)
  const focusOutcome = useRef(false)

  const show = (count: number) => {
    const n = Math.min(count, steps.length)
    rememberSteps(key, n)
    setShownSteps(n)
    const step = steps[n - 1]
    if (aftermath && step) (options.announce ?? setSaid)(stepAnnouncement(index, aftermath, step))
    // Once the outcome is out, the reader goes on from it; until then the focus stays on "Next year".
    focusOutcome.current = n === steps.length
  }
  const pending = aftermath !== null && shownSteps < steps.length
  usePrintAll(root, () => {
    if (pending) show(steps.length)
  })
  // Before the browser paints, so that the focus goes straight from the button that went to the outcome.
  useLayoutEffect(() => {
    if (!focusOutcome.current) return
    focusOutcome.current = false
    outcome.current?.focus()
  }, [shownSteps])

  // The years after come straight after the ending's text, and stay there once played out.
  const played = aftermath
    ? renderAftermath(
        index,
        aftermath,
        shownSteps,
        pending ? { onNext: () => show(shownSteps + 1), onAll: () => show(steps.length) } : undefined,
        outcome,
      )
    : null
  const timeUp = timeUpNote(debrief)
  const head = h('div', { class: 'debrief-head' }, [
    h('h2', { id: 'screen-heading', tabindex: -1 }, outcomeHeading(index, debrief)),
    h('p', { class: 'ending-text' }, pending ? endingText(index, debrief) : outcomeText(index, debrief)),
    timeUp ? h('p', { class: 'mode-note', role: 'note' }, timeUp) : null,
    debrief.mode === 'instructor'
      ? h('p', { class: 'mode-note', role: 'note' }, t('debrief.instructorNote', { responder }))
      : null,
    played,
    renderFacts(debrief, index, responder),
    actions(options),
  ])
  // Until the years after are played out, nothing else is shown: the scores would give the outcome away.
  const rest = pending
    ? null
    : [
        h('div', { class: 'debrief-card debrief-scores-card' }, renderScores(debrief, index)),
        // Below the first view: drawn a moment after the debrief appears.
        later([
          renderStory(index, debrief),
          renderHidden(index, debrief),
          chartSection(index, debrief),
          renderWhatIf(view, debrief),
          renderRedLines(view, debrief),
          renderBreaches(debrief, index),
          renderRounds(index, debrief, responder),
          // A classroom's students answer the questions on their devices before this; at home they are offered.
          options.debrief ? null : renderThinkQuestions(view),
        ]),
      ]
  return h('div', { class: 'debrief ending', ref: root }, [
    options.announce
      ? null
      : h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' }, said),
    h('div', { class: 'debrief-body' }, [head, rest]),
  ])
}

/**
 * The debrief after a game, for the class discussion: the outcome and the facts of the game (difficulty,
 * mode, who played which side); when guarantees took effect, the years after, played out step by step
 * before anything else is shown (the scores would give the outcome away); then the scores with what drove
 * them, how the negotiation went (every move, message and answer, attributed), what the game kept hidden, a chart of the meters over the rounds, the engine's what-if on the last
 * package, the red lines crossed with their sources, the constraints breached, and every round. Its buttons
 * export the game and the results and print it.
 */
export function renderDebrief(view: GameView, options: DebriefOptions): View {
  const debrief = options.debrief ?? buildDebrief(view.index, view.state.setup, view.state, view.log)
  return component(DebriefScreen, { key: aftermathKey(debrief), view, debrief, options })
}
