import type { Debrief } from '../../../core/debrief/debrief.ts'
import type {
  DebriefAftermath,
  DebriefChance,
  DebriefChancePart,
  RevealedResolve,
} from '../../../core/debrief/reveal.ts'
import type { ScenarioIndex } from '../../../core/rules/scenario-index.ts'
import { AFTERMATH_KINDS } from '../../../core/scenario/schema/uncertainty.ts'
import { h, type View } from '../../dom.ts'
import { formatList, formatNumber, type MessageKey, t } from '../../i18n/index.ts'
import { nameOf } from '../../view.ts'
import { percent } from './chart-math.ts'
import { aftermathTitle } from './outcome-text.ts'
import { tableRegion } from './table-region.ts'

/**
 * "What was hidden": the debrief reveals the draw the players never saw. For each red line with a resolve
 * range, the range, the firmness drawn and whether it held each time a package crossed it; for the
 * aftermath, the odds of each outcome before the draw, what raised or lowered each chance, and what
 * happened.
 */

/** A signed share, "+20%", "−16%". */
const signedPercent = (p: number) => {
  const text = percent(Math.abs(p))
  return p > 0 ? `+${text}` : p < 0 ? `−${text}` : text
}

/** The range and the draw on one line: the range shaded, the draw marked (the words say the same). */
function rangeBar(line: RevealedResolve): View {
  const at = (p: number) => `${Math.round(Math.min(1, Math.max(0, p)) * 1000) / 10}%`
  return h('div', { class: 'range-bar', 'aria-hidden': 'true' }, [
    h('span', {
      class: 'range',
      style: `left: ${at(line.low)}; width: ${at(line.high - line.low)}`,
    }),
    h('span', { class: 'drawn', style: `left: ${at(line.firmness)}` }),
  ])
}

function resolveItem(index: ScenarioIndex, line: RevealedResolve): View {
  const title = index.scenario.redLines.find((r) => r.id === line.id)?.title ?? line.title
  const rationale =
    index.scenario.redLines.find((r) => r.id === line.id)?.resolve?.rationale ?? line.rationale
  const answers = line.answers.map((a) =>
    t(a.held ? 'reveal.held' : 'reveal.yielded', { round: formatNumber(a.round) }),
  )
  const numbers = { low: percent(line.low), high: percent(line.high), firmness: percent(line.firmness) }
  return h('li', { key: line.id, class: 'resolve-card' }, [
    h('h5', {}, title),
    h('p', {}, t('reveal.range', numbers)),
    rangeBar(line),
    h(
      'p',
      {},
      answers.length ? t('reveal.answers', { answers: formatList(answers) }) : t('reveal.notCrossed'),
    ),
    rationale ? h('p', { class: 'meta' }, rationale) : null,
  ])
}

const PART: Record<Exclude<DebriefChancePart['kind'], 'term'>, MessageKey> = {
  base: 'reveal.part.base',
  deterrence: 'reveal.part.deterrence',
  resolve: 'reveal.part.resolve',
  deterred: 'reveal.part.deterred',
}

const CHANCE: Record<'test' | 'respond' | 'confront', MessageKey> = {
  test: 'reveal.chance.test',
  respond: 'reveal.chance.respond',
  confront: 'reveal.chance.confront',
}

/** A part of a chance in the interface's language: a term by its label as `index` words it. */
function partText(
  index: ScenarioIndex,
  which: keyof typeof CHANCE,
  a: DebriefAftermath,
  part: DebriefChancePart,
): string {
  if (part.kind !== 'term')
    return t(PART[part.kind], {
      responder: nameOf(index, index.responder),
      firmness: percent(a.firmness),
    })
  const term = part.term === undefined ? undefined : index.scenario.aftermath?.[which].terms[part.term]
  return term?.label ?? part.label
}

function chanceBlock(
  index: ScenarioIndex,
  a: DebriefAftermath,
  which: keyof typeof CHANCE,
  chance: DebriefChance,
): View {
  const responder = nameOf(index, index.responder)
  return h('div', { class: 'chance-block' }, [
    h('h5', {}, t(CHANCE[which], { responder, chance: percent(chance.value) })),
    h(
      'ul',
      { class: 'plain chance-parts' },
      chance.parts.map((p) =>
        h('li', { class: p.add > 0 ? 'raise' : p.add < 0 ? 'lower' : null }, [
          h('span', {}, partText(index, which, a, p)),
          h('span', { class: 'sr-only' }, ': '),
          h('span', { class: 'num' }, signedPercent(p.add)),
        ]),
      ),
    ),
  ])
}

function aftermathOdds(index: ScenarioIndex, a: DebriefAftermath): View[] {
  return [
    // In a region that scrolls sideways: the outcomes' titles can make it wider than a small phone.
    tableRegion(t('reveal.odds'), oddsTable(index, a)),
    h('h4', {}, t('reveal.chances')),
    h('div', { class: 'chance-blocks' }, [
      chanceBlock(index, a, 'test', a.chances.test),
      chanceBlock(index, a, 'respond', a.chances.respond),
      chanceBlock(index, a, 'confront', a.chances.confront),
    ]),
  ]
}

function oddsTable(index: ScenarioIndex, a: DebriefAftermath): View {
  return h('table', { class: 'data odds' }, [
    h('caption', {}, t('reveal.odds')),
    h(
      'thead',
      {},
      h('tr', {}, [
        h('th', { scope: 'col' }, t('reveal.outcome')),
        h('th', { scope: 'col', class: 'num' }, t('reveal.chanceOf')),
        h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('reveal.happened'))),
      ]),
    ),
    h(
      'tbody',
      {},
      AFTERMATH_KINDS.map((kind) =>
        h('tr', { key: kind, class: kind === a.outcome ? 'happened' : null }, [
          h('th', { scope: 'row' }, aftermathTitle(index, kind)),
          h('td', { class: 'num' }, percent(a.odds[kind])),
          h('td', {}, kind === a.outcome ? t('reveal.happened') : ''),
        ]),
      ),
    ),
  ])
}

/** The "What was hidden" card; null when the game had nothing hidden to reveal. */
export function renderHidden(index: ScenarioIndex, debrief: Debrief): View | null {
  const { resolve, aftermath } = debrief
  if (!resolve.length && !aftermath) return null
  const responder = nameOf(index, index.responder)
  return h('section', { class: 'debrief-card debrief-hidden', 'aria-labelledby': 'debrief-hidden' }, [
    h('h3', { id: 'debrief-hidden' }, t('reveal.heading')),
    ...(resolve.length
      ? [
          h('h4', {}, t('reveal.resolve', { responder })),
          h('p', { class: 'hint' }, t('reveal.resolveHint', { responder })),
          h(
            'ul',
            { class: 'plain resolve-cards' },
            resolve.map((r) => resolveItem(index, r)),
          ),
        ]
      : []),
    ...(aftermath ? aftermathOdds(index, aftermath) : []),
  ])
}
