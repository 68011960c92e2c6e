import type * as Phaser from 'phaser'
import type { Point } from './svg.ts'

/**
 * Drawing helpers for the stage: colours, curves and the small vector glyphs (markers, meter icons). They
 * only draw into a Phaser Graphics in screen pixels; nothing here reads the game.
 */

type G = Phaser.GameObjects.Graphics

export const COLOURS = {
  sea: 0x0d1b2a,
  ink: 0x0b1622,
  panel: 0x0b1622,
  panelEdge: 0x33506f,
  track: 0x1d2c3c,
  white: 0xf4f7fb,
  muted: 0x8aa0b8,
  aura: 0x7cc4ff,
  gold: 0xf2c14e,
  good: 0x46a758,
  mid: 0xf5a524,
  bad: 0xe5484d,
  neutral: 0x7cc4ff,
  accept: 0x46a758,
  demandRemoval: 0xf5a524,
  reject: 0xe5484d,
} as const

/**
 * The proposers' colours, in the scenario's order of its sides; the responder is always red, the colour of its
 * answers. The first three are the colours the shipped scenarios have always shown their proposers in.
 */
const PROPOSER_COLOURS = [0xf2c14e, 0x3cc6c0, 0x9db4ff, 0xc792ea, 0x7bd88f, 0xff9e64, 0x82aaff]
export const RESPONDER_COLOUR = 0xe5484d

/** A side's colour on the stage: `order` is the proposers in the scenario's order, then the responder. */
export function sideColour(side: string, order: readonly string[]): number {
  const i = order.indexOf(side)
  if (i === order.length - 1 && i >= 0) return RESPONDER_COLOUR
  return PROPOSER_COLOURS[Math.max(0, i) % PROPOSER_COLOURS.length] ?? COLOURS.white
}

export const ENDING_COLOURS = {
  deal: COLOURS.good,
  unilateral: COLOURS.mid,
  collapse: 0x6b7785,
  escalation: COLOURS.bad,
} as const

/** Mixes two 0xRRGGBB colours; t = 0 gives `a`, 1 gives `b`. */
export function mix(a: number, b: number, t: number): number {
  const k = Math.min(1, Math.max(0, t))
  const ch = (c: number, shift: number) => (c >> shift) & 0xff
  const lerp = (shift: number) => Math.round(ch(a, shift) + (ch(b, shift) - ch(a, shift)) * k)
  return (lerp(16) << 16) | (lerp(8) << 8) | lerp(0)
}

/** Red to amber to green along how good a meter's reading is (0 bad, 1 good). */
export function goodnessColour(goodness: number): number {
  return goodness < 0.5
    ? mix(COLOURS.bad, COLOURS.mid, goodness * 2)
    : mix(COLOURS.mid, COLOURS.good, (goodness - 0.5) * 2)
}

export function path(g: G, points: readonly Point[], close = false): void {
  const [first, ...rest] = points
  if (!first) return
  g.beginPath()
  g.moveTo(first.x, first.y)
  for (const p of rest) g.lineTo(p.x, p.y)
  if (close) g.closePath()
}

/** Points along a quadratic curve from a to b, bowed sideways by `bend` times the distance. */
export function curve(a: Point, b: Point, bend: number, steps = 28): Point[] {
  const mx = (a.x + b.x) / 2
  const my = (a.y + b.y) / 2
  const dx = b.x - a.x
  const dy = b.y - a.y
  const c = { x: mx - dy * bend, y: my + dx * bend }
  const out: Point[] = []
  for (let i = 0; i <= steps; i++) {
    const t = i / steps
    const u = 1 - t
    out.push({
      x: u * u * a.x + 2 * u * t * c.x + t * t * b.x,
      y: u * u * a.y + 2 * u * t * c.y + t * t * b.y,
    })
  }
  return out
}

