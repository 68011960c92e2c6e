import type { Ref } from 'preact'
import type { Debrief } from '../../../core/debrief/debrief.ts'
import {
  type AftermathEvent,
  type AftermathStep,
  aftermathSteps,
  type DebriefAftermath,
} from '../../../core/debrief/reveal.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import { type Child, h, type View } from '../../dom.ts'
import { formatList, formatNumber, type MessageKey, t } from '../../i18n/index.ts'
import { meterName, nameOf } from '../../view.ts'
import { percent, shown, signed } from './chart-math.ts'
import { aftermathTitle } from './outcome-text.ts'
import { tableRegion } from './table-region.ts'

/**
 * The years after a deal or an imposition, played out on the ending screen in steps: the scenario's intro,
 * then each year (revealed with "Next year", or all at once with "Show all"), then the outcome and how it
 * changed the scores. How far each game was played out is kept for the tab, so that a redraw, a language
 * switch or a reload does not hide the years again.
 */

const STORE_KEY = 'red-lines:aftermath-shown'
const memory = new Map<string, number>()

/** The same game (same scenario, seed, rounds and aftermath) always has the same key. */
export function aftermathKey(debrief: Debrief): string {
  const a = debrief.aftermath
  return [
    debrief.scenario.id,
    debrief.seed,
    debrief.difficulty,
    debrief.roundsPlayed,
    a?.outcome,
    a?.years.length,
  ]
    .map(String)
    .join(':')
}

function stored(): Record<string, number> {
  try {
    const data = JSON.parse(sessionStorage.getItem(STORE_KEY) ?? '{}')
    return data && typeof data === 'object' ? data : {}
  } catch {
    return {}
  }
}

/** How many steps of this game's aftermath have been shown (at least the intro). */
export function stepsShown(key: string): number {
  const n = memory.get(key) ?? stored()[key]
  return typeof n === 'number' && n >= 1 ? n : 1
}

/** Remembers how many steps are shown, in memory and (where the browser allows) for the tab. */
export function rememberSteps(key: string, n: number): void {
  memory.set(key, n)
  try {
    sessionStorage.setItem(STORE_KEY, JSON.stringify({ ...stored(), [key]: n }))
  } catch {
    // Storage may be off (private mode): memory keeps it for this page.
  }
}

const EVENT: Record<AftermathEvent['what'], [MessageKey, MessageKey]> = {
  test: ['aftermath.test.yes', 'aftermath.test.no'],
  respond: ['aftermath.respond.yes', 'aftermath.respond.no'],
  confront: ['aftermath.confront.yes', 'aftermath.confront.no'],
}

/** One event of a year in words, with the chance that applied. */
export function eventText(responder: string, event: AftermathEvent, year: number): string {
  const keys: [MessageKey, MessageKey] =
    year === 0 ? ['aftermath.imposed.yes', 'aftermath.imposed.no'] : EVENT[event.what]
  const sentence = t(keys[event.happened ? 0 : 1], { responder })
  return `${sentence} ${t('aftermath.chance', { chance: percent(event.chance) })}`
}

/** A year's heading: "Year 2", or Russia's answer to the imposition for year 0. */
export function yearHeading(responder: string, year: number): string {
  return year === 0 ? t('aftermath.answer', { responder }) : t('aftermath.year', { year })
}

/** The words a screen reader hears when a step appears. */
export function stepAnnouncement(index: ScenarioIndex, a: DebriefAftermath, step: AftermathStep): string {
  const responder = nameOf(index, index.responder)
  if (step.kind === 'intro') return introText(index, a)
  if (step.kind === 'year')
    return [
      yearHeading(responder, step.year),
      ...step.events.map((e) => eventText(responder, e, step.year)),
    ].join(' ')
  return `${t('aftermath.outcome', { title: aftermathTitle(index, a.outcome, a.title) })}. ${outcomeText(index, a)}`
}

const outcomeText = (index: ScenarioIndex, a: DebriefAftermath) =>
  index.scenario.aftermath?.outcomes[a.outcome]?.text ?? a.text

/** The years' opening text as `index` words it (a classroom's debrief comes in the scenario's language). */
const introText = (index: ScenarioIndex, a: DebriefAftermath) => index.scenario.aftermath?.intro ?? a.intro

