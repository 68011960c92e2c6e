import type { ResolvedItem } from '../../core/rules/package.ts'
import { resolvePackage, sumAttribute } from '../../core/rules/package.ts'
import type { ScenarioIndex } from '../../core/rules/scenario-index.ts'
import type { GameState } from '../../core/rules/state.ts'
import type { ResponseKind } from '../../core/scenario/schema/conditions.ts'
import { STAGE_IMAGE_TYPES, type STAGE_MAPS } from '../../core/scenario/schema/stage.ts'

/**
 * What the stage draws, read from the game state: no rules, only a picture of the state. Pure and free of
 * Phaser, so that it can be tested in Node and so that the scene only has to compare two models.
 */

/** The kinds of marker the stage can draw on the map; `pin` is the fallback for tags it does not know. */
export type MarkerKind =
  | 'buffer'
  | 'troops'
  | 'pact'
  | 'air-defence'
  | 'seizure'
  | 'aid'
  | 'bilateral'
  | 'union'
  | 'ballot'
  | 'territory'
  | 'talks'
  | 'pledge'
  | 'outpost'
  | 'pin'

export interface StageMarker {
  /** Stable across states: the instrument, its variant and the side backing it. */
  key: string
  kind: MarkerKind
  /** The side that put the instrument in (its colour and the anchor arcs start from). */
  side: string
  /** Position among the markers of the same kind, to spread them out. */
  slot: number
  deterrence: number
}

export interface StageMeter {
  id: string
  value: number
  min: number
  max: number
  /** 0 to 1 within the meter's range. */
  norm: number
  better: 'higher' | 'lower' | 'neither'
}

export interface StageVerdict {
  kind: ResponseKind
  /** Changes whenever a new response comes in, so that a repeated verdict still flashes. */
  key: string
  /** True while the response belongs to the round being decided (the verdict is "live"). */
  current: boolean
}

export type EndingKind = 'deal' | 'unilateral' | 'collapse' | 'escalation'

export interface StageModel {
  phase: GameState['phase']
  proposers: string[]
  responder: string
  meters: StageMeter[]
  markers: StageMarker[]
  /** Sum of the deterrence of the package, and the same from 0 to 1 (the shield's strength). */
  deterrence: number
  deterrenceNorm: number
  /** Each proposer's stance on the package while negotiating (null: none yet, or not negotiating). */
  stances: Record<string, 'endorse' | 'object' | null>
  verdict: StageVerdict | null
  ending: EndingKind | null
}

/** The maps the stage can draw, by the name a scenario chooses them with. */
export type StageMapName = (typeof STAGE_MAPS)[number]

/**
 * What the stage draws behind the game, from the scenario's `stage`: a shipped map, the neutral table, or the
 * scenario's own picture as a data: address (alt text and credit stay in the page, see `index.ts`). Fixed for
 * the whole game, so it travels once, with the `start` message.
 */
export type StageBackdrop =
  | { kind: 'map'; map: StageMapName }
  | { kind: 'table' }
  | { kind: 'image'; image: string }

/**
 * Whether a picture may be drawn: a data: address of one of the types a scenario may carry, and nothing the
 * stage would have to fetch. The loader has already checked its bytes (`scenario/load/stage-image.ts`).
 */
export function isStageImage(address: string): boolean {
  const head = address.slice(0, 40).toLowerCase()
  return STAGE_IMAGE_TYPES.some(
    (type) => head.startsWith(`data:${type};`) || head.startsWith(`data:${type},`),
  )
}

/** The backdrop of a scenario's stage; a picture that is not a data: address is drawn as the table instead. */
export function stageBackdrop(index: Pick<ScenarioIndex, 'scenario'>): StageBackdrop {
  const stage = index.scenario.stage
  if (stage.kind === 'map') return { kind: 'map', map: stage.map }
  if (stage.kind === 'image' && isStageImage(stage.image)) return { kind: 'image', image: stage.image }
  return { kind: 'table' }
}

