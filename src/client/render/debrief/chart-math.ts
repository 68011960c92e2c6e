/**
 * Pure geometry of the meters chart: scales, ticks, paths and markers, the styles that tell the lines apart
 * and the summary a screen reader hears. No DOM here, so that all of it is unit-tested in Node.
 */
import type { MeterSeries } from '../../../core/debrief/timeline.ts'
import { formatNumber, type MessageKey, t } from '../../i18n/index.ts'

/** The chart's drawing area in SVG user units: the whole box and the margins kept for the axes. */
export interface ChartBox {
  width: number
  height: number
  left: number
  right: number
  top: number
  bottom: number
}

/** The default box: wide enough for a projector, margins for tick labels and axis titles. */
export const CHART_BOX: ChartBox = { width: 640, height: 300, left: 56, right: 20, top: 16, bottom: 52 }

/** How markers are drawn at each point, so that lines differ by shape as well as by colour. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'cross'

/** How one line is drawn: a colour, a dash pattern (SVG `stroke-dasharray`, '' for solid) and a marker. */
export interface SeriesStyle {
  colour: string
  dash: string
  marker: MarkerShape
}

/**
 * Line styles, in order. Colours are from the Okabe–Ito colour-blind-safe set, darkened to keep 3:1 on white;
 * each style also has its own dash pattern and marker, so colour is never the only difference.
 */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#0b63a8', dash: '', marker: 'circle' },
  { colour: '#c2410c', dash: '10 5', marker: 'square' },
  { colour: '#00785a', dash: '3 4', marker: 'triangle' },
  { colour: '#a03c8c', dash: '12 4 3 4', marker: 'diamond' },
  { colour: '#7a5c00', dash: '6 3', marker: 'triangle-down' },
  { colour: '#333333', dash: '1 3', marker: 'cross' },
]

/** The style of the `i`-th line; styles repeat after the last one. */
export function seriesStyle(i: number): SeriesStyle {
  const n = SERIES_STYLES.length
  return SERIES_STYLES[((i % n) + n) % n] as SeriesStyle
}

/** A number for SVG: at most two decimals, no trailing zeros. */
export const coord = (n: number): string => String(Math.round(n * 100) / 100)

