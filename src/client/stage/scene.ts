import type * as Phaser from 'phaser'
import type { BackdropContext, BackdropLayer } from './backdrop.ts'
import { COLOURS, ENDING_COLOURS, meterIcon, sideColour, stanceBadge } from './draw.ts'
import { drawGauge, type GaugeView } from './gauge.ts'
import { computeLayout, type Layout } from './layout.ts'
import { GROWING_KINDS, type MarkerView } from './marker-shapes.ts'
import type { StageMarker, StageModel } from './model.ts'
import type { MapData } from './svg.ts'
import { addCanvasTexture } from './textures.ts'

/**
 * The one scene of the stage. It draws its backdrop (a shipped map, the neutral table or the scenario's own
 * picture, see `backdrop.ts`), the sides' emblems, a marker per instrument in the package, how strongly the
 * package deters, a gauge per meter and the responder's verdict, and animates changes. It draws the models the
 * page posts (see `protocol.ts`) and sends nothing back; all text stays in the page, so the canvas holds none.
 */

type PhaserNS = typeof Phaser
type Graphics = Phaser.GameObjects.Graphics

export interface SceneInput {
  /** The game as the stage shows it now. Its sides and meters are the same for the whole game. */
  current: () => StageModel
  /** Calls `follower` with every new model of the game; returns how to stop. */
  subscribe: (follower: (model: StageModel) => void) => () => void
  /** From `prefers-reduced-motion`, read at each change (the setting may change while the game is open). */
  reducedMotion: () => boolean
  /** The map when the backdrop is one (the layout fits it), and the backdrop, made once the scene exists. */
  map: MapData | null
  backdrop: (context: BackdropContext) => BackdropLayer
  /** Each side's emblem, drawn at EMBLEM_HEIGHT pixels high. */
  emblems: Map<string, HTMLCanvasElement>
  onReady: () => void
  onError: (error: unknown) => void
}

const IDLE_MS = 300

