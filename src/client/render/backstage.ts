import { CommandSchema } from '../../core/rules/commands.ts'
import { evaluate } from '../../core/rules/conditions.ts'
import { assess } from '../../core/rules/response.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import { contextFor, type GameState } from '../../core/rules/state.ts'
import { traceCondition } from '../../core/rules/trace.ts'
import { responderName } from '../../core/text/side-name.ts'
import { renderTrace } from '../authoring/condition-text.ts'
import type { PlacedRefusal } from '../authoring/refusals.ts'
import { button, h, type View } from '../dom.ts'
import { formatList, formatNumber, t } from '../i18n/index.ts'
import { describeCommand, type GameView, instrumentName, nameOf } from '../view.ts'
import { renderResolveSection } from './backstage-resolve.ts'
import { stateSection } from './backstage-state.ts'
import { refusalText } from './rule-texts.ts'

/** What the backstage needs besides the game: whether it is open, the refusals, and the toggle. */
export interface BackstageProps {
  open: boolean
  refused: readonly PlacedRefusal[]
  onToggle: () => void
}

const PANEL_ID = 'backstage-panel'

/** What the rules would answer if the package were tabled now, before chance. */
function prediction(index: ScenarioIndex, state: GameState): string {
  const a = assess(index, contextFor(index, state), state.setup.difficulty)
  const responder = nameOf(index, index.responder)
  if (state.package.length === 0) return t('backstage.predictEmpty')
  if (a.forced === 'reject') return t('backstage.predictReject', { responder })
  if (a.forced === 'demandRemoval')
    return t('backstage.predictDemand', {
      responder,
      items: formatList(a.demands.map((d) => instrumentName(index, d.instrument, d.variant))),
    })
  const { acceptAt, noise } = index.scenario.response
  const params = { responder, disposition: a.disposition, bar: acceptAt, noise }
  if (a.disposition - noise >= acceptAt) return t('backstage.predictAccept', params)
  if (a.disposition + noise < acceptAt) return t('backstage.predictRefuse', params)
  return t('backstage.predictChance', params)
}

function redLinesSection(index: ScenarioIndex, state: GameState): View {
  const ctx = contextFor(index, state)
  const kind = (r: (typeof index.scenario.redLines)[number]) =>
    r.response.kind === 'reject'
      ? t('backstage.kindReject')
      : r.response.kind === 'demandRemoval'
        ? t('backstage.kindDemand')
        : t('backstage.kindWarn', { severity: r.severity })
  const lines = index.scenario.redLines.map((r) => {
    const trace = traceCondition(r.when, ctx)
    return h('li', { class: `evaluation ${trace.holds ? 'crossed' : 'clear'}` }, [
      h('h4', {}, [
        h('span', { class: 'status' }, trace.holds ? t('backstage.crossed') : t('backstage.notCrossed')),
        ' ',
        r.title,
      ]),
      h('p', { class: 'hint' }, `${nameOf(index, r.owner)} · ${kind(r)}`),
      renderTrace(index, trace),
    ])
  })
  const preferences = index.scenario.preferences.map((p) => {
    const trace = traceCondition(p.when, ctx)
    const weight = `${p.weight >= 0 ? '+' : '−'}${formatNumber(Math.abs(p.weight))}`
    return h('li', { class: `evaluation ${trace.holds ? 'crossed' : 'clear'}` }, [
      h('h4', {}, [
        h('span', { class: 'status' }, trace.holds ? t('backstage.applies') : t('backstage.doesNotApply')),
        ' ',
        p.title,
      ]),
      h('p', { class: 'hint' }, t('backstage.weight', { weight })),
      renderTrace(index, trace),
    ])
  })
  return h('section', { 'aria-labelledby': 'backstage-red-lines' }, [
    h('h3', { id: 'backstage-red-lines' }, t('backstage.redLines')),
    h('p', { class: 'prediction' }, prediction(index, state)),
    index.scenario.redLines.length
      ? h('ul', { class: 'plain evaluations', 'aria-label': t('backstage.redLinesList') }, lines)
      : h('p', {}, t('backstage.noRedLines')),
    h('h3', { id: 'backstage-preferences' }, t('backstage.preferences')),
    index.scenario.preferences.length
      ? h('ul', { class: 'plain evaluations', 'aria-label': t('backstage.preferencesList') }, preferences)
      : h('p', {}, t('backstage.noPreferences')),
  ])
}

