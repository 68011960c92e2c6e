import type * as Phaser from 'phaser'
import type { ResponseKind } from '../../core/scenario/schema/conditions.ts'
import type { BackdropContext, BackdropLayer, StageSides } from './backdrop.ts'
import { COLOURS, mix, path, sideColour } from './draw.ts'
import { EMBLEM_RATIO, type Layout, type Rect } from './layout.ts'
import type { MarkerView } from './marker-shapes.ts'
import type { Point } from './svg.ts'
import { drawToken, tokenSpots } from './tokens.ts'

/**
 * The neutral negotiating table, seen from above, for a scenario on any topic: a seat per side around an oval
 * table (the proposers round one end, the responder at the head of the other), the package as a sheet in the
 * middle with a token per instrument, and the responder's seat in the colour of its answer. Nothing in it
 * belongs to any country: the sides are told apart by colour and by the mark on their plain shields.
 */

const FLOOR = 0x0f1f33
const WOOD = 0x4a3a2c
const WOOD_EDGE = 0x2a2019
const INLAY = 0x6e5842
const CHAIR = 0x1c2a3a
const PAPER = 0xebe6da

/** The table's shape and where each side sits, for an area of the canvas. */
export interface TableGeometry {
  centre: Point
  /** Half-axes of the table top. */
  rx: number
  ry: number
  /** The height of the emblems at the seats. */
  seat: number
  /** The centre of each side's seat, where its emblem is drawn. */
  seats: Map<string, Point>
  /** The sheet in the middle that holds the package. */
  sheet: Rect
}

/**
 * Lays the table out in `area`: an oval at most a little over twice as wide as it is deep (a table, not a racetrack,
 * in a wide strip), the seats round it with room for their emblems and the stance badges under them.
 */
export function tableGeometry(area: Rect, pad: number, sides: StageSides): TableGeometry {
  const seat = Math.round(Math.min(80, Math.max(30, area.h * 0.18)))
  const sw = seat * EMBLEM_RATIO
  const centre = { x: area.x + area.w / 2, y: area.y + area.h / 2 }
  // Seats on an oval round the table, half an emblem out from its edge, with room for a chair behind each.
  const sry = Math.max(seat * 0.5, area.h / 2 - pad - seat * 0.8)
  const ry = Math.max(seat * 0.4, sry - seat * 0.45)
  const rx = Math.max(sw, Math.min(ry * 2.2, area.w / 2 - pad - sw * 1.1))
  const srx = rx + sw * 0.6
  const seats = new Map<string, Point>()
  const n = sides.proposers.length
  // The proposers round the left end, from the top; the responder faces them at the head of the right end.
  const span = n > 1 ? Math.min(Math.PI * 0.8, Math.PI * 0.4 * (n - 1)) : 0
  sides.proposers.forEach((side, i) => {
    const a = Math.PI + span / 2 - (n > 1 ? (i * span) / (n - 1) : 0)
    seats.set(side, { x: centre.x + Math.cos(a) * srx, y: centre.y + Math.sin(a) * sry })
  })
  seats.set(sides.responder, { x: centre.x + srx, y: centre.y })
  const sheet = { x: centre.x - rx * 0.5, y: centre.y - ry * 0.58, w: rx * 1.0, h: ry * 1.16 }
  return { centre, rx, ry, seat, seats, sheet }
}

/** Where a seat's chair is: a little behind its emblem, away from the table. */
function chairOf(geometry: TableGeometry, seat: Point): Point {
  const { centre, seat: emblem } = geometry
  const away = { x: seat.x - centre.x, y: seat.y - centre.y }
  const d = Math.hypot(away.x, away.y) || 1
  return { x: seat.x + (away.x / d) * emblem * 0.16, y: seat.y + (away.y / d) * emblem * 0.16 }
}

export class TableBackdrop implements BackdropLayer {
  private geometry!: TableGeometry
  private layout!: Layout
  private readonly room: Phaser.GameObjects.Graphics
  private readonly seatTint: Phaser.GameObjects.Graphics
  private readonly shield: Phaser.GameObjects.Graphics

  constructor(private readonly context: BackdropContext) {
    const { scene } = context
    this.room = scene.add.graphics().setDepth(0)
    this.seatTint = scene.add.graphics().setDepth(2)
    this.shield = scene.add.graphics().setDepth(3)
  }

  relayout(layout: Layout): void {
    this.layout = layout
    this.geometry = tableGeometry(layout.mapArea, layout.pad, this.context.sides)
    this.drawRoom()
  }

  emblemSpots(): Map<string, Rect> {
    const h = this.geometry.seat
    const w = Math.round(h * EMBLEM_RATIO)
    const spots = new Map<string, Rect>()
    for (const [side, seat] of this.geometry.seats)
      spots.set(side, { x: seat.x - w / 2, y: seat.y - h / 2, w, h })
    return spots
  }

