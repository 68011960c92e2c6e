import { believedFirmness } from '../../core/ai/beliefs.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameState } from '../../core/rules/state.ts'
import { h, type View } from '../dom.ts'
import { formatList, formatNumber, t } from '../i18n/index.ts'
import { nameOf } from '../view.ts'

/** One red line as the backstage reveals it: its hidden firmness and how it answered so far. */
export interface ResolveRow {
  id: string
  title: string
  /** The firmness drawn for this game (0–1), or null when the red line has no range and always holds. */
  firmness: number | null
  range: { low: number; high: number; rationale?: string | undefined } | null
  /** Every answer so far that crossed this red line, oldest first: whether it held or was let pass. */
  answers: Array<{ round: number; held: boolean }>
}

/**
 * The hidden resolve of every red line, in scenario order, with each answer that crossed it. Read from the
 * state only (the draw and the answers on record), so the backstage shows what the rules did, not a guess.
 */
export function resolveRows(index: ScenarioIndex, state: GameState): ResolveRow[] {
  return index.scenario.redLines.map((r) => ({
    id: r.id,
    title: r.title,
    firmness: r.resolve ? (state.resolve[r.id] ?? r.resolve.high) : null,
    range: r.resolve ? { low: r.resolve.low, high: r.resolve.high, rationale: r.resolve.rationale } : null,
    answers: state.history.flatMap((record) => {
      const response = record.response
      if (!response?.redLines.includes(r.id)) return []
      return [{ round: record.round, held: !response.yielded.includes(r.id) }]
    }),
  }))
}

const percent = (value: number) => formatNumber(value, { style: 'percent', maximumFractionDigits: 0 })

function answersText(row: ResolveRow): string {
  if (row.answers.length === 0) return t('backstage.resolveNotCrossed')
  return t('backstage.resolveAnswers', {
    answers: formatList(
      row.answers.map((a) =>
        t(a.held ? 'backstage.resolveHeld' : 'backstage.resolveYielded', { round: a.round }),
      ),
    ),
  })
}

/** What each computer-played side believes of a red line's firmness now (it never sees the draw). */
function beliefsText(index: ScenarioIndex, state: GameState, id: string): string | null {
  const redLine = index.scenario.redLines.find((r) => r.id === id)
  const computers = index.proposers.filter((s) => state.setup.seats[s] === 'computer')
  if (!redLine?.resolve || computers.length === 0) return null
  const beliefs = computers.map((side) =>
    t('backstage.resolveBelief', {
      side: nameOf(index, side),
      value: percent(believedFirmness(index, state, side, redLine)),
    }),
  )
  return t('backstage.resolveBeliefs', { beliefs: formatList(beliefs) })
}

/**
 * The backstage's section on the responder's hidden resolve: for each red line the firmness drawn for this
 * game and the range it was drawn from, whether it held or was let pass in each answer so far, and what the
 * computer partners believe of it. Only an instructor-mode game shows the backstage at all.
 */
export function renderResolveSection(index: ScenarioIndex, state: GameState): View {
  const responder = nameOf(index, index.responder)
  const rows = resolveRows(index, state)
  return h('section', { 'aria-labelledby': 'backstage-resolve' }, [
    h('h3', { id: 'backstage-resolve' }, t('backstage.resolve', { responder })),
    h('p', { class: 'hint' }, t('backstage.resolveHint', { responder })),
    rows.length
      ? h(
          'ul',
          { class: 'plain evaluations', 'aria-label': t('backstage.resolveList', { responder }) },
          rows.map((row) => {
            const beliefs = beliefsText(index, state, row.id)
            return h('li', { class: 'evaluation resolve' }, [
              h('h4', {}, row.title),
              h(
                'p',
                {},
                row.firmness === null || !row.range
                  ? t('backstage.resolveFixed')
                  : t('backstage.resolveDrawn', {
                      value: percent(row.firmness),
                      low: percent(row.range.low),
                      high: percent(row.range.high),
                    }),
              ),
              row.range?.rationale ? h('p', { class: 'hint' }, row.range.rationale) : null,
              h('p', {}, answersText(row)),
              beliefs ? h('p', { class: 'hint' }, beliefs) : null,
            ])
          }),
        )
      : h('p', {}, t('backstage.noRedLines')),
  ])
}
