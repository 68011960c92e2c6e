import type * as Phaser from 'phaser'
import type { ResponseKind } from '../../core/scenario/schema/conditions.ts'
import { type BackdropContext, type BackdropLayer, topRowEmblems } from './backdrop.ts'
import { COLOURS, sideColour } from './draw.ts'
import type { Layout, Rect } from './layout.ts'
import type { MarkerView } from './marker-shapes.ts'
import { addCanvasTexture } from './textures.ts'
import { drawToken, tokenSpots } from './tokens.ts'

/**
 * The scenario's own picture as the stage's backdrop (a data: address the loader has checked; the page gives
 * its alt text to the frame and shows its credit): the picture scaled to fit below the sides' emblems, framed in
 * the colour of the responder's answer while it is news, and the package as a tray of tokens along its foot.
 */

/** The size a picture with no size of its own (an SVG with a viewBox only) is drawn as. */
const FALLBACK = { width: 1200, height: 800 }

/** The largest `width` × `height` rectangle that fits in `box`, centred in it. */
export function fitInside(box: Rect, width: number, height: number): Rect {
  const k = Math.min(box.w / width, box.h / height)
  const w = Math.max(1, width * k)
  const h = Math.max(1, height * k)
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h }
}

export class ImageBackdrop implements BackdropLayer {
  private layout!: Layout
  private picture!: Rect
  private tray!: Rect
  private image: Phaser.GameObjects.Image | null = null
  private imageKey: string | null = null
  private run = 0
  private readonly frame: Phaser.GameObjects.Graphics
  private readonly trayLayer: Phaser.GameObjects.Graphics
  private readonly shield: Phaser.GameObjects.Graphics

  constructor(
    private readonly context: BackdropContext,
    private readonly source: HTMLImageElement,
  ) {
    const { scene } = context
    this.trayLayer = scene.add.graphics().setDepth(1)
    this.frame = scene.add.graphics().setDepth(2)
    this.shield = scene.add.graphics().setDepth(3)
  }

  relayout(layout: Layout): void {
    this.layout = layout
    const { mapArea, pad, emblem } = layout
    const top = emblem + pad * 2
    const box = { x: mapArea.x + pad, y: top, w: mapArea.w - 2 * pad, h: Math.max(1, mapArea.h - top - pad) }
    const width = this.source.naturalWidth || FALLBACK.width
    const height = this.source.naturalHeight || FALLBACK.height
    this.picture = fitInside(box, width, height)
    const p = this.picture
    const th = Math.min(p.h * 0.3, layout.u * 2.8)
    this.tray = { x: p.x + p.w * 0.08, y: p.y + p.h - th - pad * 0.5, w: p.w * 0.84, h: th }
    this.drawPicture()
    this.drawTray()
  }

  emblemSpots(): Map<string, Rect> {
    return topRowEmblems(this.layout, this.context.sides)
  }

  /** A frame round the picture in the colour of the answer. */
  tint(verdict: ResponseKind | null, strength: number): void {
    const g = this.frame
    g.clear()
    if (!verdict || strength <= 0) return
    const p = this.picture
    g.lineStyle(4, COLOURS[verdict], 0.9 * strength)
    g.strokeRect(p.x - 2, p.y - 2, p.w + 4, p.h + 4)
  }

  deterrence(shown: number): void {
    const g = this.shield
    g.clear()
    if (shown <= 0.01) return
    const t = this.tray
    g.lineStyle(6, COLOURS.aura, Math.min(1, shown) * 0.25)
    g.strokeRoundedRect(t.x - 3, t.y - 3, t.w + 6, t.h + 6, t.h / 2 + 3)
    g.lineStyle(2, COLOURS.aura, Math.min(1, shown * 1.15))
    g.strokeRoundedRect(t.x, t.y, t.w, t.h, t.h / 2)
  }

  drawMarker(view: MarkerView, place: number, count: number): void {
    const g = view.g
    g.clear()
    const t = this.tray
    const box = { x: t.x + t.h * 0.3, y: t.y, w: t.w - t.h * 0.6, h: t.h }
    const { spots, r } = tokenSpots(box, count, this.layout.u * 1.1)
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

  destroy(): void {
    this.run += 1
  }

  /**
   * The picture drawn at the size it is shown, so that an SVG stays sharp and a photo is resampled once; the
   * bands it leaves are filled with the same picture, blurred and dimmed, rather than left bare.
   */
  private drawPicture(): void {
    const { scene } = this.context
    const { mapArea } = this.layout
    const p = this.picture
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(mapArea.w))
    canvas.height = Math.max(1, Math.round(mapArea.h))
    const context = canvas.getContext('2d')
    if (!context) return
    const width = this.source.naturalWidth || FALLBACK.width
    const height = this.source.naturalHeight || FALLBACK.height
    const k = Math.max(canvas.width / width, canvas.height / height)
    context.filter = 'blur(14px)'
    context.globalAlpha = 0.45
    context.drawImage(
      this.source,
      (canvas.width - width * k) / 2,
      (canvas.height - height * k) / 2,
      width * k,
      height * k,
    )
    context.filter = 'none'
    context.globalAlpha = 1
    context.fillStyle = 'rgba(11, 22, 34, 0.55)'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(this.source, p.x - mapArea.x, p.y - mapArea.y, p.w, p.h)
    const key = `picture-${++this.run}`
    addCanvasTexture(scene.textures, key, canvas)
    if (!this.image) this.image = scene.add.image(0, 0, key).setOrigin(0, 0).setDepth(0)
    else this.image.setTexture(key)
    this.image.setPosition(mapArea.x, mapArea.y).setDisplaySize(canvas.width, canvas.height)
    if (this.imageKey) scene.textures.remove(this.imageKey)
    this.imageKey = key
  }

  private drawTray(): void {
    const g = this.trayLayer
    g.clear()
    const t = this.tray
    g.fillStyle(COLOURS.ink, 0.55)
    g.fillRoundedRect(t.x, t.y, t.w, t.h, t.h / 2)
    g.lineStyle(1.5, COLOURS.panelEdge, 0.9)
    g.strokeRoundedRect(t.x, t.y, t.w, t.h, t.h / 2)
  }
}
