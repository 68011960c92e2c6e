import type { ResponseKind } from '../scenario/schema/conditions.ts'
import type { AftermathResult } from './aftermath.ts'
import type { ConditionContext } from './conditions.ts'
import type { TableMessage } from './messages.ts'
import { type PackageItem, resolvePackage } from './package.ts'
import { drawResolve } from './resolve.ts'
import { seedState } from './rng.ts'
import type { ScenarioIndex } from './scenario-index.ts'
import type { GameSetup, Phase } from './setup.ts'

export type { Difficulty, GameMode, GameSetup, Phase, Seat } from './setup.ts'

export type Stance = { kind: 'endorse' } | { kind: 'object'; reason: string }

export interface Request {
  from: string
  to: string
  /** Add the instrument to the package (the default), or withdraw it from the package. */
  action?: 'add' | 'withdraw'
  instrument: string
  variant?: string | undefined
  round: number
  status: 'open' | 'granted' | 'declined' | 'lapsed'
  reason?: string
  /** Set when this request is what the asking side wants in return for granting request number N. */
  inReturnFor?: number
}

/** Russia's (the responder's) answer to a tabled package, with everything needed to explain it. */
export interface Response {
  round: number
  verdict: ResponseKind
  /** Ids of the red lines the package crossed, in scenario order. */
  redLines: string[]
  /** Ids of the crossed red lines that the responder let pass this time, with a warning only. */
  yielded: string[]
  /** Ids of the soft preferences that applied, in scenario order. */
  preferences: string[]
  /** Items the responder demands be removed (for demandRemoval). */
  demands: PackageItem[]
  /** Disposition before noise, the noise drawn, and the bar it had to reach. */
  disposition: number
  noise: number
  acceptAt: number
  /** Set when the instructor overruled the rules' answer: the verdict the rules gave, and why it was changed. */
  overruled?: { verdict: ResponseKind; reason: string }
}

/** What happened in one round, kept for the debrief. */
export interface RoundRecord {
  round: number
  tabled: PackageItem[] | null
  response: Response | null
  events: string[]
  decision: 'implement' | 'continue' | null
  meters: Record<string, number>
}

export interface Breach {
  side: string
  constraint: string
  round: number
}

export interface EndingResult {
  id: string
  round: number
}

/** The whole state of a game: plain data, serializable, with no functions and no scenario copy. */
export interface GameState {
  setup: GameSetup
  rng: number
  round: number
  phase: Phase
  package: PackageItem[]
  stances: Record<string, Stance>
  requests: Request[]
  votes: Record<string, 'implement' | 'continue'>
  meters: Record<string, number>
  flags: string[]
  firedEvents: string[]
  /** Per side, package changes made this round (computer players are held to a budget). */
  moves: Record<string, number>
  response: Response | null
  history: RoundRecord[]
  breaches: Breach[]
  ending: EndingResult | null
  /** The hidden firmness of each red line with a range, drawn at the start (see resolve.ts). */
  resolve: Record<string, number>
  /** The package that took effect (accepted, or imposed without consent); null while none has. */
  inForce: PackageItem[] | null
  /** The years after the deal or the imposition, once played out (see aftermath.ts). */
  aftermath: AftermathResult | null
  /** Events the instructor brought in, with the round they came in (they are also in `firedEvents`). */
  injected: Array<{ event: string; round: number }>
  /** The messages the sides sent, in order (see messages.ts): who may read each is decided when it is shown. */
  messages: TableMessage[]
  /**
   * The state just before the last package was tabled, while its answer may still be overruled (until the
   * round moves on); null otherwise. It never holds a snapshot of its own.
   */
  beforeResponse: GameState | null
}

/** The state at the start of a game. */
export function newGame(index: ScenarioIndex, setup: GameSetup): GameState {
  const { scenario } = index
  const { resolve, rng } = drawResolve(index, setup.difficulty, seedState(setup.seed))
  return {
    setup,
    rng,
    round: 1,
    phase: 'negotiating',
    package: [],
    stances: {},
    requests: [],
    votes: {},
    meters: Object.fromEntries(scenario.meters.map((m) => [m.id, clamp(m.start, m.min, m.max)])),
    flags: scenario.flags.filter((f) => f.initial).map((f) => f.id),
    firedEvents: [],
    moves: {},
    response: null,
    history: [],
    breaches: [],
    ending: null,
    resolve,
    inForce: null,
    aftermath: null,
    injected: [],
    messages: [],
    beforeResponse: null,
  }
}

/** The condition context for a package in the current situation. */
export function contextFor(
  index: ScenarioIndex,
  state: GameState,
  items: readonly PackageItem[] = state.package,
): ConditionContext {
  return {
    items: resolvePackage(index, items),
    meters: state.meters,
    flags: state.flags,
    round: state.round,
    response: state.response?.round === state.round ? state.response.verdict : undefined,
  }
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
