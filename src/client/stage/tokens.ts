import type * as Phaser from 'phaser'
import { ballot, COLOURS, dome, flag, path, pin, shieldShape, table, unitSymbol, vault } from './draw.ts'
import type { Rect } from './layout.ts'
import type { MarkerKind } from './model.ts'
import type { Point } from './svg.ts'

/**
 * The package's instruments as tokens, for the backdrops that have no geography (the table, a scenario's own
 * picture): a dark disc ringed in the backing side's colour, with its kind's glyph in that colour. The same
 * kinds as the map's markers (`marker-shapes.ts`), so a teacher sees the same instrument the same way.
 */

type G = Phaser.GameObjects.Graphics

/** Draws a token of radius `r` centred on (x, y). */
export function drawToken(g: G, kind: MarkerKind, x: number, y: number, r: number, colour: number): void {
  g.fillStyle(COLOURS.ink, 0.45)
  g.fillCircle(x + r * 0.08, y + r * 0.14, r * 1.04)
  g.fillStyle(COLOURS.ink, 1)
  g.fillCircle(x, y, r)
  g.lineStyle(Math.max(2, r * 0.14), colour, 1)
  g.strokeCircle(x, y, r * 0.93)
  glyph(g, kind, x, y, r * 0.55, colour)
}

function glyph(g: G, kind: MarkerKind, x: number, y: number, u: number, colour: number): void {
  const line = Math.max(1.5, u * 0.16)
  switch (kind) {
    case 'troops':
      unitSymbol(g, x, y, u * 0.95, colour)
      return
    case 'air-defence':
      dome(g, x, y + u * 0.45, u * 1.1, colour)
      return
    case 'seizure':
      vault(g, x, y - u * 0.1, u * 0.9, colour)
      return
    case 'ballot':
      ballot(g, x, y + u * 0.1, u * 0.95, colour)
      return
    case 'talks':
      table(g, x, y, u * 0.85, colour)
      return
    case 'outpost':
      flag(g, x - u * 0.35, y + u * 0.8, u, colour)
      return
    case 'pin':
      pin(g, x, y + u * 0.75, u * 1.1, colour)
      return
    case 'pact':
    case 'pledge':
      g.fillStyle(colour, 1)
      g.lineStyle(line, colour, 1)
      path(g, shieldShape(x, y, u * 0.85), true)
      if (kind === 'pact') g.fillPath()
      else g.strokePath()
      return
    case 'aid':
      g.fillStyle(colour, 1)
      g.fillRoundedRect(x - u * 0.75, y - u * 0.75, u * 1.5, u * 1.5, u * 0.2)
      g.lineStyle(line, COLOURS.ink, 0.9)
      g.lineBetween(x - u * 0.75, y, x + u * 0.75, y)
      g.lineBetween(x, y - u * 0.75, x, y + u * 0.75)
      return
    case 'bilateral':
      g.lineStyle(line, colour, 1)
      g.strokeCircle(x - u * 0.38, y, u * 0.6)
      g.strokeCircle(x + u * 0.38, y, u * 0.6)
      return
    case 'union':
      g.fillStyle(colour, 1)
      for (let k = 0; k < 10; k++) {
        const a = (k / 10) * Math.PI * 2
        g.fillCircle(x + Math.cos(a) * u * 0.85, y + Math.sin(a) * u * 0.85, Math.max(1.5, u * 0.16))
      }
      return
    case 'buffer':
      g.lineStyle(line, colour, 1)
      g.lineBetween(x - u, y - u * 0.45, x + u, y - u * 0.45)
      g.lineBetween(x - u, y + u * 0.45, x + u, y + u * 0.45)
      for (let k = -2; k <= 2; k++)
        g.lineBetween(x + k * u * 0.4 - u * 0.2, y + u * 0.4, x + k * u * 0.4 + u * 0.2, y - u * 0.4)
      return
    case 'territory':
      g.lineStyle(line, colour, 1)
      g.lineBetween(x - u, y + u * 0.6, x + u, y - u * 0.6)
      g.lineBetween(x - u * 0.4, y - u * 0.4, x + u * 0.4, y + u * 0.4)
      g.lineBetween(x - u * 0.4, y + u * 0.4, x + u * 0.4, y - u * 0.4)
      return
  }
}

/**
 * Where `count` tokens go in `box`: rows centred in the box, as large as fit (at most `largest` in radius).
 * The same count always gives the same spots, so a token moves only when the package changes size.
 */
export function tokenSpots(box: Rect, count: number, largest: number): { spots: Point[]; r: number } {
  if (count <= 0) return { spots: [], r: largest }
  let best = { cols: count, rows: 1, r: 0 }
  for (let rows = 1; rows <= count; rows++) {
    const cols = Math.ceil(count / rows)
    const r = Math.min(largest, box.w / cols / 2.5, box.h / rows / 2.5)
    if (r > best.r + 0.01) best = { cols, rows, r }
  }
  const { cols, rows, r } = best
  const stepX = r * 2.5
  const stepY = r * 2.5
  const spots: Point[] = []
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / cols)
    const inRow = row === rows - 1 ? count - row * cols : cols
    const col = i - row * cols
    spots.push({
      x: box.x + box.w / 2 + (col - (inRow - 1) / 2) * stepX,
      y: box.y + box.h / 2 + (row - (rows - 1) / 2) * stepY,
    })
  }
  return { spots, r }
}
