import type { MapData, Point } from './svg.ts'

/**
 * Where everything goes on the stage for a canvas of a given size: the map's scale and offset, the gauge panel,
 * the emblem size and the marker unit. Pure arithmetic, so every size the classroom throws at it (a laptop, a
 * projector, a wide strip above the table, a tablet) can be reasoned about without Phaser.
 */

/** The pixel height emblems are rasterized at (twice the largest they are shown at). */
export const EMBLEM_HEIGHT = 160
export const EMBLEM_RATIO = 120 / 140

export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

export interface Layout {
  w: number
  h: number
  pad: number
  /** Map units to pixels, and the pixel position of the map's origin. */
  s: number
  ox: number
  oy: number
  mapArea: Rect
  panel: Rect
  /** Emblem height in pixels. */
  emblem: number
  /** The size unit of markers, in pixels. */
  u: number
  gauges: Array<{ x: number; y: number; r: number }>
}

/** `value` kept between `low` and `high`; when the range is empty (`low` > `high`) it prefers `high`. */
const clampTo = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value))

/**
 * The layout of a `w` × `h` canvas with `gaugeCount` meter gauges in a panel on the right, and `map` (when the
 * stage draws one) scaled into the rest; without a map, map units are pixels.
 */
export function computeLayout(w: number, h: number, map: MapData | null, gaugeCount: number): Layout {
  const pad = Math.round(Math.max(8, Math.min(w, h) * 0.02))
  const n = gaugeCount
  const panelW = n ? Math.round(Math.min(300, Math.max(130, w * 0.19))) : 0
  const panel = { x: w - panelW, y: pad, w: panelW - pad, h: h - 2 * pad }
  const mapArea = { x: 0, y: 0, w: w - panelW, h }
  const emblem = Math.round(Math.min(96, Math.max(34, Math.min(w, h) * 0.09)))
  const top = emblem + pad * 2
  let s = 1
  let ox = 0
  let oy = 0
  if (map) {
    const f = map.focus
    const fit = Math.min((mapArea.w - 2 * pad) / f.width, (mapArea.h - top - pad) / f.height)
    // In a wide, short strip the focus fits by height and would leave bare bands either side: zoom until the
    // map covers the whole canvas, then keep the focus centred as far as the map's edges allow.
    const cover = Math.max(w / map.width, h / map.height)
    s = Math.max(0.05, fit, cover)
    // Zoomed past the fit, the focus no longer shows whole: keep the protected land in the middle of the height.
    const middle = s > fit ? (map.anchors.get(map.protect)?.y ?? f.y + f.height / 2) : f.y + f.height / 2
    ox = clampTo(mapArea.x + (mapArea.w - f.width * s) / 2 - f.x * s, w - map.width * s, 0)
    oy = clampTo(top + (mapArea.h - top - pad) / 2 - middle * s, h - map.height * s, 0)
  }
  const gauges: Layout['gauges'] = []
  if (n) {
    const inner = { x: panel.x + pad, w: panel.w - 2 * pad, h: panel.h - 2 * pad }
    const cap = Math.min(100, Math.max(48, h * 0.085))
    let best = { cols: 1, r: 0 }
    for (const cols of [1, 2]) {
      const rows = Math.ceil(n / cols)
      const r = Math.min(inner.w / cols / 2.4, inner.h / rows / 2.5, cap)
      if (r > best.r + 0.5) best = { cols, r }
    }
    const rows = Math.ceil(n / best.cols)
    const cellW = inner.w / best.cols
    const cellH = best.r * 2.5
    // The panel shrinks to its gauges and sits in the middle of the height.
    panel.h = Math.min(h - 2 * pad, cellH * rows + 2 * pad)
    panel.y = Math.max(pad, (h - panel.h) / 2)
    const y0 = panel.y + pad
    for (let i = 0; i < n; i++) {
      const c = i % best.cols
      const r = Math.floor(i / best.cols)
      gauges.push({ x: inner.x + cellW * (c + 0.5), y: y0 + cellH * (r + 0.53), r: best.r })
    }
  }
  const u = map
    ? Math.min(22, Math.max(10, s * 17))
    : Math.min(22, Math.max(9, Math.min(mapArea.w, h) * 0.045))
  return { w, h, pad, s, ox, oy, mapArea, panel, emblem, u, gauges }
}

/** Map coordinates to canvas pixels under a layout, and the named places markers hang on. */
export class Projection {
  constructor(
    readonly layout: Layout,
    private readonly map: MapData,
  ) {}

  toScreen(p: Point): Point {
    const { s, ox, oy } = this.layout
    return { x: ox + p.x * s, y: oy + p.y * s }
  }

  /** A named anchor of the map (`kyiv`, `europe`, `moscow`…) on the canvas, or null when the map lacks it. */
  anchor(name: string): Point | null {
    const p = this.map.anchors.get(name)
    return p ? this.toScreen(p) : null
  }

  /** Where a side's arcs start: its anchor on the map, kept inside the visible map. */
  sideAnchor(side: string): Point {
    const { mapArea, u, emblem } = this.layout
    const p = this.anchor(side) ?? this.anchor('west') ?? { x: mapArea.x + u * 2, y: mapArea.h / 2 }
    const m = u * 2.2
    return {
      x: Math.min(mapArea.x + mapArea.w - m, Math.max(mapArea.x + m, p.x)),
      y: Math.min(mapArea.y + mapArea.h - m, Math.max(mapArea.y + emblem + m * 1.6, p.y)),
    }
  }

  /** The centre of the land the guarantees protect, where they converge. */
  centre(): Point {
    const { mapArea } = this.layout
    return this.anchor(this.map.protect) ?? { x: mapArea.x + mapArea.w / 2, y: mapArea.y + mapArea.h / 2 }
  }
}
