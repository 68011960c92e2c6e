import type * as Phaser from 'phaser'
import type { ResponseKind } from '../../core/scenario/schema/conditions.ts'
import { type BackdropContext, type BackdropLayer, topRowEmblems } from './backdrop.ts'
import { COLOURS, path } from './draw.ts'
import { type Layout, Projection, type Rect } from './layout.ts'
import { drawMarkerShape, type MarkerView } from './marker-shapes.ts'
import { type Crop, cropSvg, glow, type MapData, rasterize } from './svg.ts'
import { addCanvasTexture } from './textures.ts'

/**
 * A shipped map as the stage's backdrop: the map rasterized for the visible region only, the answering side's
 * land tinted by its verdict, the deterrence "shield" glowing along the border of the land the guarantees
 * protect, and each instrument of the package as a marker on the map (`marker-shapes.ts`). Which land is which
 * is the map's own description (`MapSpec` in `assets.ts`), never a side of the game.
 */
export class MapBackdrop implements BackdropLayer {
  private layout!: Layout
  private at!: Projection
  private image: Phaser.GameObjects.Image | null = null
  private imageKey: string | null = null
  private rasterRun = 0
  private rasterTimer: ReturnType<typeof setTimeout> | null = null
  private rasterPending = false
  private readonly region: Phaser.GameObjects.Graphics
  private aura: Phaser.GameObjects.Image | null = null
  private auraKey: string | null = null
  private auraRun = 0
  private dead = false

  constructor(
    private readonly context: BackdropContext,
    private readonly map: MapData,
  ) {
    this.region = context.scene.add.graphics().setDepth(2)
  }

  relayout(layout: Layout): void {
    this.layout = layout
    this.at = new Projection(layout, this.map)
    this.scheduleRaster()
    this.buildAura()
  }

  emblemSpots(): Map<string, Rect> {
    return topRowEmblems(this.layout, this.context.sides)
  }

  busy(): boolean {
    return this.rasterPending
  }

  /** The answering side's land (the region with its id, or the map's answering region), in its verdict's colour. */
  tint(verdict: ResponseKind | null, strength: number): void {
    const g = this.region
    g.clear()
    if (!verdict || strength <= 0) return
    const { regions } = this.map
    const colour = COLOURS[verdict]
    const accept = verdict === 'accept'
    for (const polygon of regions.get(this.context.sides.responder) ?? regions.get(this.map.answers) ?? []) {
      const pts = polygon.map((p) => this.at.toScreen(p))
      g.fillStyle(colour, (accept ? 0.07 : 0.16) * strength)
      path(g, pts, true)
      g.fillPath()
      g.lineStyle(2.5, colour, 0.75 * strength)
      path(g, pts, true)
      g.strokePath()
    }
  }

  deterrence(shown: number): void {
    if (!this.aura) return
    this.aura.setAlpha(Math.min(1, Math.max(0, shown * 1.15)))
    this.aura.setVisible(shown > 0.01)
  }

  drawMarker(view: MarkerView): void {
    const { order, responder } = this.context.sides
    drawMarkerShape(view, this.at, this.map, { order, responder })
  }

  destroy(): void {
    this.dead = true
    if (this.rasterTimer) clearTimeout(this.rasterTimer)
    this.rasterTimer = null
    this.rasterRun += 1
    this.auraRun += 1
  }

  // ----- the map, rasterized for the visible region only -----

  private scheduleRaster(): void {
    this.rasterPending = true
    if (this.rasterTimer) clearTimeout(this.rasterTimer)
    this.rasterTimer = setTimeout(() => void this.raster(), this.image ? 150 : 0)
  }

  private async raster(): Promise<void> {
    this.rasterTimer = null
    const run = ++this.rasterRun
    const { w, h, s, ox, oy } = this.layout
    const crop: Crop = { x: -ox / s, y: -oy / s, width: w / s, height: h / s, pixelWidth: w, pixelHeight: h }
    const { scene } = this.context
    try {
      const canvas = await rasterize(cropSvg(this.map.base, crop), w, h, { vignette: true })
      if (run !== this.rasterRun || this.dead || !scene.sys.isActive()) return
      const key = `map-${run}`
      addCanvasTexture(scene.textures, key, canvas)
      if (!this.image) this.image = scene.add.image(0, 0, key).setOrigin(0, 0).setDepth(0)
      else this.image.setTexture(key)
      this.image.setDisplaySize(w, h).setPosition(0, 0)
      if (this.imageKey) scene.textures.remove(this.imageKey)
      this.imageKey = key
    } catch (error) {
      console.warn('Red Lines stage: the map could not be drawn', error)
    } finally {
      if (run === this.rasterRun) this.rasterPending = false
      this.context.kick()
    }
  }

  /** The shield around the protected land: a glow along its border, drawn once per size. */
  private buildAura(): void {
    const { s } = this.layout
    const polygons = (this.map.regions.get(this.map.protect) ?? []).map((polygon) =>
      polygon.map((p) => this.at.toScreen(p)),
    )
    const k = Math.max(0.6, Math.min(2, s * 1.6))
    const { canvas, x, y } = glow(polygons, {
      colour: 'rgba(124, 196, 255, 0.95)',
      edge: 'rgba(226, 244, 255, 0.95)',
      blur: 18 * k,
      width: 5 * k,
      fill: 'rgba(124, 196, 255, 0.14)',
    })
    const { scene } = this.context
    const key = `aura-${++this.auraRun}`
    addCanvasTexture(scene.textures, key, canvas)
    if (!this.aura) this.aura = scene.add.image(x, y, key).setOrigin(0, 0).setDepth(3)
    else this.aura.setTexture(key).setPosition(x, y)
    this.aura.setDisplaySize(canvas.width, canvas.height)
    if (this.auraKey) scene.textures.remove(this.auraKey)
    this.auraKey = key
  }
}
