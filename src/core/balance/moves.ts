import { grantCommand } from '../ai/computer-player.ts'
import { applyCommand } from '../rules/apply.ts'
import type { Command } from '../rules/commands.ts'
import type { PackageItem, ResolvedItem } from '../rules/package.ts'
import { resolveItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState, Request } from '../rules/state.ts'

/**
 * What the balance strategies share: the commands a side could send, which of them the rules accept, and the
 * small steps every strategy takes the same way (answering a request, speaking, tabling). Pure, like the
 * rules: a strategy sees only the scenario and the state.
 */

/** The reason a strategy gives when it declines a request or objects (the rules want a non-empty reason). */
export const STRATEGY_REASON = 'Not in our plan.'

/** Every command `side` might send now, legal or not (the rules decide; see legalCommands). */
export function candidateCommands(index: ScenarioIndex, state: GameState, side: string): Command[] {
  if (state.phase === 'deciding')
    return [
      { type: 'decide', side, payload: { choice: 'implement' } },
      { type: 'decide', side, payload: { choice: 'continue' } },
    ]
  if (state.phase !== 'negotiating') return []
  const out: Command[] = []
  for (const instrument of index.scenario.instruments) {
    const readings = instrument.variants.length ? instrument.variants.map((v) => v.id) : [undefined]
    for (const backer of instrument.proposers) {
      if (!index.proposers.includes(backer)) continue
      for (const variant of readings) {
        const payload = variant ? { instrument: instrument.id, variant } : { instrument: instrument.id }
        out.push(
          backer === side
            ? { type: 'add', side, payload }
            : { type: 'request', side, payload: { to: backer, ...payload } },
        )
      }
    }
  }
  for (const item of state.package)
    out.push(
      item.backedBy === side
        ? { type: 'withdraw', side, payload: { instrument: item.instrument } }
        : {
            type: 'request',
            side,
            payload: { to: item.backedBy, instrument: item.instrument, action: 'withdraw' },
          },
    )
  state.requests.forEach((r, request) => {
    if (r.status === 'open' && r.to === side)
      out.push({ type: 'decline', side, payload: { request, reason: STRATEGY_REASON } })
  })
  for (const flag of index.scenario.flags)
    if (flag.settableBy.includes(side))
      out.push({ type: 'setFlag', side, payload: { flag: flag.id, value: !state.flags.includes(flag.id) } })
  out.push(
    { type: 'endorse', side, payload: {} },
    { type: 'object', side, payload: { reason: STRATEGY_REASON } },
    { type: 'table', side, payload: {} },
    { type: 'endRound', side, payload: {} },
  )
  return out
}

/** The commands of `side` that the rules accept now (checked with applyCommand itself). */
export function legalCommands(index: ScenarioIndex, state: GameState, side: string): Command[] {
  return candidateCommands(index, state, side).filter((c) => applyCommand(index, state, c).ok)
}

/** The first open request addressed to `side`, with its number, or null. */
export function openRequestTo(state: GameState, side: string): { at: number; request: Request } | null {
  const at = state.requests.findIndex((r) => r.status === 'open' && r.to === side)
  const request = state.requests[at]
  return request ? { at, request } : null
}

/** Declines request number `at`. */
export function declineCommand(side: string, at: number): Command {
  return { type: 'decline', side, payload: { request: at, reason: STRATEGY_REASON } }
}

/**
 * Answers the first open request to `side`: grants it when `wants` says so and the rules allow it, else
 * declines it; null when no request is open. Every strategy answers, so that no partner waits for ever.
 */
export function answerRequest(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  wants: (request: Request, item: ResolvedItem | undefined) => boolean,
): Command | null {
  const open = openRequestTo(state, side)
  if (!open) return null
  const { at, request } = open
  const grant = grantCommand(index, state, request)
  const item = resolveItem(index, itemOf(request))
  return grant && wants(request, item) ? grant : declineCommand(side, at)
}

/** The package item a request is about (backed by the side asked). */
export function itemOf(r: Request): PackageItem {
  return r.variant
    ? { instrument: r.instrument, variant: r.variant, backedBy: r.to }
    : { instrument: r.instrument, backedBy: r.to }
}

/** Endorses when `side` has not spoken, tables when every side endorses; null when there is nothing to do. */
export function endorseAndTable(index: ScenarioIndex, state: GameState, side: string): Command | null {
  if (!state.stances[side]) return { type: 'endorse', side, payload: {} }
  if (state.package.length && index.proposers.every((s) => state.stances[s]?.kind === 'endorse'))
    return { type: 'table', side, payload: {} }
  return null
}

/** Whether `side` already asked `to` about `instrument` (either way) in this round: it asks once a round. */
export function askedThisRound(state: GameState, side: string, to: string, instrument: string): boolean {
  return state.requests.some(
    (r) => r.from === side && r.to === to && r.instrument === instrument && r.round === state.round,
  )
}

/** A side's share of an item's cost plus risk: what "low risk for us" is measured by. */
export function burdenOn(item: ResolvedItem, side: string): number {
  return (item.costs[side] ?? 0) + (item.risks[side] ?? 0)
}

/** The readings of an instrument, resolved, as `backer` would put it in. */
export function readingsOf(index: ScenarioIndex, instrument: string, backer: string): ResolvedItem[] {
  const spec = index.instruments.get(instrument)
  if (!spec) return []
  const variants = spec.variants.length ? spec.variants.map((v) => v.id) : [undefined]
  return variants.flatMap((variant) => {
    const item: PackageItem = variant
      ? { instrument, variant, backedBy: backer }
      : { instrument, backedBy: backer }
    const resolved = resolveItem(index, item)
    return resolved ? [resolved] : []
  })
}
