import type * as Phaser from 'phaser'
import { COLOURS, drawMeterIcon, goodnessColour, type MeterIcon, mix } from './draw.ts'
import type { StageMeter } from './model.ts'

/** One meter's gauge on the stage: what it shows now (tweened towards `target`) and its last move. */
export interface GaugeView {
  g: Phaser.GameObjects.Graphics
  icon: MeterIcon
  shown: number
  target: number
  /** Direction and quality of the last change, shown as a small arrow until it fades. */
  delta: { up: boolean; good: boolean; alpha: number } | null
}

/**
 * Draws a gauge: a 240° track, the good end marked in green, the arc up to the shown value coloured by how good
 * it is, quarter ticks, a knob, the meter's icon and, while it fades, an arrow for the last move. Colour is
 * never the only signal: the arc's length and the arrow's direction carry the same news.
 */
export function drawGauge(
  view: GaugeView,
  spot: { x: number; y: number; r: number },
  meter: StageMeter,
): void {
  const g = view.g
  g.clear()
  const { x, y, r } = spot
  const start = (150 * Math.PI) / 180
  const sweep = (240 * Math.PI) / 180
  const thick = Math.max(5, r * 0.2)
  const norm = Math.min(1, Math.max(0, view.shown))
  const goodness = meter.better === 'higher' ? norm : meter.better === 'lower' ? 1 - norm : 0.5
  const colour = meter.better === 'neither' ? COLOURS.neutral : goodnessColour(goodness)
  g.fillStyle(COLOURS.ink, 0.55)
  g.fillCircle(x, y, r + thick * 0.5)
  g.lineStyle(thick, COLOURS.track, 1)
  g.beginPath()
  g.arc(x, y, r, start, start + sweep, false)
  g.strokePath()
  // The good end of the scale, marked in green.
  if (meter.better !== 'neither') {
    const end = meter.better === 'higher' ? start + sweep : start
    g.fillStyle(COLOURS.good, 0.9)
    g.fillCircle(x + Math.cos(end) * r, y + Math.sin(end) * r, thick * 0.32)
  }
  if (norm > 0.002) {
    g.lineStyle(thick, colour, 1)
    g.beginPath()
    g.arc(x, y, r, start, start + sweep * norm, false)
    g.strokePath()
  }
  g.lineStyle(Math.max(1, thick * 0.12), COLOURS.ink, 0.8)
  for (let t = 0.25; t < 1; t += 0.25) {
    const a = start + sweep * t
    g.lineBetween(
      x + Math.cos(a) * (r - thick / 2),
      y + Math.sin(a) * (r - thick / 2),
      x + Math.cos(a) * (r + thick / 2),
      y + Math.sin(a) * (r + thick / 2),
    )
  }
  const a = start + sweep * norm
  g.fillStyle(COLOURS.white, 1)
  g.fillCircle(x + Math.cos(a) * r, y + Math.sin(a) * r, thick * 0.62)
  g.lineStyle(2, colour, 1)
  g.strokeCircle(x + Math.cos(a) * r, y + Math.sin(a) * r, thick * 0.62)
  drawMeterIcon(g, view.icon, x, y - r * 0.05, r * 0.42, mix(COLOURS.white, colour, 0.25))
  if (view.delta && view.delta.alpha > 0.01) {
    const c = view.delta.good ? COLOURS.good : COLOURS.bad
    const dx = x + r * 0.62
    const dy = y + r * 0.62
    const k = r * 0.22
    g.fillStyle(c, view.delta.alpha)
    if (view.delta.up) g.fillTriangle(dx, dy - k, dx - k, dy + k * 0.6, dx + k, dy + k * 0.6)
    else g.fillTriangle(dx, dy + k, dx - k, dy - k * 0.6, dx + k, dy - k * 0.6)
  }
}
