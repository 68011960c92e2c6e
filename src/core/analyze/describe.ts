import type { PackageItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { ResponseKind } from '../scenario/schema/conditions.ts'
import { responderName } from '../text/side-name.ts'
import type { Step } from './tally.ts'

/** An item in words: `Joint fund, Large (South town)`. */
export function describeItem(index: ScenarioIndex, item: PackageItem): string {
  const instrument = index.instruments.get(item.instrument)
  const variant = item.variant ? index.variants.get(item.instrument)?.get(item.variant) : undefined
  const name = instrument?.name ?? item.instrument
  const side = index.sides.get(item.backedBy)?.name ?? item.backedBy
  return `${variant ? `${name}, ${variant.name}` : name} (${side})`
}

/** A package in words, its items joined by ` + `. */
export function describePackage(index: ScenarioIndex, items: readonly PackageItem[]): string {
  return items.length ? items.map((i) => describeItem(index, i)).join(' + ') : 'nothing'
}

/** The settable flags of an offer in words, or '' when the offer has none to set. */
export function describeFlags(
  index: ScenarioIndex,
  raised: readonly string[],
  settable: readonly string[],
): string {
  if (settable.length === 0) return ''
  const name = (id: string) => index.scenario.flags.find((f) => f.id === id)?.name ?? id
  const on = settable.filter((f) => raised.includes(f)).map(name)
  const off = settable.filter((f) => !raised.includes(f)).map(name)
  return [on.length ? `with: ${on.join(', ')}` : '', off.length ? `without: ${off.join(', ')}` : '']
    .filter(Boolean)
    .join('; ')
}

const VERDICT: Record<ResponseKind, string> = {
  accept: 'accepts',
  reject: 'rejects',
  demandRemoval: 'demands removals',
}

/** One round of a game in words. */
export function describeStep(index: ScenarioIndex, step: Step, settable: readonly string[]): string {
  if (!step.tabled) return `round ${step.round}: the round ends with no package tabled`
  const flags = describeFlags(index, step.flags, settable)
  const parts = [
    `round ${step.round}: tables ${describePackage(index, step.tabled)}${flags ? ` (${flags})` : ''}`,
    step.verdict ? `${responderName(index)} ${VERDICT[step.verdict]}` : '',
    step.decision === 'implement' ? 'all implement it without consent' : '',
    step.decision === 'continue' ? 'all continue' : '',
  ]
  return parts.filter(Boolean).join('; ')
}