/** The point at fraction t (0 to 1) of the length of a polyline. */
export function along(points: readonly Point[], t: number): Point {
  const lengths: number[] = []
  let total = 0
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point
    const b = points[i] as Point
    const d = Math.hypot(b.x - a.x, b.y - a.y)
    lengths.push(d)
    total += d
  }
  let rest = Math.min(1, Math.max(0, t)) * total
  for (let i = 1; i < points.length; i++) {
    const d = lengths[i - 1] ?? 0
    const a = points[i - 1] as Point
    const b = points[i] as Point
    if (rest <= d || i === points.length - 1) {
      const k = d > 0 ? Math.min(1, rest / d) : 0
      return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k }
    }
    rest -= d
  }
  return points[0] ?? { x: 0, y: 0 }
}

/** A dashed polyline. */
export function dashed(g: G, points: readonly Point[], dash: number, gap: number): void {
  let on = true
  let left = dash
  for (let i = 1; i < points.length; i++) {
    let a = points[i - 1] as Point
    const b = points[i] as Point
    let d = Math.hypot(b.x - a.x, b.y - a.y)
    while (d > 0) {
      const step = Math.min(left, d)
      const k = step / d
      const next = { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k }
      if (on) g.lineBetween(a.x, a.y, next.x, next.y)
      a = next
      d -= step
      left -= step
      if (left <= 0) {
        on = !on
        left = on ? dash : gap
      }
    }
  }
}

/** An arrowhead at the end of a polyline. */
export function arrowHead(g: G, points: readonly Point[], size: number): void {
  const b = points[points.length - 1]
  const a = points[Math.max(0, points.length - 3)]
  if (!a || !b) return
  const angle = Math.atan2(b.y - a.y, b.x - a.x)
  const l = { x: b.x - size * Math.cos(angle - 0.45), y: b.y - size * Math.sin(angle - 0.45) }
  const r = { x: b.x - size * Math.cos(angle + 0.45), y: b.y - size * Math.sin(angle + 0.45) }
  g.fillTriangle(b.x, b.y, l.x, l.y, r.x, r.y)
}

/** A small heraldic shield outline centred on (x, y). */
export function shieldShape(x: number, y: number, s: number): Point[] {
  return [
    { x: x - s, y: y - s * 0.9 },
    { x, y: y - s * 1.15 },
    { x: x + s, y: y - s * 0.9 },
    { x: x + s, y: y - s * 0.1 },
    { x: x + s * 0.7, y: y + s * 0.65 },
    { x, y: y + s * 1.2 },
    { x: x - s * 0.7, y: y + s * 0.65 },
    { x: x - s, y: y - s * 0.1 },
  ]
}

/** The glyph in the middle of a meter's gauge, chosen from words in the meter's id. */
export type MeterIcon = 'flame' | 'shield' | 'rings' | 'rise' | 'dot'

export function meterIcon(id: string): MeterIcon {
  if (/escalat|tension|risk|war/.test(id)) return 'flame'
  if (/deter|secur|defen|guarant/.test(id)) return 'shield'
  if (/cohes|unity|allian|solidar/.test(id)) return 'rings'
  if (/confid|trust|moral|support|hope/.test(id)) return 'rise'
  return 'dot'
}

const FLAME_OUTER: Array<[number, number]> = [
  [0, 0.85],
  [-0.45, 0.72],
  [-0.68, 0.35],
  [-0.62, -0.05],
  [-0.4, -0.35],
  [-0.3, -0.05],
  [-0.15, -0.5],
  [0.05, -0.9],
  [0.2, -0.45],
  [0.45, -0.55],
  [0.62, -0.1],
  [0.66, 0.35],
  [0.45, 0.72],
]
const FLAME_INNER: Array<[number, number]> = [
  [0, 0.75],
  [-0.25, 0.6],
  [-0.3, 0.35],
  [-0.12, 0.05],
  [0, -0.15],
  [0.12, 0.1],
  [0.3, 0.35],
  [0.25, 0.6],
]

