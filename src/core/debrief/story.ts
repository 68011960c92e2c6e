import type { Command } from '../rules/commands.ts'
import { INSTRUCTOR } from '../rules/commands.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameSetup, GameState, Request } from '../rules/state.ts'
import { yearEvents } from './reveal.ts'
import {
  requestOf,
  type StoryAuthor,
  type StoryBy,
  type StoryEntry,
  type StoryRequest,
  type StoryWhat,
  storyRequest,
} from './story-entries.ts'

export type {
  StoryAuthor,
  StoryAuthorKind,
  StoryBy,
  StoryChannel,
  StoryEntry,
  StoryGroup,
  StoryRequest,
  StoryWhat,
} from './story-entries.ts'
export { storyGroup } from './story-entries.ts'

/**
 * How the negotiation went, for the debrief: every move, request, refusal, stance, message, answer,
 * overrule, event, decision and the years after, in the order they happened, each attributed to the side
 * (and, in a classroom, the person) behind it.
 *
 * It is read from the log and the final state alone, without replaying the game: a classroom device has the
 * log and the state but not the generator's seed, so it could not replay Russia's answers itself. This
 * works because the log holds only commands the rules accepted, so the positions line up: the n-th request
 * command made request n, the n-th round that closed (a tabled package or an ended round) is `history[n]`,
 * and an overrule answers that round's package again from the same draw, which changes only the verdict.
 */
export function storyOf(
  index: ScenarioIndex,
  setup: GameSetup,
  state: GameState,
  log: readonly Command[],
  authors?: ReadonlyArray<StoryAuthor | null>,
): StoryEntry[] {
  const entries: StoryEntry[] = []
  const proposers = new Set(index.proposers)
  let round = 1
  let closed = 0
  let requests = 0
  let votes = new Set<string>()
  // The ending follows the last command: once the game is over, the rules accept no other (but an
  // overrule, which may reopen it).
  const last = log.length - 1

  const byOf = (command: Command, at: number): StoryBy => {
    const by: StoryBy = { side: command.side }
    const author = authors?.[at]
    if (author) by.author = author
    if (
      command.side !== INSTRUCTOR &&
      (setup.seats[command.side] === 'computer' || author?.kind === 'computer')
    )
      by.computer = true
    return by
  }
  const push = (what: StoryWhat, at: number, by: StoryBy, inRound = round) =>
    entries.push({ ...what, round: inRound, at, by })
  const responder: StoryBy = { side: index.responder }
  const game: StoryBy = { side: null }

  /** The answer to the round just closed, and the events the scenario fired as it closed. */
  const closing = (at: number) => {
    const record = state.history[closed]
    closed++
    if (!record) return
    const response = record.response
    if (response)
      push(
        {
          kind: 'answer',
          verdict: response.overruled?.verdict ?? response.verdict,
          redLines: [...response.redLines],
          yielded: [...response.yielded],
          demands: response.demands.map((d) => ({ ...d })),
        },
        at,
        responder,
      )
    const injected = state.injected.filter((i) => i.round === record.round).map((i) => i.event)
    for (const event of scheduled(record.events, injected))
      push({ kind: 'event', event, injected: false }, at, game)
  }

  log.forEach((command, at) => {
    const by = byOf(command, at)
    switch (command.type) {
      case 'add':
      case 'withdraw': {
        const { instrument } = command.payload
        const variant = command.type === 'add' ? command.payload.variant : undefined
        const move = { side: command.side, instrument, action: command.type, round }
        const grants = granted(state.requests, requests, move, entries)
        push({ kind: command.type, instrument, ...(variant ? { variant } : {}), grants }, at, by)
        break
      }
      case 'request': {
        const number = requests++
        const request = requestOf(state.requests[number], number, command)
        const back = state.requests[number]?.inReturnFor
        const other = back === undefined ? undefined : state.requests[back]
        push(
          { kind: 'request', request, ...(other ? { inReturnFor: storyRequest(other, back ?? 0) } : {}) },
          at,
          by,
        )
        break
      }
      case 'decline': {
        const asked = state.requests[command.payload.request]
        // The state always has it (the rules refuse a decline of an unknown request); the fallback is for types.
        const request: StoryRequest = asked
          ? storyRequest(asked, command.payload.request)
          : { number: command.payload.request, from: '', to: command.side, instrument: '', action: 'add' }
        push({ kind: 'decline', request, reason: command.payload.reason.trim() }, at, by)
        break
      }
      case 'endorse':
        push({ kind: 'endorse' }, at, by)
        break
      case 'object':
        push({ kind: 'object', reason: command.payload.reason.trim() }, at, by)
        break
      case 'setFlag':
        push({ kind: 'flag', flag: command.payload.flag, value: command.payload.value }, at, by)
        break
      case 'table':
        push({ kind: 'table', items: (state.history[closed]?.tabled ?? []).map((i) => ({ ...i })) }, at, by)
        closing(at)
        votes = new Set()
        break
      case 'endRound':
        push({ kind: 'endRound' }, at, by)
        closing(at)
        round++
        break
      case 'decide': {
        push({ kind: 'vote', choice: command.payload.choice }, at, by)
        votes.add(command.side)
        if (votes.size < proposers.size) break
        const decision = state.history[closed - 1]?.decision
        if (decision) push({ kind: 'decision', decision }, at, game)
        votes = new Set()
        round++
        break
      }
      case 'overrule': {
        const response = state.history[closed - 1]?.response
        const rulesVerdict = response?.overruled?.verdict ?? response?.verdict ?? command.payload.verdict
        push(
          {
            kind: 'overrule',
            verdict: command.payload.verdict,
            rulesVerdict,
            reason: command.payload.reason.trim(),
          },
          at,
          by,
        )
        // The package is answered again: votes cast before the overrule no longer count.
        votes = new Set()
        break
      }
      case 'inject':
        push({ kind: 'event', event: command.payload.event, injected: true }, at, by)
        break
      case 'say': {
        const kept = state.messages.find((m) => m.seq === at)
        const { channel, to, text } = command.payload
        push({ kind: 'message', channel, ...(to ? { to } : {}), text: kept?.text ?? text.trim() }, at, by)
        break
      }
    }
    // In the round the game ended in: the count has moved on if the ending came with the round's end.
    if (at === last) ending(index, state, (what, end) => push(what, at, game, end))
  })
  return entries
}