/** How the outcome changed each side's score, and the meters it moved. */
function outcomeScores(index: ScenarioIndex, a: DebriefAftermath): Child[] {
  const meters = a.meters.map((m) =>
    t('score.meter', {
      meter: meterName(index, m.id),
      change: t('score.change', { from: formatNumber(m.before), to: formatNumber(m.after) }),
    }),
  )
  // In a region that scrolls sideways: long side names and "before → after" can be wider than a phone.
  const table = h('table', { class: 'data aftermath-scores' }, [
    h('caption', {}, t('aftermath.scores')),
    h(
      'thead',
      {},
      h('tr', {}, [
        h('th', { scope: 'col' }, t('aftermath.side')),
        h('th', { scope: 'col', class: 'num' }, t('aftermath.points')),
        h('th', { scope: 'col', class: 'num' }, t('aftermath.total')),
      ]),
    ),
    h(
      'tbody',
      {},
      a.scores.map((s) =>
        h('tr', { key: s.side }, [
          h('th', { scope: 'row' }, nameOf(index, s.side)),
          h('td', { class: `num ${s.points > 0 ? 'up' : s.points < 0 ? 'down' : ''}` }, [
            // The sign and a mark, not the colour alone, say a gain or a loss.
            s.points ? h('span', { class: 'mark', 'aria-hidden': 'true' }, s.points > 0 ? '▲ ' : '▼ ') : null,
            signed(s.points),
          ]),
          h('td', { class: 'num' }, t('score.change', { from: shown(s.before), to: shown(s.after) })),
        ]),
      ),
    ),
  ])
  return [
    tableRegion(t('aftermath.scores'), table),
    meters.length ? h('p', {}, t('aftermath.meters', { meters: formatList(meters) })) : null,
  ]
}

function stepItem(
  index: ScenarioIndex,
  a: DebriefAftermath,
  step: AftermathStep,
  outcomeRef?: Ref<HTMLHeadingElement>,
): View {
  const responder = nameOf(index, index.responder)
  // Keyed by step, so that a step once shown stays the same element as more steps follow.
  if (step.kind === 'intro')
    return h('li', { key: 'intro', class: 'aftermath-step intro' }, h('p', {}, introText(index, a)))
  if (step.kind === 'year')
    return h('li', { key: `year-${step.year}`, class: 'aftermath-step year' }, [
      h('h4', {}, yearHeading(responder, step.year)),
      h(
        'ul',
        { class: 'plain aftermath-events' },
        step.events.map((e) =>
          h(
            'li',
            { class: `event ${e.what} ${e.happened ? 'happened' : 'not'}` },
            eventText(responder, e, step.year),
          ),
        ),
      ),
    ])
  return h('li', { key: 'outcome', class: `aftermath-step outcome outcome-${a.outcome}` }, [
    h(
      'h4',
      // Focused (through `outcomeRef`) when it appears, so that the reader goes on from the outcome.
      { id: 'aftermath-outcome', class: 'outcome-title', tabindex: -1, ref: outcomeRef },
      t('aftermath.outcome', { title: aftermathTitle(index, a.outcome, a.title) }),
    ),
    h('p', {}, outcomeText(index, a)),
    ...outcomeScores(index, a),
  ])
}

/** What the player's buttons do: show one more step, or all of them. */
export interface AftermathControls {
  onNext(): void
  onAll(): void
}

/**
 * The aftermath card with its first `shown` steps, and while steps remain, "Next year" (or "See the
 * outcome" before the last) and "Show all". Without controls, every step is shown (a finished debrief).
 * `outcomeRef` is given the outcome's heading, for the caller to focus when the outcome appears.
 */
export function renderAftermath(
  index: ScenarioIndex,
  a: DebriefAftermath,
  shownSteps: number,
  controls?: AftermathControls,
  outcomeRef?: Ref<HTMLHeadingElement>,
): View {
  const steps = aftermathSteps(a)
  const count = controls ? Math.min(Math.max(shownSteps, 1), steps.length) : steps.length
  const next = steps[count]
  return h('section', { class: 'debrief-card aftermath', 'aria-labelledby': 'aftermath-heading' }, [
    h('h3', { id: 'aftermath-heading' }, t('aftermath.heading')),
    h(
      'ol',
      { class: 'plain aftermath-steps', 'aria-label': t('aftermath.steps') },
      steps.slice(0, count).map((s) => stepItem(index, a, s, outcomeRef)),
    ),
    next && controls
      ? h('div', { class: 'actions aftermath-actions' }, [
          h(
            'button',
            { type: 'button', class: 'primary', onclick: () => controls.onNext() },
            t(next.kind === 'outcome' ? 'aftermath.seeOutcome' : 'aftermath.next'),
          ),
          h('button', { type: 'button', onclick: () => controls.onAll() }, t('aftermath.showAll')),
        ])
      : null,
    next && controls ? h('p', { class: 'hint' }, t('aftermath.pending')) : null,
  ])
}