export function drawMeterIcon(g: G, icon: MeterIcon, x: number, y: number, s: number, colour: number): void {
  g.fillStyle(colour, 1)
  g.lineStyle(Math.max(1.5, s * 0.18), colour, 1)
  switch (icon) {
    case 'flame': {
      const at = (pts: Array<[number, number]>) => pts.map(([dx, dy]) => ({ x: x + dx * s, y: y + dy * s }))
      path(g, at(FLAME_OUTER), true)
      g.fillPath()
      g.fillStyle(COLOURS.ink, 0.5)
      path(g, at(FLAME_INNER), true)
      g.fillPath()
      return
    }
    case 'shield':
      path(g, shieldShape(x, y, s * 0.7), true)
      g.fillPath()
      g.lineStyle(Math.max(1.5, s * 0.14), COLOURS.ink, 0.6)
      g.lineBetween(x, y - s * 0.6, x, y + s * 0.6)
      return
    case 'rings':
      g.strokeCircle(x - s * 0.32, y, s * 0.48)
      g.strokeCircle(x + s * 0.32, y, s * 0.48)
      return
    case 'rise':
      g.beginPath()
      g.moveTo(x - s * 0.75, y + s * 0.55)
      g.lineTo(x - s * 0.2, y)
      g.lineTo(x + s * 0.1, y + s * 0.3)
      g.lineTo(x + s * 0.65, y - s * 0.35)
      g.strokePath()
      g.fillTriangle(x + s * 0.85, y - s * 0.6, x + s * 0.3, y - s * 0.5, x + s * 0.75, y - s * 0.05)
      return
    case 'dot':
      g.fillCircle(x, y, s * 0.4)
      return
  }
}

/** A map unit symbol (a framed rectangle with a cross), as for a ground force. */
export function unitSymbol(g: G, x: number, y: number, u: number, colour: number): void {
  const w = u * 1.7
  const h = u * 1.15
  g.fillStyle(COLOURS.ink, 0.45)
  g.fillRoundedRect(x - w / 2 + 2, y - h / 2 + 3, w, h, u * 0.18)
  g.fillStyle(colour, 1)
  g.fillRoundedRect(x - w / 2, y - h / 2, w, h, u * 0.18)
  g.lineStyle(Math.max(1.5, u * 0.12), COLOURS.ink, 0.85)
  g.strokeRoundedRect(x - w / 2, y - h / 2, w, h, u * 0.18)
  g.lineBetween(x - w / 2 + u * 0.22, y - h / 2 + u * 0.18, x + w / 2 - u * 0.22, y + h / 2 - u * 0.18)
  g.lineBetween(x - w / 2 + u * 0.22, y + h / 2 - u * 0.18, x + w / 2 - u * 0.22, y - h / 2 + u * 0.18)
}

/** A small flag on a pole. */
export function flag(g: G, x: number, y: number, u: number, colour: number): void {
  g.lineStyle(Math.max(1.5, u * 0.12), COLOURS.white, 0.9)
  g.lineBetween(x, y, x, y - u * 1.6)
  g.fillStyle(colour, 1)
  g.fillTriangle(x, y - u * 1.6, x + u * 1.0, y - u * 1.3, x, y - u * 1.0)
}

/** An air-defence dome: a translucent half disc with scan lines. */
export function dome(g: G, x: number, y: number, r: number, colour: number): void {
  g.fillStyle(colour, 0.16)
  g.beginPath()
  g.arc(x, y, r, Math.PI, 0, false)
  g.closePath()
  g.fillPath()
  g.lineStyle(Math.max(1.5, r * 0.06), colour, 0.95)
  g.beginPath()
  g.arc(x, y, r, Math.PI, 0, false)
  g.strokePath()
  g.lineStyle(1, colour, 0.55)
  g.beginPath()
  g.arc(x, y, r * 0.6, Math.PI, 0, false)
  g.strokePath()
  g.lineBetween(x - r, y, x + r, y)
  g.lineBetween(x, y, x + r * 0.7, y - r * 0.7)
}