/**
 * Tags (and instrument ids) to marker kinds, in priority order: an item takes the first kind one of its tags
 * names. Scenarios with other tags fall back to `pin`, so any scenario still gets a marker per item.
 */
const KIND_BY_TAG: Array<[string, MarkerKind]> = [
  ['buffer-zone', 'buffer'],
  ['foreign-troops', 'troops'],
  ['collective-defence', 'pact'],
  ['binding-commitment', 'pact'],
  ['nato', 'pact'],
  ['us-military-support', 'air-defence'],
  ['air-defence', 'air-defence'],
  ['asset-seizure', 'seizure'],
  ['financial', 'aid'],
  ['bilateral', 'bilateral'],
  ['eu-integration', 'union'],
  ['political-process', 'ballot'],
  ['territorial', 'territory'],
  ['russia-consulted', 'talks'],
  ['non-binding', 'pledge'],
  ['western-presence', 'outpost'],
]

/** The marker kind of a resolved package item. */
export function markerKind(item: Pick<ResolvedItem, 'tags'> & { instrument: string }): MarkerKind {
  const names = new Set([item.instrument, ...item.tags])
  for (const [tag, kind] of KIND_BY_TAG) if (names.has(tag)) return kind
  return 'pin'
}

/** The most deterrence a package could reach: the sum of the best reading of every instrument. */
export function maxDeterrence(index: ScenarioIndex): number {
  let total = 0
  for (const i of index.scenario.instruments) {
    const best = Math.max(i.deterrence, ...i.variants.map((v) => v.deterrence ?? i.deterrence))
    if (best > 0) total += best
  }
  return total
}

const ENDING_KINDS = new Set<string>(['deal', 'unilateral', 'collapse', 'escalation'])

/** Reads what the stage shows from a game state. */
export function stageModel(index: ScenarioIndex, state: GameState): StageModel {
  const resolved = resolvePackage(index, state.package)
  const slots = new Map<MarkerKind, number>()
  const markers = resolved.map((r): StageMarker => {
    const kind = markerKind({ instrument: r.item.instrument, tags: r.tags })
    const slot = slots.get(kind) ?? 0
    slots.set(kind, slot + 1)
    return {
      key: `${r.item.instrument}/${r.item.variant ?? ''}@${r.item.backedBy}`,
      kind,
      side: r.item.backedBy,
      slot,
      deterrence: r.deterrence,
    }
  })
  const deterrence = sumAttribute(resolved, 'deterrence')
  // Half the theoretical maximum already makes a full shield: no real package holds every instrument.
  const full = Math.max(1, maxDeterrence(index) / 2)
  const meters = index.scenario.meters.map((m): StageMeter => {
    const value = state.meters[m.id] ?? m.start
    const span = m.max - m.min
    return {
      id: m.id,
      value,
      min: m.min,
      max: m.max,
      norm: span > 0 ? Math.min(1, Math.max(0, (value - m.min) / span)) : 0,
      better: m.better,
    }
  })
  const response = state.response
  const endingKind = state.ending
    ? index.scenario.endings.find((e) => e.id === state.ending?.id)?.kind
    : undefined
  return {
    phase: state.phase,
    proposers: index.proposers,
    responder: index.responder,
    meters,
    markers,
    deterrence,
    deterrenceNorm: Math.min(1, Math.max(0, deterrence / full)),
    stances: Object.fromEntries(
      index.proposers.map((side) => [
        side,
        state.phase === 'negotiating' ? (state.stances[side]?.kind ?? null) : null,
      ]),
    ),
    verdict: response
      ? {
          kind: response.verdict,
          key: `${response.round}:${state.history.length}:${response.verdict}`,
          current: response.round === state.round && state.phase !== 'negotiating',
        }
      : null,
    ending: endingKind && ENDING_KINDS.has(endingKind) ? (endingKind as EndingKind) : null,
  }
}