export function createStageScene(P: PhaserNS, input: SceneInput): Phaser.Scene {
  const { map } = input
  const reducedMotion = input.reducedMotion
  const first = input.current()
  const { proposers, responder } = first
  const order = [...proposers, responder]
  const meterIds = first.meters.map((m) => m.id)

  class StageScene extends P.Scene {
    private layout!: Layout
    private model!: StageModel
    private backdrop!: BackdropLayer
    private wash!: Graphics
    private markerLayer!: Phaser.GameObjects.Container
    private panel!: Graphics
    private badges!: Graphics
    private halo!: Graphics
    private ring!: Graphics
    private flash!: Phaser.GameObjects.Rectangle
    private emblems = new Map<string, Phaser.GameObjects.Image>()
    private gauges = new Map<string, GaugeView>()
    private markers = new Map<string, MarkerView>()
    /** Shown values of things that tween: shield strength and its pulse, verdict highlight. */
    private auraShown = 0
    private auraPulse = 1
    private verdictGlow = 0
    private lastActive = 0
    private unsubscribe: (() => void) | null = null
    private dead = false

    constructor() {
      super({ key: 'stage' })
    }

    create(): void {
      try {
        this.cameras.main.setBackgroundColor(COLOURS.sea)
        for (const [side, canvas] of input.emblems) {
          const key = `emblem-${side}`
          if (!this.textures.exists(key)) addCanvasTexture(this.textures, key, canvas)
        }
        this.backdrop = input.backdrop({
          scene: this,
          sides: { proposers, responder, order },
          kick: () => this.kick(),
        })
        this.wash = this.add.graphics().setDepth(1)
        this.markerLayer = this.add.container(0, 0).setDepth(4)
        this.panel = this.add.graphics().setDepth(6)
        this.halo = this.add.graphics().setDepth(7)
        this.ring = this.add.graphics().setDepth(7)
        this.badges = this.add.graphics().setDepth(8)
        for (const side of order) {
          if (!this.textures.exists(`emblem-${side}`)) continue
          this.emblems.set(side, this.add.image(0, 0, `emblem-${side}`).setOrigin(0, 0).setDepth(8))
        }
        for (const id of meterIds)
          this.gauges.set(id, {
            g: this.add.graphics().setDepth(7),
            icon: meterIcon(id),
            shown: 0,
            target: 0,
            delta: null,
          })
        this.flash = this.add.rectangle(0, 0, 10, 10, COLOURS.reject, 0).setOrigin(0, 0).setDepth(9)

        this.model = input.current()
        for (const meter of this.model.meters) {
          const view = this.gauges.get(meter.id)
          if (view) view.shown = view.target = meter.norm
        }
        this.auraShown = this.model.deterrenceNorm
        this.verdictGlow = this.model.verdict?.current ? 1 : 0
        for (const marker of this.model.markers) this.addMarker(marker, false)

        this.scale.on('resize', this.relayout, this)
        this.relayout()
        this.unsubscribe = input.subscribe((model) => this.applyModel(model))
        this.events.once('shutdown', () => this.teardown())
        this.events.once('destroy', () => this.teardown())
        this.kick()
        input.onReady()
      } catch (error) {
        input.onError(error)
      }
    }

    /** Keeps the game loop running while something moves, then lets it sleep: the stage costs nothing idle. */
    override update(time: number): void {
      if (this.backdrop.busy() || this.tweens.getTweens().length > 0) {
        this.lastActive = time
        return
      }
      if (time - this.lastActive > IDLE_MS) this.game.loop.sleep()
    }

    kick(): void {
      if (this.dead) return
      this.lastActive = this.time.now
      this.game.loop.wake(true)
    }

    private teardown(): void {
      this.dead = true
      this.unsubscribe?.()
      this.unsubscribe = null
      this.backdrop.destroy()
      this.scale.off('resize', this.relayout, this)
    }

    // ----- layout -----

    private relayout(): void {
      // A hidden container measures 0×0: lay out for a small stage rather than leave no layout at all.
      const w = Math.max(64, this.scale.width)
      const h = Math.max(48, this.scale.height)
      this.cameras.main.setSize(w, h)
      this.layout = computeLayout(w, h, map, this.gauges.size)
      this.flash.setSize(w, h)
      this.backdrop.relayout(this.layout)
      this.drawStatic()
      this.drawDynamic()
      for (const id of this.gauges.keys()) this.drawGauge(id)
      this.drawMarkers()
      this.kick()
    }

    // ----- state changes -----

    private applyModel(next: StageModel): void {
      const before = this.model
      this.model = next
      // Meters tween to their new values and show which way they moved.
      for (const meter of next.meters) {
        const view = this.gauges.get(meter.id)
        if (!view || meter.norm === view.target) continue
        const up = meter.norm > view.target
        const good = meter.better === 'neither' ? true : (meter.better === 'higher') === up
        view.target = meter.norm
        view.delta = { up, good, alpha: 1 }
        this.tweens.killTweensOf(view)
        if (reducedMotion()) {
          view.shown = meter.norm
          this.drawGauge(meter.id)
          continue
        }
        this.tweens.add({
          targets: view,
          shown: meter.norm,
          duration: 900,
          ease: 'Cubic.easeInOut',
          onUpdate: () => this.drawGauge(meter.id),
        })
        this.tweens.add({
          targets: view.delta,
          alpha: 0,
          delay: 2600,
          duration: 900,
          onUpdate: () => this.drawGauge(meter.id),
        })
      }
      // Markers come and go with the package; the others may move to make room.
      const keys = new Set(next.markers.map((m) => m.key))
      for (const [key, view] of this.markers) if (!keys.has(key)) this.removeMarker(view)
      for (const marker of next.markers) {
        const view = this.markers.get(marker.key)
        if (view) view.marker = marker
        else this.addMarker(marker, true)
      }
      this.drawMarkers()
      // The shield follows the package's deterrence.
      if (next.deterrenceNorm !== before.deterrenceNorm) {
        this.tweens.killTweensOf(this)
        if (reducedMotion()) this.auraShown = next.deterrenceNorm
        else {
          this.tweens.add({
            targets: this,
            auraShown: next.deterrenceNorm,
            duration: 700,
            ease: 'Sine.easeOut',
            onUpdate: () => this.drawAura(),
          })
          this.auraPulse = 1
          this.tweens.add({
            targets: this,
            auraPulse: 0.6,
            duration: 650,
            yoyo: true,
            repeat: 1,
            ease: 'Sine.easeInOut',
            onUpdate: () => this.drawAura(),
          })
        }
      }
      // The responder's verdict flashes when a new one comes in.
      const verdictChanged = next.verdict?.key !== before.verdict?.key
      if (verdictChanged && next.verdict) this.flashVerdict(next.verdict.kind)
      else if (!next.verdict?.current) this.verdictGlow = 0
      this.drawDynamic()
      for (const id of this.gauges.keys()) this.drawGauge(id)
      this.kick()
    }

    private flashVerdict(kind: 'accept' | 'demandRemoval' | 'reject'): void {
      const colour = COLOURS[kind]
      this.flash.setFillStyle(colour, 1)
      this.tweens.killTweensOf(this.flash)
      this.tweens.killTweensOf(this.ring)
      this.verdictGlow = 1
      if (reducedMotion()) {
        this.flash.setAlpha(0)
        return
      }
      this.flash.setAlpha(0)
      this.tweens.add({
        targets: this.flash,
        alpha: kind === 'accept' ? 0.16 : 0.24,
        duration: 260,
        yoyo: true,
        repeat: 1,
        hold: 120,
        ease: 'Quad.easeOut',
      })
      this.ring.setAlpha(1).setScale(1)
      this.ring.setData('progress', 0)
      const state = { t: 0 }
      this.tweens.add({
        targets: state,
        t: 1,
        duration: 1100,
        repeat: 2,
        ease: 'Cubic.easeOut',
        onUpdate: () => this.drawRing(colour, state.t),
        onComplete: () => this.ring.clear(),
      })
      this.tweens.addCounter({
        from: 0.5,
        to: 1,
        duration: 550,
        yoyo: true,
        repeat: 2,
        onUpdate: (tween) => {
          this.verdictGlow = tween.getValue() ?? 1
          this.drawRegion()
        },
        onComplete: () => {
          this.verdictGlow = 1
          this.drawRegion()
        },
      })
    }

    // ----- drawing -----

    /** The parts that change only with the size: panel, emblems. */
    private drawStatic(): void {
      const { panel } = this.layout
      const g = this.panel
      g.clear()
      if (this.gauges.size) {
        g.fillStyle(COLOURS.panel, 0.82)
        g.fillRoundedRect(panel.x, panel.y, panel.w, panel.h, 12)
        g.lineStyle(1.5, COLOURS.panelEdge, 0.9)
        g.strokeRoundedRect(panel.x, panel.y, panel.w, panel.h, 12)
      }
      for (const [side, spot] of this.backdrop.emblemSpots())
        this.emblems.get(side)?.setPosition(spot.x, spot.y).setDisplaySize(spot.w, spot.h)
    }

    /** Everything that follows the state besides markers and gauges. */
    private drawDynamic(): void {
      this.drawWash()
      this.drawRegion()
      this.drawAura()
      this.drawBadges()
    }

    private drawWash(): void {
      const g = this.wash
      g.clear()
      const { mapArea } = this.layout
      const ending = this.model.ending
      if (!ending) return
      const colour = ENDING_COLOURS[ending]
      g.fillStyle(colour, 0.06)
      g.fillRect(mapArea.x, mapArea.y, mapArea.w, mapArea.h)
      g.lineStyle(6, colour, 0.7)
      g.strokeRect(mapArea.x + 3, mapArea.y + 3, mapArea.w - 6, mapArea.h - 6)
    }

    /** The responder's place tinted in the colour of its current verdict; a halo around its emblem. */
    private drawRegion(): void {
      this.halo.clear()
      const verdict = this.model.verdict
      if (!verdict?.current || this.verdictGlow <= 0) {
        this.backdrop.tint(null, 0)
        return
      }
      const colour = COLOURS[verdict.kind]
      const strength = this.verdictGlow
      this.backdrop.tint(verdict.kind, strength)
      const image = this.emblems.get(responder)
      if (!image) return
      const cx = image.x + image.displayWidth / 2
      const cy = image.y + image.displayHeight / 2
      const r = image.displayHeight * 0.62
      for (let i = 3; i >= 1; i--) {
        this.halo.fillStyle(colour, 0.12 * strength)
        this.halo.fillCircle(cx, cy, r + i * 5)
      }
      this.halo.lineStyle(3, colour, 0.95 * strength)
      this.halo.strokeCircle(cx, cy, r)
    }

    private drawRing(colour: number, t: number): void {
      const image = this.emblems.get(responder)
      this.ring.clear()
      if (!image) return
      const cx = image.x + image.displayWidth / 2
      const cy = image.y + image.displayHeight / 2
      const r = image.displayHeight * (0.62 + t * 0.9)
      this.ring.lineStyle(4 * (1 - t) + 1, colour, 1 - t)
      this.ring.strokeCircle(cx, cy, r)
    }

    /** How strongly the package deters, pulsing for a moment after it changes. */
    private drawAura(): void {
      this.backdrop.deterrence(this.auraShown * (0.55 + 0.45 * this.auraPulse))
    }

    private drawBadges(): void {
      const g = this.badges
      g.clear()
      const { emblem } = this.layout
      const r = Math.max(7, emblem * 0.15)
      for (const side of proposers) {
        const image = this.emblems.get(side)
        if (!image) continue
        const colour = sideColour(side, order)
        g.fillStyle(colour, 1)
        g.fillRoundedRect(
          image.x + image.displayWidth * 0.18,
          image.y + image.displayHeight + 3,
          image.displayWidth * 0.64,
          4,
          2,
        )
        if (this.model.phase === 'negotiating')
          stanceBadge(
            g,
            image.x + image.displayWidth * 0.92,
            image.y + image.displayHeight * 0.86,
            r,
            this.model.stances[side] ?? null,
          )
      }
      const responderImage = this.emblems.get(responder)
      if (responderImage) {
        g.fillStyle(sideColour(responder, order), 1)
        g.fillRoundedRect(
          responderImage.x + responderImage.displayWidth * 0.18,
          responderImage.y + responderImage.displayHeight + 3,
          responderImage.displayWidth * 0.64,
          4,
          2,
        )
      }
    }

    private drawGauge(id: string): void {
      const i = meterIds.indexOf(id)
      const view = this.gauges.get(id)
      const spot = this.layout.gauges[i]
      const meter = this.model.meters[i]
      if (view && spot && meter) drawGauge(view, spot, meter)
    }

    // ----- markers -----

    private addMarker(marker: StageMarker, animate: boolean): void {
      const g = this.add.graphics()
      this.markerLayer.add(g)
      const view: MarkerView = { marker, g, phase: 0 }
      this.markers.set(marker.key, view)
      if (this.layout) this.drawMarker(view)
      if (!animate || reducedMotion()) return
      const icon = !GROWING_KINDS.includes(marker.kind)
      g.setAlpha(0)
      if (icon) g.setY(-this.layout.u * 2.5)
      this.tweens.add({
        targets: g,
        alpha: 1,
        y: 0,
        duration: icon ? 520 : 700,
        ease: icon ? 'Back.easeOut' : 'Sine.easeOut',
      })
      if (marker.kind === 'aid')
        this.tweens.add({
          targets: view,
          phase: 1,
          duration: 2400,
          repeat: 2,
          onUpdate: () => this.drawMarker(view),
        })
    }

    private removeMarker(view: MarkerView): void {
      this.markers.delete(view.marker.key)
      this.tweens.killTweensOf(view)
      this.tweens.killTweensOf(view.g)
      if (reducedMotion()) {
        view.g.destroy()
        return
      }
      this.tweens.add({
        targets: view.g,
        alpha: 0,
        duration: 380,
        ease: 'Sine.easeIn',
        onComplete: () => view.g.destroy(),
      })
    }

    private drawMarker(view: MarkerView): void {
      const place = this.model.markers.findIndex((m) => m.key === view.marker.key)
      this.backdrop.drawMarker(view, Math.max(0, place), this.model.markers.length)
    }

    private drawMarkers(): void {
      for (const view of this.markers.values()) this.drawMarker(view)
    }
  }

  return new StageScene()
}