/** A padlock over a coin: assets frozen or seized. */
export function vault(g: G, x: number, y: number, u: number, colour: number): void {
  g.fillStyle(colour, 1)
  g.fillCircle(x, y + u * 0.25, u * 0.95)
  g.lineStyle(Math.max(1.5, u * 0.2), COLOURS.ink, 0.9)
  g.beginPath()
  g.arc(x, y - u * 0.1, u * 0.38, Math.PI, 0, false)
  g.strokePath()
  g.fillStyle(COLOURS.ink, 0.9)
  g.fillRoundedRect(x - u * 0.5, y - u * 0.1, u, u * 0.75, u * 0.12)
}

/** A ballot box with a paper going in. */
export function ballot(g: G, x: number, y: number, u: number, colour: number): void {
  g.fillStyle(COLOURS.white, 1)
  g.fillRect(x - u * 0.35, y - u * 1.05, u * 0.7, u * 0.7)
  g.fillStyle(colour, 1)
  g.fillRoundedRect(x - u * 0.8, y - u * 0.45, u * 1.6, u * 1.1, u * 0.12)
  g.lineStyle(Math.max(1.5, u * 0.12), COLOURS.ink, 0.85)
  g.strokeRoundedRect(x - u * 0.8, y - u * 0.45, u * 1.6, u * 1.1, u * 0.12)
  g.lineBetween(x - u * 0.45, y - u * 0.45, x + u * 0.45, y - u * 0.45)
}

/** A map pin, for instruments whose tags the stage has no picture for. */
export function pin(g: G, x: number, y: number, u: number, colour: number): void {
  g.fillStyle(COLOURS.ink, 0.4)
  g.fillCircle(x + 2, y - u * 0.95 + 2, u * 0.62)
  g.fillStyle(colour, 1)
  g.fillTriangle(x - u * 0.45, y - u * 0.8, x + u * 0.45, y - u * 0.8, x, y)
  g.fillCircle(x, y - u * 0.95, u * 0.62)
  g.fillStyle(COLOURS.ink, 0.8)
  g.fillCircle(x, y - u * 0.95, u * 0.24)
}

/** A round table with seats: talks. */
export function table(g: G, x: number, y: number, u: number, colour: number): void {
  g.fillStyle(colour, 1)
  g.fillCircle(x, y, u * 0.55)
  g.lineStyle(Math.max(1.5, u * 0.14), COLOURS.ink, 0.8)
  g.strokeCircle(x, y, u * 0.55)
  for (let i = 0; i < 5; i++) {
    const a = (i / 5) * Math.PI * 2 - Math.PI / 2
    g.fillStyle(COLOURS.white, 0.95)
    g.fillCircle(x + Math.cos(a) * u, y + Math.sin(a) * u, u * 0.22)
  }
}

/** A tick (endorsed) or a cross (objected) in a small disc; a hollow ring when the side has no stance. */
export function stanceBadge(
  g: G,
  x: number,
  y: number,
  r: number,
  stance: 'endorse' | 'object' | null,
): void {
  if (!stance) {
    g.fillStyle(COLOURS.ink, 0.7)
    g.fillCircle(x, y, r)
    g.lineStyle(Math.max(1.5, r * 0.2), COLOURS.muted, 0.9)
    g.strokeCircle(x, y, r * 0.8)
    return
  }
  g.fillStyle(stance === 'endorse' ? COLOURS.good : COLOURS.bad, 1)
  g.fillCircle(x, y, r)
  g.lineStyle(Math.max(1.5, r * 0.18), COLOURS.ink, 0.9)
  g.strokeCircle(x, y, r)
  g.lineStyle(Math.max(2, r * 0.3), COLOURS.white, 1)
  if (stance === 'endorse') {
    g.beginPath()
    g.moveTo(x - r * 0.45, y + r * 0.02)
    g.lineTo(x - r * 0.1, y + r * 0.38)
    g.lineTo(x + r * 0.5, y - r * 0.35)
    g.strokePath()
  } else {
    g.lineBetween(x - r * 0.38, y - r * 0.38, x + r * 0.38, y + r * 0.38)
    g.lineBetween(x - r * 0.38, y + r * 0.38, x + r * 0.38, y - r * 0.38)
  }
}