function constraintsSection(index: ScenarioIndex, state: GameState): View {
  const ctx = contextFor(index, state)
  return h('section', { 'aria-labelledby': 'backstage-constraints' }, [
    h('h3', { id: 'backstage-constraints' }, t('backstage.constraints')),
    ...index.proposers.map((side) => {
      const constraints = index.sides.get(side)?.constraints ?? []
      return h('div', {}, [
        h('h4', {}, nameOf(index, side)),
        constraints.length === 0
          ? h('p', { class: 'hint' }, t('backstage.noConstraints'))
          : h(
              'ul',
              { class: 'plain evaluations' },
              constraints.map((c) => {
                const applies = !c.when || evaluate(c.when, ctx)
                const trace = traceCondition(c.requires, ctx)
                const status = !applies
                  ? t('backstage.doesNotApply')
                  : trace.holds
                    ? t('backstage.met')
                    : t('backstage.broken')
                return h('li', { class: `evaluation ${applies && !trace.holds ? 'crossed' : 'clear'}` }, [
                  h('p', {}, [h('span', { class: 'status' }, status), ' ', c.text]),
                  applies ? renderTrace(index, trace) : null,
                ])
              }),
            ),
      ])
    }),
  ])
}

function logSection(view: GameView, refused: readonly PlacedRefusal[]): View {
  const { index, state, log } = view
  const refusalLine = (r: PlacedRefusal) => {
    const parsed = CommandSchema.safeParse(r.command)
    const what = parsed.success ? describeCommand(index, state, parsed.data) : JSON.stringify(r.command)
    return h('li', { class: 'refused' }, [
      h('strong', {}, t('backstage.refused', { code: r.refusal.code })),
      ' ',
      t('backstage.refusedLine', { command: what, message: refusalText(index, r.refusal) }),
    ])
  }
  const items: View[] = []
  for (let move = 0; move <= log.length; move++) {
    for (const r of refused) if (r.afterMove === move) items.push(refusalLine(r))
    const command = log[move]
    if (command)
      items.push(
        h('li', {}, t('backstage.move', { number: move + 1, text: describeCommand(index, state, command) })),
      )
  }
  return h('section', { 'aria-labelledby': 'backstage-log' }, [
    h('h3', { id: 'backstage-log' }, t('backstage.log')),
    h('p', { class: 'hint' }, t('backstage.logHint')),
    items.length
      ? h('ol', { class: 'plain backstage-log', 'aria-label': t('backstage.logList') }, items)
      : h('p', {}, t('backstage.logEmpty')),
  ])
}

/**
 * The backstage, for the instructor and the author: only in a game started in instructor mode (in play mode
 * it is not in the page at all, so no player can open it). A mark says the game is in that mode, a toggle
 * opens the panel: the whole state, the responder's hidden resolve and how each red line answered so far,
 * how every red line, preference and constraint comes out against the current package (with the reason,
 * node by node), what the rules would answer now, and the command log with the refused commands. It reveals
 * every side's private position, and says so at its top.
 */
export function renderBackstage(view: GameView, props: BackstageProps): View | null {
  if (view.state.setup.mode !== 'instructor') return null
  const responder = responderName(view.index)
  const toggle = button(t('backstage.toggle'), props.onToggle, {
    class: 'small backstage-toggle',
    'aria-expanded': props.open ? 'true' : 'false',
    ...(props.open ? { 'aria-controls': PANEL_ID } : {}),
  })
  const mark = h('p', { class: 'mode-mark' }, [
    h('strong', {}, t('backstage.modeLead')),
    ' ',
    t('backstage.mode', { responder }),
  ])
  const head = h('div', { class: 'backstage-head' }, [mark, toggle])
  if (!props.open) return h('div', { class: 'backstage' }, [head])
  const { index, state } = view
  return h('div', { class: 'backstage' }, [
    head,
    // It scrolls on its own (the same element across updates, so its scroll stays), so the table stays a
    // short scroll away.
    h(
      'section',
      {
        id: PANEL_ID,
        class: 'backstage-panel',
        'aria-labelledby': 'backstage-heading',
        tabindex: 0,
      },
      [
        h('h2', { id: 'backstage-heading' }, t('backstage.heading')),
        h('p', { class: 'backstage-warning' }, [
          h('strong', {}, t('backstage.warningLead')),
          ' ',
          t('backstage.warning', { responder }),
        ]),
        h('div', { class: 'backstage-columns' }, [
          h('div', {}, [
            stateSection(index, state),
            constraintsSection(index, state),
            logSection(view, props.refused),
          ]),
          h('div', {}, [renderResolveSection(index, state), redLinesSection(index, state)]),
        ]),
      ],
    ),
  ])
}

/** Where the backstage's open or closed state is remembered, per browser tab. */
const TAB_KEY = 'red-lines:backstage'

/** Whether this tab had the backstage open. */
export function backstageWasOpen(): boolean {
  try {
    return sessionStorage.getItem(TAB_KEY) === 'open'
  } catch {
    return false
  }
}

/** Remembers for this tab whether the backstage is open. */
export function rememberBackstage(open: boolean): void {
  try {
    if (open) sessionStorage.setItem(TAB_KEY, 'open')
    else sessionStorage.removeItem(TAB_KEY)
  } catch {
    // Without sessionStorage the backstage starts closed after a reload.
  }
}
