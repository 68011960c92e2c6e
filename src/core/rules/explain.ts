import type { Statement } from '../scenario/schema/scenario.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import type { Response } from './state.ts'

/** One reason behind a response, with the words that back it. */
export interface ResponseReason {
  kind: 'redLine' | 'preference' | 'disposition'
  id: string
  title: string
  effect: string
  statements: Array<Statement & { speakerName?: string | undefined }>
}

const VERDICT_TEXT = {
  accept: 'accepts the package',
  demandRemoval: 'demands that parts of the package be removed',
  reject: 'rejects the package',
} as const

/**
 * A one-line verdict, e.g. "Russia rejects the package."; when the instructor overruled the rules, it says
 * so, with the rules' verdict and the instructor's reason.
 */
export function verdictLine(index: ScenarioIndex, response: Response): string {
  const name = index.sides.get(index.responder)?.name ?? index.responder
  const line = `${name} ${VERDICT_TEXT[response.verdict]}`
  const { overruled } = response
  if (!overruled) return `${line}.`
  return `${line}: the instructor's decision, overruling the rules, by which ${name} ${VERDICT_TEXT[overruled.verdict]}. Reason: ${overruled.reason}`
}

/**
 * Lists every red line the package crossed and every preference that weighed, each with the stated words,
 * the speaker's name and the source article, followed by how the disposition was reached.
 */
export function explainResponse(index: ScenarioIndex, response: Response): ResponseReason[] {
  const { scenario } = index
  const actorName = (id?: string) => scenario.actors.find((a) => a.id === id)?.name
  const reasons: ResponseReason[] = []
  for (const id of response.redLines) {
    const r = scenario.redLines.find((x) => x.id === id)
    if (!r) continue
    const effect = response.yielded.includes(id)
      ? 'a red line Russia let pass this time: it weighed nothing on this answer'
      : r.response.kind === 'reject'
        ? 'a red line: the package is rejected'
        : r.response.kind === 'demandRemoval'
          ? 'a red line: what crosses it must be removed'
          : `a warning: disposition −${r.severity}`
    reasons.push({
      kind: 'redLine',
      id,
      title: r.title,
      effect,
      statements: r.stated.map((s) => ({ ...s, speakerName: actorName(s.speaker) })),
    })
  }
  for (const id of response.preferences) {
    const p = scenario.preferences.find((x) => x.id === id)
    if (!p) continue
    reasons.push({
      kind: 'preference',
      id,
      title: p.title,
      effect: `a preference: disposition ${p.weight >= 0 ? '+' : '−'}${Math.abs(p.weight)}`,
      statements: p.stated.map((s) => ({ ...s, speakerName: actorName(s.speaker) })),
    })
  }
  const rulesVerdict = response.overruled?.verdict ?? response.verdict
  if (
    rulesVerdict !== 'demandRemoval' &&
    !response.redLines.some((id) => isReject(index, id) && !response.yielded.includes(id))
  ) {
    const total = Math.round((response.disposition + response.noise) * 100) / 100
    reasons.push({
      kind: 'disposition',
      id: 'disposition',
      title: `Disposition ${total} against a bar of ${response.acceptAt}`,
      effect: `${response.disposition} from the scenario and preferences, ${response.noise >= 0 ? '+' : ''}${response.noise} by chance`,
      statements: [],
    })
  }
  return reasons
}

function isReject(index: ScenarioIndex, id: string): boolean {
  return index.scenario.redLines.find((r) => r.id === id)?.response.kind === 'reject'
}
