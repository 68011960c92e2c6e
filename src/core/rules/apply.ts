import { CommandSchema, isInstructorCommand, type SideCommand } from './commands.ts'
import { brokenConstraints, constraintWarning, type RuleWarning } from './constraints.ts'
import { concludeDecision, endRoundUntabled, tablePackage } from './flow.ts'
import { applyInstructorCommand } from './instructor.ts'
import { applySay } from './messages.ts'
import type { PackageItem } from './package.ts'
import { type Refused, refuse } from './refusals.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import type { GameState, Request } from './state.ts'

export {
  REFUSAL_CODES,
  type Refusal,
  type RefusalCode,
  type RefusalParams,
  type Refused,
  refuse,
} from './refusals.ts'

/**
 * The result of applying a command: a new state with the warnings for the side that sent it (as data, for
 * each screen to word in its language), or a refusal and no change.
 */
export type Outcome = { ok: true; state: GameState; warned: RuleWarning[] } | Refused

const done = (state: GameState, warned: RuleWarning[] = []): Outcome => ({ ok: true, state, warned })

/** A change to the package or the flags: every stance is void, since sides endorsed something else. */
function changed(state: GameState, side: string, patch: Partial<GameState>): GameState {
  return { ...state, ...patch, stances: {}, moves: { ...state.moves, [side]: (state.moves[side] ?? 0) + 1 } }
}

type Handler<C extends SideCommand> = (index: ScenarioIndex, state: GameState, cmd: C) => Outcome
/** The moves of the negotiation, each allowed in one phase; a message (`say`) is handled apart. */
type MoveType = Exclude<SideCommand['type'], 'say'>
type Handlers = { [T in MoveType]: Handler<Extract<SideCommand, { type: T }>> }

/** Checks that a side may put an instrument (in this reading) into the current package. */
export function checkAdd(
  index: ScenarioIndex,
  state: GameState,
  side: string,
  item: Omit<PackageItem, 'backedBy'>,
): Refused | null {
  const instrument = index.instruments.get(item.instrument)
  if (!instrument) return refuse('UNKNOWN_INSTRUMENT', { instrument: item.instrument })
  if (!instrument.proposers.includes(side))
    return refuse('NOT_YOUR_INSTRUMENT', { instrument: item.instrument, side })
  const variants = index.variants.get(item.instrument)
  if (variants && variants.size > 0 && !item.variant)
    return refuse('VARIANT_REQUIRED', { instrument: item.instrument, variants: [...variants.keys()] })
  if (item.variant && !variants?.has(item.variant))
    return refuse('UNKNOWN_VARIANT', { instrument: item.instrument, variant: item.variant })
  if (state.package.some((p) => p.instrument === item.instrument))
    return refuse('ALREADY_IN_PACKAGE', { instrument: item.instrument })
  const clash = state.package.find((p) => index.exclusions.get(item.instrument)?.has(p.instrument))
  if (clash) return refuse('EXCLUDED', { instrument: item.instrument, excludedBy: clash.instrument })
  return null
}

/** Checks that `side` could withdraw an instrument: it is in the package and `side` put it in. */
export function checkWithdraw(
  _index: ScenarioIndex,
  state: GameState,
  side: string,
  instrument: string,
): Refused | null {
  const item = state.package.find((p) => p.instrument === instrument)
  if (!item) return refuse('NOT_IN_PACKAGE', { instrument })
  if (item.backedBy !== side) return refuse('NOT_YOUR_ITEM', { instrument, side: item.backedBy })
  return null
}

/** Marks the open requests that `side` add (or withdraw) `instrument` as granted. */
function grant(state: GameState, side: string, instrument: string, action: 'add' | 'withdraw'): Request[] {
  return state.requests.map((r) =>
    r.status === 'open' && r.to === side && r.instrument === instrument && (r.action ?? 'add') === action
      ? { ...r, status: 'granted' as const }
      : r,
  )
}

