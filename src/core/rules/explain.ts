import type { Statement } from '../scenario/schema/scenario.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import type { Response } from './state.ts'

/**
 * One reason behind a response, with the words that back it. `title` is the scenario's title of the red
 * line or preference (empty for the disposition); what each reason did to the answer is for the catalogue
 * to word, from the response and the scenario (see client/render/response.ts).
 */
export interface ResponseReason {
  kind: 'redLine' | 'preference' | 'disposition'
  id: string
  title: string
  statements: Array<Statement & { speakerName?: string | undefined }>
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
    reasons.push({
      kind: 'redLine',
      id,
      title: r.title,
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
      statements: p.stated.map((s) => ({ ...s, speakerName: actorName(s.speaker) })),
    })
  }
  const rulesVerdict = response.overruled?.verdict ?? response.verdict
  if (
    rulesVerdict !== 'demandRemoval' &&
    !response.redLines.some((id) => isReject(index, id) && !response.yielded.includes(id))
  ) {
    reasons.push({ kind: 'disposition', id: 'disposition', title: '', statements: [] })
  }
  return reasons
}

function isReject(index: ScenarioIndex, id: string): boolean {
  return index.scenario.redLines.find((r) => r.id === id)?.response.kind === 'reject'
}