/** The ending and the years after it, once the game is over. */
function ending(
  index: ScenarioIndex,
  state: GameState,
  push: (what: StoryWhat, round: number) => void,
): void {
  const end = state.ending
  if (state.phase !== 'ended' || !end) return
  const found = index.scenario.endings.find((e) => e.id === end.id)
  push({ kind: 'ending', ending: end.id, endingKind: found?.kind ?? 'collapse' }, end.round)
  const after = state.aftermath
  if (!after) return
  for (const year of after.years)
    push({ kind: 'aftermathYear', year: year.year, events: yearEvents(year) }, end.round)
  push({ kind: 'aftermathOutcome', outcome: after.outcome }, end.round)
}

/** The events of a closed round that the scenario fired (the instructor's were told when brought in). */
function scheduled(events: readonly string[], injected: readonly string[]): string[] {
  const left = [...injected]
  return events.filter((id) => {
    const i = left.indexOf(id)
    if (i < 0) return true
    left.splice(i, 1)
    return false
  })
}

/**
 * The requests a move granted: those made before it in its round (requests lapse when the round ends), of
 * its side, for its instrument and action, that ended granted and that no earlier move granted already.
 */
function granted(
  requests: readonly Request[],
  made: number,
  move: { side: string; instrument: string; action: 'add' | 'withdraw'; round: number },
  entries: readonly StoryEntry[],
): number[] {
  const already = new Set(entries.flatMap((e) => (e.kind === 'add' || e.kind === 'withdraw' ? e.grants : [])))
  return requests.flatMap((r, i) =>
    i < made &&
    !already.has(i) &&
    r.status === 'granted' &&
    r.round === move.round &&
    r.to === move.side &&
    r.instrument === move.instrument &&
    (r.action ?? 'add') === move.action
      ? [i]
      : [],
  )
}