const handlers: Handlers = {
  add(index, state, { side, payload }) {
    const refused = checkAdd(index, state, side, payload)
    if (refused) return refused
    const item: PackageItem = { instrument: payload.instrument, backedBy: side }
    if (payload.variant) item.variant = payload.variant
    const requests = grant(state, side, payload.instrument, 'add')
    return done(changed(state, side, { package: [...state.package, item], requests }))
  },
  withdraw(index, state, { side, payload }) {
    const refused = checkWithdraw(index, state, side, payload.instrument)
    if (refused) return refused
    const item = state.package.find((p) => p.instrument === payload.instrument)
    if (!item) return refused ?? done(state)
    const requests = grant(state, side, payload.instrument, 'withdraw')
    return done(changed(state, side, { package: state.package.filter((p) => p !== item), requests }))
  },
  request(index, state, { side, payload }) {
    if (!index.proposers.includes(payload.to) || payload.to === side)
      return refuse('UNKNOWN_SIDE', { side: payload.to })
    const refused =
      payload.action === 'withdraw'
        ? checkWithdraw(index, state, payload.to, payload.instrument)
        : checkAdd(index, state, payload.to, payload)
    if (refused)
      return refuse('CANNOT_PROPOSE', {
        instrument: payload.instrument,
        side: payload.to,
        cause: refused.refusal,
      })
    const duplicate = state.requests.some(
      (r) =>
        r.status === 'open' &&
        r.from === side &&
        r.to === payload.to &&
        r.instrument === payload.instrument &&
        (r.action ?? 'add') === (payload.action ?? 'add'),
    )
    if (duplicate) return refuse('ALREADY_REQUESTED', { instrument: payload.instrument, side: payload.to })
    const request: Request = {
      from: side,
      to: payload.to,
      instrument: payload.instrument,
      variant: payload.variant,
      round: state.round,
      status: 'open',
    }
    if (payload.action === 'withdraw') request.action = 'withdraw'
    if (payload.inReturnFor !== undefined && state.requests[payload.inReturnFor])
      request.inReturnFor = payload.inReturnFor
    return done({ ...state, requests: [...state.requests, request] })
  },
  decline(_index, state, { side, payload }) {
    const r = state.requests[payload.request]
    if (r?.status !== 'open') return refuse('UNKNOWN_REQUEST', { request: payload.request })
    if (r.to !== side) return refuse('NOT_YOUR_REQUEST', { side: r.to })
    const requests = state.requests.map((x, i) =>
      i === payload.request ? { ...x, status: 'declined' as const, reason: payload.reason } : x,
    )
    return done({ ...state, requests })
  },
  endorse(index, state, { side }) {
    const broken = brokenConstraints(index, state, side)
    const breaches = broken.map((c) => ({ side, constraint: c.id, round: state.round }))
    const next = { ...state, stances: { ...state.stances, [side]: { kind: 'endorse' as const } } }
    return done(
      breaches.length ? { ...next, breaches: [...state.breaches, ...breaches] } : next,
      broken.map((c) => constraintWarning(side, c)),
    )
  },
  object(_index, state, { side, payload }) {
    return done({
      ...state,
      stances: { ...state.stances, [side]: { kind: 'object', reason: payload.reason } },
    })
  },
  setFlag(index, state, { side, payload }) {
    const flag = index.scenario.flags.find((f) => f.id === payload.flag)
    if (!flag) return refuse('UNKNOWN_FLAG', { flag: payload.flag })
    if (!flag.settableBy.includes(side)) return refuse('FLAG_NOT_SETTABLE', { flag: flag.id, side })
    const flags = state.flags.filter((f) => f !== flag.id)
    return done(changed(state, side, { flags: payload.value ? [...flags, flag.id] : flags }))
  },
  table(index, state) {
    if (state.package.length === 0) return refuse('EMPTY_PACKAGE')
    const missing = index.proposers.filter((s) => state.stances[s]?.kind !== 'endorse')
    if (missing.length) return refuse('NOT_ALL_ENDORSED', { sides: missing })
    return done(tablePackage(index, state))
  },
  endRound(index, state) {
    const undecided = index.proposers.filter((s) => !state.stances[s])
    const objecting = index.proposers.some((s) => state.stances[s]?.kind === 'object')
    if (undecided.length || !objecting) return refuse('NO_DISAGREEMENT')
    return done(endRoundUntabled(index, state))
  },
  decide(index, state, { side, payload }) {
    if (state.votes[side]) return refuse('ALREADY_VOTED', { side })
    const next = { ...state, votes: { ...state.votes, [side]: payload.choice } }
    return done(index.proposers.every((s) => next.votes[s]) ? concludeDecision(index, next) : next)
  },
}

const PHASE_OF: Record<MoveType, GameState['phase']> = {
  add: 'negotiating',
  withdraw: 'negotiating',
  request: 'negotiating',
  decline: 'negotiating',
  endorse: 'negotiating',
  object: 'negotiating',
  setFlag: 'negotiating',
  table: 'negotiating',
  endRound: 'negotiating',
  decide: 'deciding',
}

/**
 * Applies one command by the rules: a pure function of the scenario, the state and the command. A command
 * that is malformed or not allowed is refused with a named reason, and the state is left as it was.
 * `seq` is the command's position in the game's log, which a message keeps to find who typed it and when
 * (the store and replay pass it; a message applied without it is numbered after the previous one).
 */
export function applyCommand(index: ScenarioIndex, state: GameState, input: unknown, seq?: number): Outcome {
  const parsed = CommandSchema.safeParse(input)
  if (!parsed.success) {
    const detail = parsed.error.issues[0]?.message ?? 'invalid'
    return refuse('MALFORMED_COMMAND', { detail })
  }
  const cmd = parsed.data
  // Before the game-over check: an overrule may reopen a game that the overruled answer ended.
  if (isInstructorCommand(cmd)) return applyInstructorCommand(index, state, cmd)
  if (state.phase === 'ended') return refuse('GAME_OVER')
  if (!index.proposers.includes(cmd.side)) return refuse('NOT_A_PROPOSER', { side: cmd.side })
  // A message may be sent at any stage of the game until its end.
  if (cmd.type === 'say') return applySay(index, state, cmd, seq ?? (state.messages.at(-1)?.seq ?? -1) + 1)
  if (PHASE_OF[cmd.type] !== state.phase)
    return refuse('WRONG_PHASE', { command: cmd.type, phase: state.phase })
  const handler = handlers[cmd.type] as Handler<SideCommand>
  return handler(index, state, cmd)
}

export function sideName(index: ScenarioIndex, side: string): string {
  return index.sides.get(side)?.name ?? side
}
