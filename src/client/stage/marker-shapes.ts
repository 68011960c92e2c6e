import type * as Phaser from 'phaser'
import {
  along,
  arrowHead,
  ballot,
  COLOURS,
  curve,
  dashed,
  dome,
  flag,
  path,
  pin,
  shieldShape,
  sideColour,
  table,
  unitSymbol,
  vault,
} from './draw.ts'
import type { Projection } from './layout.ts'
import type { StageMarker } from './model.ts'
import type { MapData, Point } from './svg.ts'

/** 40 km in map units (the map's scale is 48 units to a degree of latitude, about 111 km). */
const BUFFER_WIDTH = (40 / 111) * 48
const TROOP_POSTS = ['kyiv', 'vinnytsia', 'lviv', 'odesa', 'dnipro']
const DOME_SITES = ['kyiv', 'dnipro', 'odesa', 'kharkiv', 'zaporizhzhia']

/** One instrument of the package on the map. */
export interface MarkerView {
  marker: StageMarker
  g: Phaser.GameObjects.Graphics
  /** Progress of moving parts (aid crates), 0 to 1. */
  phase: number
}

/** The kinds that grow out of the map (lines, zones) rather than drop onto it (icons). */
export const GROWING_KINDS: readonly string[] = [
  'buffer',
  'pact',
  'pledge',
  'aid',
  'bilateral',
  'union',
  'territory',
  'talks',
]

/**
 * Draws an instrument's marker in its side's colour: the 40-km buffer along the front line, troops and outposts
 * at Ukrainian cities, pacts and pledges as arcs from the side to Kyiv, air defence domes, aid convoys, the EU's
 * ring of stars, a vault for seized assets, ballots, talks between Moscow and Europe, or a plain pin.
 */