  /** The responder's chair and its edge of the table, in the colour of its answer. */
  tint(verdict: ResponseKind | null, strength: number): void {
    const g = this.seatTint
    g.clear()
    const seat = this.geometry.seats.get(this.context.sides.responder)
    if (!verdict || strength <= 0 || !seat) return
    const colour = COLOURS[verdict]
    const { centre, rx, ry, seat: emblem } = this.geometry
    // The responder's end of the table, lit along its edge.
    const edge: Point[] = []
    for (let i = 0; i <= 24; i++) {
      const a = -0.32 * Math.PI + (i / 24) * 0.64 * Math.PI
      edge.push({ x: centre.x + Math.cos(a) * (rx - 3), y: centre.y + Math.sin(a) * (ry - 3) })
    }
    g.lineStyle(Math.max(4, emblem * 0.12), colour, 0.75 * strength)
    path(g, edge)
    g.strokePath()
    // Its chair, in the colour of the answer.
    const back = chairOf(this.geometry, seat)
    g.fillStyle(colour, 0.45 * strength)
    g.fillCircle(back.x, back.y, emblem * 0.6)
    g.lineStyle(3, colour, 0.95 * strength)
    g.strokeCircle(back.x, back.y, emblem * 0.6)
  }

  /** A glow round the sheet, as strong as the package deters. */
  deterrence(shown: number): void {
    const g = this.shield
    g.clear()
    if (shown <= 0.01) return
    const { sheet } = this.geometry
    for (let i = 3; i >= 1; i--) {
      const m = i * 4
      g.lineStyle(m, COLOURS.aura, Math.min(1, shown) * 0.16)
      g.strokeRoundedRect(sheet.x - m / 2, sheet.y - m / 2, sheet.w + m, sheet.h + m, 8 + m / 2)
    }
    g.lineStyle(2, COLOURS.aura, Math.min(1, shown * 1.15))
    g.strokeRoundedRect(sheet.x, sheet.y, sheet.w, sheet.h, 8)
  }

  drawMarker(view: MarkerView, place: number, count: number): void {
    const g = view.g
    g.clear()
    const { sheet } = this.geometry
    const inset = Math.min(sheet.w, sheet.h) * 0.08
    const box = { x: sheet.x + inset, y: sheet.y + inset, w: sheet.w - 2 * inset, h: sheet.h - 2 * inset }
    const { spots, r } = tokenSpots(box, count, Math.min(sheet.h * 0.3, this.layout.u * 1.6))
    const spot = spots[place]
    if (spot)
      drawToken(
        g,
        view.marker.kind,
        spot.x,
        spot.y,
        r,
        sideColour(view.marker.side, this.context.sides.order),
      )
  }

  busy(): boolean {
    return false
  }

  destroy(): void {}

  /** The floor, the chairs, the table and the empty sheet: all that only the size moves. */
  private drawRoom(): void {
    const g = this.room
    g.clear()
    const { w, h } = this.layout
    const { centre, rx, ry, seats, sheet, seat: emblem } = this.geometry
    g.fillStyle(FLOOR, 1)
    g.fillRect(0, 0, w, h)
    // A pool of light over the table, in steps (the canvas renderer has no gradients).
    for (let i = 5; i >= 1; i--) {
      g.fillStyle(0x1d3350, 0.16)
      g.fillEllipse(
        centre.x,
        centre.y,
        (rx + emblem) * (1 + i * 0.12) * 2,
        (ry + emblem) * (1 + i * 0.12) * 2,
      )
    }
    for (const [side, seat] of seats) {
      const back = chairOf(this.geometry, seat)
      g.fillStyle(CHAIR, 1)
      g.fillCircle(back.x, back.y, emblem * 0.6)
      g.lineStyle(2, mix(CHAIR, sideColour(side, this.context.sides.order), 0.5), 1)
      g.strokeCircle(back.x, back.y, emblem * 0.6)
    }
    g.fillStyle(0x000000, 0.35)
    g.fillEllipse(centre.x + 4, centre.y + 7, rx * 2, ry * 2)
    g.fillStyle(WOOD_EDGE, 1)
    g.fillEllipse(centre.x, centre.y, rx * 2, ry * 2)
    g.fillStyle(WOOD, 1)
    g.fillEllipse(centre.x, centre.y, rx * 2 - 8, ry * 2 - 8)
    g.lineStyle(1.5, INLAY, 0.9)
    g.strokeEllipse(centre.x, centre.y, rx * 1.8, ry * 1.8)
    g.fillStyle(0x000000, 0.3)
    g.fillRoundedRect(sheet.x + 3, sheet.y + 4, sheet.w, sheet.h, 6)
    g.fillStyle(PAPER, 0.96)
    g.fillRoundedRect(sheet.x, sheet.y, sheet.w, sheet.h, 6)
    g.lineStyle(1, 0xb9b2a2, 1)
    const lines = Math.max(2, Math.floor(sheet.h / 14))
    for (let i = 1; i < lines; i++) {
      const y = sheet.y + (sheet.h * i) / lines
      g.lineBetween(sheet.x + sheet.w * 0.12, y, sheet.x + sheet.w * 0.88, y)
    }
  }
}