/** A linear map from `domain` to `range`; a domain of zero width maps everything to the range's middle. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (v: number) => number {
  const [d0, d1] = domain
  const [r0, r1] = range
  if (d1 === d0) return () => (r0 + r1) / 2
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0)
}

/** Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) covering [min, max], about `target` of them. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return []
  if (max < min) [min, max] = [max, min]
  if (max === min) return [min]
  const raw = (max - min) / Math.max(1, target - 1)
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power
  const ticks: number[] = []
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    ticks.push(Math.round(v * 1e6) / 1e6)
  return ticks
}

/** An SVG path through the points, in order: "M x y L x y …"; '' for no points. */
export function linePath(points: ReadonlyArray<{ x: number; y: number }>): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${coord(p.x)} ${coord(p.y)}`).join(' ')
}

/** An SVG path for a marker of `shape` centred on (x, y), about `r` in radius. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const c = coord
  switch (shape) {
    case 'circle':
      return `M${c(x - r)} ${c(y)} a${c(r)} ${c(r)} 0 1 0 ${c(2 * r)} 0 a${c(r)} ${c(r)} 0 1 0 ${c(-2 * r)} 0 Z`
    case 'square': {
      const s = r * 0.9
      return `M${c(x - s)} ${c(y - s)} H${c(x + s)} V${c(y + s)} H${c(x - s)} Z`
    }
    case 'triangle':
      return `M${c(x)} ${c(y - r * 1.15)} L${c(x + r * 1.1)} ${c(y + r * 0.8)} L${c(x - r * 1.1)} ${c(y + r * 0.8)} Z`
    case 'triangle-down':
      return `M${c(x)} ${c(y + r * 1.15)} L${c(x + r * 1.1)} ${c(y - r * 0.8)} L${c(x - r * 1.1)} ${c(y - r * 0.8)} Z`
    case 'diamond':
      return `M${c(x)} ${c(y - r * 1.25)} L${c(x + r)} ${c(y)} L${c(x)} ${c(y + r * 1.25)} L${c(x - r)} ${c(y)} Z`
    case 'cross': {
      const s = r * 0.9
      return `M${c(x - s)} ${c(y - s)} L${c(x + s)} ${c(y + s)} M${c(x + s)} ${c(y - s)} L${c(x - s)} ${c(y + s)}`
    }
  }
}

/**
 * The vertical range of the chart. Meters that share one range are drawn on it; meters with different
 * ranges are drawn as a percentage of their own range, so that one axis can hold them all.
 */
export interface ChartRange {
  min: number
  max: number
  percent: boolean
}

/** The range the meters are drawn on (0–100 when there are none). */
export function chartRange(meters: readonly MeterSeries[]): ChartRange {
  const first = meters[0]
  if (!first) return { min: 0, max: 100, percent: false }
  const shared = meters.every((m) => m.min === first.min && m.max === first.max) && first.max > first.min
  return shared ? { min: first.min, max: first.max, percent: false } : { min: 0, max: 100, percent: true }
}

/** A meter's value as drawn: itself on a shared range, else its percentage of its own range. */
export function plotted(meter: MeterSeries, value: number, range: ChartRange): number {
  if (!range.percent) return value
  return meter.max === meter.min ? 0 : ((value - meter.min) / (meter.max - meter.min)) * 100
}

/** A point of a line: the round (0 is the start), the meter's value, and where it is drawn. */
export interface ChartPoint {
  round: number
  value: number
  x: number
  y: number
}

/** Everything needed to draw the chart, in SVG user units. */
export interface ChartGeometry {
  box: ChartBox
  range: ChartRange
  xTicks: Array<{ round: number; x: number; label: string }>
  yTicks: Array<{ value: number; y: number; label: string }>
  series: Array<{ id: string; name: string; style: SeriesStyle; points: ChartPoint[]; path: string }>
  /** The y-axis title, e.g. "Value (0–100)" or "% of each meter's range". */
  yTitle: string
}

/** The label of a round on the x axis: "Start" for round 0, else its number. */
export const roundLabel = (round: number): string => (round === 0 ? t('chart.start') : String(round))

/** Lays out the chart of `meters` over rounds 0..N (N = the longest series' length less one). */
export function chartGeometry(meters: readonly MeterSeries[], box: ChartBox = CHART_BOX): ChartGeometry {
  const range = chartRange(meters)
  const rounds = Math.max(0, ...meters.map((m) => m.values.length - 1))
  const x = linearScale([0, Math.max(1, rounds)], [box.left, box.width - box.right])
  const y = linearScale([range.min, range.max], [box.height - box.bottom, box.top])
  const xTicks = Array.from({ length: rounds + 1 }, (_, round) => ({
    round,
    x: x(round),
    label: roundLabel(round),
  }))
  const yTicks = niceTicks(range.min, range.max).map((value) => ({
    value,
    y: y(value),
    label: range.percent ? `${shown(value, 6)}%` : shown(value, 6),
  }))
  const series = meters.map((m, i) => {
    const points = m.values.map((value, round) => ({
      round,
      value,
      x: x(round),
      y: y(plotted(m, value, range)),
    }))
    return { id: m.id, name: m.name, style: seriesStyle(i), points, path: linePath(points) }
  })
  const yTitle = range.percent
    ? t('chart.percentAxis')
    : t('chart.valueAxis', { min: shown(range.min), max: shown(range.max) })
  return { box, range, xTicks, yTicks, series, yTitle }
}

const BETTER: Record<MeterSeries['better'], MessageKey> = {
  higher: 'better.higher',
  lower: 'better.lower',
  neither: 'better.neither',
}

/** "higher is better" and the like, for the legend and the summary. */
export const betterText = (better: MeterSeries['better']): string => t(BETTER[better])

/**
 * A number as shown: at most `digits` decimals in the interface's notation (1.5 / 1,5), no grouping, and a
 * true minus sign (read as "minus", aligned with "+").
 */
export function shown(n: number, digits = 1): string {
  const f = 10 ** digits
  const r = Math.round(n * f) / f
  const text = formatNumber(Math.abs(r), { maximumFractionDigits: digits, useGrouping: false })
  return r < 0 ? `−${text}` : text
}

/** A share as a whole percentage in the interface's language: "35%" (the chances of the aftermath). */
export const percent = (p: number): string => formatNumber(p, { style: 'percent', maximumFractionDigits: 0 })

/** A number with its sign, as points and changes are shown: "+42", "−6.2", "0". */
export function signed(n: number, digits = 1): string {
  const text = shown(n, digits)
  return Math.round(n * 10 ** digits) > 0 ? `+${text}` : text
}

/** One meter's course in words: "Escalation (lower is better): 30 at the start, 94 at the end, rising". */
export function meterCourse(m: MeterSeries): string {
  const first = m.values[0]
  const last = m.values.at(-1)
  if (first === undefined || last === undefined) return t('chart.noValues', { meter: m.name })
  const trend = t(last > first ? 'chart.up' : last < first ? 'chart.down' : 'chart.unchanged')
  const high = Math.max(...m.values)
  const low = Math.min(...m.values)
  const extremes: string[] = []
  if (high > Math.max(first, last)) extremes.push(t('chart.peak', { value: shown(high) }))
  if (low < Math.min(first, last)) extremes.push(t('chart.low', { value: shown(low) }))
  return t('chart.course', {
    meter: m.name,
    better: betterText(m.better),
    first: shown(first),
    last: shown(last),
    trend: [trend, ...extremes].join(', '),
  })
}

/** The chart in one paragraph, for its accessible name. */
export function chartSummary(meters: readonly MeterSeries[]): string {
  const rounds = Math.max(0, ...meters.map((m) => m.values.length - 1))
  const head = t('chart.summary', {
    count: meters.length,
    rounds: t('chart.summaryRounds', { count: rounds }),
  })
  return meters.length ? `${head} ${meters.map(meterCourse).join('; ')}.` : head
}