export function drawMarkerShape(
  view: MarkerView,
  at: Projection,
  map: MapData,
  sides: { order: readonly string[]; responder: string },
): void {
  const g = view.g
  g.clear()
  const { marker } = view
  const { u, s } = at.layout
  const colour = sideColour(marker.side, sides.order)
  const kyiv = at.anchor('kyiv') ?? at.centre()
  const lw = Math.max(2, u * 0.2)
  const site = (names: readonly string[], i: number): Point | null => {
    const pts = names.map((n) => at.anchor(n)).filter((p): p is Point => p !== null)
    return pts.length ? (pts[i % pts.length] as Point) : null
  }
  switch (marker.kind) {
    case 'buffer': {
      const pts = map.front.map((p) => at.toScreen(p))
      if (pts.length < 2) return
      g.lineStyle(Math.max(6, BUFFER_WIDTH * s), colour, 0.28)
      path(g, pts)
      g.strokePath()
      g.lineStyle(Math.max(1.5, u * 0.12), colour, 0.75)
      const steps = Math.max(8, Math.round(pts.length * 5))
      const half = Math.max(3, (BUFFER_WIDTH * s) / 2)
      for (let i = 0; i <= steps; i++) {
        const a = along(pts, i / steps)
        const b = along(pts, Math.min(1, i / steps + 0.004))
        const angle = Math.atan2(b.y - a.y, b.x - a.x) + Math.PI / 2 + 0.6
        g.lineBetween(
          a.x - Math.cos(angle) * half,
          a.y - Math.sin(angle) * half,
          a.x + Math.cos(angle) * half,
          a.y + Math.sin(angle) * half,
        )
      }
      g.lineStyle(Math.max(2, u * 0.16), COLOURS.white, 0.9)
      dashed(g, pts, u * 0.7, u * 0.45)
      return
    }
    case 'troops':
      for (let k = 0; k < 2; k++) {
        const p = site(TROOP_POSTS, marker.slot * 2 + k)
        if (p) unitSymbol(g, p.x - u * 1.1, p.y - u * 1.2, u, colour)
      }
      return
    case 'outpost': {
      const p = site(TROOP_POSTS, marker.slot + 2)
      if (p) flag(g, p.x + u * 0.5, p.y - u * 0.1, u, colour)
      return
    }
    case 'pact':
    case 'pledge': {
      const from = at.sideAnchor(marker.side)
      const pts = curve(from, kyiv, 0.22 + 0.08 * marker.slot)
      const mid = along(pts, 0.5)
      if (marker.kind === 'pact') {
        g.lineStyle(lw * 3.2, colour, 0.18)
        path(g, pts)
        g.strokePath()
        g.lineStyle(lw, colour, 0.95)
        path(g, pts)
        g.strokePath()
        g.fillStyle(colour, 1)
        arrowHead(g, pts, u * 0.9)
        g.fillStyle(COLOURS.ink, 0.9)
        path(g, shieldShape(mid.x, mid.y, u * 0.75), true)
        g.fillPath()
        g.fillStyle(colour, 1)
        path(g, shieldShape(mid.x, mid.y, u * 0.55), true)
        g.fillPath()
      } else {
        g.lineStyle(Math.max(1.5, lw * 0.6), colour, 0.8)
        dashed(g, pts, u * 0.25, u * 0.35)
        g.lineStyle(Math.max(1.5, lw * 0.6), colour, 0.95)
        path(g, shieldShape(mid.x, mid.y, u * 0.5), true)
        g.strokePath()
      }
      return
    }
    case 'air-defence':
      for (let k = 0; k < 2; k++) {
        const p = site(DOME_SITES, marker.slot * 2 + k)
        if (p) dome(g, p.x, p.y, u * 1.5, colour)
      }
      return
    case 'aid': {
      const to = at.centre()
      const from = at.sideAnchor(marker.side)
      const pts = curve(from, to, -0.16 - 0.06 * marker.slot)
      g.lineStyle(Math.max(1.5, lw * 0.8), colour, 0.65)
      dashed(g, pts, u * 0.5, u * 0.3)
      for (let k = 0; k < 3; k++) {
        const p = along(pts, (view.phase + k / 3) % 1)
        g.fillStyle(COLOURS.ink, 0.8)
        g.fillRoundedRect(p.x - u * 0.42, p.y - u * 0.42, u * 0.84, u * 0.84, u * 0.12)
        g.fillStyle(colour, 1)
        g.fillRoundedRect(p.x - u * 0.32, p.y - u * 0.32, u * 0.64, u * 0.64, u * 0.1)
      }
      g.fillStyle(colour, 1)
      arrowHead(g, pts, u * 0.7)
      return
    }
    case 'bilateral': {
      const from = at.sideAnchor(marker.side)
      const pts = curve(from, kyiv, 0.36 + 0.08 * marker.slot)
      g.lineStyle(Math.max(1.5, lw * 0.7), colour, 0.85)
      dashed(g, pts, u * 0.9, u * 0.4)
      const end = along(pts, 0.82)
      g.lineStyle(Math.max(1.5, lw * 0.7), colour, 1)
      g.strokeCircle(end.x - u * 0.25, end.y, u * 0.42)
      g.strokeCircle(end.x + u * 0.25, end.y, u * 0.42)
      return
    }
    case 'union': {
      const from = at.sideAnchor(marker.side === sides.responder ? 'europe' : marker.side)
      const pts = curve(from, kyiv, -0.3 - 0.08 * marker.slot)
      g.lineStyle(Math.max(1.5, lw * 0.8), COLOURS.gold, 0.7)
      path(g, pts)
      g.strokePath()
      const r = u * 2.4
      for (let k = 0; k < 10; k++) {
        const a = (k / 10) * Math.PI * 2
        g.fillStyle(COLOURS.gold, 0.95)
        g.fillCircle(kyiv.x + Math.cos(a) * r, kyiv.y + Math.sin(a) * r, Math.max(1.8, u * 0.17))
      }
      return
    }
    case 'seizure': {
      const bank = at.sideAnchor('brussels')
      const from = at.anchor('moscow') ?? at.anchor(sides.responder) ?? at.centre()
      const pts = curve(from, bank, 0.18)
      g.lineStyle(Math.max(1.5, lw * 0.6), COLOURS.gold, 0.55)
      dashed(g, pts, u * 0.3, u * 0.3)
      vault(g, bank.x, bank.y, u, colour)
      return
    }
    case 'ballot': {
      ballot(g, kyiv.x - u * 2.4, kyiv.y + u * 1.6 + marker.slot * u * 2.2, u, colour)
      return
    }
    case 'territory': {
      const off = u * 1.3
      const pts = map.front.map((p) => {
        const q = at.toScreen(p)
        return { x: q.x + off, y: q.y - off * 0.3 }
      })
      g.lineStyle(Math.max(2, lw), colour, 0.9)
      dashed(g, pts, u * 0.35, u * 0.35)
      for (let k = 1; k < 4; k++) {
        const p = along(pts, k / 4)
        g.lineBetween(p.x - u * 0.35, p.y - u * 0.35, p.x + u * 0.35, p.y + u * 0.35)
        g.lineBetween(p.x - u * 0.35, p.y + u * 0.35, p.x + u * 0.35, p.y - u * 0.35)
      }
      return
    }
    case 'talks': {
      const a = at.anchor('moscow') ?? at.anchor(sides.responder) ?? at.centre()
      const b = at.sideAnchor('europe')
      const pts = curve(a, b, -0.2)
      g.lineStyle(Math.max(1.5, lw * 0.6), colour, 0.75)
      dashed(g, pts, u * 0.15, u * 0.35)
      const mid = along(pts, 0.5)
      table(g, mid.x, mid.y, u, colour)
      return
    }
    case 'pin': {
      const c = at.centre()
      const angle = marker.slot * 1.15 - 0.6
      pin(g, c.x + Math.cos(angle) * u * 2.6, c.y + Math.sin(angle) * u * 2.2, u, colour)
      return
    }
  }
}
