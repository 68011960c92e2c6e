import { BUILT_IN_FLAGS, type ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { ConditionTrace } from '../../core/rules/trace.ts'
import { h, type View } from '../dom.ts'
import { formatList, formatNumber, t } from '../i18n/index.ts'
import { instrumentName, meterName, nameOf } from '../view.ts'

const tagName = (index: ScenarioIndex, id: string) => index.scenario.tags.find((x) => x.id === id)?.name ?? id
/** A flag's name; the engine's own flag is named in words. */
export const flagName = (index: ScenarioIndex, id: string): string =>
  index.scenario.flags.find((x) => x.id === id)?.name ??
  (id === BUILT_IN_FLAGS[0]
    ? t('backstage.flagUnilateral', { responder: nameOf(index, index.responder) })
    : id)

/** "at least 3", "at most 0.5", "between 2 and 4": what a compared value must be. */
function bounds(c: { atLeast?: number; atMost?: number }, scale = (n: number) => formatNumber(n)): string {
  if (c.atLeast !== undefined && c.atMost !== undefined)
    return t('condition.between', { min: scale(c.atLeast), max: scale(c.atMost) })
  if (c.atLeast !== undefined) return t('condition.atLeast', { min: scale(c.atLeast) })
  if (c.atMost !== undefined) return t('condition.atMost', { max: scale(c.atMost) })
  return t('condition.anyValue')
}

const percent = (share: number) => formatNumber(share, { style: 'percent', maximumFractionDigits: 1 })

/** The package items that made a condition hold, by name and backer. */
function itemsText(index: ScenarioIndex, trace: ConditionTrace): string {
  const items = trace.items ?? []
  if (items.length === 0) return ''
  const names = items.map((i) =>
    t('condition.item', {
      instrument: instrumentName(index, i.instrument, i.variant),
      side: nameOf(index, i.backedBy),
    }),
  )
  return ` ${t('condition.found', { items: formatList(names) })}`
}

/** What a subject filter (`count`, `backedBy`) asks for, e.g. "tagged “NATO”, backed by Europe". */
function filterText(
  index: ScenarioIndex,
  f: { tag?: string; instrument?: string; backedBy?: string },
): string {
  const parts = [
    f.instrument !== undefined ? instrumentName(index, f.instrument) : null,
    f.tag !== undefined ? t('condition.tagged', { tag: tagName(index, f.tag) }) : null,
    f.backedBy !== undefined ? t('condition.backedBy', { side: nameOf(index, f.backedBy) }) : null,
  ].filter((p): p is string => p !== null)
  return parts.length ? formatList(parts) : t('condition.anyInstrument')
}

/**
 * One node of a condition in plain words, with the value the rules found, e.g. "Total deterrence of the
 * package: 7 (needs at least 6)". Whether it holds is said apart (see renderTrace).
 */
export function conditionLine(index: ScenarioIndex, trace: ConditionTrace): string {
  const c = trace.condition
  const value = trace.value ?? 0
  if ('all' in c) return t('condition.all')
  if ('any' in c) return t('condition.any')
  if ('not' in c) return t('condition.not')
  if ('has' in c)
    return (
      t('condition.has', { instrument: instrumentName(index, c.has, c.variant) }) + itemsText(index, trace)
    )
  if ('hasTag' in c) return t('condition.hasTag', { tag: tagName(index, c.hasTag) }) + itemsText(index, trace)
  if ('backedBy' in c)
    return (
      t('condition.backedByAny', {
        side: nameOf(index, c.backedBy),
        what: filterText(index, { ...c, backedBy: undefined }),
      }) + itemsText(index, trace)
    )
  if ('count' in c) return t('condition.count', { what: filterText(index, c.count), value, needs: bounds(c) })
  if ('sum' in c)
    return t(c.side === undefined ? 'condition.sum' : 'condition.sumSide', {
      attribute: t(`condition.attribute.${c.sum}`),
      side: c.side === undefined ? '' : nameOf(index, c.side),
      value,
      needs: bounds(c),
    })
  if ('share' in c)
    return t('condition.share', {
      side: nameOf(index, c.side),
      attribute: t(`condition.attribute.${c.share}`),
      value: percent(value),
      needs: bounds(c, percent),
    })
  if ('meter' in c) return t('condition.meter', { meter: meterName(index, c.meter), value, needs: bounds(c) })
  if ('flag' in c) return t('condition.flag', { flag: flagName(index, c.flag) })
  if ('response' in c)
    return t('condition.response', {
      responder: nameOf(index, index.responder),
      verdict: t(`condition.verdict.${c.response}`),
    })
  return t('condition.fromRound', { round: c.fromRound, now: value })
}

/** Whether a condition holds, in words (never by colour alone). */
export const holdsText = (holds: boolean): string => (holds ? t('condition.holds') : t('condition.fails'))

/**
 * A condition as a nested list: each line says what is tested, what the rules found and whether it holds,
 * so an instructor can see why a red line is or is not crossed.
 */
export function renderTrace(index: ScenarioIndex, trace: ConditionTrace): View {
  const node = (tr: ConditionTrace): View =>
    h('li', { class: tr.holds ? 'holds' : 'fails' }, [
      h('span', { class: 'verdict-word' }, holdsText(tr.holds)),
      ' ',
      conditionLine(index, tr),
      tr.parts?.length ? h('ul', { class: 'trace' }, tr.parts.map(node)) : null,
    ])
  return h('ul', { class: 'trace' }, [node(trace)])
}
