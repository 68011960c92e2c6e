import { sideName } from '../rules/apply.ts'
import { type PackageItem, resolveItem } from '../rules/package.ts'
import type { ScenarioIndex } from '../rules/scenario-index.ts'
import type { GameState, RoundRecord } from '../rules/state.ts'
import type { ResponseKind } from '../scenario/schema/conditions.ts'
import type { Statement } from '../scenario/schema/scenario.ts'

/** An item of a tabled package, named for the screen. */
export interface DebriefItem {
  instrument: string
  variant?: string
  /** The instrument's name with its reading. */
  name: string
  backedBy: string
  backerName: string
}

/** One round of the game as the debrief tells it. */
export interface DebriefRound {
  round: number
  /** The package tabled, or null when the round ended without one. */
  package: DebriefItem[] | null
  verdict: ResponseKind | null
  /** The instructor's decision when the rules' answer was overruled: the rules' verdict and the reason. */
  overruled: { rulesVerdict: ResponseKind; reason: string } | null
  redLines: Array<{ id: string; title: string }>
  preferences: Array<{ id: string; title: string; weight: number }>
  /** Items Russia demanded be removed (for demandRemoval). */
  demands: string[]
  /** The disposition before chance, the chance drawn and the bar (null when nothing was tabled). */
  disposition: number | null
  noise: number | null
  acceptAt: number | null
  /** The round's events; `injected` when the instructor brought it in rather than the scenario firing it. */
  events: Array<{ id: string; title: string; text: string; injected: boolean }>
  decision: RoundRecord['decision']
  meters: Record<string, number>
}

/** One meter over the game: its start value, then its value after each round. */
export interface MeterSeries {
  id: string
  name: string
  min: number
  max: number
  better: 'higher' | 'lower' | 'neither'
  values: number[]
}

/** A red line crossed during the game, with the words behind it and when it was crossed. */
export interface CrossedRedLine {
  id: string
  title: string
  kind: 'reject' | 'demandRemoval' | 'warn'
  severity: number
  times: number
  rounds: number[]
  stated: Array<{
    speaker: string
    speakerName: string
    date?: string
    quote: string
    seed: string
    modality?: Statement['modality']
  }>
}

/** A tabled item, named for the screen. */
export function debriefItem(index: ScenarioIndex, item: PackageItem): DebriefItem {
  const out: DebriefItem = {
    instrument: item.instrument,
    name: resolveItem(index, item)?.name ?? item.instrument,
    backedBy: item.backedBy,
    backerName: sideName(index, item.backedBy),
  }
  if (item.variant) out.variant = item.variant
  return out
}

/** Every round of the game, from the state's history. */
export function timeline(index: ScenarioIndex, state: GameState): DebriefRound[] {
  const { scenario } = index
  return state.history.map((h) => {
    const r = h.response
    return {
      round: h.round,
      package: h.tabled ? h.tabled.map((i) => debriefItem(index, i)) : null,
      verdict: r?.verdict ?? null,
      overruled: r?.overruled ? { rulesVerdict: r.overruled.verdict, reason: r.overruled.reason } : null,
      redLines: (r?.redLines ?? []).map((id) => ({
        id,
        title: scenario.redLines.find((x) => x.id === id)?.title ?? id,
      })),
      preferences: (r?.preferences ?? []).map((id) => {
        const p = scenario.preferences.find((x) => x.id === id)
        return { id, title: p?.title ?? id, weight: p?.weight ?? 0 }
      }),
      demands: (r?.demands ?? []).map((i) => debriefItem(index, i).name),
      disposition: r?.disposition ?? null,
      noise: r?.noise ?? null,
      acceptAt: r?.acceptAt ?? null,
      events: h.events.map((id) => {
        const e = scenario.events.find((x) => x.id === id)
        const injected = state.injected.some((i) => i.event === id && i.round === h.round)
        return { id, title: e?.title ?? id, text: e?.text ?? '', injected }
      }),
      decision: h.decision,
      meters: { ...h.meters },
    }
  })
}

/** Each meter's start value, then its value after every round: one more value than rounds played. */
export function meterSeries(
  index: ScenarioIndex,
  start: Readonly<Record<string, number>>,
  state: GameState,
): MeterSeries[] {
  return index.scenario.meters.map((m) => ({
    id: m.id,
    name: m.name,
    min: m.min,
    max: m.max,
    better: m.better,
    values: [start[m.id] ?? m.start, ...state.history.map((h) => h.meters[m.id] ?? m.start)],
  }))
}

/** Every red line crossed in the game, in scenario order, with its stated words and the rounds it fired. */
export function crossedRedLines(index: ScenarioIndex, state: GameState): CrossedRedLine[] {
  const { scenario } = index
  const actor = (id: string) => scenario.actors.find((a) => a.id === id)
  return scenario.redLines.flatMap((r) => {
    const rounds = state.history.filter((h) => h.response?.redLines.includes(r.id)).map((h) => h.round)
    if (rounds.length === 0) return []
    return [
      {
        id: r.id,
        title: r.title,
        kind: r.response.kind,
        severity: r.severity,
        times: rounds.length,
        rounds,
        stated: r.stated.map((s) => {
          const out: CrossedRedLine['stated'][number] = {
            speaker: s.speaker,
            speakerName: actor(s.speaker)?.name ?? s.speaker,
            quote: s.quote,
            seed: s.seed,
          }
          if (s.date !== undefined) out.date = s.date
          if (s.modality !== undefined) out.modality = s.modality
          return out
        }),
      },
    ]
  })
}
